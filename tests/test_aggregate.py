"""Aggregates: multi-label counting, honest period bins, crosstabs, summaries, headline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nkviz import aggregate, schema, synth, vocab
from nkviz.errors import ConfigError
from nkviz.schema import COL

from dashboard_fixtures import small_frame


@pytest.fixture
def small():
    return small_frame()


def test_long_lists_one_row_per_label_and_none_for_empty(small):
    pairs = aggregate.long(small, "theme")
    assert len(pairs) == 7  # 2 + 1 + 1 + 1 + 1 labels, and one "(no theme)"
    assert pairs["value"].astype(str).tolist().count("(no theme)") == 1
    assert sorted(pairs["pos"].unique()) == list(range(6))


@pytest.mark.parametrize("by, expected", [
    ("theme", {"crackdown_arrest": 2, "markets_trade": 2, "defection_border": 1, "elite_purge": 1,
               "(no theme)": 1}),
    ("agency", {"Ministry of State Security": 2, "Border Guard": 2, "(no agency named)": 3}),
    ("province", {"Ryanggang": 2, "North Hamgyong": 1, "Pyongyang": 1, "(no province)": 2}),
    ("source", {"Daily NK": 4, "NK News": 1, "(unknown outlet)": 1}),
])
def test_counts_by(small, by, expected):
    assert aggregate.counts_by(small, by).to_dict() == expected


def test_counts_by_precision_keeps_category_order(small):
    counts = aggregate.counts_by(small, "date_precision")
    assert list(counts.index) == ["day", "month", "year", "unknown"]
    assert counts.tolist() == [3, 1, 1, 1]


def test_top_values_skip_none_and_break_ties_by_name(small):
    assert aggregate.top_values(small, "theme", 2) == ["crackdown_arrest", "markets_trade"]
    assert aggregate.top_values(small, "agency", 5) == ["Border Guard", "Ministry of State Security"]


def test_unknown_dimension_lists_choices(small):
    with pytest.raises(ConfigError, match="theme"):
        aggregate.counts_by(small, "colour")


@pytest.mark.parametrize("granularity, bars, left_out", [
    ("week", 3, {"month": 1, "year": 1, "unknown": 1}),
    ("month", 2, {"year": 1, "unknown": 1}),
    ("quarter", 2, {"year": 1, "unknown": 1}),
    ("year", 2, {"unknown": 1}),
])
def test_period_counts_leave_out_imprecise_dates(small, granularity, bars, left_out):
    counts = aggregate.counts_by_period(small, granularity)
    assert len(counts.table) == bars
    assert counts.left_out == left_out
    assert counts.table["events"].sum() + sum(left_out.values()) == len(small)


def test_period_start_days():
    dates = pd.Series(pd.to_datetime(["2019-03-06", "2019-03-10", "2019-11-30", "2020-02-29"]))
    assert period_list(dates, "week") == ["2019-03-04", "2019-03-04", "2019-11-25", "2020-02-24"]
    assert period_list(dates, "month") == ["2019-03-01", "2019-03-01", "2019-11-01", "2020-02-01"]
    assert period_list(dates, "quarter") == ["2019-01-01", "2019-01-01", "2019-10-01", "2020-01-01"]
    assert period_list(dates, "year") == ["2019-01-01", "2019-01-01", "2019-01-01", "2020-01-01"]


def period_list(dates, granularity):
    return [f"{d:%Y-%m-%d}" for d in aggregate.period_start(dates, granularity)]


def test_period_counts_split_and_other(small):
    counts = aggregate.counts_by_period(small, "year", by="theme", top=1)
    table = counts.table.set_index(["period", "value"])["events"]
    assert table[(pd.Timestamp("2019-01-01"), "crackdown_arrest")] == 2
    assert table[(pd.Timestamp("2019-01-01"), aggregate.OTHER)] == 3  # markets, defection, purge
    assert table[(pd.Timestamp("2020-01-01"), aggregate.OTHER)] == 1  # "(no theme)"


def test_unknown_granularity(small):
    with pytest.raises(ConfigError, match="week"):
        aggregate.counts_by_period(small, "decade")


def test_crosstab_counts_every_pair(small):
    table = aggregate.crosstab(small, "agency", "theme")
    assert table.loc["Ministry of State Security", "crackdown_arrest"] == 2
    assert table.loc["Ministry of State Security", "markets_trade"] == 1
    assert table.loc["Border Guard", "defection_border"] == 1
    assert table.loc["(no agency named)", "(no theme)"] == 1
    assert table.to_numpy().sum() == 8  # 2 + 2 + 1 + 1 + 1 + 1


def test_crosstab_matches_a_plain_merge():
    events = synth.events(3000, seed=2)
    fast = aggregate.crosstab(events, "province", "theme")
    a, b = aggregate.long(events, "province"), aggregate.long(events, "theme")
    slow = (a.merge(b, on="pos").groupby(["value_x", "value_y"], observed=True).size()
            .unstack(fill_value=0))
    slow.index, slow.columns = slow.index.astype(str), slow.columns.astype(str)
    slow = slow.reindex(index=fast.index, columns=fast.columns, fill_value=0)
    assert (fast.to_numpy() == slow.to_numpy()).all()


def test_crosstab_top_leaves_none_out(small):
    table = aggregate.crosstab(small, "agency", "theme", top_rows=1, top_cols=2)
    assert list(table.index) == ["Border Guard"]
    assert list(table.columns) == ["crackdown_arrest", "markets_trade"]


def test_province_summary(small):
    s = aggregate.province_summary(small)
    assert list(s.index) == vocab.province_names()
    assert s.loc["Ryanggang", "events"] == 2 and s.loc["Chagang", "events"] == 0
    pop = vocab.province_by_name("Ryanggang").population_2008
    assert s.loc["Ryanggang", "per_100k"] == pytest.approx(2 / pop * 100_000)
    assert s.loc["Ryanggang", "top_themes"] == "Crackdowns & arrests (2), Markets & trade (1)"
    assert s.loc["Ryanggang", "top_agencies"] == "Ministry of State Security (2), Border Guard (1)"
    assert s.loc["Chagang", "top_themes"] == ""
    assert bool(s.loc["Ryanggang", "border"]) and not bool(s.loc["Pyongyang", "border"])


def test_place_summary_groups_points_and_keeps_abroad(small):
    places = aggregate.place_summary(small)
    assert places[COL.PLACE].tolist() == ["Hyesan", "Dandong"]
    assert places["events"].tolist() == [2, 1]
    assert places.iloc[1][COL.COUNTRY] == "China"
    assert places.iloc[0]["top_agencies"].startswith("Ministry of State Security (2)")


def test_headline(small):
    h = aggregate.headline(small)
    assert (h.reports, h.events, h.provinces) == (3, 6, 3)
    assert h.first == pd.Timestamp("2019-01-01") and h.last == pd.Timestamp("2020-07-09")
    assert h.span() == "2019–2020"
    assert h.share_undated == pytest.approx(1 / 6)
    assert h.share_no_province == pytest.approx(2 / 6)


def test_headline_empty():
    h = aggregate.headline(schema.empty_frame())
    assert h.events == 0 and h.span() == "no dated events" and h.share_undated == 0.0


@pytest.mark.parametrize("fn", [
    lambda e: aggregate.counts_by(e, "theme"),
    lambda e: aggregate.counts_by_period(e, "week", by="agency"),
    lambda e: aggregate.crosstab(e, "agency", "theme"),
    aggregate.province_summary, aggregate.place_summary, aggregate.headline,
])
def test_empty_frame_and_input_untouched(fn, small):
    fn(schema.empty_frame())
    before = small.copy()
    fn(small)
    pd.testing.assert_frame_equal(small, before)


def test_label_uses_taxonomy():
    assert aggregate.label("theme", "prison_camp") == "Prison camps"
    assert aggregate.label("agency", "Group 109") == "Group 109"
    assert aggregate.label("theme", "not_a_theme") == "not_a_theme"


def test_shares_rows_sum_to_one():
    table = pd.DataFrame({"a": [1, 0], "b": [3, 0]}, index=["x", "y"])
    out = aggregate.shares(table)
    assert np.allclose(out.loc["x"].to_numpy(), [0.25, 0.75]) and out.loc["y"].sum() == 0
