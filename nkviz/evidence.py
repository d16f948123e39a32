"""Events as people read them: table rows with the evidence, and one event in detail.

Pure pandas, no Streamlit: the Events page shows what these functions return, the
exports can reuse them. Text is returned as plain strings; whoever displays it must
escape it (Streamlit's dataframes and ``st.text`` do).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import aggregate
from .errors import ConfigError
from .schema import COL

SORTS = {
    "newest": ([COL.DATE, COL.EVENT_ID], [False, True]),
    "oldest": ([COL.DATE, COL.EVENT_ID], [True, True]),
    "province": ([COL.ADMIN1, COL.DATE], [True, False]),
    "outlet": ([COL.SOURCE, COL.DATE], [True, False]),
}
TABLE_COLUMNS = ("date", "place", "evidence", "agencies", "themes", "outlet", "link", "province",
                 "date precision", "geo precision", "event")


def date_words(start, end, precision: str) -> str:
    """A date as precise as it is known: "2019-03-12", "2019-03 (month)", "2019 (year)"."""
    if pd.isna(start):
        return "unknown"
    if precision == "month":
        return f"{start:%Y-%m} (month)"
    if precision == "year":
        return f"{start:%Y} (year)"
    if pd.notna(end) and end != start:
        return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    return f"{start:%Y-%m-%d}"


def table(events: pd.DataFrame, *, sort: str = "newest", limit: int | None = 1000) -> pd.DataFrame:
    """Display rows for events (sorted, at most ``limit``), one column per :data:`TABLE_COLUMNS`.

    Undated events sort last whatever the order.
    """
    if sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    by, ascending = SORTS[sort]
    ordered = events.sort_values(by, ascending=ascending, na_position="last", kind="stable",
                                 key=_blank_last)
    if limit is not None:
        ordered = ordered.head(limit)
    theme = aggregate.theme_labels()
    return pd.DataFrame({
        "date": [date_words(a, b, p) for a, b, p in zip(
            ordered[COL.DATE], ordered[COL.DATE_END], ordered[COL.DATE_PRECISION].astype(str))],
        "place": ordered[COL.PLACE].to_numpy(),
        "province": ordered[COL.ADMIN1].to_numpy(),
        "agencies": ordered[COL.AGENCIES].map("; ".join).to_numpy(),
        "themes": ordered[COL.THEMES].map(lambda t: "; ".join(theme.get(x, x) for x in t)).to_numpy(),
        "evidence": ordered[COL.EVIDENCE].to_numpy(),
        "outlet": ordered[COL.SOURCE].to_numpy(),
        "link": [u if u.startswith(("http://", "https://")) else None for u in ordered[COL.URL]],
        "date precision": ordered[COL.DATE_PRECISION].astype(str).to_numpy(),
        "geo precision": ordered[COL.GEO_PRECISION].astype(str).to_numpy(),
        "event": ordered[COL.EVENT_ID].to_numpy(),
    }, columns=list(TABLE_COLUMNS))


def _blank_last(column: pd.Series) -> pd.Series:
    """Sort key: empty strings (no province, no outlet) count as missing, so they go last."""
    if column.dtype.kind in "OUT" or str(column.dtype) in ("str", "string"):
        return column.mask(column == "")
    return column


@dataclass(frozen=True)
class Detail:
    """One event with what it rests on: the report text around it and the cues."""

    event: pd.Series
    title: str
    url: str
    source: str
    published: str
    before: str  # report text before the evidence ("" when the report is unknown)
    evidence: str
    after: str
    located: bool  # whether the evidence was found in the report text
    cues: pd.DataFrame  # columns: label, value, read from


def find(events: pd.DataFrame, event_id: str) -> pd.Series | None:
    """The event with this id, or None."""
    hit = events.loc[events[COL.EVENT_ID] == event_id]
    return hit.iloc[0] if len(hit) else None


def detail(event: pd.Series, reports: pd.DataFrame) -> Detail:
    """The event, the text of its report split around its evidence, and its cues."""
    report = reports.loc[reports["report_id"] == event[COL.REPORT_ID]]
    text = str(report.iloc[0]["text"]) if len(report) else ""
    before, evidence, after, located = _split(text, event)
    published = event[COL.PUBLISHED]
    return Detail(
        event=event, title=event[COL.TITLE], url=event[COL.URL], source=event[COL.SOURCE],
        published=date_words(published, published, str(event[COL.PUBLISHED_PRECISION])),
        before=before, evidence=evidence, after=after, located=located, cues=cues(event),
    )


def _split(text: str, event: pd.Series) -> tuple[str, str, str, bool]:
    """Text before, at and after the evidence: by offsets, else by searching for it."""
    ev = str(event[COL.EVIDENCE])
    start, end = int(event[COL.EVIDENCE_START]), int(event[COL.EVIDENCE_END])
    if text and 0 <= start < end <= len(text) and text[start:end].strip() == ev.strip():
        return text[:start], text[start:end], text[end:], True
    at = text.find(ev) if ev and text else -1
    if at >= 0:
        return text[:at], ev, text[at + len(ev):], True
    return text, ev, "", False


def cues(event: pd.Series) -> pd.DataFrame:
    """Why the event has its labels: each label with the words it was read from."""
    rows = [("date", date_words(event[COL.DATE], event[COL.DATE_END], str(event[COL.DATE_PRECISION]))
             + f" ({event[COL.DATE_BASIS]})", event[COL.DATE_TEXT]),
            ("place", " / ".join(x for x in (event[COL.PLACE], event[COL.ADMIN1], event[COL.COUNTRY]) if x)
             + f" ({event[COL.GEO_PRECISION]})", event[COL.PLACE_TEXT])]
    agencies, agency_cues = event[COL.AGENCIES], event[COL.AGENCY_CUES]
    for i, a in enumerate(agencies):
        rows.append(("agency", a, agency_cues[i] if i < len(agency_cues) else ""))
    themes, theme_cues = event[COL.THEMES], event[COL.THEME_CUES]
    for i, t in enumerate(themes):
        rows.append(("theme", aggregate.label("theme", t), theme_cues[i] if i < len(theme_cues) else ""))
    return pd.DataFrame(rows, columns=["label", "value", "read from"])
