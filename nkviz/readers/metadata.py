"""Metadata values as they appear in files: publication dates, URLs, languages, field names.

Publication dates come from front matter, sidecars, page meta tags, feed items, CSV cells,
URLs and file names, spelled in many ways. :func:`parse_date` turns any of them into the
first day of the period it names plus a precision (``day``/``month``/``year``), and never
guesses: a value it cannot read gives ``None`` so the caller can report it.
This is *metadata* only; dates inside report prose are the extractors' business.
"""

from __future__ import annotations

import datetime as dt
import re

Published = tuple[dt.date | None, str]  # (first day of the period, precision)
UNKNOWN: Published = (None, "unknown")

MIN_YEAR, MAX_YEAR = 1900, 2100

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
# Any word of 3-9 letters, checked against MONTHS after matching: much faster for the
# regex engine than an alternation of every month name.
_MON = r"(?<![A-Za-z])(?P<mon>[A-Za-z]{3,9})\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Tried in order on a whole metadata value; the first that matches wins.
_PATTERNS = [
    # ISO and its cousins: 2018-11-19, 2018/11/19, 2018.11.19, 2018-11-19T10:00+09:00
    re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?(?![\d/])"),
    # Korean: 2018년 11월 19일, 2018년 11월
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?"),
    # Nov 19, 2018 / November 19th 2018 / Monday, November 19, 2018
    re.compile(_MON + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
    # 19 November 2018 / Mon, 19 Nov 2018 10:00:00 +0000 (RFC 822) / 19th of Nov. 2018
    re.compile(r"(?<!\d)(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MON
               + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
    # 19.11.2018 (dots: day first) and 11/19/2018 or 19/11/2018 (slashes: see _dmy)
    re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
    # November 2018 / Nov. 2018
    re.compile(r"(?<![\w])" + _MON + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
]
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_ONLY = re.compile(r"\s*(?P<y>\d{4})\s*년?\s*")
_DIGITS8 = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")


def parse_date(value) -> Published | None:
    """The publication date a metadata value names, or None if it names none.

    Accepts ``date``/``datetime`` objects (as YAML and spreadsheets give them), bare years,
    epoch seconds or milliseconds, and strings in ISO, RFC 822, Korean, "Nov 19, 2018",
    "19 November 2018", "2018/11/19", "19.11.2018" and "November 2018" forms. A time and
    zone are ignored: the date is the one written, in the writer's own time zone.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return _from_number(value)
    text = str(value).strip()
    if not text or len(text) > 200:
        return None
    if _YEAR_ONLY.fullmatch(text):
        return _checked(int(_YEAR_ONLY.fullmatch(text)["y"]))
    if m := _DIGITS8.fullmatch(text):
        return _checked(int(m["y"]), int(m["m"]), int(m["d"]))
    if _EPOCH.fullmatch(text):
        return _from_number(float(text))
    return search_date(text)


def search_date(text: str) -> Published | None:
    """The first publication-style date written anywhere in ``text`` (a line, a cell)."""
    if not _FOUR_DIGITS.search(text):  # every pattern needs a year: skip most lines fast
        return None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.groupdict().get("mon") and m["mon"].lower() not in MONTHS:
                continue
            found = _from_match(m)
            if found:
                return found
    return None


def _from_match(m: re.Match) -> Published | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if groups.get("a"):
        return _dmy(int(groups["a"]), int(groups["b"]), year, groups["sep"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    day = int(groups["d"]) if groups.get("d") else None
    return _checked(year, month, day)


def _dmy(a: int, b: int, year: int, sep: str) -> Published | None:
    """Numeric dates without the year first: dots mean day.month (European usage);
    slashes and dashes are read month/day (US usage) unless the first number exceeds 12."""
    if sep == "." or a > 12:
        return _checked(year, b, a)
    return _checked(year, a, b)


def _from_number(value: float) -> Published | None:
    if value != value:  # NaN from a spreadsheet cell
        return None
    if MIN_YEAR <= value <= MAX_YEAR and float(value).is_integer():
        return _checked(int(value))
    if 1e11 <= value < 1e14:  # epoch milliseconds
        value /= 1000
    if 1e8 <= value < 5e9:
        when = dt.datetime.fromtimestamp(value, tz=dt.UTC)
        return _checked(when.year, when.month, when.day)
    return None


def _checked(year: int, month: int | None = None, day: int | None = None) -> Published | None:
    """(first day, precision) if the parts make a real date in range, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        if month is None:
            return dt.date(year, 1, 1), "year"
        if day is None:
            return dt.date(year, month, 1), "month"
        return dt.date(year, month, day), "day"
    except ValueError:
        return None


# Dates in URLs: /2018/11/19/slug, /2018/11/slug, /2018-11-19-slug
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)(?:/(?P<d>[0-3]?\d))?(?=/|$|[?#])"
    r"|/(?P<y2>(?:19|20)\d{2})-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?!\d)")


def date_from_url(url: str) -> Published | None:
    """The date a news URL's path spells out (WordPress style), or None."""
    if not url:
        return None
    path = "/" + url.split("://", 1)[-1].partition("/")[2]  # never read the host
    m = _URL_DATE.search(path)
    if not m:
        return None
    if m["y2"]:
        return _checked(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return _checked(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)


# Dates in file names: 2018-11-05-title.txt, 20181105_x.md, 2018-11_x.txt, 2018_x.txt
_NAME_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})([-_. ]?)(?P<m>[01]\d)\2(?P<d>[0-3]\d)(?!\d)")
_NAME_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.](?P<m>[01]\d)(?![-_.]?\d)")
_NAME_YEAR = re.compile(r"^(?P<y>(?:19|20)\d{2})(?=[-_. ]|$)")


def date_from_filename(stem: str) -> Published | None:
    """The date a file name holds, with the precision it holds it to, or None."""
    for pattern in (_NAME_DAY, _NAME_MONTH):
        for m in pattern.finditer(stem):
            found = _checked(int(m["y"]), int(m["m"]), int(m["d"]) if "d" in m.groupdict()
                             else None)
            if found:
                return found
    m = _NAME_YEAR.search(stem)
    return _checked(int(m["y"])) if m else None


_LANGUAGE_NAMES = {
    "english": "en", "eng": "en", "korean": "ko", "kor": "ko", "한국어": "ko", "조선어": "ko",
    "japanese": "ja", "jpn": "ja", "chinese": "zh", "zho": "zh", "chi": "zh",
    "russian": "ru", "rus": "ru", "spanish": "es", "french": "fr", "german": "de",
    "polish": "pl",
}


def normalise_language(value) -> str:
    """'en-US', 'en_GB', 'English', 'kor' -> ISO 639-1 code ('en', 'ko'); '' if unclear."""
    if not value:
        return ""
    text = str(value).strip().lower().replace("_", "-")
    if text in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[text]
    code = text.split("-", 1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else ""
