"""The filtered events as files: CSV, Excel (with sheets that document it), GeoJSON, and
the ingest report.

The writers are those of :mod:`nkviz.tables` (the same columns as ``nkviz ingest``
writes); this module adds what a briefer needs around them. The CSV starts with a UTF-8
byte-order mark so that spreadsheet programs read Korean text correctly, and text cells
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get
a leading apostrophe there. The Excel file keeps text as text without changing it (its
cells are typed) and adds a "columns" sheet (every column explained, from the schema's
own documentation) and a "filters" sheet (the filters, the description sentence, the
source line, the generation date).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd

from .. import __version__, schema, tables, vocab
from .. import filters as filters_mod
from ..errors import ConfigError, ExportError
from ..schema import COL, EVENT_COLUMNS
from .scope import ExportScope, source_line

FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument."
           "spreadsheetml.sheet", "geojson": "application/geo+json", "ingest": "application/json"}
EXTENSIONS = {"csv": "csv", "xlsx": "xlsx", "geojson": "geojson", "ingest": "json"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = (*schema.STR_COLUMNS, *schema.LIST_COLUMNS)


def data_bytes(scope: ExportScope, fmt: str) -> bytes:
    """The scope's events (or the ingest report) in ``fmt``: csv, xlsx, geojson or ingest."""
    if fmt == "csv":
        return events_csv(scope.events)
    if fmt == "xlsx":
        return events_xlsx(scope)
    if fmt == "geojson":
        return json.dumps(tables.to_geojson(scope.events), ensure_ascii=False).encode("utf-8")
    if fmt == "ingest":
        if scope.ingest is None:
            raise ExportError("There is no ingest report for these events: they were read from "
                              "an events table, not from report files.")
        return scope.ingest.to_json().encode("utf-8")
    raise ConfigError(f"unknown data format {fmt!r}; choose one of {', '.join(FORMATS)}")


def events_csv(events: pd.DataFrame) -> bytes:
    """CSV as :func:`nkviz.tables.write_events` writes it, with a BOM and formula guards."""
    frame = tables.to_csv_frame(events)
    for c in TEXT_COLUMNS:
        frame[c] = frame[c].map(_defuse)
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def _defuse(text: str) -> str:
    """A leading apostrophe for text a spreadsheet would evaluate as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def events_xlsx(scope: ExportScope) -> bytes:
    """Excel workbook: "events", "columns" (what each column means), "filters"."""
    buffer = io.BytesIO()
    created = dt.datetime.combine(scope.generated, dt.time())
    tables.to_xlsx(scope.events, buffer, created=created,
                   sheets={"columns": column_docs(), "filters": filters_sheet(scope)})
    return buffer.getvalue()


def column_docs() -> pd.DataFrame:
    """Every event column with its type and meaning, read from :mod:`nkviz.schema`'s table.

    The schema's docstring is the one place the columns are documented; reading it here
    keeps the sheet from drifting. The XLSX/CSV form of list columns is noted.
    """
    lines = (schema.__doc__ or "").splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("====")]
    if len(rules) < 3:
        raise ExportError("the column table in nkviz.schema's docstring is missing")
    a, b = _starts(lines[rules[0]])[1:3]
    rows: list[list[str]] = []
    for line in lines[rules[1] + 1:rules[2]]:
        if not line.strip():
            continue
        name, kind, meaning = line[:a].strip(), line[a:b].strip(), line[b:].strip()
        if name:
            rows.append([name, kind, meaning])
        elif rows:
            rows[-1][2] += " " + meaning
    docs = {}
    for name, kind, meaning in rows:
        for column in _names(name):
            docs[column] = (kind, meaning)
    missing = [c for c in EVENT_COLUMNS if c not in docs]
    if missing:
        raise ExportError(f"nkviz.schema documents no meaning for: {', '.join(missing)}")
    out = []
    for c in EVENT_COLUMNS:
        kind, meaning = docs[c]
        out.append((c, _in_file(c), meaning.replace("``", ""), kind))
    return pd.DataFrame(out, columns=["column", "in this file", "meaning", "schema type"])


def _in_file(column: str) -> str:
    """How a column's values look in the CSV and Excel files."""
    if column in schema.LIST_COLUMNS:
        return "text, items joined with ';'"
    if column in schema.DATETIME_COLUMNS:
        return "date (yyyy-mm-dd), empty when unknown"
    if column in schema.FLOAT_COLUMNS:
        return "number, empty when unknown"
    if column in schema.INT_COLUMNS:
        return "whole number"
    if column == COL.BORDER_REGION:
        return "True / False"
    if column in schema.CATEGORY_COLUMNS:
        return "one of: " + ", ".join(schema.CATEGORY_COLUMNS[column])
    return "text"


def _starts(rule: str) -> list[int]:
    """Where the columns of an RST simple table begin, from its rule ("====  ====  ====").

    A cell may run up to the next column's start (``published_precision`` fills its column).
    """
    return [i for i, ch in enumerate(rule) if ch == "=" and (i == 0 or rule[i - 1] == " ")]


def _names(cell: str) -> list[str]:
    """Column names in a table cell: "lat, lon" -> lat, lon; "evidence_start/end" -> both."""
    names = []
    for part in cell.split(","):
        part = part.strip()
        if "/" in part:
            first, *rest = part.split("/")
            stem = first.rsplit("_", 1)[0]
            names += [first] + [f"{stem}_{r}" for r in rest]
        elif part:
            names.append(part)
    return names


def filters_sheet(scope: ExportScope) -> pd.DataFrame:
    """The filters behind the file, one per row, with the sentence and source line."""
    f = scope.filters
    every = "all (no restriction)"
    years = every if f.years is None else f"{f.years[0]}–{f.years[1]}"
    rows = [
        ("description", filters_mod.describe(f, len(scope.events))),
        ("years", years),
        ("provinces", "; ".join(f.provinces) or every),
        ("agencies", "; ".join(f.agencies) or every),
        ("themes", "; ".join(f"{vocab.theme_label(t)} ({t})" for t in f.themes) or every),
        ("outlets", "; ".join(f.sources) or every),
        ("text search", f.text.strip() or "none"),
        ("date precision", f"at least {f.min_date_precision}" if f.min_date_precision != "unknown"
         else every),
        ("place precision", f"at least {f.min_geo_precision}" if f.min_geo_precision != "unknown"
         else every),
        ("dashboard link", "?" + filters_mod.query_string(f) if not f.is_empty() else "(no filters)"),
        ("events", str(len(scope.events))),
        ("reports", str(scope.reports)),
        ("source line", source_line(scope)),
        ("data", scope.label or "not recorded"),
        ("generated", scope.generated.isoformat()),
        ("nkviz version", __version__),
    ]
    return pd.DataFrame(rows, columns=["filter", "value"])


def undefused(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo the CSV's formula guards (for reading an exported CSV back exactly)."""
    out = frame.copy()
    for c in TEXT_COLUMNS:
        if c in out:
            out[c] = out[c].map(lambda v: v[1:] if isinstance(v, str) and v.startswith("'")
                                and v[1:].startswith(FORMULA_STARTS) else v)
    return out
