"""Tables of reports: CSV/TSV, JSON (an array, or an object holding one), JSONL, XLSX.

One record (row, object, line) is one report. The text and metadata columns are found by
name (see :mod:`.fields`) or named by the caller. A file without a text column is
rejected as a whole, naming the columns it has; a record without text is rejected on its
own. Text that holds HTML (a CMS export) is reduced to prose; every text goes through the
boilerplate rules, since exported article bodies keep their captions and related links.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Mapping

from . import boilerplate, text
from .base import Meta, Options, Parsed, Piece, Rejected
from .fields import as_text, key, map_columns, meta_from

RECORD_KEYS = ("items", "data", "records", "articles", "results", "entries", "posts",
               "reports", "documents", "docs", "rows", "stories", "news", "hits", "objects",
               "list", "values", "feed", "content")
_HTML_HINT = ("</p>", "<br", "</div>", "<p>", "<p ", "</a>", "</li>", "<img")
DELIMITERS = ",;\t|"

try:  # report texts in cells can be long; the csv default limit is 128 KiB
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # 32-bit platforms
    csv.field_size_limit(2**31 - 1)


def read_csv(source: str, opts: Options, *, delimiter: str | None = None) -> Parsed:
    """Records of a CSV or TSV text (delimiter guessed from the header line if not given)."""
    source = source.lstrip("\ufeff")
    first, _, rest = source.partition("\n")
    if re.fullmatch(r"sep=(.)\r?", first):  # Excel's "sep=;" line names the delimiter
        delimiter, source = first[4], rest
    if delimiter is None:
        header = source.split("\n", 1)[0]
        delimiter = max(DELIMITERS, key=header.count) if any(
            d in header for d in DELIMITERS) else ","
    reader = csv.reader(io.StringIO(source, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader if row]  # a truly blank line is not a record
    except csv.Error as err:
        return Parsed.rejected("unreadable", f"is not well-formed CSV near line "
                                             f"{reader.line_num}: {err}")
    if not rows:
        return Parsed.rejected("empty", "holds no rows")
    columns = _unique([c.strip() for c in rows[0]])
    if len(rows) == 1:
        return Parsed.rejected("empty", f"has a header row ({_names(columns)}) but no data "
                                        "rows")
    records = (dict(zip(columns, row)) for row in rows[1:])
    return read_records(records, columns, opts, label="row")


def read_json(source: str, opts: Options) -> Parsed:
    """Records of a JSON document: an array of objects, or an object with such an array
    under a key like items/data/articles, or a single object that is itself a report."""
    try:
        data = json.loads(source)
    except (ValueError, RecursionError) as err:
        return Parsed.rejected("unreadable", f"is not valid JSON ({_json_error(err)})")
    found = _record_list(data)
    if found is None:
        if isinstance(data, Mapping) and map_columns(data.keys(), opts.text_field,
                                                     dict(opts.field_map))["text"]:
            return read_records([data], list(data.keys()), opts, label="", single=True)
        kind = "an object" if isinstance(data, Mapping) else f"a {type(data).__name__}"
        keys = f" with keys {_names(list(data.keys()))}" if isinstance(data, Mapping) else ""
        return Parsed.rejected("no_text_column", f"is {kind}{keys}: no list of records and "
                                                 "no text field (name one with text_field)")
    items: list = []
    for n, record in enumerate(found, 1):
        if isinstance(record, str):
            record = {"text": record}  # an array of plain texts
        elif not isinstance(record, Mapping):
            record = Rejected("not_a_report", f"item {n} is a JSON "
                                              f"{type(record).__name__}, not an object",
                              f"item {n}", n)
        items.append(record)
    return read_records(items, _columns(items), opts, label="item")


def read_jsonl(source: str, opts: Options) -> Parsed:
    """Records of a JSON Lines file; a line that is not a JSON object is rejected alone."""
    records = []
    for number, line in enumerate(source.split("\n"), 1):
        if not line.strip():
            continue
        n = len(records) + 1
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            obj = Rejected("unreadable", f"line {number} is not valid JSON "
                                         f"({_json_error(err)})", f"line {number}", n)
        if not isinstance(obj, (Mapping, Rejected)):
            obj = Rejected("not_a_report", f"line {number} is a JSON "
                                           f"{type(obj).__name__}, not an object",
                           f"line {number}", n)
        records.append(obj)
    if not records:
        return Parsed.rejected("empty", "holds no JSON lines")
    good = [r for r in records if isinstance(r, Mapping)]
    return read_records(records, _columns(good), opts, label="line")


def read_xlsx(data: bytes, opts: Options) -> Parsed:
    """Records of an Excel workbook: every sheet with a header row and a text column."""
    from openpyxl import load_workbook  # imported late: heavy and rarely needed

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for damaged files
        return Parsed.rejected("unreadable", f"is not a readable Excel workbook ({err})")
    records, columns = [], []
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            continue
        names = _unique([str(c).strip() if c is not None else "" for c in header])
        columns += [c for c in names if c not in columns]
        records += [dict(zip(names, row)) for row in rows if any(v not in (None, "")
                                                                   for v in row)]
    book.close()
    if not records:
        return Parsed.rejected("empty", "holds no rows under a header row")
    return read_records(records, columns, opts, label="row")


def read_records(records: Iterable, columns: list[str], opts: Options, *, label: str,
                 single: bool = False) -> Parsed:
    """Pieces from records (mappings, or Rejected placeholders kept in order)."""
    mapping = map_columns(columns, opts.text_field, dict(opts.field_map))
    text_col = mapping["text"]
    if text_col is None:
        asked = f"column {opts.text_field!r} is not among" if opts.text_field else \
            "no column holds report text among"
        return Parsed.rejected("no_text_column", f"{asked} its columns ({_names(columns)}); "
                                                 "name the text column with text_field")
    parsed = Parsed(note=f"text from column {text_col!r}")
    for n, record in enumerate(records, 1):
        where, index = ("", 0) if single else (f"{label} {n}", n)
        if isinstance(record, Rejected):
            parsed.items.append(record)
            continue
        meta, problems = meta_from(record, mapping)
        for p in problems:
            parsed.problem(where, "bad_metadata", p)
        body = clean_cell(as_text(record.get(text_col)), meta)
        if not body.strip():
            parsed.items.append(Rejected("empty", f"{where or 'it'} has no text in column "
                                                  f"{text_col!r}", where, index))
        else:
            parsed.items.append(Piece(body, meta, where, index))
    return parsed


def clean_cell(value: str, meta: Meta) -> str:
    """The prose of a text cell: HTML reduced to text, title repeats and boilerplate gone."""
    if any(h in value for h in _HTML_HINT):
        from .html import fragment_text

        value = fragment_text(value)
    lines = boilerplate.normalise_lines(value)
    if meta.title:
        _, lines = text.take_title(lines, meta.title)
    return boilerplate.unwrap(boilerplate.clean_lines(lines))


def _record_list(data, depth: int = 0):
    """The list of records inside a JSON document, or None."""
    if isinstance(data, list):
        return [_unwrap(r) for r in data]
    if not isinstance(data, Mapping) or depth > 2:
        return None
    folded = {key(k): k for k in data}
    for name in RECORD_KEYS:
        value = data.get(folded.get(name, "\0"))
        if isinstance(value, list) and value:
            return [_unwrap(r) for r in value]
        if isinstance(value, Mapping) and (inner := _record_list(value, depth + 1)):
            return inner
    lists = [v for v in data.values() if isinstance(v, list) and v
             and all(isinstance(x, Mapping) for x in v)]
    return [_unwrap(r) for r in max(lists, key=len)] if lists else None


def _unwrap(record):
    """Search-engine exports wrap each record: {"_source": {...}}."""
    if isinstance(record, Mapping) and isinstance(record.get("_source"), Mapping):
        return record["_source"]
    return record


def _columns(records: list) -> list[str]:
    seen: dict[str, None] = {}
    for r in records[:1000]:
        if isinstance(r, Mapping):
            seen.update(dict.fromkeys(str(k) for k in r))
    return list(seen)


def _unique(names: list[str]) -> list[str]:
    out, seen = [], set()
    for i, name in enumerate(names, 1):
        name = name or f"column {i}"
        candidate, k = name, 2
        while candidate in seen:
            candidate, k = f"{name} ({k})", k + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def _names(columns: list[str], limit: int = 12) -> str:
    shown = ", ".join(repr(c) for c in columns[:limit])
    return shown + (f" and {len(columns) - limit} more" if len(columns) > limit else "") \
        if columns else "none"


def _json_error(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at line {err.lineno}, column {err.colno}"
    return "nested too deeply" if isinstance(err, RecursionError) else str(err)
