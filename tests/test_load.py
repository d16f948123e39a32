"""The loader end to end: files in, canonical events and complete accounting out."""

import io
import zipfile

import pytest

from nkviz import schema
from nkviz.cache import Store
from nkviz.load import load_bytes, load_paths
from nkviz.paths import REPORTS_DIR
from nkviz.schema import COL

ARTICLE = """---
title: Border guards detain three near Musan
published: 2021-03-15
source: Daily NK
url: https://example.org/musan-detained
---
Border guards in Musan County, North Hamgyong Province, detained three people trying to
cross the Tumen River on March 12, a source in the province said.

The three were handed over to the local state security office for questioning.
"""


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_gives_canonical_events_with_evidence(tmp_path):
    _write(tmp_path, "musan.md", ARTICLE)
    result = load_paths([tmp_path], store=Store(enabled=False))
    schema.validate(result.events)
    ev = result.events.iloc[0]
    assert ev[COL.REPORT_ID] == "musan"
    assert ev[COL.ADMIN1] == "North Hamgyong"
    assert ev[COL.DATE].strftime("%Y-%m-%d") == "2021-03-12"
    assert ev[COL.DATE_BASIS] == "relative"
    assert "Border Guard" in ev[COL.AGENCIES]
    assert "defection_border" in ev[COL.THEMES]
    assert "Tumen" in ev[COL.EVIDENCE]
    assert result.reports.loc[0, "source"] == "Daily NK"
    assert result.ingest.entries[0].events == len(result.events)


def test_bad_files_are_listed_and_accounting_balances(tmp_path):
    _write(tmp_path, "good.md", ARTICLE)
    _write(tmp_path, "empty.txt", "   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    _write(tmp_path, "rows.csv", "id,headline\n1,no text column here\n")
    result = load_paths([tmp_path], store=Store(enabled=False))
    counts = result.ingest.counts()
    assert counts["files"] == 4
    assert result.ingest.balanced()
    assert counts["accepted"] == 1 and counts["rejected"] >= 3
    reasons = {e.input.rsplit("/", 1)[-1]: e.reason for e in result.ingest.rejected()}
    assert reasons["empty.txt"] == "empty"
    assert reasons["rows.csv"] == "no_text_column"


def test_duplicates_count_once(tmp_path):
    _write(tmp_path, "a.md", ARTICLE)
    _write(tmp_path, "copy/b.md", ARTICLE)
    result = load_paths([tmp_path], store=Store(enabled=False))
    assert result.ingest.counts()["duplicates"] == 1
    assert result.events[COL.REPORT_ID].nunique() == 1


def test_cache_serves_an_unchanged_corpus_and_notices_a_change(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, "musan.md", ARTICLE)
    store = Store(tmp_path / "cache")
    first = load_paths([corpus], store=store)
    assert any(p.name.startswith("corpus-") for p in (tmp_path / "cache").iterdir())
    again = load_paths([corpus], store=store)
    assert again.events.equals(first.events)
    _write(corpus, "musan.md", ARTICLE.replace("March 12", "March 10"))
    changed = load_paths([corpus], store=store)
    assert changed.events.loc[0, COL.DATE].day == 10


def test_uploaded_zip_is_read_like_files():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("reports/musan.md", ARTICLE)
        zf.writestr("reports/notes.bin", bytes(range(256)))
    result = load_bytes("upload.zip", buf.getvalue(), store=Store(enabled=False))
    assert len(result.events) >= 1
    assert result.ingest.balanced()
    assert any("notes.bin" in e.input for e in result.ingest.rejected())


def test_bundled_corpus_ingests_without_rejections():
    if not REPORTS_DIR.exists():
        pytest.skip("no bundled corpus")
    result = load_paths([REPORTS_DIR], store=Store(enabled=False))
    assert result.ingest.rejected() == []
    assert result.ingest.counts()["accepted"] >= 150
    assert len(result.events) >= result.ingest.counts()["accepted"] * 0.8


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SUFFIXES = [".txt", ".md", ".html", ".csv", ".json", ".jsonl", ".xml", ".zip", ".bin", ""]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.binary(max_size=600), st.sampled_from(SUFFIXES)),
                      min_size=1, max_size=5))
def test_arbitrary_files_never_crash_the_loader_and_accounting_balances(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, (data, suffix) in enumerate(files):
        (folder / f"f{i}{suffix}").write_bytes(data)
    (folder / "real.md").write_text(ARTICLE, encoding="utf-8")
    result = load_paths([folder], store=Store(enabled=False))
    counts = result.ingest.counts()
    assert result.ingest.balanced()
    assert counts["files"] == len(files) + 1
    assert counts["events"] == len(result.events)
    schema.validate(result.events)
