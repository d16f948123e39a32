"""English date expressions: one regex per rule, and a handler that turns a match into a
:class:`Mention`. The words come from ``data/vocab/date_words.yaml``.

Guards against look-alikes live in the handlers: a bare month counts only after a cue word
("in March", "last May", never "they may"), month abbreviations only next to a number,
four-digit numbers are years only when they are not counts ("2019 people"), reference
numbers ("No. 2016") or parts of codes ("M-1989").
"""

from __future__ import annotations

import re
from functools import cache

from .dates_calendar import Cal, Mention
from .dates_relative import ago, anaphor, day_of_month, period, rel_day, weekday, weekend
from .dates_words import Handler, alt, parts, squash, words

def _cased(words) -> str:
    return alt([v for s in words for v in (s, s.upper())])


DAY = r"(?:[12]\d|3[01]|0?[1-9])(?![\d%]|[,.:]\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?:19|20)\d\d(?!\d|[,.]\d|%)"
RANGE = r"\s*(?:-|–|—|~|∼|(?i:to|through|and))\s*"
PARTS = r"(?i:early|mid|late|(?:the\s+)?(?:middle|end|beginning|start)\s+of|(?:the\s+)?(?:first|second)\s+half\s+of|the\s+(?:first|second|third|fourth|last)\s+quarter\s+of)"
YTAIL = rf"(?:\s*,\s*|\s+(?i:of\s+)?)(?P<y>{YEAR})|\s+(?i:(?:of\s+)?(?:the\s+)?(?P<yrel>this|last|next|previous)\s+year)\b"


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
    if end == m.end("mon") + 1 and text[end - 1] == "." and m.group("mon").lower() in words()["full_months"]:
        return end - 1
    return end


def _month_day(m: re.Match, text: str) -> Mention | None:
    """Month-first dates: "Nov. 2, 2018", "November 19-20", "in early March", "last May"."""
    w = words()
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
    cal = Cal(**years, m=month, d=d, part=None if d else parts(mod), direction=_direction(mod), end=end)
    return Mention(_span_start(text, m), _end(m, text), cal)


def _day_month(m: re.Match, text: str) -> Mention | None:
    """Day-first dates: "2 November 2018", "the 2nd of November", "19-20 November"."""
    w = words()
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
    if y < 1945 or _after(text, m.end()) in words()["units"]:
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
    cal = Cal(y=y, decade=decade, part=parts(m.group("mod")), end=end)
    return Mention(_span_start(text, m), m.end(), cal)


def _season(m: re.Match, text: str) -> Mention | None:
    """"the winter of 2017", "spring 2018", "summer of last year"."""
    season = tuple(words()["seasons"][m.group("season").lower()])
    start = m.start() if m.group("mod") else _span_start(text, m)
    return Mention(start, m.end(), Cal(**_year_fields(m), season=season))


@cache
def rules() -> list[tuple[str, str, str, str, Handler]]:
    """(name, lead, prefix, core, handler) in priority order: at one position the first match
    wins. The full pattern is lead + prefix + core; the scan looks for cores only (they
    begin with a digit, a month or weekday name or a keyword, which regex engines find
    fast) and then takes in the optional prefix words before them ("in early", "last")."""
    w = words()
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
        ("rel_day", r"\b", r"(?:(?i:the)\s+)?", r"(?i:day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b", rel_day),
        ("anaphor", r"\b", r"(?i:the|that)\s+", r"(?i:(?P<prev>day\s+before|previous\s+day|preceding\s+day|night\s+before)|(?P<next>next\s+day|following\s+day|day\s+after)|(?P<same>same\s+day))\b", anaphor),
        ("period", r"\b", rf"(?:(?P<mod>(?i:earlier|later|at\s+the\s+(?:end|beginning|start)\s+of)|{PARTS})(?:-|\s+))?(?:(?i:the)\s+)?",
         r"(?P<rel>(?i:last|this\s+past|this|next|past|previous))\s+(?P<unit>(?i:weekend|week|month|year|spring|summer|fall|autumn|winter))\b", period),
        ("weekend", r"\b", r"(?i:over|during|on|at)\s+(?i:the)\s+", r"(?i:weekend)\b", weekend),
        ("day_of_month", r"\b", r"(?P<prep>(?i:on|since|from|until|till|by))\s+(?i:the)\s+",
         rf"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?i:of\b|century|anniversary|birthday|party|congress|plenum|session|day|time|round|floor|grade|division|corps))", day_of_month),
        ("ago", r"\b", rf"(?P<n>\d{{1,2}}|{nums})\s+", r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b", ago),
        ("weekday", r"\b", r"(?:(?P<prep>(?i:on|last|this\s+past|this|next|past))\s+)?", rf"(?P<wd>{wday})(?P<pl>s)?\b", weekday),
        ("year", r"(?<![\w$₩£€#.,/:'’-])", rf"(?:(?P<prep>{prep})\s+)?(?:(?P<the>(?i:the))\s+)?(?:(?P<mod>{PARTS})(?:-|\s+))?",
         rf"(?P<y>{YEAR})(?P<dec>'?s\b)?(?:{RANGE}(?P<y2>(?:19|20)\d\d|\d\d(?!\d))(?P<dec2>'?s\b)?)?(?!\d|[,.]\d|%|-\w)", _year),
    ]
