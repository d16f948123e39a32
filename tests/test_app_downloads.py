"""The dashboard's download buttons: present under the charts and in the take-away
section, deferred and without rerun, disabled (with a hint) when there is no browser for
images, and, in a real browser, downloading the same bytes as ``nkviz export``."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nkviz import app_downloads
from nkviz.cli import main

from dashboard_fixtures import navigate_like_the_server

REPO = Path(__file__).resolve().parents[1]
ENTRY = str(REPO / "dashboard.py")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _navigation_like_the_server(monkeypatch):
    """As in test_pages: the entry runs first, in st.navigation mode."""
    navigate_like_the_server(monkeypatch)


@pytest.fixture
def synthetic(monkeypatch):
    monkeypatch.setenv("NKVIZ_SYNTH", "400")
    monkeypatch.setenv("NKVIZ_SYNTH_SEED", "2")


def buttons(at: AppTest) -> dict:
    return {b.proto.id.rsplit("-dl-", 1)[-1]: b.proto for b in at.get("download_button")}


def test_overview_has_chart_menus_and_the_take_away_section(synthetic):
    app_downloads._browser.clear()
    at = AppTest.from_file(ENTRY, default_timeout=120)
    at.run()
    assert not at.exception
    found = buttons(at)
    assert {"brief-pptx", "brief-pdf", "data-csv", "data-xlsx", "data-geojson",
            "data-ingest"} <= set(found)
    for chart in ("timeline", "themes", "map"):
        assert f"{chart}-html" in found and f"{chart}-png-slide" in found
        assert f"{chart}-svg-a4-half" in found and f"{chart}-pdf-letter-half" in found
    assert all(b.ignore_rerun and b.deferred_file_id for b in found.values())
    assert found["timeline-png-square"].label == "PNG · square"


def test_without_a_browser_images_are_disabled_html_and_data_are_not(synthetic, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    app_downloads._browser.clear()
    try:
        at = AppTest.from_file(ENTRY, default_timeout=120)
        at.run()
        found = buttons(at)
        assert found["timeline-png-slide"].disabled and found["brief-pptx"].disabled
        assert "apt-get install chromium" in found["timeline-png-slide"].help
        assert not found["timeline-html"].disabled and not found["data-xlsx"].disabled
    finally:
        app_downloads._browser.clear()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_downloads_in_a_browser_equal_the_command_line(tmp_path):
    """Press the buttons on a running dashboard: no rerun, and the files equal the CLI's."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "NKVIZ_SYNTH"}
    with open(tmp_path / "server.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", ENTRY, "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(port, server)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox",
                                                                        "--disable-gpu"])
            page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/?years=2016&years=2019&provinces=Ryanggang")
            idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
            page.wait_for_selector(idle, timeout=120_000)
            page.get_by_text("Take away").click()
            got = {"csv": _download(page, "CSV")}
            page.keyboard.press("Escape")
            page.locator('[data-testid="stPopover"] button').first.click()
            got["png"] = _download(page, "PNG · ½ A4")
            assert page.url.endswith("?years=2016&years=2019&provinces=Ryanggang")
            assert page.locator(idle).count() == 1  # nothing reran
            browser.close()
    finally:
        server.terminate()  # this test's own server, by its process id
        server.wait(timeout=15)
    today = dt.date.today().isoformat()  # what the dashboard prints as the generation date
    flags = ["--years", "2016-2019", "--province", "Ryanggang", "--generated", today]
    assert main(["export", "--data", "csv", *flags, "-o", str(tmp_path / "e.csv")]) == 0
    assert got["csv"] == (tmp_path / "e.csv").read_bytes()
    assert main(["export", "--chart", "timeline", "--size", "a4-half", "--granularity", "year",
                 "--by", "none", *flags, "-o", str(tmp_path / "t.png")]) == 0
    assert got["png"] == (tmp_path / "t.png").read_bytes()


def _wait_for(port: int, server) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert server.poll() is None, "the dashboard server stopped"
            time.sleep(0.3)
    raise AssertionError("the dashboard server did not start")


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    return Path(info.value.path()).read_bytes()
