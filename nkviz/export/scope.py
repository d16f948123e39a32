"""What an export is about, and the words every export carries.

An :class:`ExportScope` is the filtered events plus the filters that made them, the date
of generation (passed in, never read from the clock here, so tests can compare bytes) and
where the data came from. The dashboard and the CLI both build one and hand it to the same
export functions. The helpers below turn a scope into the sentences printed on charts,
slides and sheets: the filters in plain words, the source line and, when the dates or
places of the view are imprecise enough to matter, a note saying so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from .. import filters as filters_mod
from ..filters import Filters
from ..ingest_report import IngestReport
from ..schema import COL

# A precision note is added when at least this share of the events is less precise.
NOTE_THRESHOLD = 0.10
OUTLETS_NAMED = 3


@dataclass(frozen=True)
class ExportScope:
    """The events an export shows (already filtered) and what it needs to say about them."""

    events: pd.DataFrame  # canonical event frame, filtered by ``filters``
    filters: Filters
    generated: dt.date
    label: str = ""  # where the data comes from, in words ("the bundled reports (reports/)")
    ingest: IngestReport | None = None

    @property
    def reports(self) -> int:
        return int(self.events[COL.REPORT_ID].nunique())


def subtitle(scope: ExportScope) -> str:
    """The active filters in plain words, joined by middle dots, and the number of events.

    "2016–2019 · North Hamgyong and Ryanggang · Ministry of State Security · 38 events"
    """
    n = len(scope.events)
    parts = filters_mod.describe_parts(scope.filters) or ["All years and provinces"]
    parts[0] = parts[0][:1].upper() + parts[0][1:]
    return " · ".join(parts + [f"{n:,} event{'s' if n != 1 else ''}"])


def outlets(events: pd.DataFrame, named: int = OUTLETS_NAMED) -> str:
    """The outlets behind the events, most frequent first: "Daily NK, RFA, NK News and 4 more"."""
    counts = events.loc[events[COL.SOURCE] != "", COL.SOURCE].value_counts()
    names = sorted(counts.index, key=lambda s: (-counts[s], s))
    if not names:
        return "outlets not recorded"
    shown = ", ".join(names[:named])
    rest = len(names) - named
    return shown + (f" and {rest} more" if rest > 0 else "")


def source_line(scope: ExportScope) -> str:
    """"Sources: Daily NK, RFA and 3 more · 214 reports · nkviz, generated 2026-11-22"."""
    n = scope.reports
    return (f"Sources: {outlets(scope.events)} · {n:,} report{'s' if n != 1 else ''} · "
            f"nkviz, generated {scope.generated.isoformat()}")


def precision_note(events: pd.DataFrame, kind: str) -> str:
    """A sentence on imprecise dates ("date") or places ("geo"), "" when too few to matter."""
    if len(events) == 0:
        return ""
    if kind == "date":
        shares = events[COL.DATE_PRECISION].astype(str).value_counts(normalize=True)
        words = [("month", "dated to the month only"), ("year", "to the year only"),
                 ("unknown", "undated")]
        exact = shares.get("day", 0.0)
    else:
        shares = events[COL.GEO_PRECISION].astype(str).value_counts(normalize=True)
        shares["region"] = shares.get("region", 0.0) + shares.get("country", 0.0)
        words = [("province", "placed only in a province"),
                 ("region", "only in a region or the country"), ("unknown", "not placed")]
        exact = shares.get("place", 0.0)
    if 1.0 - exact < NOTE_THRESHOLD:
        return ""
    parts = [f"{shares.get(code, 0.0):.0%} {text}" for code, text in words
             if shares.get(code, 0.0) >= 0.005]
    if not parts:
        return ""
    parts[0] = parts[0].replace("% ", "% of events ", 1)
    return ", ".join(parts) + "."


def slug(text: str) -> str:
    """File-name-safe lower-case words: "North Hamgyong" -> "north-hamgyong"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_name(scope: ExportScope, what: str, extension: str) -> str:
    """A descriptive file name: ``nkviz-timeline-2016-2019-ryanggang-2026-11-22.png``."""
    f = scope.filters
    bits = ["nkviz", what]
    if f.years:
        bits.append(f"{f.years[0]}-{f.years[1]}" if f.years[0] != f.years[1] else str(f.years[0]))
    for values in (f.provinces, f.agencies, f.themes, f.sources):
        if values:
            bits.append(values[0] + (f" and {len(values) - 1} more" if len(values) > 1 else ""))
    bits.append(scope.generated.isoformat())
    name = "-".join(s for s in (slug(b) for b in bits) if s)
    return f"{name[:120]}.{extension.lstrip('.')}"
