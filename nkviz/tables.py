"""Event tables on disk: write and read the canonical frame as CSV, Parquet, JSONL, GeoJSON, XLSX.

CSV joins list fields with ``;`` (spreadsheet users read them as text); JSONL and Parquet
keep lists as lists; GeoJSON writes one point feature per event that has coordinates and a
null geometry for the rest, so a GeoJSON file still holds every event. Reading any of them
back gives the canonical frame again (:func:`nkviz.schema.coerce`). XLSX holds the CSV's
columns on an "events" sheet (dates as dates, text always as text, never as a formula),
and may carry more sheets (the exports add column documentation and the filters).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from . import schema
from .errors import ConfigError
from .schema import COL, LIST_COLUMNS

FORMATS = ("csv", "parquet", "jsonl", "geojson", "xlsx")
XLSX_CELL_LIMIT = 32767  # characters Excel holds in one cell
XLSX_WIDTHS = {COL.EVIDENCE: 80, COL.TITLE: 40, COL.URL: 30, "meaning": 90, "value": 90,
               "in this file": 34}


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ConfigError(f"cannot write events as {suffix or 'a file without extension'!r}; "
                          f"use one of: {', '.join('.' + f for f in FORMATS)}")
    return suffix


def write_events(events: pd.DataFrame, path: str | Path) -> Path:
    """Write the canonical frame in the format named by the file's extension."""
    path = Path(path)
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        to_csv_frame(events).to_csv(path, index=False, encoding="utf-8")
    elif fmt == "parquet":
        to_plain_frame(events).to_parquet(path, index=False)
    elif fmt == "jsonl":
        path.write_text(to_jsonl(events), encoding="utf-8")
    elif fmt == "xlsx":
        to_xlsx(events, path)
    else:
        path.write_text(json.dumps(to_geojson(events), ensure_ascii=False), encoding="utf-8")
    return path


def read_events(path: str | Path) -> pd.DataFrame:
    """Read a file written by :func:`write_events` back into the canonical frame."""
    path = Path(path)
    fmt = format_of(path)
    if fmt == "csv":
        df = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    elif fmt == "parquet":
        df = pd.read_parquet(path)
    elif fmt == "jsonl":
        df = pd.read_json(path, lines=True, dtype=False)
    elif fmt == "xlsx":
        df = pd.read_excel(path, sheet_name="events", dtype=str, keep_default_na=False)
        df = df.replace({"": None})
    else:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        df = pd.DataFrame([f["properties"] for f in features])
    if len(df) == 0:
        return schema.empty_frame()
    return schema.coerce(df)


def to_plain_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Lists as lists, categories as strings: what Parquet and JSON want."""
    out = events.copy()
    for c in LIST_COLUMNS:
        out[c] = out[c].map(list)
    for c in schema.CATEGORY_COLUMNS:
        out[c] = out[c].astype(str)
    return out


def to_csv_frame(events: pd.DataFrame) -> pd.DataFrame:
    out = to_plain_frame(events)
    for c in LIST_COLUMNS:
        out[c] = out[c].map(";".join)
    for c in schema.DATETIME_COLUMNS:
        out[c] = out[c].dt.strftime("%Y-%m-%d").fillna("")
    return out


def _records(events: pd.DataFrame) -> list[dict]:
    out = to_plain_frame(events)
    for c in schema.DATETIME_COLUMNS:
        out[c] = out[c].dt.strftime("%Y-%m-%d")
    records = out.to_dict(orient="records")
    for r in records:
        for k, v in r.items():
            if isinstance(v, float) and math.isnan(v):
                r[k] = None
    return records


def to_jsonl(events: pd.DataFrame) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(events))


def to_geojson(events: pd.DataFrame) -> dict:
    features = []
    for r in _records(events):
        has_point = r[COL.LAT] is not None and r[COL.LON] is not None
        geometry = {"type": "Point", "coordinates": [r[COL.LON], r[COL.LAT]]} if has_point else None
        features.append({"type": "Feature", "id": r[COL.EVENT_ID], "geometry": geometry,
                         "properties": r})
    return {"type": "FeatureCollection", "features": features}


def to_xlsx(events: pd.DataFrame, target, *, sheets: dict[str, pd.DataFrame] | None = None,
            created=None) -> None:
    """Write an Excel workbook: the events sheet, then ``sheets`` (name -> frame) in order.

    ``target`` is a path or a binary file object. ``created`` (a datetime) is stored as the
    workbook's creation and modification time instead of now, so output can be reproduced.
    """
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    if created is not None:
        wb.properties.created = wb.properties.modified = created
    frame = to_plain_frame(events)
    for c in LIST_COLUMNS:
        frame[c] = frame[c].map(";".join)
    _xlsx_sheet(wb, "events", frame)
    for name, extra in (sheets or {}).items():
        _xlsx_sheet(wb, name, extra)
    # Workbook.save would stamp "modified" with the clock; the writer it calls does not.
    with ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()


def _xlsx_sheet(wb, name: str, frame: pd.DataFrame) -> None:
    """One sheet: a bold frozen header row, then the rows with safe cell values."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    for i, col in enumerate(frame.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = XLSX_WIDTHS.get(col, 16)
    header = []
    for col in frame.columns:
        cell = WriteOnlyCell(ws, value=str(col))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    columns = [_xlsx_column(ws, frame[c]) for c in frame.columns]
    for row in zip(*columns):
        ws.append(row)


def _xlsx_column(ws, column: pd.Series) -> list:
    """A column as cell values: dates as dates (shown yyyy-mm-dd), blanks as empty cells,
    text without the control characters Excel refuses, never read as a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if str(column.dtype).startswith("datetime"):
        return [None if pd.isna(v) else v.date() for v in column]
    if column.dtype.kind in "fc":
        return [None if v != v else float(v) for v in column.tolist()]
    if column.dtype.kind in "iub":
        return column.tolist()
    out = []
    for v in column.tolist():
        if isinstance(v, str):
            v = ILLEGAL_CHARACTERS_RE.sub("", v)[:XLSX_CELL_LIMIT]
            if v.startswith("="):  # openpyxl would store a formula: force text
                cell = WriteOnlyCell(ws, value=v)
                cell.data_type = "s"
                v = cell
        elif v is None or (isinstance(v, float) and math.isnan(v)):
            v = None
        out.append(v)
    return out
