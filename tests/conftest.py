"""Shared fixtures: a small canonical events frame built in code, paths to the seeds."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from nkviz import schema, vocab

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not (SEEDS / "seed_meta.jsonl").exists():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's cache."""
    monkeypatch.setenv("NKVIZ_CACHE", str(tmp_path_factory.mktemp("cache")))


def make_events(n: int = 40, seed: int = 3) -> "schema.pd.DataFrame":
    """A small, varied canonical frame (fixed seed) for tests of tables, filters, exports."""
    rng = random.Random(seed)
    provinces = vocab.provinces()
    themes, agencies = vocab.theme_ids(), vocab.agency_names()
    events = []
    for i in range(n):
        p = rng.choice(provinces)
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))
        precision = rng.choice(["day", "day", "month", "year", "unknown"])
        point = rng.random() < 0.5
        events.append(schema.Event(
            event_id=f"r{i // 2}:{i % 2 + 1}", report_id=f"r{i // 2}", title=f"Report {i // 2}",
            source=rng.choice(["Daily NK", "Radio Free Asia", "NK News"]),
            url=f"https://example.org/{i // 2}", published=day, published_precision="day",
            date=None if precision == "unknown" else day,
            date_end=None if precision == "unknown" else day,
            date_precision=precision, date_basis="unknown" if precision == "unknown" else "stated",
            place=p.capital if point else p.name, admin1=p.name, admin1_code=p.code,
            country="North Korea", lat=40.0 + rng.random() if point else None,
            lon=126.0 + rng.random() if point else None,
            geo_precision="place" if point else "province", border_region=p.border_province,
            agencies=tuple(rng.sample(agencies, rng.randint(0, 2))),
            themes=tuple(rng.sample(themes, rng.randint(1, 3))),
            evidence=f"Evidence sentence {i} with <b>markup</b> & \"quotes\"; semi;colon",
        ))
    return schema.to_frame(events)


@pytest.fixture
def events():
    return make_events()


def pytest_terminal_summary(terminalreporter):
    """Print extraction precision/recall on the labelled sets after every run."""
    if not any(i.nodeid.startswith("tests/test_evaluate.py")
               for i in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])):
        return
    from nkviz.evaluate import evaluate_file, format_scores

    for name in ("labelled.yaml", "labelled_dev2.yaml", "labelled_holdout.yaml",
                 "labelled_holdout2.yaml"):
        terminalreporter.write_sep("-", f"extraction scores: tests/data/{name}")
        terminalreporter.write_line(format_scores(evaluate_file(REPO / "tests" / "data" / name)))
