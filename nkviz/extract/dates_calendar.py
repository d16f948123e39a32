"""Calendar arithmetic for the date extractor: periods, parts of periods, and resolving a
partly stated date (no year, "last March", "이달 초") against a publication date.

Pure functions of their arguments; nothing here reads text or the clock.

Conventions (documented once, here):

* A part narrows a period but keeps its precision: "early June" is June 1-10 with precision
  ``month``; "late 2018" is Sep 1 - Dec 31 2018 with precision ``year``. Parts of a month:
  early/begin 1-10, mid 11-20, late/end 21-last. Parts of a year: early Jan-Apr, mid
  May-Aug, late Sep-Dec, begin Jan-Feb, end Nov-Dec, halves and quarters as named. Parts of
  a decade: early 0-3, mid 4-6, late 7-9.
* "earlier"/"later" this month/year run from the period's start to the publication date,
  or from the publication date to the period's end.
* Seasons are three months, northern hemisphere; a winter belongs to the year it starts in.
* A year-less date takes the most recent year in which it is not after the reference (the
  end of the publication period plus a short grace): reports describe the past.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

GRACE_DAYS = 3  # a report may mention a date a few days ahead ("on Friday" in a Wednesday piece)

_MONTH_PARTS = {"early": (1, 10), "begin": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31)}
_YEAR_PARTS = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12), "begin": (1, 2), "end": (11, 12),
    "h1": (1, 6), "h2": (7, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
}
_DECADE_PARTS = {"early": (0, 3), "begin": (0, 3), "mid": (4, 6), "late": (7, 9), "end": (7, 9)}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def period_end(published: dt.date, precision: str) -> dt.date:
    """Last day of the period a publication date stands for (its day, month or year)."""
    if precision == "year":
        return dt.date(published.year, 12, 31)
    if precision == "month":
        return month_end(published.year, published.month)
    return published


def month_range(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = month_end(year, month)
    lo, hi = _MONTH_PARTS.get(part or "", (1, 31))
    return dt.date(year, month, lo), last.replace(day=min(hi, last.day))


def year_range(year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    lo, hi = _YEAR_PARTS.get(part or "", (1, 12))
    return dt.date(year, lo, 1), month_end(year, hi)


def decade_range(first_year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    lo, hi = _DECADE_PARTS.get(part or "", (0, 9))
    return dt.date(first_year + lo, 1, 1), dt.date(first_year + hi, 12, 31)


def season_range(year: int, first_month: int, months: int) -> tuple[dt.date, dt.date]:
    y2, m2 = add_months(year, first_month, months - 1)
    return dt.date(year, first_month, 1), month_end(y2, m2)


def week_range(day: dt.date, weeks: int = 0) -> tuple[dt.date, dt.date]:
    """Monday..Sunday of the week ``weeks`` away from the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def weekday_near(published: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday nearest the publication date: ``on`` = on or before it, ``last`` = strictly
    before it, ``next`` = strictly after it."""
    back = (published.weekday() - weekday) % 7
    if direction == "next":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if direction == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


@dataclass(frozen=True)
class Cal:
    """A calendar date as stated, possibly partial: any of year/month/day may be missing.

    ``yshift``/``mshift`` say the year or month relative to the publication ("last year" = -1);
    ``direction`` picks the year of a bare month ("last March" = before the current month);
    ``part`` narrows the smallest stated unit; ``end`` is the other end of a range.
    """

    y: int | None = None
    m: int | None = None
    d: int | None = None
    yshift: int | None = None
    mshift: int | None = None
    direction: str = "recent"  # recent | last | next | this
    part: str | None = None
    season: tuple[int, int] | None = None
    decade: bool = False
    end: Cal | None = None

    def fill_from(self, left: Cal) -> Cal:
        """The right side of a range takes the larger units it lacks from the left side
        ("11월 19일부터 20일까지": the 20th is in November too)."""
        if self.m is None and self.d is not None and self.y is None and self.mshift is None:
            return replace(self, y=left.y, m=left.m, yshift=left.yshift, mshift=left.mshift,
                           direction=left.direction)
        return self

    @property
    def yearless(self) -> bool:
        return self.y is None and self.yshift is None and self.mshift is None


def _year_for(c: Cal, published: dt.date, precision: str) -> tuple[int, int | None]:
    """Year (and month, for month offsets or day-only dates) of a partial date."""
    if c.yshift is not None:
        return published.year + c.yshift, c.m
    if c.mshift is not None:
        return add_months(published.year, published.month, c.mshift)
    ref = period_end(published, precision) + dt.timedelta(days=GRACE_DAYS)
    if c.season is not None and c.m is None:
        return _season_year(c.season, published, ref, c.direction), None
    if c.m is None:  # day of month only ("지난 2일"): the most recent such day
        y, m = published.year, published.month
        if c.d is None or c.d > ref.day and (y, m) == (ref.year, ref.month):
            y, m = add_months(y, m, -1)
        return y, m
    y = published.year
    if c.direction == "this":
        return y, c.m
    if c.direction == "last":
        return (y - 1 if c.m >= published.month else y), c.m
    if c.direction == "next":
        return (y + 1 if c.m <= published.month else y), c.m
    if c.d is None:  # a bare month: not one that begins after the publication period
        ref = period_end(published, precision)
    if dt.date(y, c.m, min(c.d or 1, 28)) > ref:
        y -= 1
    return y, c.m


def _season_year(season: tuple[int, int], published: dt.date, ref: dt.date, direction: str) -> int:
    """Year a season starts in: ``this`` = the one under way (or of this year), ``last`` = the
    latest one already over, ``next`` = the first one not begun, else the latest begun."""
    years = range(published.year + 1, published.year - 3, -1)
    spans = {y: season_range(y, *season) for y in years}
    if direction == "this":
        return next((y for y, (a, b) in spans.items() if a <= published <= b), published.year)
    if direction == "last":
        return next(y for y, (a, b) in spans.items() if b < published)
    if direction == "next":
        return min(y for y, (a, b) in spans.items() if a > published)
    return next(y for y, (a, b) in spans.items() if a <= ref)


def _span(c: Cal, y: int, m: int | None) -> tuple[dt.date, dt.date, str]:
    if c.season is not None:
        return (*season_range(y, *c.season), "year")
    if c.decade:
        return (*decade_range(y, c.part), "year")
    if m is None:
        return (*year_range(y, c.part), "year")
    if c.d is None:
        return (*month_range(y, m, c.part), "month")
    day = dt.date(y, m, c.d)  # ValueError on impossible days: the caller drops them
    return day, day, "day"


_ORDER = {"day": 0, "month": 1, "year": 2}


def _resolve_one(c: Cal, published: dt.date | None, precision: str):
    basis = "stated"
    y, m = c.y, c.m
    if y is None:
        if published is None:
            return None
        if c.m is None and c.mshift is None and c.yshift is None and precision == "year":
            return None  # a bare day of month needs the publication month
        y, m = _year_for(c, published, precision)
        basis = "relative"
    try:
        return (*_span(c, y, m), basis)
    except ValueError:
        return None


def resolve(c: Cal, published: dt.date | None, precision: str) -> tuple[dt.date, dt.date, str, str] | None:
    """(date, date_end, precision, basis) of a stated or partial date, or None when it cannot
    be pinned (no publication date for a relative one, an impossible day, a backward range).

    The left side of a range without a year takes the right side's ("between March and May
    2019"), one year earlier if it would otherwise come after it ("November to February")."""
    if c.end is None:
        return _resolve_one(c, published, precision)
    right = _resolve_one(c.end, published, precision)
    if right is None:
        return None
    left_cal = replace(c, end=None)
    if left_cal.yearless:
        month = left_cal.m or (right[0].month if left_cal.d else None)  # "19~20일"
        left_cal = replace(left_cal, y=right[0].year, m=month, direction="recent")
        left = _resolve_one(left_cal, published, precision)
        if left is not None and left[0] > right[0]:
            left = _resolve_one(replace(left_cal, y=right[0].year - 1), published, precision)
        if left is not None:
            left = (*left[:3], right[3])
    else:
        left = _resolve_one(left_cal, published, precision)
    if left is None or right[1] < left[0]:
        return None
    prec = max(left[2], right[2], key=_ORDER.__getitem__)
    basis = "relative" if "relative" in (left[3], right[3]) else "stated"
    return left[0], right[1], prec, basis


Resolver = Callable[[dt.date, str], "tuple[dt.date, dt.date, str] | None"]


@dataclass(frozen=True)
class Mention:
    """A date expression found in text, before resolution.

    Exactly one of ``cal`` (a calendar date, maybe partial), ``rel`` (a function of the
    publication date and its precision, for "last week", "on Monday") or ``shift`` (days
    from the preceding day-precise date: "the next day") is set. ``partner`` marks a bare
    month kept only if it closes a range ("between March and May")."""

    start: int
    end: int
    cal: Cal | None = None
    rel: Resolver | None = None
    shift: int | None = None
    partner: bool = False
