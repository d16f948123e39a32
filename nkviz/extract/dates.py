"""Dates in report text, English and Korean: stated, partial and relative, with the words
they were read from.

    >>> import datetime as dt
    >>> [(f.text, str(f.date), f.basis) for f in find_dates("He spoke on Nov. 2.", published=dt.date(2018, 11, 19))]
    [('Nov. 2', '2018-11-02', 'relative')]

Flow: one combined regex finds every candidate in a single pass (rules in
``dates_en``/``dates_ko``, most specific first); each rule's handler turns its match into a
:class:`~nkviz.extract.dates_calendar.Mention`; neighbours joined by "to", "-", "부터", or
"between ... and" become ranges; each mention is then resolved against the publication date
(``dates_calendar.resolve``). What cannot be pinned (a bare month with no publication
date, "on Monday" in a piece dated only to the month) gives no finding: dates are never
invented. Precision conventions (early/mid/late, seasons, weeks) are in ``dates_calendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from . import dates_en, dates_ko
from .dates_calendar import Mention, resolve

MIN_DATE = dt.date(1945, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)  # ceiling when the publication date is unknown
ANAPHOR_REACH = 300  # "the next day" must follow its anchor date within this many characters
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_GAP = re.compile(r"\s*(?:-|–|—|~|∼|to|through|thru|until|till|and|부터|에서)\s*", re.I)
_UNNAME = re.compile(r"\(\?P<\w+>")  # the combined regex keeps only one group per rule
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class DateFinding:
    """A date read from text: ``text[start:end] == text`` in the original string.

    ``date``..``date_end`` is the span the words stand for (equal for a single day);
    ``precision`` is ``day``, ``month`` or ``year``; ``basis`` is ``stated`` (the text gives
    the year) or ``relative`` (resolved against the publication date)."""

    start: int
    end: int
    text: str
    date: dt.date
    date_end: dt.date
    precision: str
    basis: str


@cache
def _compiled(korean: bool):
    rules = (dates_ko.rules() if korean else []) + dates_en.rules()
    combined = "|".join(f"(?P<r{i}>{_UNNAME.sub('(?:', p)})" for i, (_, p, _) in enumerate(rules))
    return re.compile(combined), [(re.compile(p), handle) for _, p, handle in rules]


def _mentions(text: str, korean: bool) -> list[Mention]:
    """Every candidate mention, left to right, none overlapping. A rejected candidate lets the
    scan go on from the next character, so a shorter reading there is still found."""
    combined, rules = _compiled(korean)
    found, pos = [], 0
    while (m := combined.search(text, pos)) is not None:
        pattern, handle = rules[int(m.lastgroup[1:])]
        mention = handle(pattern.match(text, m.start()), text)
        if mention is None or mention.end <= mention.start:
            pos = m.start() + 1
            continue
        found.append(mention)
        pos = max(m.end(), m.start() + 1)
    return found


def _ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "Nov. 28 to Dec. 2, 2018", "between March and May 2019", "19일부터 20일"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.cal is not None and m.cal is not None and prev.cal.end is None \
                and m.cal.end is None and (gap := _GAP.fullmatch(text, prev.end, m.start)):
            if gap.group().strip().lower() != "and" or _BETWEEN.search(text, max(0, prev.start - 14), prev.start):
                out[-1] = Mention(prev.start, m.end, replace(prev.cal, end=m.cal.fill_from(prev.cal)))
                continue
        out.append(m)
    return [m for m in out if not m.partner]


def _normalise_published(published, precision: str) -> dt.date | None:
    if published is None or precision not in ("day", "month", "year"):
        return None
    return published.date() if isinstance(published, dt.datetime) else published


def find_dates(text: str, *, published: dt.date | None, published_precision: str = "day",
               language: str = "") -> list[DateFinding]:
    """Every date expression in ``text``, in text order, resolved against ``published``.

    ``published_precision`` says how much of ``published`` is known (``day``/``month``/
    ``year``): "on Monday" needs the day, "last month" the month. ``language`` ("ko", "en")
    is a hint; Korean rules also run whenever the text holds Hangul."""
    pub = _normalise_published(published, published_precision)
    ceiling = MAX_DATE if pub is None else pub + dt.timedelta(days=366)
    korean = language.lower().startswith("ko") or bool(_HANGUL.search(text))
    findings: list[DateFinding] = []
    for m in _ranges(text, _mentions(text, korean)):
        got = _resolve(m, pub, published_precision, findings)
        if got is None:
            continue
        start, end, precision, basis = got
        end = min(end, ceiling)  # a period still running ("the 2010s" in 2018) ends by the ceiling
        if MIN_DATE <= start <= end:
            findings.append(DateFinding(m.start, m.end, text[m.start:m.end], start, end, precision, basis))
    return findings


def _resolve(m: Mention, pub: dt.date | None, precision: str, before: list[DateFinding]):
    if m.cal is not None:
        return resolve(m.cal, pub, precision)
    if m.rel is not None:
        got = m.rel(pub, precision) if pub is not None else None
        return None if got is None else (*got, "relative")
    anchor = before[-1] if before else None
    if anchor is None or anchor.precision != "day" or anchor.date != anchor.date_end \
            or m.start - anchor.end > ANAPHOR_REACH:
        return None
    day = anchor.date + dt.timedelta(days=m.shift)
    return day, day, "day", anchor.basis
