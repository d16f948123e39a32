"""The loader on the real seed documents (skipped when ../shared/seeds is absent)."""

import pytest

from nkviz import vocab
from nkviz.cache import Store
from nkviz.load import load_paths
from nkviz.schema import COL


@pytest.fixture(scope="module")
def seeds_result():
    from conftest import SEEDS

    if not (SEEDS / "seed_meta.jsonl").exists():
        pytest.skip("../shared/seeds is not present")
    return load_paths([SEEDS], store=Store(enabled=False))


def _events_of(result, stem):
    ev = result.events
    return ev[ev[COL.REPORT_ID].str.startswith(stem)]


def test_listing_page_splits_into_its_18_posts(seeds_result):
    posts = [e for e in seeds_result.ingest.entries if e.input.endswith("000_82bc69583280a9ea.txt")]
    assert len(posts) == 18
    assert [e.report_id for e in posts] == [f"000_82bc69583280a9ea#{n}" for n in range(1, 19)]
    assert all(e.status == "accepted" for e in posts)


def test_informants_article_lands_in_the_border_provinces_it_names(seeds_result):
    ev = _events_of(seeds_result, "002_")
    provinces = set(ev[COL.ADMIN1]) - {""}
    assert {"Ryanggang", "North Hamgyong"} <= provinces
    assert provinces <= set(vocab.border_provinces())
    agencies = {a for row in ev[COL.AGENCIES] for a in row}
    themes = {t for row in ev[COL.THEMES] for t in row}
    assert "Ministry of State Security" in agencies
    assert "Ministry of Social Security" not in agencies
    assert "surveillance_informants" in themes
    assert "North Pyongan" not in provinces  # named only in the photo caption


def test_russia_article_gets_russia_alliance(seeds_result):
    ev = _events_of(seeds_result, "004_")
    themes = {t for row in ev[COL.THEMES] for t in row}
    assert "russia_alliance" in themes
    assert "Ministry of State Security" in {a for row in ev[COL.AGENCIES] for a in row}


def test_no_date_is_invented_without_a_publication_date(seeds_result):
    ev = seeds_result.events
    undated_reports = ev[ev[COL.PUBLISHED].isna()]
    assert (undated_reports[COL.DATE_BASIS] != "published").all()
    relative = undated_reports[undated_reports[COL.DATE_BASIS] == "relative"]
    assert relative.empty  # nothing to resolve "November 2" against
