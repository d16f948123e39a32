"""English date expressions: one regex per rule, and a handler that turns a match into a
:class:`Mention`. The words come from ``data/vocab/date_words.yaml``.

Guards against look-alikes live in the handlers: a bare month counts only after a cue word
("in March", "last May", never "they may"), month abbreviations only next to a number,
four-digit numbers are years only when they are not counts ("2019 people"), reference
numbers ("No. 2016") or parts of codes ("M-1989").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from .. import vocab
from .dates_calendar import Cal, Mention, add_months, month_range, week_range, weekday_near, year_range

Handler = Callable[[re.Match, str], "Mention | None"]


def alt(words) -> str:
    """A regex alternation of literal words, longest first, any run of spaces allowed."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def squash(s: str) -> str:
    return " ".join(s.lower().replace("-", " ").split())


@cache
def _w() -> dict:
    w = vocab.date_words()
    months = {s.lower(): int(n) for n, names in w["months"].items() for s in names}
    full = {names[0].lower() for names in w["months"].values()}
    days = {s.lower(): int(n) for n, names in w["weekdays"].items() for s in names}
    return {**w, "month_of": months, "full_months": full, "weekday_of": days,
            "units": set(w["count_units"]), "blockers": set(w["named_day_blockers"])}


def _cased(words) -> str:
    return alt([v for s in words for v in (s, s.upper())])


DAY = r"(?:[12]\d|3[01]|0?[1-9])(?![\d%]|[,.:]\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?:19|20)\d\d(?!\d|[,.]\d|%)"
RANGE = r"\s*(?:-|–|—|~|∼|(?i:to|through|and))\s*"
PARTS = r"(?i:early|mid|late|(?:the\s+)?(?:middle|end|beginning|start)\s+of|(?:the\s+)?(?:first|second)\s+half\s+of|the\s+(?:first|second|third|fourth|last)\s+quarter\s+of)"
YTAIL = rf"(?:\s*,\s*|\s+(?i:of\s+)?)(?P<y>{YEAR})|\s+(?i:(?:of\s+)?(?:the\s+)?(?P<yrel>this|last|next|previous)\s+year)\b"


def _parts(s: str | None) -> str | None:
    return _w()["parts"].get(re.sub(r"^(?:at|in) ", "", squash(s))) if s else None


def _direction(mod: str | None) -> str:
    mod = squash(mod or "")
    return {"last": "last", "this past": "last", "this": "this", "next": "next"}.get(mod, "recent")


