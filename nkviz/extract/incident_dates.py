"""Which of a sentence's dates can date the incident it tells, and how dates compare.

A date is not the incident's when it says when a source spoke ("said on Monday"), lies
implausibly far from publication, or is a bare month that may as well be a coming one.
Kept apart from :mod:`.grouping`, which decides what the sentences are about.
"""

from __future__ import annotations

import datetime as dt
import re

from ..schema import DATE_PRECISIONS, Report
from .dates import DateFinding

OLD_AFTER_DAYS = 730  # a sentence dated only this long before publication is background
FUTURE_SLACK_DAYS = 7  # dates a little after publication happen (time zones, datelines)
DATE_RANK = {p: i for i, p in enumerate(DATE_PRECISIONS)}  # most precise first

# A date right after a speech verb or a call dates the telling, not the incident ("said on
# Monday", "during a call on May 9"); "as of this week" dates a state of affairs.
SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+[\w ’']{1,25}?|reported|added|explained|noted|confirmed|"
    r"wrote|stated|announced|published|briefed\s+[\w ’']{1,25}?|(?:phone\s+)?call|"
    r"by\s+(?:tele)?phone|interview|as\s+of)\s*(?:on\s+|late\s+on\s+|early\s+on\s+)?$",
    re.IGNORECASE,
)
# Korean puts the speaking date before the outlet and the speech verb: "소식통이 13일
# 데일리NK에 알려왔다". A date followed by at most two words and such a verb is a telling.
SPEECH_AFTER_KO = re.compile(
    r"\s*(?:[^\s\"“”'‘’.]{1,20}\s+){0,2}?(?:알려\s?왔|전해\s?왔|전했|밝혔|말했|보도했|증언했)")
# A month named without a year or a pointer ("in August") far before publication may as
# well be a coming month ("before the Olympics in August"): too doubtful to date by.
_POINTER = re.compile(r"\d|last|previous|past|this|next|ago|earlier|later|지난|작년|올해|이번|전년",
                      re.IGNORECASE)
BARE_MONTH_DAYS = 150


def plausible(d: DateFinding, report: Report) -> bool:
    if report.published is None:
        return True
    if d.basis == "relative" and d.precision == "month" and not _POINTER.search(d.text):
        if (report.published - d.date).days > BARE_MONTH_DAYS:
            return False
    latest = period_end(report.published, report.published_precision)
    latest += dt.timedelta(days=FUTURE_SLACK_DAYS)
    earliest = report.published - dt.timedelta(days=OLD_AFTER_DAYS)
    return earliest <= d.date <= latest


_POSSESSIVE = re.compile(r"['’]s?\s")


def speech_date(d: DateFinding, text: str) -> bool:
    """Said on that day: "the NIS said on Wednesday", "소식통이 13일 데일리NK에 알려왔다";
    not what was said about ("said this year's harvest fell")."""
    if SPEECH_BEFORE.search(text[max(0, d.start - 40):d.start]):
        return not _POSSESSIVE.match(text, d.end)
    return not d.text.isascii() and SPEECH_AFTER_KO.match(text, d.end, d.end + 40) is not None


def period_end(start: dt.date, precision: str) -> dt.date:
    """Last day of the period a date stands for at its precision."""
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def dates_overlap(a: DateFinding, b: DateFinding) -> bool:
    """Ranges that meet; single days a few days apart count as the same incident, and so
    do parts of one month ("in mid-November", then "since early November")."""
    months = a.precision == b.precision == "month"
    if months and (a.date.year, a.date.month) == (b.date.year, b.date.month):
        return True
    days = a.precision == "day" and b.precision == "day"
    slack = dt.timedelta(days=3 if days else 0)
    return a.date - slack <= b.date_end and b.date - slack <= a.date_end


def finer_date(new: DateFinding, old: DateFinding) -> bool:
    """Inside the old period and more precise; a single day inside a span of days ("last
    week", then "on Feb. 14") counts as more precise too."""
    inside = old.date <= new.date and new.date_end <= old.date_end
    if not inside:
        return False
    if DATE_RANK[new.precision] < DATE_RANK[old.precision]:
        return True
    day = new.precision == old.precision == "day"
    return day and new.date == new.date_end and old.date < old.date_end
