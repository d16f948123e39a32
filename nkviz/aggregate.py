"""The counts behind every chart and headline figure: pure pandas, no plotting, no Streamlit.

Events carry several agencies and themes, so counting "by theme" counts an event once under
each of its themes (the charts say so). Dates come at mixed precision: an event dated only
to a month cannot sit in a weekly bar, and one dated only to a year cannot sit in a monthly
or quarterly bar; :func:`counts_by_period` leaves those out and says how many it left out,
rather than pretending they happened on the first day of their period.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from . import vocab
from .errors import ConfigError
from .schema import COL, LIST_COLUMNS, precision_at_least

# Dimension names used across the dashboard, mapped to columns of the event frame.
DIMENSIONS = {"theme": COL.THEMES, "agency": COL.AGENCIES, "province": COL.ADMIN1,
              "source": COL.SOURCE, "date_precision": COL.DATE_PRECISION,
              "geo_precision": COL.GEO_PRECISION, "country": COL.COUNTRY}
GRANULARITIES = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
# The coarsest date precision an event may have and still be placed in a bar of this size.
NEEDS_PRECISION = {"week": "day", "month": "month", "quarter": "month", "year": "year"}
OTHER = "Other"
NONE = {"theme": "(no theme)", "agency": "(no agency named)", "province": "(no province)",
        "source": "(unknown outlet)", "country": "(unknown country)"}


def label(by: str | None, value) -> str:
    """How a value of a dimension is shown: theme ids become their taxonomy labels."""
    if by == "theme":
        return theme_labels().get(value, value)
    return str(value)


@cache
def theme_labels() -> dict[str, str]:
    """Theme id -> taxonomy label (the vocabulary is immutable within a process)."""
    return {t.id: t.label for t in vocab.themes()}


def column_of(by: str) -> str:
    """The frame column behind a dimension name; raises with the valid names otherwise."""
    if by not in DIMENSIONS:
        raise ConfigError(f"cannot group by {by!r}; choose one of {', '.join(DIMENSIONS)}")
    return DIMENSIONS[by]


def long(events: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per (event, value) of a dimension: ``pos`` (row position in ``events``)
    and ``value`` (a categorical).

    List columns give one row per item; events with no item (or an empty string) get the
    dimension's "none" label so totals still add up to every event. Built with numpy from
    the distinct value combinations, so it stays fast at 100,000 events.
    """
    col = column_of(by)
    none = NONE.get(by, "")
    if col not in LIST_COLUMNS:
        codes, uniq = pd.factorize(events[col].astype(str), sort=True)
        labels = [none if (u == "" and by in NONE) else u for u in uniq]
        value = _categorical(codes, labels)
        return pd.DataFrame({"pos": np.arange(len(events)), "value": value})
    combos, uniq = pd.factorize(events[col], use_na_sentinel=False)
    combos = np.asarray(combos, dtype=np.int64)
    uniq = [tuple(u) if len(u) else (none,) for u in uniq]  # an empty tuple counts as "none"
    names = sorted({v for u in uniq for v in u})
    index = {v: i for i, v in enumerate(names)}
    flat = np.fromiter((index[v] for u in uniq for v in u), dtype=np.int64)
    ulen = np.fromiter((len(u) for u in uniq), dtype=np.int64, count=len(uniq))
    uoff = np.concatenate([[0], np.cumsum(ulen)[:-1]]).astype(np.int64)
    lens = ulen[combos]
    pos = np.repeat(np.arange(len(events)), lens)
    first = np.repeat(np.cumsum(lens) - lens, lens)
    item = np.repeat(uoff[combos], lens) + (np.arange(len(pos)) - first)
    return pd.DataFrame({"pos": pos, "value": _categorical(flat[item], names)})


def _categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """A categorical from codes and labels, merging duplicate labels."""
    cats = list(dict.fromkeys(labels))
    remap = np.array([cats.index(label) for label in labels], dtype=np.int64)
    return pd.Categorical.from_codes(remap[codes] if len(codes) else codes, categories=cats)


