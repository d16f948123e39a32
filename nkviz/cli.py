"""The ``nkviz`` command: ``nkviz ingest``, ``nkviz evaluate`` (and the export commands).

Exit status is non-zero only when a command failed at its job: ``ingest`` fails when
nothing at all could be ingested, not when some files were rejected (those are listed).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from .errors import NkvizError

# Modules that add subcommands: each has register(subparsers) setting a ``run`` default.
COMMAND_MODULES = ("nkviz.cli", "nkviz.export.cli")


def register(sub) -> None:
    p = sub.add_parser("ingest", help="turn report files into an events table",
                       description="Read files, folders and zips of reports and write the "
                                   "events they describe.")
    p.add_argument("paths", nargs="+", type=Path, help="files, folders (recursive) or .zip")
    p.add_argument("--out", "-o", type=Path, required=True,
                   help="events file: .csv, .parquet, .jsonl or .geojson")
    p.add_argument("--report", type=Path, help="write the ingest report (JSON) here")
    p.add_argument("--geocoder", default=None,
                   help="online geocoder for names the gazetteer lacks (off by default), "
                        "e.g. nominatim")
    p.add_argument("--text-field", help="column/field holding report text in CSV/JSON input")
    p.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(run=run_ingest)

    e = sub.add_parser("evaluate", help="score extraction against a labelled set",
                       description="Print precision and recall per field against labelled "
                                   "reports (YAML, see tests/data/labelled.yaml).")
    e.add_argument("labelled", type=Path)
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.set_defaults(run=run_evaluate)


def run_ingest(args) -> int:
    from . import tables
    from .cache import Store
    from .geo.geocoders import make_geocoder
    from .load import load_paths

    tables.format_of(args.out)  # a bad extension fails before any work
    geocoder = make_geocoder(args.geocoder) if args.geocoder else None
    result = load_paths(args.paths, geocoder=geocoder, store=Store(enabled=not args.no_cache),
                        progress=not args.quiet, text_field=args.text_field)
    tables.write_events(result.events, args.out)
    if args.report:
        args.report.write_text(result.ingest.to_json(), encoding="utf-8")
    _print_rejections(result.ingest)
    print(result.ingest.summary(), file=sys.stderr)
    print(f"wrote {len(result.events)} events to {args.out}", file=sys.stderr)
    return 0 if result.ingest.counts()["accepted"] else 1


def _print_rejections(ingest, limit: int = 20) -> None:
    rejected = ingest.rejected()
    for entry in rejected[:limit]:
        where = f"{entry.input} {entry.record}".strip()
        print(f"rejected: {where}: {entry.detail}", file=sys.stderr)
    if len(rejected) > limit:
        print(f"... and {len(rejected) - limit} more (see --report)", file=sys.stderr)


def run_evaluate(args) -> int:
    from .evaluate import evaluate_file, format_scores

    scores = evaluate_file(args.labelled)
    print(json.dumps(scores, indent=2) if args.json else format_scores(scores))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nkviz", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except NkvizError as exc:
        print(f"nkviz: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
