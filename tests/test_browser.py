"""The dashboard in a real browser: Debian's headless Chromium against a local server.

One server (``streamlit run dashboard.py`` on 127.0.0.1, a free port, the bundled reports)
for the whole file. Every page opens without an error element and with its charts drawn;
a click on a province filters (URL and caption); two sessions keep their own filters; no
request leaves the machine. Screenshots go to ``tests/artifacts/`` (with
``NKVIZ_SCREENSHOTS=docs/screenshots`` they are also copied there for the README).
Skipped only when /usr/bin/chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from nkviz.geo.boundaries import province_at

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"overview": "", "timeline": "timeline", "border_map": "border_map",
         "agencies_themes": "agencies_themes", "events": "events", "data": "data"}
ERRORS = ('[data-testid="stException"], [data-testid="stErrorElementStack"], '
          '[data-testid="stAlertContentError"]')
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CLICK_AT = (41.5, 129.5)  # inland North Hamgyong, far from the other provinces' edges

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {k: v for k, v in os.environ.items() if k != "NKVIZ_SYNTH"}
    env["NKVIZ_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.address",
             "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # by its own process id, nothing else
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    if proc.returncode not in (0, -15, None):
        print(log.read_text())


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


class Tab:
    """A browser page that remembers every request that left 127.0.0.1."""

    def __init__(self, browser, base: str, **context):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1800}, **context)
        self.page = self.context.new_page()
        self.base = base
        self.outside: list[str] = []
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:"))
                     else self.outside.append(r.url))

    def open(self, path: str = "", *, plots: int = 0) -> None:
        self.page.goto(f"{self.base}/{path}")
        self.settle(plots=plots)

    def settle(self, *, plots: int = 0) -> None:
        """Wait until the script has run and ``plots`` plotly charts have drawn."""
        self.page.wait_for_selector(IDLE, timeout=60_000)
        if plots:
            self.page.wait_for_function(
                "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
                arg=plots, timeout=30_000)
        self.page.wait_for_timeout(600)  # plotly's last layout pass
        self.page.wait_for_selector(IDLE, timeout=60_000)

    def captions(self) -> str:
        return " | ".join(self.page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        target = os.environ.get("NKVIZ_SCREENSHOTS")
        if target:  # a 256-colour copy for the README: a third of the bytes
            from PIL import Image

            Path(REPO / target).mkdir(parents=True, exist_ok=True)
            Image.open(path).convert("RGB").quantize(colors=256).save(
                REPO / target / path.name, optimize=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    t = Tab(browser, server)
    yield t
    t.close()


def test_first_visit_by_a_shared_link(tab):
    """The server's very first request is a link to a page: it opens as linked."""
    tab.open("timeline?provinces=Rason&granularity=year", plots=2)
    nav = tab.page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Agencies & themes" in nav and "agencies themes" not in nav  # titles, not file names
    assert ", Rason." in tab.captions() and "per year" in tab.captions()
    assert tab.query() == {"provinces": ["Rason"], "granularity": ["year"]}


PLOTS = {"overview": 3, "timeline": 2, "border_map": 1, "agencies_themes": 5, "events": 0, "data": 3}


def test_every_page_draws_without_errors(tab):
    for name, path in PAGES.items():
        tab.open(path, plots=PLOTS[name])
        assert tab.page.locator(ERRORS).count() == 0, name
        assert "events, all years, all provinces" in tab.captions(), name
        plots = tab.page.locator(".js-plotly-plot")
        assert plots.count() == PLOTS[name], name
        for i in range(plots.count()):  # drawn, not empty boxes
            assert plots.nth(i).locator(".main-svg").count() >= 1, name
            assert plots.nth(i).bounding_box()["height"] > 100, name
        tab.shot(name)
        if name == "data":  # opened from 127.0.0.1: saving into the data folder is offered
            assert tab.page.get_by_role("switch", name="Save into the data folder").is_enabled()
    assert tab.outside == [], f"requests left the machine: {sorted(set(tab.outside))}"


