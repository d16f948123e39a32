"""``nkviz export`` and ``nkviz brief``: files written, flags checked, and the same bytes as
the dashboard's download buttons for the same filters (both call nkviz.export)."""

from __future__ import annotations

import io
import json
import zipfile
from types import SimpleNamespace

import pandas as pd
import pytest
from conftest import make_events
from export_fixtures import GENERATED, kaleido_server, with_browser  # noqa: F401 - a fixture
from PIL import Image
from pptx import Presentation

from nkviz import app_downloads, filters, tables, vocab
from nkviz.cli import main
from nkviz.export import cli as export_cli
from nkviz.export.inputs import BUNDLED_LABEL, is_events_table, load_scope
from nkviz.filters import Filters

FLAGS = ["--years", "2011-2021", "--province", "border", "--theme", "Crackdowns & arrests",
         "--theme", "markets_trade", "--generated", "2026-11-22"]
CHOSEN = Filters(years=(2011, 2021), provinces=tuple(vocab.border_provinces()),
                 themes=("crackdown_arrest", "markets_trade"))


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "events.parquet"
    tables.write_events(make_events(120, seed=17), path)
    return path


def run(*argv) -> int:
    return main([str(a) for a in argv])


def dashboard_ctx(events, chosen: Filters, label: str, ingest=None):
    """What a dashboard page hands app_downloads: the view, the filters and the data."""
    return SimpleNamespace(view=filters.apply(events, chosen), filters=chosen, key="test",
                           data=SimpleNamespace(label=label, ingest=ingest))


def members(raw: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_flags_become_the_dashboards_filters(table):
    from nkviz.cli import build_parser

    parsed = build_parser().parse_args(["export", "--data", "csv", *FLAGS, "-o", "x.csv"])
    assert export_cli.parse_filters(parsed) == CHOSEN


def test_link_from_the_dashboard_plus_flags():
    from nkviz.cli import build_parser

    link = "http://localhost:8501/timeline?years=2016&years=2019&provinces=Ryanggang&q=market"
    parsed = build_parser().parse_args(["brief", "--link", link, "--agency", "Border Guard",
                                        "-o", "b.pptx"])
    assert export_cli.parse_filters(parsed) == Filters(
        years=(2016, 2019), provinces=("Ryanggang",), agencies=("Border Guard",), text="market")


@pytest.mark.parametrize("argv, message", [
    (["--province", "Atlantis"], "unknown province 'Atlantis'; choose one of: Pyongyang"),
    (["--theme", "weather"], "unknown theme 'weather'; choose one of: "),
    (["--years", "2019-2016"], "give a year (2019) or a range"),
    (["--link", "?provinces=Atlantis"], "Ignored provinces=Atlantis"),
])
def test_bad_filters_stop_with_the_choices(table, tmp_path, capsys, argv, message):
    out = tmp_path / "x.csv"
    assert run("export", "--data", "csv", "--input", table, *argv, "-o", out) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_format_from_the_extension_or_a_clear_error(table, tmp_path, capsys):
    assert run("export", "--chart", "themes", "--input", table, "-o", tmp_path / "x.gif") == 2
    assert "name the file .png or .svg or .pdf or .html" in capsys.readouterr().err
    assert run("brief", "--input", table, "-o", tmp_path / "x.docx") == 2


def test_data_exports(table, tmp_path):
    expected = filters.apply(tables.read_events(table), CHOSEN)
    for fmt, name in (("csv", "e.csv"), ("xlsx", "e.xlsx"), ("geojson", "e.geojson")):
        assert run("export", "--data", fmt, "--input", table, *FLAGS, "-o", tmp_path / name) == 0
        back = tables.read_events(tmp_path / name)
        assert back["event_id"].tolist() == expected["event_id"].tolist()
    assert run("export", "--data", "ingest", "--input", table, "-o", tmp_path / "i.json") == 2


def test_html_chart_without_a_browser(table, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent")
    out = tmp_path / "t.html"
    assert run("export", "--chart", "timeline", "--input", table, *FLAGS, "-o", out) == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Events per year by theme</title>" in html and "cdn.plot.ly/plotly" not in html


@with_browser
def test_chart_png(table, tmp_path):
    png = tmp_path / "themes.png"
    assert run("export", "--chart", "themes", "--size", "a4-half", "--input", table, *FLAGS,
               "-o", png) == 0
    assert Image.open(png).size == (2125, 1475)


@with_browser
@pytest.mark.parametrize("chart, fmt, size, options, argv", [
    ("timeline", "png", "slide", {"granularity": "quarter", "by": "agency"},
     ["--granularity", "quarter", "--by", "agency"]),
    ("themes", "svg", "square", {"top": 5}, ["--top", "5"]),
    ("heatmap", "pdf", "letter-half", {}, []),
    ("agencies", "html", "slide", {}, []),
])
def test_cli_and_download_button_same_bytes(table, tmp_path, chart, fmt, size,
                                            options, argv):
    out = tmp_path / f"chart.{fmt}"
    assert run("export", "--chart", chart, "--size", size, *argv, "--input", table, *FLAGS,
               "-o", out) == 0
    ctx = dashboard_ctx(tables.read_events(table), CHOSEN, f"the events table {table.name}")
    scope = app_downloads.scope_of(ctx, GENERATED)
    assert app_downloads.chart_file(scope, chart, fmt, size, options) == out.read_bytes()


@with_browser
def test_cli_and_download_button_same_brief(table, tmp_path):
    out = tmp_path / "brief.pptx"
    assert run("brief", "--input", table, *FLAGS, "-o", out) == 0
    ctx = dashboard_ctx(tables.read_events(table), CHOSEN, f"the events table {table.name}")
    made = app_downloads.brief_file(app_downloads.scope_of(ctx, GENERATED), "pptx")
    assert members(made) == members(out.read_bytes())  # zip member times aside
    assert len(Presentation(out).slides) == 2 + 5 + 2  # 8 events: two table slides


def test_bundled_reports_same_data_as_the_dashboard(tmp_path):
    """The default input is what the dashboard shows: same CSV and workbook bytes."""
    scope = load_scope(None, CHOSEN, GENERATED)
    assert scope.label == BUNDLED_LABEL
    for fmt, name in (("csv", "b.csv"), ("xlsx", "b.xlsx")):
        out = tmp_path / name
        assert run("export", "--data", fmt, *FLAGS, "-o", out) == 0
        from nkviz.load import load_paths
        from nkviz.paths import REPORTS_DIR

        result = load_paths([REPORTS_DIR])
        ctx = dashboard_ctx(result.events, CHOSEN, BUNDLED_LABEL, result.ingest)
        made = app_downloads.data_file(app_downloads.scope_of(ctx, GENERATED), fmt)
        if fmt == "csv":
            assert made == out.read_bytes()
        else:
            assert members(made) == members(out.read_bytes())
    report = tmp_path / "ingest.json"
    assert run("export", "--data", "ingest", "-o", report) == 0
    assert json.loads(report.read_text())["counts"]["accepted"] > 0


def test_events_tables_are_recognised(table, tmp_path):
    assert is_events_table(table)
    csv_events = tmp_path / "e.csv"
    tables.write_events(make_events(5), csv_events)
    assert is_events_table(csv_events)
    reports = tmp_path / "reports.csv"
    pd.DataFrame({"title": ["A"], "text": ["Some report text."]}).to_csv(reports, index=False)
    assert not is_events_table(reports)
    assert not is_events_table(tmp_path / "missing.csv")
