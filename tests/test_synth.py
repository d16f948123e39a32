"""Synthetic events: canonical, deterministic, any size, with a realistic mix."""

from __future__ import annotations

import pandas as pd
import pytest

from nkviz import schema, synth, vocab
from nkviz.schema import COL


@pytest.fixture(scope="module")
def big():
    return synth.dataset(5000, seed=7)


def test_frame_is_canonical(big):
    events, reports = big
    schema.validate(events)
    assert len(events) == 5000
    assert list(reports.columns) == list(schema.REPORT_COLUMNS)
    assert set(events[COL.REPORT_ID]) == set(reports["report_id"])


@pytest.mark.parametrize("n", [0, 1, 3, 1000])
def test_any_size(n):
    events = synth.events(n, seed=1)
    assert len(events) == n
    schema.validate(events)


def test_same_seed_same_frame_other_seed_other_frame():
    a, b, c = synth.events(300, seed=4), synth.events(300, seed=4), synth.events(300, seed=5)
    pd.testing.assert_frame_equal(a, b)
    assert not a[COL.EVIDENCE].equals(c[COL.EVIDENCE])


def test_vocabulary_only(big):
    events, _ = big
    assert set(events[COL.ADMIN1]) - {""} <= set(vocab.province_names())
    assert {a for t in events[COL.AGENCIES] for a in t} <= set(vocab.agency_names())
    assert {t for ts in events[COL.THEMES] for t in ts} <= set(vocab.theme_ids())
    assert all(len(t) == len(c) for t, c in zip(events[COL.THEMES], events[COL.THEME_CUES]))
    assert all(len(a) == len(c) for a, c in zip(events[COL.AGENCIES], events[COL.AGENCY_CUES]))
    assert all(len(t) >= 1 for t in events[COL.THEMES])


def test_precision_mix_is_realistic(big):
    events, _ = big
    share = events[COL.DATE_PRECISION].value_counts(normalize=True)
    assert 0.4 < share["day"] < 0.65 and share["month"] > 0.15 and share["unknown"] > 0.03
    geo = events[COL.GEO_PRECISION].value_counts(normalize=True)
    assert geo["province"] > 0.2 and geo["unknown"] > 0.02
    border = events[COL.ADMIN1].isin(vocab.border_provinces()).mean()
    assert border > 0.4  # reporting concentrates on the border


def test_dates_are_honest(big):
    events, _ = big
    month = events[events[COL.DATE_PRECISION] == "month"]
    assert (month[COL.DATE].dt.day == 1).all()
    assert (month[COL.DATE_END] == month[COL.DATE] + pd.offsets.MonthEnd(0)).all()
    year = events[events[COL.DATE_PRECISION] == "year"]
    assert ((year[COL.DATE].dt.day_of_year == 1) & (year[COL.DATE_END].dt.day_of_year >= 365)).all()
    unknown = events[events[COL.DATE_PRECISION] == "unknown"]
    assert unknown[COL.DATE].isna().all() and (unknown[COL.DATE_BASIS] == "unknown").all()
    dated = events[COL.DATE].notna()
    assert (events.loc[dated, COL.DATE] <= events.loc[dated, COL.PUBLISHED]).all()


def test_places_have_coordinates_and_province_events_do_not(big):
    events, _ = big
    place = events[events[COL.GEO_PRECISION] == "place"]
    others = events[events[COL.GEO_PRECISION] != "place"]
    assert place[COL.LAT].notna().all() and place[COL.LON].notna().all()
    assert others[COL.LAT].isna().all()
    if synth.places():
        assert len(place) > 0.2 * len(events)
        assert (place[COL.COUNTRY] != "North Korea").any()  # some events abroad


def test_evidence_offsets_point_into_report_text(big):
    events, reports = big
    text = reports.set_index("report_id")["text"]
    for row in events.sample(200, random_state=1).itertuples():
        body = text[row.report_id]
        assert body[row.evidence_start:row.evidence_end] == row.evidence


def test_some_korean_reports(big):
    events, _ = big
    korean = events[events[COL.LANGUAGE] == "ko"]
    assert len(korean) > 0
    assert korean[COL.EVIDENCE].str.contains("[가-힣]").all()