def test_map_draws_offline_and_click_filters(tab):
    tab.open("border_map?places=false", plots=1)
    canvas = tab.page.locator(".js-plotly-plot canvas.maplibregl-canvas")
    assert canvas.count() == 1
    tab.page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " const m = gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;"
        " return m && m.loaded(); }", timeout=30_000)
    tab.shot("border_map_before_click")
    expected = province_at(*CLICK_AT)
    point = tab.page.evaluate(
        """([lat, lon]) => { const gd = document.querySelector('.js-plotly-plot');
             const map = gd._fullLayout.map._subplot.map;
             const p = map.project([lon, lat]);
             const r = map.getCanvas().getBoundingClientRect();
             return [r.left + p.x, r.top + p.y]; }""", list(CLICK_AT))
    tab.page.mouse.move(*point)
    tab.page.wait_for_timeout(300)
    tab.page.mouse.click(*point)
    tab.page.wait_for_function(
        "name => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes(name)",
        arg=expected, timeout=30_000)
    tab.settle(plots=1)
    assert tab.query()["provinces"] == [expected]
    assert f" events, {expected}." in tab.captions()
    assert tab.page.locator(ERRORS).count() == 0
    tab.shot("border_map_after_click")
    # the filter holds on every page, and survives the switch in the URL
    tab.page.get_by_role("link", name="Timeline").first.click()
    tab.settle(plots=2)
    assert tab.query()["provinces"] == [expected] and expected in tab.captions()
    assert tab.outside == []


def test_bar_click_filters(tab):
    tab.open("agencies_themes", plots=5)
    bar = tab.page.locator(".js-plotly-plot").nth(1).locator("g.trace.bars path").first  # themes
    box = bar.bounding_box()
    tab.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.page.wait_for_timeout(200)
    tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.page.wait_for_function("() => new URLSearchParams(location.search).get('themes')",
                               timeout=30_000)
    tab.settle(plots=5)
    theme = tab.query()["themes"][0]
    assert theme and f"events, {theme}." in tab.captions()
    assert tab.page.locator(ERRORS).count() == 0


def test_event_detail_from_the_table(tab):
    tab.open("events?sort=oldest")
    grid = tab.page.locator('[data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    tab.page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's checkbox
    tab.page.wait_for_function("() => new URLSearchParams(location.search).get('event')",
                               timeout=30_000)
    tab.settle()
    assert "Why it has these labels" in tab.page.inner_text('[data-testid="stMain"]')
    assert tab.page.locator('[data-testid="stDataFrame"]').count() == 2  # table and cues
    assert tab.page.locator(ERRORS).count() == 0
    tab.page.locator('[data-testid="stExpander"] summary').first.click()  # the report text
    tab.page.wait_for_timeout(400)
    tab.shot("events_detail")


def test_sessions_keep_their_own_filters(browser, server):
    a, b = Tab(browser, server), Tab(browser, server)
    try:
        a.open("?provinces=Rason", plots=3)
        b.open("agencies_themes?themes=Prison+camps", plots=5)
        assert ", Rason." in a.captions() and "Prison camps" not in a.captions()
        assert "Prison camps" in b.captions() and "Rason" not in b.captions()
        a.page.get_by_role("button", name="Border provinces").click()
        a.settle(plots=3)
        assert "North Pyongan, Chagang, North Hamgyong, Ryanggang and Rason" in a.captions()
        b.page.get_by_role("link", name="Timeline").first.click()  # b reruns meanwhile
        b.settle(plots=2)
        assert "Prison camps" in b.captions() and "Chagang" not in b.captions()
        assert b.query() == {"themes": ["Prison camps"]}
    finally:
        a.close()
        b.close()


def test_bad_link_shows_a_notice(tab):
    tab.open("?provinces=Atlantis&years=abc&years=2019", plots=3)
    notices = " ".join(tab.page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts())
    assert "provinces=Atlantis" in notices and "years=abc" in notices
    assert tab.page.locator(ERRORS).count() == 0


def test_dark_theme(browser, server):
    t = Tab(browser, server, color_scheme="dark")
    try:
        t.open("border_map", plots=1)
        bg = t.page.evaluate("getComputedStyle(document.querySelector('[data-testid=stApp]'))"
                             ".backgroundColor")
        assert bg != "rgb(255, 255, 255)"
        t.shot("border_map_dark")
        t.open("timeline", plots=2)
        t.shot("timeline_dark")
        assert t.outside == []  # the dark map style is local too
    finally:
        t.close()
