"""Loader benchmark: cold ingest, warm reload, and an off-the-shelf alternative.

    python benchmarks/ingest.py [--reports 10000]

Builds a synthetic corpus (benchmarks/corpus.py) in a temporary folder and prints, for
each run, reports/s, MB/s and peak memory (tracemalloc, Python allocations):
  - nkviz cold: readers + full extraction, empty cache, one process (one core);
  - nkviz warm: the same corpus again, served by the content-hash cache;
  - dateparser.search.search_dates + geotext over the same texts (no agencies, themes,
    events or accounting: a lower bound on what general tools cost).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build  # noqa: E402

from nkviz.cache import Store  # noqa: E402
from nkviz.load import load_paths  # noqa: E402


def measure(label: str, fn, n_reports: int, n_bytes: int) -> dict:
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    row = {"run": label, "seconds": seconds, "reports_per_s": n_reports / seconds,
           "mb_per_s": n_bytes / 1e6 / seconds, "peak_mb": peak / 1e6}
    print(f"{label:34} {seconds:8.2f} s {row['reports_per_s']:9.0f} reports/s "
          f"{row['mb_per_s']:7.2f} MB/s  peak {row['peak_mb']:7.1f} MB", flush=True)
    return {"row": row, "out": out}


def off_the_shelf(paths: list[Path]) -> int:
    from dateparser.search import search_dates
    from geotext import GeoText

    found = 0
    for p in paths:
        text = p.read_text(encoding="utf-8").split("---\n", 2)[-1]
        found += len(search_dates(text, languages=["en"]) or [])
        found += len(GeoText(text).cities)
    return found


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--alt-reports", type=int, default=None,
                    help="reports for the off-the-shelf run (default: all; it is slow)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        paths = build(corpus, args.reports)
        n_bytes = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} reports, {n_bytes / 1e6:.1f} MB")
        cold = measure("nkviz cold ingest", lambda: load_paths([corpus], store=Store(cache)),
                       len(paths), n_bytes)
        print(f"  -> {len(cold['out'].events)} events, {cold['out'].ingest.summary()}")
        measure("nkviz warm reload (cache)", lambda: load_paths([corpus], store=Store(cache)),
                len(paths), n_bytes)
        alt = paths[: args.alt_reports] if args.alt_reports else paths
        alt_bytes = sum(p.stat().st_size for p in alt)
        measure("dateparser.search + geotext", lambda: off_the_shelf(alt), len(alt), alt_bytes)


if __name__ == "__main__":
    main()
