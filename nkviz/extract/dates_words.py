"""Date words shared by the English and Korean date rules: the vocabulary of
``data/vocab/date_words.yaml`` with lookup tables, and regex helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .. import vocab
from .dates_calendar import Mention

Handler = Callable[[re.Match, str], "Mention | None"]


def alt(words) -> str:
    """A regex alternation of literal words, longest first, any run of spaces allowed."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def squash(s: str) -> str:
    return " ".join(s.lower().replace("-", " ").split())


@cache
def words() -> dict:
    """The date vocabulary with lookups: month and weekday numbers by spelling, full month
    names, count units and named-day blockers as sets."""
    w = vocab.date_words()
    months = {s.lower(): int(n) for n, names in w["months"].items() for s in names}
    full = {names[0].lower() for names in w["months"].values()}
    days = {s.lower(): int(n) for n, names in w["weekdays"].items() for s in names}
    return {**w, "month_of": months, "full_months": full, "weekday_of": days,
            "units": set(w["count_units"]), "blockers": set(w["named_day_blockers"])}



def parts(s: str | None) -> str | None:
    """The part code of "early", "the end of", "초", ... (None when not a part word)."""
    return words()["parts"].get(re.sub(r"^(?:at|in) ", "", squash(s))) if s else None
