"""Reference moments (leadership transition, summits, the 2020 border closure, ...) for timelines.

They live in ``data/moments.csv`` with the columns ``date,date_end,label,kind,source_url``,
each row sourced. Dates may be a day (``2019-02-27``), a month (``2020-01``) or a year; an
empty ``date_end`` means the moment covers just that day, month or year. A missing file
gives an empty table (``found`` is False) and a malformed row becomes a problem in words,
so a typo in the file never stops a chart.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .paths import data_file

COLUMNS = ("date", "date_end", "label", "kind", "source_url")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass
class Moments:
    """The moments as a frame (columns of :data:`COLUMNS`, dates as datetimes)."""

    frame: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    path: Path | None = None
    found: bool = True

    def __len__(self) -> int:
        return len(self.frame)


def default_path() -> Path:
    return data_file("moments.csv")


def empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    frame["date"] = frame["date"].astype("datetime64[ns]")
    frame["date_end"] = frame["date_end"].astype("datetime64[ns]")
    return frame


def parse_date(text: str, *, end: bool = False) -> pd.Timestamp | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or, with ``end``, last) day."""
    m = _DATE.match(text or "")
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if day is not None:
            return pd.Timestamp(year, month, day)
        if month is not None:
            start = pd.Timestamp(year, month, 1)
            return start + pd.offsets.MonthEnd(0) if end else start
        return pd.Timestamp(year, 12, 31) if end else pd.Timestamp(year, 1, 1)
    except ValueError:  # 2019-02-30, month 13
        return None


def load(path: str | Path | None = None) -> Moments:
    """Read the moments file; never raises for a missing file or a bad row."""
    path = Path(path) if path is not None else default_path()
    if not path.is_file():
        return Moments(empty_frame(), [], path, found=False)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return Moments(empty_frame(), [f"{path.name} could not be read: {exc}"], path)
    missing = [c for c in ("date", "label") if rows and c not in rows[0]]
    if missing:
        return Moments(empty_frame(), [f"{path.name} has no column {', '.join(missing)}"], path)
    records, problems = [], []
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        record, problem = _record(row)
        if problem:
            problems.append(f"{path.name} line {n}: {problem}")
        else:
            records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS)) if records else empty_frame()
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["date_end"] = pd.to_datetime(frame["date_end"]).astype("datetime64[ns]")
    return Moments(frame.sort_values("date", kind="stable").reset_index(drop=True), problems, path)


def _record(row: dict) -> tuple[dict | None, str]:
    label = (row.get("label") or "").strip()
    start = parse_date(row.get("date") or "")
    if not label:
        return None, "no label"
    if start is None:
        return None, f"date {row.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    end_text = (row.get("date_end") or "").strip()
    end = parse_date(end_text or row.get("date") or "", end=True)
    if end is None:
        return None, f"date_end {end_text!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    if end < start:
        return None, f"date_end {end_text} is before date {row.get('date')}"
    return {"date": start, "date_end": end, "label": label,
            "kind": (row.get("kind") or "").strip(),
            "source_url": (row.get("source_url") or "").strip()}, ""


def between(moments: pd.DataFrame, first, last) -> pd.DataFrame:
    """The moments that overlap ``[first, last]`` (either bound may be None)."""
    keep = pd.Series(True, index=moments.index)
    if first is not None:
        keep &= moments["date_end"] >= pd.Timestamp(first)
    if last is not None:
        keep &= moments["date"] <= pd.Timestamp(last)
    return moments.loc[keep]
