"""The bundled corpus: every brief sourced and dated, every year, province, agency and theme
covered, and every file ingested."""

import csv
import datetime as dt

import pytest
import yaml

from nkviz import vocab
from nkviz.cache import Store
from nkviz.load import load_paths
from nkviz.paths import DATA_DIR, REPORTS_DIR

BRIEFS = sorted(REPORTS_DIR.rglob("*.md"))



def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1]), text.split("---\n", 2)[2]


@pytest.fixture(scope="module")
def corpus():
    return load_paths([REPORTS_DIR], store=Store(enabled=False))


def test_at_least_150_briefs():
    assert len(BRIEFS) >= 150


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_every_brief_has_title_source_url_and_publication_date(path):
    meta, body = front_matter(path)
    assert meta.get("title") and meta.get("source")
    assert str(meta.get("url", "")).startswith(("http://", "https://"))
    published = meta.get("published")
    assert isinstance(published, (dt.date, int)) or len(str(published)) in (4, 7, 10)
    assert 40 < len(body.split()) < 400, "a brief is 3-8 sentences"


def test_no_brief_repeats_another_url():
    urls = [str(front_matter(p)[0]["url"]).rstrip("/") for p in BRIEFS]
    assert len(urls) == len(set(urls))


def test_corpus_ingests_without_rejections(corpus):
    assert corpus.ingest.rejected() == []
    assert corpus.ingest.counts()["duplicates"] == 0
    assert corpus.ingest.counts()["accepted"] == len(BRIEFS)


def test_every_year_2008_to_2026_is_covered(corpus):
    years = set(corpus.reports["published"].dt.year.dropna().astype(int))
    assert set(range(2008, 2027)) <= years


def test_every_province_agency_and_theme_is_covered(corpus):
    ev = corpus.events
    assert set(vocab.province_names()) <= set(ev["admin1"])
    assert set(vocab.agency_names()) <= set(ev["agencies"].explode().dropna())
    assert set(vocab.theme_ids()) <= set(ev["themes"].explode().dropna())


def test_border_provinces_are_reported_most(corpus):
    counts = corpus.events["admin1"].value_counts()
    top = set(counts.drop("", errors="ignore").index[:3])
    assert {"North Hamgyong", "Ryanggang"} <= top | set(vocab.border_provinces()) & top


def test_moments_are_dated_labelled_and_sourced():
    with open(DATA_DIR / "moments.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 20
    for row in rows:
        start = dt.date.fromisoformat(row["date"])
        if row["date_end"]:
            assert dt.date.fromisoformat(row["date_end"]) >= start
        assert row["label"] and len(row["label"]) <= 40
        assert row["source_url"].startswith("http")
    kinds = {r["kind"] for r in rows}
    assert {"leadership", "summit", "law", "border", "military"} <= kinds
