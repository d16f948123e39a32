"""Loader benchmark: cold ingest, warm reload, and an off-the-shelf alternative.

    python benchmarks/ingest.py [--reports 10000] [--alt-reports 1000]

Builds a synthetic corpus (benchmarks/corpus.py) in a temporary folder, then runs each
phase in a fresh Python process on one core and prints reports/s (by the wall clock, and
per second of the process's CPU time, which a busy neighbour disturbs less), MB/s and the
phase's peak memory (peak RSS of that process minus the RSS after imports):
  - nkviz cold: readers + full extraction (dates, places, agencies, themes, events,
    accounting) with an empty cache;
  - nkviz warm: the same corpus again, served by the content-hash cache;
  - dateparser.search.search_dates + geotext over the same texts (dates and city names
    only: no agencies, themes, events or accounting), the off-the-shelf alternative.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(name: str, corpus: Path, cache: Path, limit: int | None) -> dict:
    """Run one phase in this process and return its figures."""
    paths = sorted(corpus.glob("*.md"))[:limit]
    if name in ("cold", "warm"):
        from nkviz.cache import Store
        from nkviz.load import load_paths

        t0 = time.perf_counter()
        _warm_up()
        startup = time.perf_counter() - t0
        base = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        result = load_paths([corpus], store=Store(cache))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"events": len(result.events), "summary": result.ingest.summary(),
                 "startup_s": startup}
    else:
        from dateparser.search import search_dates
        from geotext import GeoText

        search_dates("warm up on 2 November 2018", languages=["en"])
        base = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        found = 0
        for p in paths:
            text = p.read_text(encoding="utf-8").split("---\n", 2)[-1]
            found += len(search_dates(text, languages=["en"]) or [])
            found += len(GeoText(text).cities)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra = {"findings": found}
    n_bytes = sum(p.stat().st_size for p in paths)
    return {"phase": name, "reports": len(paths), "seconds": seconds,
            "reports_per_s": len(paths) / seconds, "mb_per_s": n_bytes / 1e6 / seconds,
            "reports_per_cpu_s": len(paths) / cpu,
            "peak_mb": _peak_mb() - base, **extra}


def _warm_up() -> None:
    """Load the shipped vocabularies and gazetteer (start-up, timed apart from ingest)."""
    import datetime as dt

    from nkviz.extract.events import extract_events
    from nkviz.schema import Report

    extract_events(Report("warm-up", "Police in Hyesan arrested two smugglers on May 2.",
                          title="Arrests", published=dt.date(2020, 5, 9),
                          published_precision="day"))


def run_phase(name: str, corpus: Path, cache: Path, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus),
           "--cache", str(cache)] + (["--limit", str(limit)] if limit else [])
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(["taskset", "-c", "0", *cmd] if _has_taskset() else cmd,
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _has_taskset() -> bool:
    return subprocess.run(["which", "taskset"], capture_output=True).returncode == 0


LABELS = {"cold": "nkviz cold ingest", "warm": "nkviz warm reload (cache)",
          "alt": "dateparser.search + geotext"}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--alt-reports", type=int, default=1_000,
                    help="reports for the off-the-shelf run (it is slow); 0 = all")
    ap.add_argument("--phase", choices=list(LABELS), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(phase(args.phase, args.corpus, args.cache, args.limit)))
        return
    sys.path.insert(0, str(HERE))
    from corpus import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        paths = build(corpus, args.reports)
        n_bytes = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} synthetic reports, {n_bytes / 1e6:.1f} MB, one core")
        for name in LABELS:
            limit = (args.alt_reports or None) if name == "alt" else None
            r = run_phase(name, corpus, cache, limit)
            print(f"{LABELS[name]:30} {r['reports']:6d} reports {r['seconds']:7.2f} s "
                  f"{r['reports_per_s']:8.0f} reports/s {r['mb_per_s']:6.2f} MB/s "
                  f"peak +{r['peak_mb']:6.1f} MB  ({r['reports_per_cpu_s']:.0f} per CPU-second)",
                  flush=True)
            if "summary" in r and name == "cold":
                print(f"  {r['events']} events; {r['summary']}; start-up (vocabularies, "
                      f"gazetteer) {r['startup_s']:.2f} s, not included above")


if __name__ == "__main__":
    main()
