"""The view filters: one plain dataclass shared by the dashboard, the URL, the CLI and exports.

``apply`` narrows a canonical event frame; ``describe`` says in words what a view shows
("412 events, 2016–2019, North Hamgyong and Ryanggang, Ministry of State Security"), so
every chart and export can carry the same sentence. ``to_query``/``from_query`` turn
filters into URL query parameters and back, in exactly the form the dashboard's widgets
write them (``?years=2016&years=2019&provinces=Ryanggang&themes=Prison+camps``), so a link
made anywhere opens the same view; a value that cannot be used becomes a notice in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlencode

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
        needle = f.text.strip()
        found = pd.Series(False, index=events.index)
        for col in (COL.EVIDENCE, COL.TITLE, COL.PLACE):
            found |= events[col].str.contains(needle, case=False, regex=False)
        mask &= found
    if f.min_date_precision != "unknown":
        mask &= precision_at_least(events[COL.DATE_PRECISION], f.min_date_precision)
    if f.min_geo_precision != "unknown":
        mask &= precision_at_least(events[COL.GEO_PRECISION], f.min_geo_precision)
    if mask.all():
        return events  # nothing filtered out: no copy (callers never modify frames)
    return events.loc[mask]


def _any_in(lists: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Mask of rows whose tuple shares an item with ``wanted``.

    Tested once per distinct tuple (a corpus has few distinct label combinations), not
    once per row.
    """
    wanted_set = set(wanted)
    codes, combos = pd.factorize(lists, use_na_sentinel=False)
    hit = [not wanted_set.isdisjoint(c) for c in combos]
    return pd.Series(pd.array(hit, dtype=bool)[codes] if len(codes) else [], index=lists.index,
                     dtype=bool)


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


# URL parameter name of each filter (also the dashboard's widget keys).
QUERY_KEYS = {
    "years": "years", "provinces": "provinces", "agencies": "agencies", "themes": "themes",
    "sources": "sources", "text": "q", "min_date_precision": "date_precision",
    "min_geo_precision": "geo_precision",
}
YEAR_BOUNDS = (1900, 2100)


@dataclass(frozen=True)
class Choices:
    """The values a link may use. ``sources``/``years`` None: any outlet, any plausible year."""

    provinces: tuple[str, ...] = field(default_factory=lambda: tuple(vocab.province_names()))
    agencies: tuple[str, ...] = field(default_factory=lambda: tuple(vocab.agency_names()))
    themes: tuple[str, ...] = field(default_factory=lambda: tuple(vocab.theme_ids()))
    sources: tuple[str, ...] | None = None
    years: tuple[int, int] | None = None


def to_query(f: Filters) -> dict[str, list[str] | str]:
    """The URL query parameters for ``f`` (restrictions only; themes by their labels)."""
    q: dict[str, list[str] | str] = {}
    if f.years is not None:
        q["years"] = [str(f.years[0]), str(f.years[1])]
    for name in ("provinces", "agencies", "sources"):
        if getattr(f, name):
            q[QUERY_KEYS[name]] = list(getattr(f, name))
    if f.themes:
        q["themes"] = [vocab.theme_label(t) for t in f.themes]
    if f.text.strip():
        q["q"] = f.text.strip()
    if f.min_date_precision != "unknown":
        q["date_precision"] = f.min_date_precision
    if f.min_geo_precision != "unknown":
        q["geo_precision"] = f.min_geo_precision
    return q


def query_string(f: Filters) -> str:
    """``to_query`` encoded, e.g. ``years=2016&years=2019&provinces=Ryanggang`` ("" if none)."""
    return urlencode(to_query(f), doseq=True)


def from_query(params: Mapping[str, str | Sequence[str]],
               choices: Choices | None = None) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, and a notice for every value that had to be ignored.

    Never raises on user input: unknown provinces, malformed years, unknown precision codes
    are dropped and described. Parameters that are not filters (page options) are left alone.
    """
    choices = choices or Choices()
    notices: list[str] = []
    values = {k: _as_list(v) for k, v in params.items()}
    changes: dict = {}
    if "years" in values:
        years, problem = _parse_years(values["years"], choices.years)
        if problem:
            notices.append(_notice("years", values["years"], problem))
        elif years is not None:
            changes["years"] = years
    for name, allowed, shown in (
        ("provinces", choices.provinces, None), ("agencies", choices.agencies, None),
        ("sources", choices.sources, None),
        ("themes", choices.themes, {vocab.theme_label(t): t for t in choices.themes}),
    ):
        raw = values.get(QUERY_KEYS[name])
        if raw is None:
            continue
        kept, bad = _pick(raw, allowed, shown)
        if bad:
            what = {"provinces": "not a province", "agencies": "not an agency",
                    "sources": "no such outlet in the data", "themes": "not a theme label"}[name]
            notices.append(_notice(QUERY_KEYS[name], bad, what))
        if kept:
            changes[name] = tuple(kept)
    if "q" in values:
        changes["text"] = " ".join(values["q"]).strip()
    for name, kind in (("min_date_precision", "date"), ("min_geo_precision", "geo")):
        raw = values.get(QUERY_KEYS[name])
        if not raw:
            continue
        if raw[-1] in PRECISION_CHOICES[kind]:
            changes[name] = raw[-1]
        else:
            notices.append(_notice(QUERY_KEYS[name], raw, "choose one of "
                                   + ", ".join(PRECISION_CHOICES[kind])))
    return Filters().with_(**changes), notices


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _pick(raw: list[str], allowed, shown: dict | None) -> tuple[list[str], list[str]]:
    """Split URL values into known canonical values (in order, no repeats) and unknown ones."""
    kept, bad = [], []
    for v in raw:
        canonical = shown.get(v) if shown is not None else (v if allowed is None or v in allowed else None)
        if canonical is None:
            bad.append(v)
        elif canonical not in kept:
            kept.append(canonical)
    return kept, bad


def _parse_years(raw: list[str], bounds: tuple[int, int] | None) -> tuple[tuple[int, int] | None, str]:
    lo, hi = bounds or YEAR_BOUNDS
    try:
        years = [int(v) for v in raw]
    except ValueError:
        return None, "years must be two whole numbers, e.g. years=2016&years=2019"
    if len(years) != 2:
        return None, "give a first and a last year, e.g. years=2016&years=2019"
    a, b = years
    if a > b:
        return None, "the first year is after the last"
    if a < lo or b > hi:
        return None, f"outside the years in the data ({lo}–{hi})"
    if bounds is not None and (a, b) == (lo, hi):
        return None, ""  # the whole range: no restriction
    return (a, b), ""


def _notice(key: str, values, why: str) -> str:
    shown = ", ".join(values) if isinstance(values, (list, tuple)) else str(values)
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return f"Ignored {key}={shown} from the link: {why}."