def counts_by(events: pd.DataFrame, by: str, *, top: int | None = None,
              keep_none: bool = True) -> pd.Series:
    """Events per value of a dimension, largest first (precision codes keep their order)."""
    value = long(events, by)["value"]
    counts = value.value_counts(sort=False)
    if not keep_none and by in NONE:
        counts = counts.drop(NONE[by], errors="ignore")
    if by in ("date_precision", "geo_precision"):
        cats = list(events[column_of(by)].cat.categories)
        counts = counts.reindex(cats, fill_value=0)
    else:
        counts = counts[counts > 0]
        counts = counts.iloc[np.lexsort((counts.index.astype(str), -counts.to_numpy()))]
    counts.index = pd.Index(counts.index.astype(str), name=by)
    counts.name = "events"
    return counts.head(top) if top else counts


def top_values(events: pd.DataFrame, by: str, n: int) -> list[str]:
    """The ``n`` most frequent values of a dimension (ties broken by name, "none" left out)."""
    return list(counts_by(events, by, keep_none=False).index[:n])


def binnable(events: pd.DataFrame, granularity: str) -> pd.Series:
    """Mask of events whose date is precise enough for bars of this granularity."""
    if granularity not in GRANULARITIES:
        raise ConfigError(f"unknown granularity {granularity!r}; choose one of "
                          f"{', '.join(GRANULARITIES)}")
    return events[COL.DATE].notna() & precision_at_least(
        events[COL.DATE_PRECISION], NEEDS_PRECISION[granularity])


def period_start(dates: pd.Series, granularity: str) -> pd.Series:
    """The first day of each date's week (Monday), month, quarter or year."""
    if granularity not in GRANULARITIES:
        raise ConfigError(f"unknown granularity {granularity!r}; choose one of "
                          f"{', '.join(GRANULARITIES)}")
    day = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    if granularity == "week":  # 1970-01-01 was a Thursday: shift so weeks start on Monday
        start = day - ((day.astype(np.int64) + 3) % 7).astype("timedelta64[D]")
    elif granularity == "year":
        start = day.astype("datetime64[Y]").astype("datetime64[D]")
    else:
        month = day.astype("datetime64[M]")
        if granularity == "quarter":
            m = month.astype(np.int64)
            month = (m - m % 3).astype("datetime64[M]")
        start = month.astype("datetime64[D]")
    return pd.Series(start.astype("datetime64[ns]"), index=dates.index)


@dataclass(frozen=True)
class PeriodCounts:
    """Event counts per period (and per value of ``by``), and what could not be binned."""

    table: pd.DataFrame  # columns: period, value, events (value "" when not split)
    left_out: dict[str, int]  # date precision -> events too imprecise for these bars
    granularity: str
    by: str | None


def counts_by_period(events: pd.DataFrame, granularity: str = "month", *,
                     by: str | None = None, top: int = 7) -> PeriodCounts:
    """Events per period, split by the ``top`` values of ``by`` (the rest is "Other").

    Undated events and events dated less precisely than the bars are left out and
    counted in ``left_out`` by their precision, so the chart can say so in words.
    """
    ok = binnable(events, granularity)
    cols = [COL.DATE] + ([column_of(by)] if by else [])
    dated = events.loc[ok, list(dict.fromkeys(cols))]
    left = events.loc[~ok, COL.DATE_PRECISION].value_counts()
    left_out = {str(k): int(v) for k, v in left.items() if v}
    period = period_start(dated[COL.DATE], granularity).to_numpy()
    if by is None:
        table = pd.Series(period).value_counts().rename("events").rename_axis("period").reset_index()
        table["value"] = ""
    else:
        pairs = long(dated, by)
        pairs["period"] = period[pairs["pos"].to_numpy()]
        table = pairs.groupby(["period", "value"], observed=True).size().rename("events").reset_index()
        keep = set(top_values(dated, by, top))
        table["value"] = table["value"].astype(str)
        table.loc[~table["value"].isin(keep), "value"] = OTHER
        table = table.groupby(["period", "value"], as_index=False)["events"].sum()
    table = table.sort_values(["period", "value"]).reset_index(drop=True)
    return PeriodCounts(table.loc[:, ["period", "value", "events"]], left_out, granularity, by)


