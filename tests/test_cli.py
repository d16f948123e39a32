"""The nkviz command as a user runs it."""

import json
import subprocess
import sys

import pytest

from nkviz import tables
from nkviz.cli import main

REPORT = """---
title: Smugglers fined in Hyesan
published: 2019-06-20
source: Asia Press
---
Police in Hyesan, Ryanggang Province, fined a dozen smugglers on June 14 and took their
Chinese phones, a reporting partner said.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hyesan.md").write_text(REPORT, encoding="utf-8")
    (folder / "junk.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", ["csv", "parquet", "jsonl", "geojson"])
def test_ingest_writes_events_and_the_report(corpus, tmp_path, suffix, capsys):
    out, report = tmp_path / f"events.{suffix}", tmp_path / "ingest.json"
    assert main(["ingest", str(corpus), "--out", str(out), "--report", str(report), "-q"]) == 0
    events = tables.read_events(out)
    assert len(events) >= 1 and events.loc[0, "admin1"] == "Ryanggang"
    data = json.loads(report.read_text())
    assert data["counts"]["files"] == 2 and data["counts"]["rejected"] == 1
    err = capsys.readouterr().err
    assert "rejected:" in err and "junk.csv" in err and "2 files" in err


def test_ingest_fails_only_when_nothing_could_be_ingested(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--out", str(tmp_path / "e.csv"), "-q"]) == 1
    assert "rejected" in capsys.readouterr().err


def test_bad_output_extension_is_a_clear_error(corpus, tmp_path, capsys):
    assert main(["ingest", str(corpus), "--out", str(tmp_path / "e.xls")]) == 2
    assert "use one of" in capsys.readouterr().err


def test_unknown_geocoder_lists_the_choices(corpus, tmp_path, capsys):
    code = main(["ingest", str(corpus), "--out", str(tmp_path / "e.csv"), "--geocoder", "nope"])
    assert code == 2
    assert "nominatim" in capsys.readouterr().err


def test_console_script_runs(corpus, tmp_path):
    out = tmp_path / "e.jsonl"
    proc = subprocess.run([sys.executable, "-m", "nkviz.cli", "ingest", str(corpus), "-o",
                           str(out), "-q"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stderr and out.exists()


def test_evaluate_prints_precision_and_recall(capsys):
    from conftest import REPO

    assert main(["evaluate", str(REPO / "tests" / "data" / "labelled.yaml")]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "admin1" in out and "themes" in out
