"""Event rows and the detail view: dates in words, sorting, the report split at the evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from nkviz import evidence, schema, synth
from nkviz.errors import ConfigError
from nkviz.schema import COL

from dashboard_fixtures import small_frame

T = pd.Timestamp


@pytest.mark.parametrize("start, end, precision, expected", [
    (T("2019-03-04"), T("2019-03-04"), "day", "2019-03-04"),
    (T("2019-11-19"), T("2019-11-20"), "day", "2019-11-19 to 2019-11-20"),
    (T("2019-03-01"), T("2019-03-31"), "month", "2019-03 (month)"),
    (T("2019-01-01"), T("2019-12-31"), "year", "2019 (year)"),
    (pd.NaT, pd.NaT, "unknown", "unknown"),
])
def test_date_words(start, end, precision, expected):
    assert evidence.date_words(start, end, precision) == expected


def test_table_rows_and_columns():
    rows = evidence.table(small_frame())
    assert list(rows.columns) == list(evidence.TABLE_COLUMNS)
    assert rows["event"].tolist()[:2] == ["r5:0", "r1:0"]  # newest first
    assert rows["event"].tolist()[-1] == "r4:0"  # undated last
    first = rows.set_index("event").loc["r0:0"]
    assert first["themes"] == "Crackdowns & arrests; Markets & trade"
    assert first["link"] == "https://example.org/r0" and first["date precision"] == "day"


@pytest.mark.parametrize("sort, first", [("oldest", "r3:0"), ("province", "r2:0"), ("outlet", "r5:0")])
def test_sorts(sort, first):
    assert evidence.table(small_frame(), sort=sort)["event"].iloc[0] == first


def test_limit_and_bad_sort():
    assert len(evidence.table(synth.events(500), limit=20)) == 20
    with pytest.raises(ConfigError, match="newest"):
        evidence.table(small_frame(), sort="random")


def test_non_http_links_are_not_links():
    events = small_frame()
    events.loc[0, COL.URL] = "javascript:alert(1)"
    assert pd.isna(evidence.table(events).set_index("event").loc["r0:0", "link"])


def test_detail_splits_report_at_the_evidence():
    events, reports = synth.dataset(50, seed=3)
    event = events.iloc[7]
    d = evidence.detail(event, reports)
    assert d.located and d.evidence == event[COL.EVIDENCE]
    text = reports.set_index("report_id").loc[event[COL.REPORT_ID], "text"]
    assert d.before + d.evidence + d.after == text


def test_detail_finds_evidence_when_offsets_are_wrong():
    events, reports = synth.dataset(50, seed=3)
    event = events.iloc[7].copy()
    event[COL.EVIDENCE_START], event[COL.EVIDENCE_END] = 0, 3
    d = evidence.detail(event, reports)
    assert d.located and d.evidence == event[COL.EVIDENCE]


def test_detail_without_report():
    event = small_frame().iloc[0]
    d = evidence.detail(event, schema.reports_frame([]))
    assert not d.located and d.evidence.startswith("Agents <script>")  # plain text: the UI escapes


def test_cues_list_every_label_with_its_words():
    event = synth.events(30, seed=2).iloc[3]
    cues = evidence.cues(event)
    assert cues["label"].tolist()[:2] == ["date", "place"]
    assert cues["label"].tolist().count("theme") == len(event[COL.THEMES])
    assert cues["label"].tolist().count("agency") == len(event[COL.AGENCIES])
    themes = cues[cues["label"] == "theme"]
    assert themes["read from"].tolist() == list(event[COL.THEME_CUES])


def test_find():
    events = small_frame()
    assert evidence.find(events, "r2:0")[COL.ADMIN1] == "North Hamgyong"
    assert evidence.find(events, "nope") is None