def crosstab(events: pd.DataFrame, rows: str, cols: str, *, top_rows: int | None = None,
             top_cols: int | None = None) -> pd.DataFrame:
    """Events per (row value, column value); an event counts in every pair it has.

    Rows and columns are ordered by frequency (largest first). Pairs are enumerated with
    numpy (every row item of an event against every column item of the same event) and
    counted with one ``bincount``, so 100,000 multi-label events take milliseconds.
    """
    a, b = long(events, rows), long(events, cols)
    a_pos, b_pos = a["pos"].to_numpy(), b["pos"].to_numpy()
    a_code = a["value"].array.codes.astype(np.int64)
    b_code = b["value"].array.codes.astype(np.int64)
    a_names, b_names = list(a["value"].array.categories), list(b["value"].array.categories)
    per_event = np.bincount(b_pos, minlength=len(events))
    b_first = np.concatenate([[0], np.cumsum(per_event)[:-1]])
    reps = per_event[a_pos]
    a_idx = np.repeat(np.arange(len(a_pos)), reps)
    within = np.arange(len(a_idx)) - np.repeat(np.cumsum(reps) - reps, reps)
    b_idx = b_first[a_pos][a_idx] + within
    grid = np.bincount(a_code[a_idx] * len(b_names) + b_code[b_idx],
                       minlength=len(a_names) * len(b_names)).reshape(len(a_names), len(b_names))
    table = pd.DataFrame(grid, index=pd.Index(a_names, name=rows),
                         columns=pd.Index(b_names, name=cols))
    row_order = _by_frequency(np.bincount(a_code, minlength=len(a_names)), a_names)
    col_order = _by_frequency(np.bincount(b_code, minlength=len(b_names)), b_names)
    if top_rows:
        row_order = [r for r in row_order if not r.startswith("(")][:top_rows]
    if top_cols:
        col_order = [c for c in col_order if not c.startswith("(")][:top_cols]
    return table.loc[row_order, col_order]


def _by_frequency(counts: np.ndarray, names: list[str]) -> list[str]:
    """Names with a non-zero count, most frequent first, ties by name."""
    return [names[i] for i in sorted(np.flatnonzero(counts), key=lambda i: (-counts[i], names[i]))]


def shares(table: pd.DataFrame) -> pd.DataFrame:
    """Each row of a count table as fractions of its row total (empty rows stay 0)."""
    totals = table.sum(axis=1).replace(0, np.nan)
    return table.div(totals, axis=0).fillna(0.0)


def top_labels(events: pd.DataFrame, key: np.ndarray, by: str, n: int = 3) -> pd.Series:
    """Per value of ``key`` (one per event), "label (count), ..." of its top ``n`` ``by`` values.

    ``key`` is aligned with ``events``' rows; the none label is left out. Counting is one
    ``bincount`` over (key, value) codes, so this stays cheap for many events.
    """
    pairs = long(events, by)
    event_keys, key_names = pd.factorize(np.asarray(key), sort=True)
    keys = event_keys[pairs["pos"].to_numpy()].astype(np.int64)
    value = pairs["value"].array
    names = list(value.categories)
    grid = np.bincount(keys * len(names) + value.codes.astype(np.int64),
                       minlength=len(key_names) * len(names)).reshape(len(key_names), len(names))
    if NONE.get(by) in names:
        grid[:, names.index(NONE[by])] = 0
    out = {}
    for k, row in zip(key_names, grid):
        best = sorted((i for i in np.flatnonzero(row)), key=lambda i: (-row[i], names[i]))[:n]
        out[k] = ", ".join(f"{label(by, names[i])} ({row[i]:,})" for i in best)
    return pd.Series(out, dtype=object)


