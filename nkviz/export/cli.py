"""``nkviz export`` and ``nkviz brief``: the dashboard's downloads, scriptable.

    nkviz export --chart timeline --format png --size slide --years 2016-2019 \\
        --province "North Hamgyong" --province Ryanggang -o timeline.png
    nkviz export --data xlsx --years 2016-2019 -o events.xlsx
    nkviz brief --link "http://localhost:8501/?years=2016&years=2019" -o brief.pptx

Both call :mod:`nkviz.export` exactly as the dashboard does, so the same filters give the
same file. Filter values are checked against the vocabulary (names, Korean names, short
names and aliases are accepted); a wrong one stops the command with the valid choices.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .. import aggregate, vocab
from .. import filters as filters_mod
from ..charts import CHARTS
from ..errors import ConfigError
from . import (
    BRIEF_FORMATS,
    CHART_FORMATS,
    DATA_EXTENSIONS,
    DATA_FORMATS,
    SIZES,
    ExportScope,
)
from .inputs import load_scope

GRANULARITIES = ("auto", *aggregate.GRANULARITIES)
BY = ("theme", "agency", "province", "source", "none")


def register(sub) -> None:
    e = sub.add_parser(
        "export", help="a chart (PNG, SVG, PDF, HTML) or the filtered events (CSV, XLSX, "
                       "GeoJSON) or the ingest report",
        description="Export one chart or the filtered data, as the dashboard's download "
                    "buttons do. PNG, SVG and PDF need Chromium (sudo apt-get install chromium, "
                    "or set BROWSER_PATH); HTML and data do not.",
        epilog="examples:\n  nkviz export --chart map --size a4-half --years 2016-2019 -o map.png\n"
               "  nkviz export --chart timeline --format html --theme 'Prison camps' -o t.html\n"
               "  nkviz export --data csv --province border -o border-events.csv\n"
               "  nkviz export --data ingest -o ingest-report.json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    what = e.add_mutually_exclusive_group(required=True)
    what.add_argument("--chart", choices=list(CHARTS), metavar="NAME",
                      help="the chart to export: " + ", ".join(CHARTS))
    what.add_argument("--data", choices=list(DATA_FORMATS), metavar="FORMAT",
                      help="the filtered events as csv, xlsx (with 'columns' and 'filters' "
                           "sheets) or geojson; or 'ingest': the ingest report (JSON)")
    e.add_argument("--format", choices=list(CHART_FORMATS),
                   help="chart file format (default: from the -o extension)")
    e.add_argument("--size", choices=list(SIZES), default="slide",
                   help="; ".join(f"{k}: {v.label}" for k, v in SIZES.items())
                   + " (default: slide)")
    e.add_argument("--title", help="replace the chart's title")
    options = e.add_argument_group("chart options")
    options.add_argument("--granularity", choices=GRANULARITIES, default="auto",
                         help="bars per week/month/quarter/year (timeline, small_multiples); "
                              "auto: by the span of years")
    options.add_argument("--by", choices=BY, default="theme",
                         help="colour the timeline or strip by (default: theme)")
    options.add_argument("--measure", choices=("events", "per_100k"), default="events",
                         help="shade the map by events or events per 100,000 people")
    options.add_argument("--top", type=int, help="how many agencies/themes to show")
    _common(e)
    e.set_defaults(run=run_export)

    b = sub.add_parser(
        "brief", help="the briefing pack: a PowerPoint deck (.pptx) or a multi-page PDF",
        description="Title, headline figures, the main charts for the filters and the latest "
                    "events with their sources, as .pptx or .pdf (from the -o extension). "
                    "Needs Chromium for the charts.",
        epilog="example:\n  nkviz brief --years 2016-2019 --province border -o weekly.pptx",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(b)
    b.set_defaults(run=run_brief)


def _common(p) -> None:
    f = p.add_argument_group("filters (as in the dashboard's sidebar; repeat a flag for several)")
    f.add_argument("--years", help="a year (2019) or an inclusive range (2016-2019)")
    f.add_argument("--province", action="append", default=[],
                   help="province name, Korean name or code; 'border' for the five border "
                        "provinces")
    f.add_argument("--agency", action="append", default=[], help="agency name or short name")
    f.add_argument("--theme", action="append", default=[], help="theme label or id")
    f.add_argument("--source", action="append", default=[], help="outlet, e.g. 'Daily NK'")
    f.add_argument("--text", default="", help="words to find in the evidence, title or place")
    f.add_argument("--date-precision", choices=filters_mod.PRECISION_CHOICES["date"],
                   help="keep events dated at least this precisely")
    f.add_argument("--geo-precision", choices=filters_mod.PRECISION_CHOICES["geo"],
                   help="keep events placed at least this precisely")
    f.add_argument("--link", help="a dashboard address (or its ?query) to start from; the "
                                  "flags above add to or replace its filters")
    i = p.add_argument_group("input and output")
    i.add_argument("--input", "-i", nargs="+", type=Path, metavar="PATH",
                   help="report files, folders or zips, or one events table written by "
                        "'nkviz ingest' (default: the bundled reports)")
    i.add_argument("--generated", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                   help="the generation date printed on exports (default: today)")
    i.add_argument("--out", "-o", type=Path, required=True, help="the file to write")


def run_export(args) -> int:
    from . import chart_bytes, data_bytes

    if args.chart:
        fmt = args.format or _suffix(args.out, CHART_FORMATS, "--format")
        scope = _scope(args)
        data = chart_bytes(scope, args.chart, fmt, size=args.size, title=args.title,
                           options=_chart_options(args))
        what = f"{args.chart} chart ({fmt}, {args.size})" if fmt != "html" else f"{args.chart} chart (html)"
    else:
        scope = _scope(args)
        data = data_bytes(scope, args.data)
        what = {"ingest": "ingest report"}.get(args.data, f"{len(scope.events):,} events as "
                                                            f"{DATA_EXTENSIONS[args.data]}")
    return _write(args.out, data, what, scope)


def run_brief(args) -> int:
    from . import brief_bytes

    fmt = _suffix(args.out, BRIEF_FORMATS, "the -o extension")
    scope = _scope(args)
    return _write(args.out, brief_bytes(scope, fmt), f"briefing pack ({fmt})", scope)


def _write(path: Path, data: bytes, what: str, scope: ExportScope) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if len(scope.events) == 0:
        print("nkviz: no events match these filters; the export is empty", file=sys.stderr)
    print(f"wrote {what} to {path} ({filters_mod.describe(scope.filters, len(scope.events))})",
          file=sys.stderr)
    return 0


def _suffix(path: Path, formats, flag: str) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in formats:
        raise ConfigError(f"cannot tell the format from {path.name!r}; name the file "
                          + " or ".join(f".{f}" for f in formats) + f" or use {flag}")
    return fmt


def _chart_options(args) -> dict:
    import inspect

    accepted = inspect.signature(CHARTS[args.chart]).parameters
    wanted = {"granularity": args.granularity, "by": None if args.by == "none" else args.by,
              "measure": args.measure, "top": args.top}
    return {k: v for k, v in wanted.items() if k in accepted and v is not None}


def _scope(args) -> ExportScope:
    return load_scope(args.input, parse_filters(args), args.generated or dt.date.today())


def parse_filters(args) -> filters_mod.Filters:
    """Filters from ``--link`` and the filter flags; unknown values raise with the choices."""
    base = filters_mod.Filters()
    if args.link:
        query = urlsplit(args.link).query if "://" in args.link else args.link.lstrip("?")
        base, notices = filters_mod.from_query(parse_qs(query, keep_blank_values=True))
        if notices:
            raise ConfigError(" ".join(notices))
    changes: dict = {}
    if args.years:
        changes["years"] = _years(args.years)
    for flag, field, resolve in (("province", "provinces", _province),
                                 ("agency", "agencies", _agency), ("theme", "themes", _theme)):
        values = getattr(args, flag)
        if values:
            picked = [v for raw in values for v in resolve(raw)]
            changes[field] = tuple(dict.fromkeys(picked))
    if args.source:
        changes["sources"] = tuple(dict.fromkeys(s.strip() for s in args.source))
    if args.text:
        changes["text"] = args.text.strip()
    if args.date_precision:
        changes["min_date_precision"] = args.date_precision
    if args.geo_precision:
        changes["min_geo_precision"] = args.geo_precision
    return base.with_(**changes)


def _years(text: str) -> tuple[int, int]:
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    try:
        years = [int(p) for p in parts]
    except ValueError:
        years = []
    if len(years) not in (1, 2) or years[0] > years[-1]:
        raise ConfigError(f"--years {text!r}: give a year (2019) or a range (2016-2019)")
    return years[0], years[-1]


def _lookup(raw: str, table: dict[str, str], what: str, choices: list[str]) -> str:
    hit = table.get(raw.strip().casefold())
    if hit is None:
        raise ConfigError(f"unknown {what} {raw!r}; choose one of: {', '.join(choices)}")
    return hit


def _province(raw: str) -> list[str]:
    if raw.strip().casefold() in ("border", "border provinces"):
        return vocab.border_provinces()
    table = {}
    for p in vocab.provinces():
        for key in (p.name, p.korean, p.code, *p.aliases):
            table[key.casefold()] = p.name
    return [_lookup(raw, table, "province", vocab.province_names() + ["border"])]


def _agency(raw: str) -> list[str]:
    table = {}
    for a in vocab.agencies():
        for key in (a.name, a.short, *a.aliases):
            if key:
                table[key.casefold()] = a.name
    return [_lookup(raw, table, "agency", vocab.agency_names())]


def _theme(raw: str) -> list[str]:
    table = {}
    for t in vocab.themes():
        table[t.id.casefold()] = table[t.label.casefold()] = t.id
    return [_lookup(raw, table, "theme", [t.label for t in vocab.themes()])]
