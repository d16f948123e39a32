"""Every dashboard page under Streamlit's AppTest: defaults, restrictive and empty filters,
links (query strings) in and out, bad links, the event detail, uploads.

Runs on synthetic data (``NKVIZ_SYNTH``) so the counts are known and quick; one test opens
the bundled reports.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nkviz import filters, vocab
from nkviz.filters import Filters

from dashboard_fixtures import navigate_like_the_server

ENTRY = str(Path(__file__).resolve().parents[1] / "dashboard.py")
PAGES = ["pages/timeline.py", "pages/border_map.py", "pages/agencies_themes.py",
         "pages/events.py", "pages/data.py"]
N = 1500
FOLDER_MODE_TESTS = {"test_first_request_for_a_page_still_runs_the_entry"}


@pytest.fixture(autouse=True)
def _navigation_like_the_server(monkeypatch, request):
    """AppTest forgets before every run that the app uses ``st.navigation``, and then runs a
    page file alone (Streamlit's old ``pages/`` folder mode) on every page switch. A server
    process learns it once, at the first run. Do the same here, except in the test of that
    first run (``app.context`` recovers from it)."""
    if request.node.name in FOLDER_MODE_TESTS:
        return
    navigate_like_the_server(monkeypatch)


@pytest.fixture
def synthetic(monkeypatch):
    monkeypatch.setenv("NKVIZ_SYNTH", str(N))
    monkeypatch.setenv("NKVIZ_SYNTH_SEED", "3")


def open_page(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    """Markdown as read: backslash escapes (user text is shown literally) removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def captions(at: AppTest) -> str:
    return plain(" | ".join(c.value for c in at.caption))


def plots(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


@pytest.mark.parametrize("page, n_plots", [(None, 3), (PAGES[0], 2), (PAGES[1], 1), (PAGES[2], 5),
                                           (PAGES[3], 0), (PAGES[4], 3)])
def test_default_view(synthetic, page, n_plots):
    at = open_page(page)
    assert f"{N:,} events, all years, all provinces" in captions(at)
    assert plots(at) == n_plots
    assert "synthetic data" in at.info[0].value
    assert len(at.sidebar.multiselect) == 4  # provinces, agencies, themes, outlets on every page


def test_overview_headline(synthetic):
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Events"] == f"{N:,}" and metrics["Provinces"] == "13"
    assert metrics["Undated"].endswith("%") and "–" in metrics["Years"]


@pytest.mark.parametrize("page", [None] + PAGES)
def test_restrictive_filters(synthetic, page):
    at = open_page(page)
    at.multiselect(key="provinces").set_value(["Ryanggang", "North Hamgyong"])
    at.multiselect(key="themes").set_value(["crackdown_arrest"])
    at.run()
    assert not at.exception
    text = captions(at)
    assert "North Hamgyong and Ryanggang" not in text  # order as chosen, not sorted
    assert "Ryanggang and North Hamgyong, Crackdowns & arrests" in text
    assert f"{N:,} events" not in text


@pytest.mark.parametrize("page", [None] + PAGES)
def test_empty_result_is_a_friendly_message(synthetic, page):
    at = open_page(page)
    at.text_input(key="q").set_value("no event says this 9z9").run()
    assert not at.exception
    assert any("No events match these filters" in i.value for i in at.info)
    assert plots(at) == 0


def test_link_opens_the_same_view(synthetic):
    chosen = Filters(years=(2015, 2019), provinces=("Ryanggang",), themes=("defection_border",),
                     min_date_precision="month")
    at = open_page(PAGES[0], query=filters.to_query(chosen) | {"granularity": "year"})
    assert at.slider(key="years").value == (2015, 2019)
    assert at.multiselect(key="provinces").value == ["Ryanggang"]
    assert at.multiselect(key="themes").value == ["defection_border"]
    assert at.button_group(key="granularity").value == "year"  # noqa - segmented control
    assert "2015–2019, Ryanggang, Defection & border crossing, dated to the month or better" in captions(at)
    assert not at.warning


def test_border_button_and_reset(synthetic):
    at = open_page()
    at.button[0].click().run()  # "Border provinces"
    assert at.multiselect(key="provinces").value == vocab.border_provinces()
    assert "North Pyongan, Chagang, North Hamgyong, Ryanggang and Rason" in captions(at)
    reset = [b for b in at.button if b.label == "Reset all filters"][0]
    reset.click().run()
    assert at.multiselect(key="provinces").value == []


def test_bad_link_gives_notices_not_an_exception(synthetic):
    at = open_page(query={"provinces": ["Atlantis", "Ryanggang"], "years": ["abc", "2019"],
                          "date_precision": "week", "granularity": "decade"})
    warnings = plain(" ".join(w.value for w in at.warning))
    assert "provinces=Atlantis" in warnings and "years=abc, 2019" in warnings
    assert "date_precision=week" in warnings
    assert at.multiselect(key="provinces").value == ["Ryanggang"]  # the good part is kept
    at.run()  # a rerun does not repeat the notices
    assert not at.warning
    at.switch_page(PAGES[0]).run()  # the page option is checked by the page that has it
    assert not at.exception
    assert "granularity=decade" in plain(" ".join(w.value for w in at.warning))
    assert at.button_group(key="granularity").value == "month"


def test_event_detail_from_link(synthetic):
    at = open_page(PAGES[3], query={"event": "synth-000004:0"})
    texts = " ".join(t.value for t in at.text)
    assert "a source said" in texts or "북한" in texts or "에서" in texts
    assert len(at.dataframe) == 2  # the table and the cues
    assert "read from" in list(at.dataframe[1].value.columns)


def test_unknown_event_id(synthetic):
    at = open_page(PAGES[3], query={"event": "no-such-event"})
    assert "no event with the id" in at.warning[0].value


def test_upload_adds_events_and_reports_rejections(synthetic):
    at = open_page(PAGES[4])
    report = ("Traders detained in Hyesan\n\nState security agents arrested three traders in "
              "Hyesan, Ryanggang Province, on March 3, 2019, for selling Chinese phones, "
              "residents said.\n").encode()
    at.get("file_uploader")[0].set_value([("hyesan.txt", report, "text/plain"),
                                          ("junk.bin", bytes(range(256)) * 4, "application/octet-stream")])
    at.run()
    assert not at.exception
    assert any("hyesan.txt: 1 reports" in plain(s.value) for s in at.success)
    assert any("junk.bin: 0 reports" in plain(s.value) and "1 rejected" in s.value
               for s in at.success)
    rejected = at.dataframe[0].value
    assert rejected["input"].str.contains("junk.bin").any() and rejected["why"].str.len().min() > 0
    assert f"{N + 1:,} events" in captions(at)


def test_sessions_do_not_share_filters(synthetic):
    a, b = open_page(), open_page()
    a.multiselect(key="provinces").set_value(["Rason"]).run()
    b.run()
    assert "Rason" in captions(a) and "Rason" not in captions(b)


def test_bundled_reports_open(monkeypatch):
    monkeypatch.delenv("NKVIZ_SYNTH", raising=False)
    at = open_page()
    assert not at.info or "synthetic" not in at.info[0].value
    assert "bundled reports" in at.caption[0].value
    assert plots(at) == 3


def test_first_request_for_a_page_still_runs_the_entry(synthetic):
    """A fresh server whose first visitor follows a link to a page (folder mode)."""
    at = open_page(PAGES[0], query={"provinces": "Rason"})
    assert ", Rason." in captions(at) and plots(at) == 2
    assert len(at.sidebar.multiselect) == 4
    assert "synthetic data" in at.info[0].value  # drawn by the entry script: it ran


def test_search_words_are_shown_literally(synthetic):
    at = open_page()
    at.text_input(key="q").set_value("**x** [a](javascript:1) <b>").run()
    assert not at.exception
    info = at.info[-1].value  # nothing matches: the message repeats the filters
    assert r'matching "\*\*x\*\* \[a\]\(javascript\:1\) \<b\>"' in info
