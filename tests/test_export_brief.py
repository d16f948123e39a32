"""The briefing pack: slide count and titles of the deck, pages of the PDF, the events table
with its sources, escaped and cleaned report text, an empty view."""

from __future__ import annotations

import io

import pytest
from conftest import make_events
from export_fixtures import kaleido_server, scope_of, with_browser  # noqa: F401 - a fixture
from pptx import Presentation
from pypdf import PdfReader

from nkviz.export import brief, brief_bytes
from nkviz.filters import Filters
from nkviz.schema import COL

CHART_TITLES = ["Events per year by theme", "Events by province and place", "Events by agency",
                "Events by theme", "Which agency, which theme"]


@pytest.fixture(scope="module")
def scope():
    events = make_events(40, seed=13)
    events[COL.EVIDENCE] = [f"Sentence {i} <i>with</i> markup & a tab\x0b here." for i in
                            range(len(events))]
    return scope_of(events, Filters(years=(2010, 2023)), label="test events")


def test_content(scope):
    b = brief.build(scope)
    assert [c.title for c in b.charts] == CHART_TITLES
    assert [f.label for f in b.figures][:4] == ["Events", "Reports", "Years", "Provinces"]
    assert len(b.events) == brief.TOP_EVENTS
    dates = scope.events.sort_values(COL.DATE, ascending=False)[COL.DATE].dropna()
    assert b.events["date"].iloc[0].startswith(f"{dates.iloc[0]:%Y}")
    assert all("\x0b" not in e for e in b.events["evidence"])
    assert b.generated_line.startswith("Generated 2026-11-22 with nkviz from ")


@with_browser
def test_deck_slides_and_titles(scope):
    deck = Presentation(io.BytesIO(brief_bytes(scope, "pptx")))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles == (["Repression and resistance in North Korea", "Headline figures"]
                      + CHART_TITLES + ["Latest events and their sources (1 of 2)",
                                        "Latest events and their sources (2 of 2)"])
    assert (deck.slide_width, deck.slide_height) == (12191695, 6858000)  # 16:9
    pictures = [sh for s in list(deck.slides)[2:7] for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == 5
    table = next(sh for sh in deck.slides[7].shapes if sh.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Date", "Place", "Who and what",
                                                     "Evidence", "Outlet"]
    first = table.cell(1, 3).text
    assert "<i>with</i> markup & a tab here." in first  # literal text, cleaned
    link = table.cell(1, 4).text_frame.paragraphs[0].runs[0].hyperlink.address
    assert link.startswith("https://example.org/")
    assert deck.core_properties.created.date().isoformat() == "2026-11-22"
    assert "2010–2023" in deck.slides[0].placeholders[1].text_frame.text


@with_browser
def test_pdf_pages(scope):
    # two of the charts keep the test quick; pages follow the same list as the deck's slides
    content = brief.build(scope, charts=brief.CHARTS[2:4])
    pdf = PdfReader(io.BytesIO(brief.to_pdf(content)))
    assert len(pdf.pages) == 1 + 2 + 2
    cover = pdf.pages[0].extract_text()
    assert "Repression and resistance in North Korea" in cover and "Headline" not in cover
    assert "2010–2023" in cover and "Dated to the day" in cover
    assert f"{len(scope.events)} events" in cover
    for page, title in zip(pdf.pages[1:3], CHART_TITLES[2:4]):
        assert title in page.extract_text()
    table = pdf.pages[3].extract_text()
    assert "Latest events and their sources (1 of 2)" in table and "<i>with</i>" in table
    assert pdf.metadata["/CreationDate"] == "D:20261122000000Z"


@with_browser
def test_empty_view_gives_a_short_pack(scope):
    empty = scope_of(scope.events, Filters(text="no event says this"))
    deck = Presentation(io.BytesIO(brief_bytes(empty, "pptx")))
    assert [s.shapes.title.text_frame.text for s in deck.slides] == [
        "Repression and resistance in North Korea", "Headline figures"]
    assert len(PdfReader(io.BytesIO(brief_bytes(empty, "pdf"))).pages) == 1
