"""The canonical event schema: the one table every part of nkviz produces or consumes.

Readers produce :class:`Report` objects; the extractors turn each report into
:class:`Event` objects; :func:`to_frame` makes the canonical pandas DataFrame that charts,
filters and exports accept (and :func:`validate` checks). Column names are the constants
of :class:`COL`; nothing else in the code base spells them as strings.

Column reference (one row = one event: an incident or development at a time and place):

==================  ===========  ==========================================================
column              dtype        meaning
==================  ===========  ==========================================================
event_id            str          ``<report_id>:<n>``, unique in a corpus
report_id           str          input file stem; ``stem#n`` for the n-th record or post
title               str          report title ("" when unknown)
source              str          outlet (Daily NK, RFA, ...), "" when unknown
url                 str          report URL, "" when unknown
published           datetime     publication date (start of its period), NaT if unknown
published_precision category     day / month / year / unknown
date                datetime     start of the event's date, NaT when unknown
date_end            datetime     end of the date range (same as date for a single day)
date_precision      category     day / month / year / unknown
date_basis          category     stated / relative / published / unknown
date_text           str          the words the date was read from ("" if none)
place               str          canonical place name ("" when unknown)
place_text          str          the words the place was read from
admin1              str          canonical province (taxonomy name), "" if none/abroad
admin1_code         str          ISO 3166-2:KP code of admin1, ""
country             str          country name ("North Korea", "China", ...), ""
lat, lon            float        coordinates of the place (NaN for province-level and
                                 vaguer events: they shade a province, not a point)
geo_precision       category     place / province / region / country / unknown
border_km           float        geodesic distance to the China/Russia border, NaN if no
                                 coordinates
border_region       bool         one of the five border provinces, or near the border
agencies            tuple[str]   canonical agency names
agency_cues         tuple[str]   the words each agency was read from (aligned)
themes              tuple[str]   theme ids of the taxonomy
theme_cues          tuple[str]   the words each theme was read from (aligned)
evidence            str          the sentence(s) stating the event (plain text)
evidence_start/end  int          character offsets of the evidence in the report text
language            str          report language code ("en", "ko", "")
==================  ===========  ==========================================================

In CSV exports list columns are joined with ``;``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from .errors import ConfigError, SchemaError

DATE_PRECISIONS = ("day", "month", "year", "unknown")  # most to least precise
DATE_BASES = ("stated", "relative", "published", "unknown")
GEO_PRECISIONS = ("place", "province", "region", "country", "unknown")


class COL:
    """Column names of the canonical event frame."""

    EVENT_ID = "event_id"
    REPORT_ID = "report_id"
    TITLE = "title"
    SOURCE = "source"
    URL = "url"
    PUBLISHED = "published"
    PUBLISHED_PRECISION = "published_precision"
    DATE = "date"
    DATE_END = "date_end"
    DATE_PRECISION = "date_precision"
    DATE_BASIS = "date_basis"
    DATE_TEXT = "date_text"
    PLACE = "place"
    PLACE_TEXT = "place_text"
    ADMIN1 = "admin1"
    ADMIN1_CODE = "admin1_code"
    COUNTRY = "country"
    LAT = "lat"
    LON = "lon"
    GEO_PRECISION = "geo_precision"
    BORDER_KM = "border_km"
    BORDER_REGION = "border_region"
    AGENCIES = "agencies"
    AGENCY_CUES = "agency_cues"
    THEMES = "themes"
    THEME_CUES = "theme_cues"
    EVIDENCE = "evidence"
    EVIDENCE_START = "evidence_start"
    EVIDENCE_END = "evidence_end"
    LANGUAGE = "language"


STR_COLUMNS = (
    COL.EVENT_ID, COL.REPORT_ID, COL.TITLE, COL.SOURCE, COL.URL, COL.DATE_TEXT, COL.PLACE,
    COL.PLACE_TEXT, COL.ADMIN1, COL.ADMIN1_CODE, COL.COUNTRY, COL.EVIDENCE, COL.LANGUAGE,
)
DATETIME_COLUMNS = (COL.PUBLISHED, COL.DATE, COL.DATE_END)
FLOAT_COLUMNS = (COL.LAT, COL.LON, COL.BORDER_KM)
INT_COLUMNS = (COL.EVIDENCE_START, COL.EVIDENCE_END)
LIST_COLUMNS = (COL.AGENCIES, COL.AGENCY_CUES, COL.THEMES, COL.THEME_CUES)
CATEGORY_COLUMNS = {
    COL.PUBLISHED_PRECISION: DATE_PRECISIONS,
    COL.DATE_PRECISION: DATE_PRECISIONS,
    COL.DATE_BASIS: DATE_BASES,
    COL.GEO_PRECISION: GEO_PRECISIONS,
}

EVENT_COLUMNS = (
    COL.EVENT_ID, COL.REPORT_ID, COL.TITLE, COL.SOURCE, COL.URL, COL.PUBLISHED,
    COL.PUBLISHED_PRECISION, COL.DATE, COL.DATE_END, COL.DATE_PRECISION, COL.DATE_BASIS,
    COL.DATE_TEXT, COL.PLACE, COL.PLACE_TEXT, COL.ADMIN1, COL.ADMIN1_CODE, COL.COUNTRY,
    COL.LAT, COL.LON, COL.GEO_PRECISION, COL.BORDER_KM, COL.BORDER_REGION, COL.AGENCIES,
    COL.AGENCY_CUES, COL.THEMES, COL.THEME_CUES, COL.EVIDENCE, COL.EVIDENCE_START,
    COL.EVIDENCE_END, COL.LANGUAGE,
)


@dataclass
class Report:
    """One report as read from an input, before extraction.

    ``published`` is the first day of its period; ``published_precision`` says whether the
    day, month or only the year is known. ``text`` is the body with boilerplate (captions,
    credits, bylines, bios, related links) already removed by the reader.
    """

    report_id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    published_precision: str = "unknown"
    language: str = ""
    input: str = ""  # the file (or archive member) it came from
    record: str = ""  # where inside that input: "row 3", "item 2", "post 5", ""

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction depends on: the cache key for parsed reports."""
        h = hashlib.blake2b(digest_size=16)
        for part in (self.report_id, self.title, self.source, self.url, self.language,
                     self.published.isoformat() if self.published else "",
                     self.published_precision, self.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        return h.hexdigest()


@dataclass
class Event:
    """One event; field names and meanings are those of the module docstring."""

    event_id: str
    report_id: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    published_precision: str = "unknown"
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "unknown"
    date_basis: str = "unknown"
    date_text: str = ""
    place: str = ""
    place_text: str = ""
    admin1: str = ""
    admin1_code: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = "unknown"
    border_km: float | None = None
    border_region: bool = False
    agencies: tuple[str, ...] = field(default=())
    agency_cues: tuple[str, ...] = field(default=())
    themes: tuple[str, ...] = field(default=())
    theme_cues: tuple[str, ...] = field(default=())
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    language: str = ""


REPORT_COLUMNS = (
    "report_id", "title", "source", "url", "published", "published_precision", "language",
    "input", "record", "text",
)


def reports_frame(reports: Iterable[Report]) -> pd.DataFrame:
    """The reports behind the events (one row each), for detail views and exports."""
    df = pd.DataFrame.from_records([vars(r) for r in reports], columns=list(REPORT_COLUMNS))
    df["published"] = pd.to_datetime(df["published"], errors="coerce").astype("datetime64[ns]")
    for c in REPORT_COLUMNS:
        if c != "published":
            df[c] = df[c].fillna("").astype(str)
    return df


def empty_frame() -> pd.DataFrame:
    """A frame with every canonical column and no rows."""
    return to_frame([])


def to_frame(events: Iterable[Event | dict]) -> pd.DataFrame:
    """Build the canonical frame from events (dataclasses or dicts with the same keys)."""
    rows = [vars(e) if isinstance(e, Event) else e for e in events]  # flat: no deep copy
    df = pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
    return coerce(df)


def coerce(df: pd.DataFrame) -> pd.DataFrame:
    """Give a frame with the canonical columns their canonical dtypes (returns a copy).

    Used after reading events back from CSV/JSONL/parquet so that a round trip yields the
    same frame. List columns accept tuples, lists, or ``;``-joined strings.
    """
    missing = [c for c in EVENT_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing event columns: {', '.join(missing)}")
    out = df.loc[:, list(EVENT_COLUMNS)].copy()
    for c in STR_COLUMNS:
        out[c] = _text(out[c], "")
    for c in DATETIME_COLUMNS:
        out[c] = pd.to_datetime(out[c], errors="coerce").astype("datetime64[ns]")
    for c in FLOAT_COLUMNS:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    for c in INT_COLUMNS:
        out[c] = pd.to_numeric(out[c], errors="coerce").fillna(0).astype("int64")
    out[COL.BORDER_REGION] = out[COL.BORDER_REGION].map(_as_bool).astype(bool)
    for c in LIST_COLUMNS:
        out[c] = out[c].map(_as_tuple).astype(object)
    for c, cats in CATEGORY_COLUMNS.items():
        out[c] = pd.Categorical(_text(out[c], "unknown"), categories=cats,
                                ordered=True)
    return out.reset_index(drop=True)


def _text(col: pd.Series, missing: str) -> pd.Series:
    """Strings, with ``missing`` for absent values, whatever dtype the column came in."""
    return col.astype(object).where(col.notna(), missing).astype(str)


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) if value is not None and not pd.isna(value) else False


def _as_tuple(value) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return tuple(str(v) for v in value)  # lists, tuples, numpy arrays (from parquet)


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Raise :class:`SchemaError` unless ``df`` is a canonical event frame; return it."""
    problems = []
    if tuple(df.columns) != EVENT_COLUMNS:
        problems.append("columns differ from EVENT_COLUMNS")
    else:
        for c in DATETIME_COLUMNS:
            if str(df[c].dtype) != "datetime64[ns]":
                problems.append(f"{c} is {df[c].dtype}, not datetime64[ns]")
        for c, cats in CATEGORY_COLUMNS.items():
            bad = set(df[c].astype(str)) - set(cats)
            if bad:
                problems.append(f"{c} has values outside {cats}: {sorted(bad)}")
        if df[COL.EVENT_ID].duplicated().any():
            problems.append("event_id is not unique")
        dated = df[COL.DATE].notna()
        if (df.loc[dated, COL.DATE_END] < df.loc[dated, COL.DATE]).any():
            problems.append("date_end before date")
    if problems:
        raise SchemaError("; ".join(problems))
    return df


def precision_at_least(series: pd.Series, minimum: str) -> pd.Series:
    """Boolean mask: precision codes at least as precise as ``minimum``.

    Works for both date and geo precision columns (their categories are ordered from most
    to least precise).
    """
    order = list(series.cat.categories)
    if minimum not in order:
        raise ConfigError(f"unknown precision {minimum!r}; choose one of {', '.join(order)}")
    return series.cat.codes <= order.index(minimum)