def _after(text: str, end: int) -> str:
    """The next word after a match, lowercase."""
    m = re.match(r"\s*([^\W\d_]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""


def _year_fields(m: re.Match) -> dict:
    if m.group("y"):
        return {"y": int(m.group("y"))}
    if m.group("yrel"):
        # "the previous year" is read as the year before publication, like "last year"
        return {"yshift": {"this": 0, "last": -1, "next": 1, "previous": -1}[m.group("yrel").lower()]}
    return {}


def _start(m: re.Match) -> int:
    return m.end("prep") if "prep" in m.re.groupindex and m.group("prep") else m.start()


def _span_start(text: str, m: re.Match) -> int:
    """Where the date words begin: after a leading preposition and a bare "the"."""
    i = _start(m)
    if "the" in m.re.groupindex and m.group("the") and m.start("the") <= i + 1:
        i = m.end("the")
    while i < m.end() and text[i].isspace():
        i += 1
    return i


def _end(m: re.Match, text: str) -> int:
    """End of the match, leaving out a sentence-final period after a full month name
    ("... in May.") that the optional abbreviation dot took."""
    end = m.end()
    if end == m.end("mon") + 1 and text[end - 1] == "." and m.group("mon").lower() in _w()["full_months"]:
        return end - 1
    return end


def _month_day(m: re.Match, text: str) -> Mention | None:
    """Month-first dates: "Nov. 2, 2018", "November 19-20", "in early March", "last May"."""
    w = _w()
    name = m.group("mon").lower()
    month = w["month_of"][name]
    years = _year_fields(m)
    d = int(re.match(r"\d+", m.group("d")).group()) if m.group("d") else None
    mod = m.group("mod")
    if d is None and not years:
        if name not in w["full_months"]:
            return None  # "Jan", "Mar" alone are names or verbs
        if not (m.group("prep") or mod):
            if not re.search(r"(?:-|–|—|~|\bto|\bthrough|\band|\buntil|\btill)\s*$", text[max(0, m.start() - 12):m.start()]):
                return None
            return Mention(_span_start(text, m), _end(m, text), Cal(m=month), partner=True)
    if d is not None and not years and _after(text, m.end()) in w["blockers"]:
        return None  # "the March 1 Movement" is history, not a recent March 1
    end = None
    if m.group("d2"):
        end = Cal(**years, m=month, d=int(re.match(r"\d+", m.group("d2")).group()))
    cal = Cal(**years, m=month, d=d, part=None if d else _parts(mod), direction=_direction(mod), end=end)
    return Mention(_span_start(text, m), _end(m, text), cal)


def _day_month(m: re.Match, text: str) -> Mention | None:
    """Day-first dates: "2 November 2018", "the 2nd of November", "19-20 November"."""
    w = _w()
    if m.group("dw"):
        if not (m.group("the") and m.group("of")):
            return None
        d = w["ordinal_words"][m.group("dw").lower()]
    else:
        d = int(re.match(r"\d+", m.group("d")).group())
    month = w["month_of"][m.group("mon").lower()]
    years = _year_fields(m)
    if not years and _after(text, m.end()) in w["blockers"]:
        return None
    end = Cal(**years, m=month, d=int(re.match(r"\d+", m.group("d2")).group())) if m.group("d2") else None
    return Mention(_span_start(text, m), _end(m, text), Cal(**years, m=month, d=d, end=end))


def _iso(m: re.Match, text: str) -> Mention | None:
    return Mention(m.start(), m.end(), Cal(y=int(m.group("y")), m=int(m.group("m")), d=int(m.group("d"))))


def _numeric(m: re.Match, text: str) -> Mention | None:
    """a/b/yyyy: day-first when a > 12 (unambiguous), else month-first (US style)."""
    a, b = int(m.group("a")), int(m.group("b"))
    month, d = (b, a) if a > 12 else (a, b)
    return Mention(m.start(), m.end(), Cal(y=int(m.group("y")), m=month, d=d))


def _year(m: re.Match, text: str) -> Mention | None:
    """Years, decades and year ranges: "in 2016", "the 1990s", "mid-2018", "2016-18"."""
    y = int(m.group("y"))
    if y < 1945 or _after(text, m.end()) in _w()["units"]:
        return None
    if re.search(r"(?i)(?:\bno\.?|\bnumber|\bunit|\bcamp|\bplan)\s*$", text[max(0, m.start() - 8):m.start()]):
        return None  # "No. 2016", "Camp 1990": identifiers, not years
    decade = bool(m.group("dec"))
    if decade and y % 10:
        return None
    end = None
    if m.group("y2"):
        y2 = int(m.group("y2"))
        if y2 < 100:
            y2 += y - y % 100
        if y2 <= y:
            return None
        end = Cal(y=y2, decade=bool(m.group("dec2")))
    cal = Cal(y=y, decade=decade, part=_parts(m.group("mod")), end=end)
    return Mention(_span_start(text, m), m.end(), cal)


def _season(m: re.Match, text: str) -> Mention | None:
    """"the winter of 2017", "spring 2018", "summer of last year"."""
    season = tuple(_w()["seasons"][m.group("season").lower()])
    start = m.start() if m.group("mod") else _span_start(text, m)
    return Mention(start, m.end(), Cal(**_year_fields(m), season=season))


def _rel_day(m: re.Match, text: str) -> Mention | None:
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


def _anaphor(m: re.Match, text: str) -> Mention | None:
    shift = -1 if m.group("prev") else 1 if m.group("next") else 0
    return Mention(m.start(), m.end(), shift=shift)


def _period(m: re.Match, text: str) -> Mention | None:
    """"last week", "earlier this month", "late last year", "this summer"."""
    rel, unit, part = squash(m.group("rel")), m.group("unit").lower(), _parts(m.group("mod"))
    if rel == "previous" or rel == "past" and unit not in ("week", "weekend"):
        return None  # "the past year", "the previous month": spans or anaphora, not dates
    shift = {"last": -1, "this past": -1, "the past": -1, "past": -1, "this": 0, "next": 1}[rel]
    season = _w()["seasons"].get(unit)
    if season:
        direction = {-1: "last", 0: "this", 1: "next"}[shift]
        return Mention(m.start(), m.end(), Cal(season=tuple(season), direction=direction, part=None))
    if unit == "year":
        return Mention(m.start(), m.end(), rel=_in_year(shift, part))
    if unit == "month":
        return Mention(m.start(), m.end(), rel=_in_month(shift, part))
    return Mention(m.start(), m.end(), rel=_in_week(shift, unit == "weekend", rel in ("the past", "past"), part))


def _clip(start: dt.date, end: dt.date, pub: dt.date, part: str | None):
    """"earlier this year" ends at publication; "later this month" starts there."""
    if part == "earlier":
        return start, max(start, min(end, pub))
    if part == "later":
        return max(start, min(end, pub)), end
    return start, end


def _in_year(shift: int, part: str | None):
    def resolve(pub: dt.date, prec: str):
        y = pub.year + shift
        start, end = year_range(y, part if part not in ("earlier", "later") else None)
        return (*_clip(start, end, pub, part), "year")
    return resolve


def _in_month(shift: int, part: str | None):
    def resolve(pub: dt.date, prec: str):
        if prec == "year":
            return None
        y, mo = add_months(pub.year, pub.month, shift)
        start, end = month_range(y, mo, part if part not in ("earlier", "later") else None)
        return (*_clip(start, end, pub, part), "month")
    return resolve


_WEEK_PARTS = {"early": (0, 2), "begin": (0, 2), "mid": (2, 4), "late": (3, 6), "end": (4, 6)}


def _in_week(shift: int, weekend: bool, trailing: bool, part: str | None = None):
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
        return (*_clip(monday, sunday, pub, part), "day")
    return resolve


def _ago(m: re.Match, text: str) -> Mention | None:
    """"two days ago", "three months ago", "a year ago"."""
    n_text = squash(m.group("n"))
    n = int(n_text) if n_text.isdigit() else _w()["numbers"].get(n_text)
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


def _weekday(m: re.Match, text: str) -> Mention | None:
    """"on Monday", "last Tuesday", "Friday night"; "on Mondays" is a habit, not a date."""
    if m.group("pl"):
        return None
    wd = _w()["weekday_of"][m.group("wd").lower()]
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


@cache
def rules() -> list[tuple[str, str, str, str, Handler]]:
    """(name, lead, prefix, core, handler) in priority order: at one position the first match
    wins. The full pattern is lead + prefix + core; the scan looks for cores only (they
    begin with a digit, a month or weekday name or a keyword, which regex engines find
    fast) and then takes in the optional prefix words before them ("in early", "last")."""
    w = _w()
    mon = _cased(s.title() for s in w["month_of"])
    wday = _cased(s.title() for s in w["weekday_of"])
    prep = "(?i:" + alt(w["month_cues"]) + ")"
    mod = rf"(?:(?i:last|this\s+past|this|next)|{PARTS})"
    ords = "(?i:" + alt(w["ordinal_words"]) + ")"
    nums = "(?i:" + alt(k for k in w["numbers"] if k.isascii()) + ")"
    return [
        ("iso", r"(?<![\w./-])", "", r"(?P<y>(?:19|20)\d\d)[-/.]\s?(?P<m>1[0-2]|0?[1-9])[-/.]\s?(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])", _iso),
        ("numeric", r"(?<![\w./-])", "", r"(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)\d\d)(?![\d/])", _numeric),
        ("day_month", r"(?<![\w.,-])", rf"(?:(?P<prep>{prep})\s+)?(?:(?P<the>(?i:the))\s+)?",
         rf"(?:(?P<d>{DAY})|(?P<dw>{ords})\b)(?:{RANGE}(?P<d2>{DAY}))?\s+(?:(?P<of>(?i:of))\s+)?(?P<mon>{mon})\b\.?(?:{YTAIL})?", _day_month),
        ("month_day", r"(?<![\w-])", rf"(?:(?P<prep>{prep})\s+)?(?:(?P<mod>{mod})(?:-|\s+))?",
         rf"(?:(?:{wday}),?\s+)?(?P<mon>{mon})\b\.?(?:\s+(?:(?i:the)\s+)?(?P<d>{DAY})(?:{RANGE}(?P<d2>{DAY}))?)?(?:{YTAIL})?", _month_day),
        ("season", r"\b", rf"(?:(?P<mod>{PARTS})(?:-|\s+))?(?:(?P<the>(?i:the))\s+)?",
         rf"(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?:(?i:of)\s+)?(?:(?P<y>{YEAR})|(?P<yrel>(?i:this|last|next))\s+(?i:year)\b)", _season),
        ("rel_day", r"\b", r"(?:(?i:the)\s+)?", r"(?i:day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b", _rel_day),
        ("anaphor", r"\b", r"(?i:the|that)\s+", r"(?i:(?P<prev>day\s+before|previous\s+day|preceding\s+day|night\s+before)|(?P<next>next\s+day|following\s+day|day\s+after)|(?P<same>same\s+day))\b", _anaphor),
        ("period", r"\b", rf"(?:(?P<mod>(?i:earlier|later|at\s+the\s+(?:end|beginning|start)\s+of)|{PARTS})(?:-|\s+))?(?:(?i:the)\s+)?",
         r"(?P<rel>(?i:last|this\s+past|this|next|past|previous))\s+(?P<unit>(?i:weekend|week|month|year|spring|summer|fall|autumn|winter))\b", _period),
        ("ago", r"\b", rf"(?P<n>\d{{1,2}}|{nums})\s+", r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b", _ago),
        ("weekday", r"\b", r"(?:(?P<prep>(?i:on|last|this\s+past|this|next|past))\s+)?", rf"(?P<wd>{wday})(?P<pl>s)?\b", _weekday),
        ("year", r"(?<![\w$₩£€#.,/:'’-])", rf"(?:(?P<prep>{prep})\s+)?(?:(?P<the>(?i:the))\s+)?(?:(?P<mod>{PARTS})(?:-|\s+))?",
         rf"(?P<y>{YEAR})(?P<dec>'?s\b)?(?:{RANGE}(?P<y2>(?:19|20)\d\d|\d\d(?!\d))(?P<dec2>'?s\b)?)?(?!\d|[,.]\d|%|-\w)", _year),
    ]
