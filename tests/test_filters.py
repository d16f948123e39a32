"""Filters: apply, describe in words, and the URL round trip with notices for bad links."""

from __future__ import annotations

from urllib.parse import parse_qs

import pandas as pd
import pytest

from nkviz import filters, synth, vocab
from nkviz.filters import Choices, Filters
from nkviz.schema import COL


@pytest.fixture(scope="module")
def frame():
    return synth.events(3000, seed=11)


@pytest.mark.parametrize("f", [
    Filters(years=(2016, 2019)),
    Filters(provinces=("Ryanggang", "North Hamgyong")),
    Filters(agencies=("Ministry of State Security",)),
    Filters(themes=("prison_camp", "crackdown_arrest")),
    Filters(sources=("NK News",)),
    Filters(text="SMUGGLERS"),
    Filters(min_date_precision="month"),
    Filters(min_geo_precision="province"),
    Filters(years=(2018, 2018), provinces=("Ryanggang",), themes=("defection_border",)),
])
def test_apply_keeps_exactly_the_matching_events(frame, f):
    view = filters.apply(frame, f)
    rows = [r for r in frame.itertuples(index=False) if _matches(r, f)]
    assert len(view) == len(rows)
    assert set(view[COL.EVENT_ID]) == {r.event_id for r in rows}


def _matches(r, f: Filters) -> bool:
    """The filter semantics written out row by row (the slow, obvious way)."""
    order = {"date": ["day", "month", "year", "unknown"],
             "geo": ["place", "province", "region", "country", "unknown"]}
    if f.years and (pd.isna(r.date) or not f.years[0] <= r.date.year <= f.years[1]):
        return False
    if f.provinces and r.admin1 not in f.provinces:
        return False
    if f.agencies and not set(r.agencies) & set(f.agencies):
        return False
    if f.themes and not set(r.themes) & set(f.themes):
        return False
    if f.sources and r.source not in f.sources:
        return False
    if f.text and not any(f.text.lower() in s.lower() for s in (r.evidence, r.title, r.place)):
        return False
    if order["date"].index(r.date_precision) > order["date"].index(f.min_date_precision):
        return False
    return order["geo"].index(r.geo_precision) <= order["geo"].index(f.min_geo_precision)


def test_apply_without_filters_is_the_same_frame(frame):
    assert filters.apply(frame, Filters()) is frame


def test_apply_does_not_touch_input(frame):
    before = frame.copy()
    filters.apply(frame, Filters(themes=("prison_camp",), text="camp"))
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("f, n, expected", [
    (Filters(), 412, "412 events, all years, all provinces"),
    (Filters(years=(2016, 2019), provinces=("North Hamgyong", "Ryanggang"),
             agencies=("Ministry of State Security",)), 412,
     "412 events, 2016–2019, North Hamgyong and Ryanggang, Ministry of State Security"),
    (Filters(years=(2020, 2020), themes=("prison_camp",)), 1, "1 event, 2020, Prison camps"),
    (Filters(sources=("Daily NK", "NK News", "RFA")), 3, "3 events, from Daily NK, NK News or RFA"),
    (Filters(text=" phone ", min_date_precision="month", min_geo_precision="place"), 2,
     '2 events, matching "phone", dated to the month or better, placed to the place or better'),
])
def test_describe(f, n, expected):
    assert filters.describe(f, n) == expected


ROUND_TRIPS = [
    Filters(),
    Filters(years=(2016, 2019)),
    Filters(provinces=tuple(vocab.border_provinces())),
    Filters(agencies=("Group 109", "Inminban"), themes=("smuggling_brokers", "covid_quarantine")),
    Filters(sources=("Daily NK",), text="보위부 & <b>", min_date_precision="day",
            min_geo_precision="region"),
]


@pytest.mark.parametrize("f", ROUND_TRIPS)
def test_query_round_trip(f):
    back, notices = filters.from_query(filters.to_query(f))
    assert back == f and notices == []
    # through an encoded query string too, as a browser would send it
    back, notices = filters.from_query(parse_qs(filters.query_string(f)))
    assert back == f and notices == []


def test_query_uses_widget_formats():
    q = filters.to_query(Filters(years=(2016, 2019), themes=("prison_camp",), text="x"))
    assert q == {"years": ["2016", "2019"], "themes": ["Prison camps"], "q": "x"}
    assert filters.query_string(Filters()) == ""


@pytest.mark.parametrize("params, expected, notice", [
    ({"provinces": ["Atlantis", "Ryanggang"]}, Filters(provinces=("Ryanggang",)), "provinces=Atlantis"),
    ({"themes": ["prison_camp"]}, Filters(), "not a theme label"),
    ({"agencies": "KGB"}, Filters(), "not an agency"),
    ({"years": ["abc", "2019"]}, Filters(), "two whole numbers"),
    ({"years": ["2019"]}, Filters(), "first and a last year"),
    ({"years": ["2019", "2016"]}, Filters(), "after the last"),
    ({"years": ["1850", "2019"]}, Filters(), "outside the years"),
    ({"date_precision": "week"}, Filters(), "choose one of day, month, year, unknown"),
    ({"geo_precision": ["nowhere"]}, Filters(), "geo_precision=nowhere"),
])
def test_bad_values_become_notices(params, expected, notice):
    f, notices = filters.from_query(params)
    assert f == expected
    assert len(notices) == 1 and notice in notices[0]


def test_choices_from_data_bound_years_and_sources():
    choices = Choices(sources=("Daily NK",), years=(2010, 2020))
    f, notices = filters.from_query({"years": ["2009", "2015"], "sources": ["Daily NK", "BBC"]}, choices)
    assert f == Filters(sources=("Daily NK",))
    assert len(notices) == 2 and "2010–2020" in notices[0] and "sources=BBC" in notices[1]
    f, notices = filters.from_query({"years": ["2010", "2020"]}, choices)
    assert f == Filters() and notices == []  # the full range is no restriction


def test_page_options_are_not_filters():
    f, notices = filters.from_query({"granularity": "week", "colour": "agency"})
    assert f == Filters() and notices == []


def test_repeated_values_once():
    f, _ = filters.from_query({"provinces": ["Rason", "Rason", "Chagang"]})
    assert f.provinces == ("Rason", "Chagang")


def test_long_notice_is_cut():
    _, notices = filters.from_query({"provinces": ["x" * 500]})
    assert len(notices[0]) < 200