def province_summary(events: pd.DataFrame, *, top: int = 3) -> pd.DataFrame:
    """One row per province of the vocabulary (all of them, zero when no events).

    Columns: code, korean, border, population, events, per_100k, top_themes, top_agencies.
    """
    provinces = vocab.provinces()
    out = pd.DataFrame({
        "province": [p.name for p in provinces], "code": [p.code for p in provinces],
        "korean": [p.korean for p in provinces], "border": [p.border_province for p in provinces],
        "population": [p.population_2008 for p in provinces],
    }).set_index("province")
    inside = events.loc[events[COL.ADMIN1].isin(out.index), [COL.ADMIN1, COL.THEMES, COL.AGENCIES]]
    out["events"] = inside[COL.ADMIN1].value_counts().reindex(out.index, fill_value=0)
    out["per_100k"] = out["events"] / out["population"] * 100_000
    key = inside[COL.ADMIN1].to_numpy()
    out["top_themes"] = top_labels(inside, key, "theme", top).reindex(out.index).fillna("")
    out["top_agencies"] = top_labels(inside, key, "agency", top).reindex(out.index).fillna("")
    return out


def place_summary(events: pd.DataFrame, *, top: int = 3) -> pd.DataFrame:
    """Events with coordinates grouped by place: one row per (place, lat, lon).

    Columns: place, country, admin1, lat, lon, events, top_themes, top_agencies; largest
    first. Grouped on integer codes (a pandas groupby on five columns is ten times slower).
    """
    keys = [COL.PLACE, COL.COUNTRY, COL.ADMIN1, COL.LAT, COL.LON]
    pts = events.loc[events[COL.LAT].notna() & events[COL.LON].notna(),
                     keys + [COL.THEMES, COL.AGENCIES]]
    codes = np.zeros(len(pts), dtype=np.int64)
    for col in (COL.PLACE, COL.LAT, COL.LON):
        c, uniq = pd.factorize(pts[col])
        codes = codes * (len(uniq) + 1) + c
    place_id = pd.factorize(codes)[0].astype(np.int64)  # groups in order of first appearance
    first = np.unique(place_id, return_index=True)[1]  # each group's first row
    out = pts.iloc[first][keys].reset_index(drop=True)
    out["events"] = np.bincount(place_id, minlength=len(first))
    out["top_themes"] = top_labels(pts, place_id, "theme", top).reindex(out.index).fillna("")
    out["top_agencies"] = top_labels(pts, place_id, "agency", top).reindex(out.index).fillna("")
    return out.sort_values("events", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the Overview page."""

    reports: int
    events: int
    provinces: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    share_undated: float
    share_no_province: float

    def span(self) -> str:
        if self.first is None:
            return "no dated events"
        a, b = self.first.year, self.last.year
        return str(a) if a == b else f"{a}–{b}"


def headline(events: pd.DataFrame) -> Headline:
    """Reports, events, provinces, date span and the shares lacking a date or a province."""
    n = len(events)
    dated = events[COL.DATE].dropna()
    ends = events[COL.DATE_END].dropna()
    has_province = events[COL.ADMIN1] != ""
    return Headline(
        reports=int(events[COL.REPORT_ID].nunique()),
        events=n,
        provinces=int(events.loc[has_province, COL.ADMIN1].nunique()),
        first=dated.min() if len(dated) else None,
        last=max(ends.max(), dated.max()) if len(dated) else None,
        share_undated=float((events[COL.DATE].isna()).mean()) if n else 0.0,
        share_no_province=float((~has_province).mean()) if n else 0.0,
    )
