"""Where the command line's exports get their events: reports, or an events table.

Without paths, the bundled reports (as the dashboard shows them). With paths, report
files, folders and zips go through the loader; a single table written by ``nkviz ingest``
(recognised by its columns, not only its extension) is read back as it is, which is what
a weekly script does after one ``nkviz ingest``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from .. import filters as filters_mod
from .. import tables
from ..errors import ConfigError
from ..paths import REPORTS_DIR
from ..schema import EVENT_COLUMNS
from .scope import ExportScope

BUNDLED_LABEL = f"the bundled reports ({REPORTS_DIR.name}/)"  # as the dashboard says it


def load_scope(paths: list[Path] | None, chosen: filters_mod.Filters,
               generated: dt.date) -> ExportScope:
    """Load the events (and accounting) and filter them into an export scope."""
    from ..load import load_paths

    if not paths:
        result = load_paths([REPORTS_DIR])
        events, ingest, label = result.events, result.ingest, BUNDLED_LABEL
    elif len(paths) == 1 and is_events_table(paths[0]):
        events, ingest, label = tables.read_events(paths[0]), None, f"the events table {paths[0].name}"
    else:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise ConfigError(f"no such file or folder: {', '.join(missing)}")
        result = load_paths(paths, progress=True)
        events, ingest = result.events, result.ingest
        label = "reports from " + ", ".join(p.name for p in paths[:3]) + (
            f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return ExportScope(filters_mod.apply(events, chosen), chosen, generated, label, ingest)


def is_events_table(path: Path) -> bool:
    """Whether ``path`` is an events table (every canonical column), not a report file."""
    if not path.is_file():
        return False
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return True
        if suffix == ".geojson":
            features = json.loads(path.read_text(encoding="utf-8")).get("features") or [{}]
            return set(EVENT_COLUMNS) <= set(features[0].get("properties") or {})
        if suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as fh:
                return set(EVENT_COLUMNS) <= set(next(csv.reader(fh), []))
        if suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                return set(EVENT_COLUMNS) <= set(json.loads(fh.readline() or "{}"))
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
            return "events" in wb.sheetnames and set(EVENT_COLUMNS) <= {
                c.value for c in next(wb["events"].iter_rows(max_row=1))}
    except (OSError, ValueError, UnicodeDecodeError, StopIteration):
        return False
    return False
