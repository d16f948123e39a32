"""The view filters: one plain dataclass shared by the dashboard, the URL, the CLI and exports.

``apply`` narrows a canonical event frame; ``describe`` says in words what a view shows
("412 events, 2016–2019, North Hamgyong and Ryanggang, Ministry of State Security"), so
every chart and export can carry the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import pandas as pd

from . import vocab
from .schema import COL, DATE_PRECISIONS, GEO_PRECISIONS, precision_at_least


@dataclass(frozen=True)
class Filters:
    """What a viewer has chosen. Empty tuples and None mean "no restriction"."""

    years: tuple[int, int] | None = None  # inclusive range of event years
    provinces: tuple[str, ...] = field(default=())  # canonical admin1 names
    agencies: tuple[str, ...] = field(default=())  # canonical agency names
    themes: tuple[str, ...] = field(default=())  # theme ids
    sources: tuple[str, ...] = field(default=())  # outlets
    text: str = ""  # case-insensitive search in evidence, title and place
    min_date_precision: str = "unknown"  # keep events at least this precise
    min_geo_precision: str = "unknown"

    def is_empty(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)


def apply(events: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events that pass every filter. Pure: the input frame is not modified.

    A year range keeps only dated events whose date (start) falls inside it; undated
    events pass when no year range is set.
    """
    mask = pd.Series(True, index=events.index)
    if f.years is not None:
        years = events[COL.DATE].dt.year
        mask &= years.between(f.years[0], f.years[1])
    if f.provinces:
        mask &= events[COL.ADMIN1].isin(f.provinces)
    if f.agencies:
        mask &= _any_in(events[COL.AGENCIES], f.agencies)
    if f.themes:
        mask &= _any_in(events[COL.THEMES], f.themes)
    if f.sources:
        mask &= events[COL.SOURCE].isin(f.sources)
    if f.text.strip():
        needle = f.text.strip().lower()
        hay = (events[COL.EVIDENCE] + " " + events[COL.TITLE] + " " + events[COL.PLACE])
        mask &= hay.str.lower().str.contains(needle, regex=False)
    if f.min_date_precision != "unknown":
        mask &= precision_at_least(events[COL.DATE_PRECISION], f.min_date_precision)
    if f.min_geo_precision != "unknown":
        mask &= precision_at_least(events[COL.GEO_PRECISION], f.min_geo_precision)
    return events.loc[mask]


def _any_in(lists: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return lists.map(lambda values: not wanted_set.isdisjoint(values)).astype(bool)


def describe(f: Filters, n_events: int | None = None) -> str:
    """The view in words, e.g. "412 events, 2016–2019, Ryanggang, Ministry of State Security"."""
    parts = []
    if n_events is not None:
        parts.append(f"{n_events:,} event{'s' if n_events != 1 else ''}")
    parts.extend(describe_parts(f) or ["all years, all provinces"])
    return ", ".join(parts)


def describe_parts(f: Filters) -> list[str]:
    """The active filters as short phrases (empty when nothing is filtered)."""
    parts = []
    if f.years is not None:
        a, b = f.years
        parts.append(str(a) if a == b else f"{a}–{b}")
    if f.provinces:
        parts.append(_join(f.provinces))
    if f.agencies:
        parts.append(_join(f.agencies))
    if f.themes:
        parts.append(_join([vocab.theme_label(t) for t in f.themes]))
    if f.sources:
        parts.append("from " + _join(f.sources, "or"))
    if f.text.strip():
        parts.append(f'matching "{f.text.strip()}"')
    if f.min_date_precision != "unknown":
        parts.append(f"dated to the {f.min_date_precision} or better")
    if f.min_geo_precision != "unknown":
        parts.append(f"placed to the {f.min_geo_precision} or better")
    return parts


def _join(items, word: str = "and") -> str:
    items = list(items)
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


FILTER_FIELDS = tuple(fl.name for fl in fields(Filters))
PRECISION_CHOICES = {"date": DATE_PRECISIONS, "geo": GEO_PRECISIONS}
