"""Korean date expressions ("2018년 11월 2일", "지난달 초", "지난 2일", "월요일"), as rules for
the date extractor. Relative words and their offsets come from ``date_words.yaml``.

Korean news names a day of the current month by its number alone ("2일 밝혔다"); that form
is accepted when it is not a duration ("3일 동안", "3일간", "30일 이내").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .dates_calendar import Cal, Mention, week_range, weekday_near
from .dates_relative import in_month
from .dates_words import Handler, alt, words

MM = r"(?:1[0-2]|0?[1-9])"
DD = r"(?:[12]\d|3[01]|0?[1-9])"
# particles and words that make "N일" a duration or a count, not a day of the month
# ("전" but not the verb 전하다: "7일 전했다" says who spoke on the 7th)
_DURATION = re.compile(
    r"\s*(?:동안|간|째|이상|이내|만에|만|정도|가량|치|분|이후|후|전(?![했해하한할합])|씩|밖에)")
_PART_GUARD = r"(?!하|씀|등|청|대|기|안)"
# after "N일 전": words that start with 전 (전쟁, 전국) and the verb 전하다 ("7일 전했다")
_NOT_AGO = "쟁|투|국|원|달|부|체|혀|화|략|선|례|문|날|했|해|하|한|할|합"


def _int(m: re.Match, g: str) -> int | None:
    return int(m.group(g)) if m.group(g) else None


def _part(m: re.Match) -> str | None:
    return words()["parts"].get(m.group("part")) if m.group("part") else None


def _year_shift(m: re.Match) -> dict:
    if m.groupdict().get("y"):
        return {"y": int(m.group("y"))}
    if m.groupdict().get("yw"):
        return {"yshift": words()["ko_years"][" ".join(m.group("yw").split())]}
    return {}


def _month_day(m: re.Match, text: str) -> Mention | None:
    """"2018년 11월 2일", "11월 19~20일", "지난해 3월 말", "11월 19일부터 20일까지"."""
    years, month = _year_shift(m), int(m.group("m"))
    d = _int(m, "d") or _int(m, "d1")
    end = None
    if m.group("d2"):
        end = Cal(**years, m=_int(m, "m2") or month, d=int(m.group("d2")))
    direction = {"지난": "last", "이번": "this", "올": "this", "다음": "next"}.get(m.group("dirw") or "", "recent")
    cal = Cal(**years, m=month, d=d, part=None if d else _part(m), end=end, direction=direction)
    return Mention(m.start(), m.end(), cal)


def _year(m: re.Match, text: str) -> Mention | None:
    """"2018년", "1990년대", "2019년 말", "2017년 겨울"."""
    y = int(m.group("y"))
    if y < 1945:
        return None
    season = words()["seasons"].get(m.group("season") or "")
    cal = Cal(y=y, decade=bool(m.group("dec")), part=_part(m), season=tuple(season) if season else None)
    return Mention(m.start(), m.end(), cal)


def _year_word(m: re.Match, text: str) -> Mention | None:
    """"올해", "지난해 말", "작년 겨울"."""
    shift = words()["ko_years"][" ".join(m.group("yw").split())]
    season = words()["seasons"].get(m.group("season") or "")
    if season:
        return Mention(m.start(), m.end(), Cal(yshift=shift, season=tuple(season)))
    return Mention(m.start(), m.end(), Cal(yshift=shift, part=_part(m)))


def _month_word(m: re.Match, text: str) -> Mention | None:
    """"지난달", "이달 초", "다음 달"."""
    shift = words()["ko_months"][" ".join(m.group("mw").split())]
    return Mention(m.start(), m.end(), rel=in_month(shift, _part(m)))


def _week_word(m: re.Match, text: str) -> Mention | None:
    """"지난주", "이번 주", "지난 주말"."""
    shift = words()["ko_weeks"][" ".join(m.group("ww").split())]
    weekend = bool(m.group("wend"))

    def resolve(pub: dt.date, prec: str):
        if prec != "day":
            return None
        monday, sunday = week_range(pub, shift)
        return (sunday - dt.timedelta(days=1), sunday, "day") if weekend else (monday, sunday, "day")

    return Mention(m.start(), m.end(), rel=resolve)


def _day_word(m: re.Match, text: str) -> Mention | None:
    """"어제", "오늘", "그저께"; "전날"/"다음 날"/"당일" count from the date before them."""
    if m.group("ana"):
        word = m.group("ana").replace(" ", "")
        return Mention(m.start(), m.end(), shift=-1 if word == "전날" else 0 if word in ("당일", "같은날") else 1)
    offset = words()["ko_days"][m.group("dw")]

    def resolve(pub: dt.date, prec: str):
        day = pub + dt.timedelta(days=offset)
        return (day, day, "day") if prec == "day" else None

    return Mention(m.start(), m.end(), rel=resolve)


def _weekday(m: re.Match, text: str) -> Mention | None:
    wd = words()["weekdays_ko"][m.group("wd")]
    direction = {"지난": "last", "다음": "next"}.get(m.group("last") or "", "on")

    def resolve(pub: dt.date, prec: str):
        day = weekday_near(pub, wd, direction)
        return (day, day, "day") if prec == "day" else None

    return Mention(m.start(), m.end(), rel=resolve)


def _day_of_month(m: re.Match, text: str) -> Mention | None:
    """"지난 2일", "2일 오후": the most recent such day of a month, from the publication."""
    if not m.group("last") and _DURATION.match(text, m.end()):
        return None
    end = Cal(d=int(m.group("d2"))) if m.group("d2") else None
    return Mention(m.start(), m.end(), Cal(d=int(m.group("d")), end=end))


def _ago(m: re.Match, text: str) -> Mention | None:
    """"3일 전", "두 달 전", "2년 전"."""
    n = int(m.group("n")) if m.group("n").isdigit() else words()["numbers"][m.group("n")]
    unit = m.group("unit")
    if unit in ("개월", "달"):
        return Mention(m.start(), m.end(), rel=in_month(-n, None))
    if unit == "년":
        return Mention(m.start(), m.end(), Cal(yshift=-n))

    def resolve(pub: dt.date, prec: str):
        if prec != "day":
            return None
        if unit.startswith("주"):
            return (*week_range(pub, -n), "day")
        day = pub - dt.timedelta(days=n)
        return day, day, "day"

    return Mention(m.start(), m.end(), rel=resolve)


@cache
def rules() -> list[tuple[str, str, Handler]]:
    """Korean rules, tried before the English ones (a "2018" followed by 년 is theirs)."""
    w = words()
    yw = alt(w["ko_years"])
    part = rf"(?P<part>{alt(k for k in w['parts'] if not k.isascii())}){_PART_GUARD}"
    season = rf"(?P<season>{alt(k for k in w['seasons'] if not k.isascii())})"
    nums = alt(k for k in w["numbers"] if not k.isascii())
    return [
        ("ko_month_day", rf"(?<!\d)(?:(?P<y>(?:19|20)\d\d)\s*[년年]\s*(?:도\s*)?|(?P<yw>{yw})\s*|(?P<dirw>지난|이번|올|다음)\s*)?(?P<m>{MM})\s*[월月](?!\s*요일)"
                         rf"(?:\s*(?P<d>{DD})\s*[일日]?\s*(?:[~∼\-–]|부터)\s*(?:(?P<m2>{MM})\s*[월月]\s*)?(?P<d2>{DD})\s*[일日]"
                         rf"|\s*(?P<d1>{DD})\s*[일日])?(?:\s*{part})?", _month_day),
        ("ko_year", rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[년年](?P<dec>대)?(?:\s*도)?(?:\s*(?:{part}|{season}))?", _year),
        ("ko_year_word", rf"(?P<yw>{yw})(?:\s*(?:{part}|{season}))?", _year_word),
        ("ko_month_word", rf"(?P<mw>{alt(w['ko_months'])})(?:\s*{part})?", _month_word),
        ("ko_week_word", rf"(?P<ww>{alt(w['ko_weeks'])})(?P<wend>\s*말|\s*주말)?", _week_word),
        ("ko_day_word", rf"(?:(?P<dw>{alt(w['ko_days'])})(?!날|서야|야)|(?P<ana>전날|다음\s*날|이튿날|당일|같은\s*날))", _day_word),
        ("ko_weekday", r"(?:(?P<last>지난|이번|다음)\s*)?(?P<wd>[월화수목금토일])요일", _weekday),
        ("ko_ago", rf"(?P<n>\d{{1,2}}|{nums})\s*(?P<unit>주일|주|개월|달|일|년)\s*전(?!{_NOT_AGO})", _ago),
        ("ko_day", rf"(?:(?P<last>지난)\s*)?(?<![\d.~∼\-])(?P<d>{DD})\s*(?:일\s*)?(?:[~∼\-–]\s*(?P<d2>{DD})\s*)?일(?![간째])", _day_of_month),
    ]
