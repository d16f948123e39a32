"""Time per export, cold (the first, which starts Chromium) and warm (the browser kept).

    python benchmarks/exports.py [--repeat 3] [--synth 20000]

Charts: a bar chart (agencies) and the map, as PNG/SVG/PDF at the slide and half-A4
sizes and as offline HTML; the briefing pack as PowerPoint and PDF; the data files for
the bundled reports and for a synthetic corpus (``--synth``). Prints wall seconds; "cold"
restarts the warm browser before each measurement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nkviz import filters, synth  # noqa: E402
from nkviz.export import ExportScope, brief_bytes, chart_bytes, data_bytes, images  # noqa: E402
from nkviz.load import load_paths  # noqa: E402
from nkviz.paths import REPORTS_DIR  # noqa: E402

GENERATED = dt.date(2026, 11, 22)


def timed(fn) -> tuple[float, int]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, len(out)


def chart_rows(scope: ExportScope, repeat: int) -> None:
    print(f"{'chart':10} {'format':6} {'size':8} {'cold s':>7} {'warm s':>7} {'bytes':>10}")
    for name in ("agencies", "map"):
        for fmt, size in (("png", "slide"), ("png", "a4-half"), ("svg", "slide"),
                          ("pdf", "a4-half"), ("html", "slide")):
            def job(name=name, fmt=fmt, size=size):
                return chart_bytes(scope, name, fmt, size=size)
            images.stop()  # cold: a fresh browser (HTML needs none)
            cold, n = timed(job)
            warm = statistics.median(timed(job)[0] for _ in range(repeat))
            print(f"{name:10} {fmt:6} {size:8} {cold:7.2f} {warm:7.2f} {n:10,}")


def brief_rows(scope: ExportScope) -> None:
    for fmt in ("pptx", "pdf"):
        images.stop()
        cold, n = timed(lambda fmt=fmt: brief_bytes(scope, fmt))
        warm, _ = timed(lambda fmt=fmt: brief_bytes(scope, fmt))
        print(f"{'brief':10} {fmt:6} {'':8} {cold:7.2f} {warm:7.2f} {n:10,}")


def data_rows(scope: ExportScope, label: str) -> None:
    for fmt in ("csv", "xlsx", "geojson"):
        seconds, n = timed(lambda fmt=fmt: data_bytes(scope, fmt))
        print(f"{'data':10} {fmt:6} {label:>8} {'':7} {seconds:7.2f} {n:10,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synth", type=int, default=20_000)
    args = parser.parse_args()
    result = load_paths([REPORTS_DIR])
    scope = ExportScope(result.events, filters.Filters(), GENERATED, "bundled", result.ingest)
    print(f"bundled reports: {len(result.events):,} events from {scope.reports:,} reports")
    chart_rows(scope, args.repeat)
    brief_rows(scope)
    data_rows(scope, f"{len(scope.events)}")
    if args.synth:
        events, _ = synth.dataset(args.synth, seed=0)
        data_rows(ExportScope(events, filters.Filters(), GENERATED), f"{len(events)}")
    images.stop()


if __name__ == "__main__":
    main()
