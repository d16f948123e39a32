"""Event tables on disk: write and read the canonical frame as CSV, Parquet, JSONL, GeoJSON.

CSV joins list fields with ``;`` (spreadsheet users read them as text); JSONL and Parquet
keep lists as lists; GeoJSON writes one point feature per event that has coordinates and a
null geometry for the rest, so a GeoJSON file still holds every event. Reading any of them
back gives the canonical frame again (:func:`nkviz.schema.coerce`).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from . import schema
from .errors import ConfigError
from .schema import COL, LIST_COLUMNS

FORMATS = ("csv", "parquet", "jsonl", "geojson")


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
