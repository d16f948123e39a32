"""Relative English date expressions ("yesterday", "last week", "earlier this month",
"two years ago", "on Monday", "the next day"): rule handlers that resolve against the
publication date when the finder calls them (see ``dates_calendar`` for the conventions)."""

from __future__ import annotations

import datetime as dt
import re

from .dates_calendar import Cal, Mention, add_months, month_range, week_range, weekday_near, year_range
from .dates_words import parts, squash, words

def rel_day(m: re.Match, text: str) -> Mention | None:
    """"yesterday", "today", "last night"; not "Today" inside a name ("North Korea Today")."""
    before = text[max(0, m.start() - 3):m.start()].rstrip()
    if m.group()[0].isupper() and before and before[-1].isalnum():
        return None
    words = squash(m.group())
    offset = -2 if "before yesterday" in words else -1 if words in ("yesterday", "last night") else 0

    def resolve(pub: dt.date, prec: str):
        if prec != "day":
            return None
        day = pub + dt.timedelta(days=offset)
        return day, day, "day"

    return Mention(m.start(), m.end(), rel=resolve)


def anaphor(m: re.Match, text: str) -> Mention | None:
    shift = -1 if m.group("prev") else 1 if m.group("next") else 0
    return Mention(m.start(), m.end(), shift=shift)


def period(m: re.Match, text: str) -> Mention | None:
    """"last week", "earlier this month", "late last year", "this summer"."""
    rel, unit, part = squash(m.group("rel")), m.group("unit").lower(), parts(m.group("mod"))
    if rel == "previous" or rel == "past" and unit not in ("week", "weekend"):
        return None  # "the past year", "the previous month": spans or anaphora, not dates
    shift = {"last": -1, "this past": -1, "the past": -1, "past": -1, "this": 0, "next": 1}[rel]
    season = words()["seasons"].get(unit)
    if season:
        direction = {-1: "last", 0: "this", 1: "next"}[shift]
        return Mention(m.start(), m.end(), Cal(season=tuple(season), direction=direction, part=None))
    if unit == "year":
        return Mention(m.start(), m.end(), rel=in_year(shift, part))
    if unit == "month":
        return Mention(m.start(), m.end(), rel=in_month(shift, part))
    return Mention(m.start(), m.end(), rel=in_week(shift, unit == "weekend", rel in ("the past", "past"), part))


def clip(start: dt.date, end: dt.date, pub: dt.date, part: str | None):
    """"earlier this year" ends at publication; "later this month" starts there."""
    if part == "earlier":
        return start, max(start, min(end, pub))
    if part == "later":
        return max(start, min(end, pub)), end
    return start, end


def in_year(shift: int, part: str | None):
    def resolve(pub: dt.date, prec: str):
        y = pub.year + shift
        start, end = year_range(y, part if part not in ("earlier", "later") else None)
        return (*clip(start, end, pub, part), "year")
    return resolve


def in_month(shift: int, part: str | None):
    def resolve(pub: dt.date, prec: str):
        if prec == "year":
            return None
        y, mo = add_months(pub.year, pub.month, shift)
        start, end = month_range(y, mo, part if part not in ("earlier", "later") else None)
        return (*clip(start, end, pub, part), "month")
    return resolve


_WEEK_PARTS = {"early": (0, 2), "begin": (0, 2), "mid": (2, 4), "late": (3, 6), "end": (4, 6)}


def in_week(shift: int, weekend: bool, trailing: bool, part: str | None = None):
    """Weeks run Monday..Sunday; the result is a day range with precision ``day``."""
    def resolve(pub: dt.date, prec: str):
        if prec != "day":
            return None
        if trailing and not weekend:  # "the past week": the seven days before publication
            return pub - dt.timedelta(days=7), pub, "day"
        if weekend:  # the latest weekend already begun ("this past weekend", "last weekend")
            sat = weekday_near(pub, 5, "on" if shift <= 0 else "next")
            return sat, sat + dt.timedelta(days=1), "day"
        monday, sunday = week_range(pub, shift)
        if part in _WEEK_PARTS:
            lo, hi = _WEEK_PARTS[part]
            return monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi), "day"
        return (*clip(monday, sunday, pub, part), "day")
    return resolve


def ago(m: re.Match, text: str) -> Mention | None:
    """"two days ago", "three months ago", "a year ago"."""
    n_text = squash(m.group("n"))
    n = int(n_text) if n_text.isdigit() else words()["numbers"].get(n_text)
    if not n:
        return None
    unit = m.group("unit").lower().rstrip("s")

    def resolve(pub: dt.date, prec: str):
        if unit == "year":
            return (*year_range(pub.year - n), "year")
        if unit == "month":
            return None if prec == "year" else (*month_range(*add_months(pub.year, pub.month, -n)), "month")
        if prec != "day":
            return None
        if unit == "week":
            return (*week_range(pub, -n), "day")
        day = pub - dt.timedelta(days=n)
        return day, day, "day"

    return Mention(m.start(), m.end(), rel=resolve)


def weekday(m: re.Match, text: str) -> Mention | None:
    """"on Monday", "last Tuesday", "Friday night"; "on Mondays" is a habit, not a date."""
    if m.group("pl"):
        return None
    wd = words()["weekday_of"][m.group("wd").lower()]
    prep = squash(m.group("prep") or "")
    direction = {"last": "last", "this past": "last", "past": "last", "next": "next"}.get(prep, "on")

    def resolve(pub: dt.date, prec: str):
        if prec != "day":
            return None
        day = weekday_near(pub, wd, direction)
        return day, day, "day"

    start = m.end("prep") if prep == "on" else m.start()
    while text[start].isspace():
        start += 1
    return Mention(start, m.end(), rel=resolve)


def weekend(m: re.Match, text: str) -> Mention | None:
    """"over the weekend": the latest weekend begun by publication."""
    return Mention(m.start(), m.end(), rel=in_week(-1, True, False))


def day_of_month(m: re.Match, text: str) -> Mention | None:
    """"on the 15th": that day of the publication month, or of the month before when it
    would come after publication (as Korean "15일")."""
    return Mention(m.start("d"), m.end(), Cal(d=int(re.match(r"\d+", m.group("d")).group())))
