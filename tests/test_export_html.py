"""The standalone HTML export in headless Chromium with every network request refused:
the chart draws from the file alone (plotly.js embedded, maps without tiles or glyphs)."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest
from conftest import make_events
from export_fixtures import scope_of

from nkviz.export import chart_bytes, html
from nkviz.filters import Filters

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_offline(browser, path: Path):
    """Open a file with every request that is not file: or data: aborted and recorded."""
    page = browser.new_page()
    outside, dialogs, errors = [], [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.wait_for_timeout(800)  # let the map draw its canvas
    return page, outside, dialogs, errors


@pytest.mark.parametrize("chart", ["timeline", "map"])
def test_chart_draws_with_no_network(browser, tmp_path, chart):
    s = scope_of(make_events(60, seed=3))
    path = tmp_path / f"{chart}.html"
    path.write_bytes(chart_bytes(s, chart, "html"))
    page, outside, _, errors = open_offline(browser, path)
    assert outside == [] and errors == []
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.title() == page.locator(".gtitle").first.text_content()
    if chart == "map":
        assert page.locator(".js-plotly-plot canvas").count() >= 1
        assert page.locator(".mapboxgl-canvas, .maplibregl-canvas").count() >= 1
    else:
        marks = ".js-plotly-plot .point, .js-plotly-plot .hm image, .js-plotly-plot canvas"
        assert page.locator(marks).count() > 0  # bars, heatmap cells or WebGL points
    page.close()


def test_report_text_is_shown_not_run(browser, tmp_path):
    events = make_events(12)
    events["evidence"] = "<img src=x onerror=alert(1)> and <script>alert(2)</script>"
    s = scope_of(events, Filters(text="<img src=x onerror=alert(3)>"))
    path = tmp_path / "strip.html"
    path.write_bytes(chart_bytes(s, "themes", "html"))
    page, outside, dialogs, _ = open_offline(browser, path)
    assert dialogs == [] and outside == []
    assert "<img src=x onerror=alert(3)>" in page.locator(".gtitle-subtitle").text_content()
    page.close()


def test_offline_safe_drops_text_mode_and_tile_styles():
    fig = go.Figure([go.Scattermap(lat=[41], lon=[129], mode="markers+text", text=["Hyesan"]),
                     go.Scatter(x=[1], y=[1], mode="markers+text")])
    fig.update_layout(map_style="open-street-map")
    safe = html.offline_safe(fig)
    assert safe.data[0].mode == "markers" and safe.data[1].mode == "markers+text"
    assert safe.layout.map.style == "white-bg"
    assert fig.data[0].mode == "markers+text"  # the original is untouched


def test_same_chart_same_html():
    s = scope_of(make_events(20))
    assert chart_bytes(s, "agencies", "html") == chart_bytes(s, "agencies", "html")
