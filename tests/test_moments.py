"""Reference moments: day/month/year dates, spans, a missing file, malformed rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nkviz import moments

SAMPLE = Path(__file__).parent / "data" / "moments_sample.csv"


@pytest.mark.parametrize("text, end, expected", [
    ("2019-02-27", False, "2019-02-27"),
    ("2019-02-27", True, "2019-02-27"),
    ("2020-01", False, "2020-01-01"),
    ("2020-02", True, "2020-02-29"),
    ("2024", False, "2024-01-01"),
    ("2024", True, "2024-12-31"),
    (" 2016-3-5 ", False, "2016-03-05"),
])
def test_parse_date(text, end, expected):
    assert moments.parse_date(text, end=end) == pd.Timestamp(expected)


@pytest.mark.parametrize("text", ["", "March 2019", "2019-13", "2019-02-30", "19-02-01", "2019/02/01"])
def test_parse_date_rejects(text):
    assert moments.parse_date(text) is None


def test_sample_file_reads_good_rows_and_describes_bad_ones():
    m = moments.load(SAMPLE)
    assert m.found
    assert list(m.frame.columns) == list(moments.COLUMNS)
    assert list(m.frame["label"]) == ["Leadership change (test row)", "A summit (test row)",
                                      "Border closed (test row)", "A year-long moment (test row)"]
    closure = m.frame.iloc[2]
    assert closure["date"] == pd.Timestamp("2020-01-01")
    assert closure["date_end"] == pd.Timestamp("2020-03-31")
    year = m.frame.iloc[3]
    assert (year["date"], year["date_end"]) == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"))
    assert len(m.problems) == 4
    assert any("line 6" in p and "not-a-date" in p for p in m.problems)
    assert any("before date" in p for p in m.problems)
    assert any("no label" in p for p in m.problems)


def test_missing_file_is_an_empty_result(tmp_path):
    m = moments.load(tmp_path / "nope.csv")
    assert not m.found and len(m) == 0 and m.problems == []
    assert list(m.frame.columns) == list(moments.COLUMNS)
    assert str(m.frame["date"].dtype) == "datetime64[ns]"


def test_file_without_label_column(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("date,what\n2019-01-01,x\n", encoding="utf-8")
    m = moments.load(path)
    assert len(m) == 0 and "label" in m.problems[0]


def test_undecodable_file_is_a_problem(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes(b"date,label\n2019-01-01,\xff\xfe bad\n")
    m = moments.load(path)
    assert len(m) == 0 and "could not be read" in m.problems[0]


def test_between_keeps_overlapping_moments():
    frame = moments.load(SAMPLE).frame
    kept = moments.between(frame, "2020-02-15", "2023-01-01")
    assert list(kept["label"]) == ["Border closed (test row)"]
    assert len(moments.between(frame, None, None)) == len(frame)


def test_shipped_file_if_present_has_no_problems():
    m = moments.load()
    if not m.found:
        pytest.skip("data/moments.csv not written yet")
    assert m.problems == [] and len(m) > 0
    assert (m.frame["source_url"].str.startswith("http")).all()
