"""Static images through kaleido and Chromium: sizes, the title in the SVG, PDF pages,
reproducible bytes, and a clear message when no browser is installed."""

from __future__ import annotations

import io

import pytest
from conftest import make_events
from export_fixtures import kaleido_server, scope_of, with_browser  # noqa: F401 - a fixture
from PIL import Image
from pypdf import PdfReader

from nkviz import filters
from nkviz.errors import ExportError
from nkviz.export import SIZES, chart_bytes, data_bytes, images

@pytest.fixture(scope="module")
def scope():
    return scope_of(make_events(30, seed=7), filters.Filters(years=(2010, 2020)))


@with_browser
@pytest.mark.parametrize("size, pixels", [("slide", (1920, 1080)), ("a4-half", (2125, 1475)),
                                          ("letter-half", (2100, 1425)), ("square", (1080, 1080))])
def test_png_has_the_preset_size(scope, size, pixels):
    png = chart_bytes(scope, "themes", "png", size=size)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == pixels == SIZES[size].pixels


@with_browser
def test_svg_holds_title_subtitle_and_source(scope):
    svg = chart_bytes(scope, "agencies", "svg", size="a4-half").decode("utf-8")
    assert svg.startswith("<svg") and "Events by agency" in svg
    assert "2010–2020" in svg and "nkviz, generated 2026-11-22" in svg


@with_browser
def test_pdf_is_one_page_with_its_title(scope):
    pdf = PdfReader(io.BytesIO(chart_bytes(scope, "heatmap", "pdf", size="letter-half")))
    assert len(pdf.pages) == 1
    assert "Which agency, which theme" in pdf.pages[0].extract_text()
    assert pdf.metadata["/CreationDate"] == "D:20261122000000Z"
    assert pdf.metadata["/Title"] == "Which agency, which theme"


@with_browser
def test_same_export_same_bytes(scope):
    for fmt in ("png", "svg", "pdf"):
        assert chart_bytes(scope, "timeline", fmt) == chart_bytes(scope, "timeline", fmt)


@with_browser
def test_map_png_is_drawn(scope):
    png = Image.open(io.BytesIO(chart_bytes(scope, "map", "png", size="square"))).convert("RGB")
    assert png.size == (1080, 1080)
    # the vermillion China border and shaded provinces are there, not a blank frame
    colours = png.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200


@with_browser
def test_report_text_in_captions_is_shown_not_run():
    s = scope_of(make_events(10), filters.Filters(text="<b>bold</b> & co"))
    svg = chart_bytes(s, "themes", "svg", size="square").decode("utf-8")
    assert "&#60;b&#62;bold&#60;/b&#62; &amp; co" in svg  # the words, as typed
    assert ">bold</tspan>" not in svg  # not made bold


def test_no_browser_gives_a_clear_message_and_html_and_data_still_work(monkeypatch, scope):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(images, "_started", False)  # as if nothing had started a browser yet
    with pytest.raises(ExportError, match="apt-get install chromium"):
        chart_bytes(scope, "themes", "png")
    with pytest.raises(ExportError, match="BROWSER_PATH"):
        images.find_browser()
    assert b"<html" in chart_bytes(scope, "themes", "html")
    assert data_bytes(scope, "csv").count(b"\n") == len(scope.events) + 1
