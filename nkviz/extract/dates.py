"""Dates in report text, English and Korean: stated, partial and relative, with the words
they were read from.

    >>> import datetime as dt
    >>> [(f.text, str(f.date), f.basis) for f in find_dates("He spoke on Nov. 2.", published=dt.date(2018, 11, 19))]
    [('Nov. 2', '2018-11-02', 'relative')]

Flow: anchors (digit runs and date words, one automaton pass) mark where an expression can
start; there the rules of ``dates_en``/``dates_ko`` are tried, most specific first, taking
in the prefix words before an anchor ("in early", "last"); each rule's handler turns its match into a
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

import ahocorasick

from . import dates_en, dates_ko, dates_words
from .dates_calendar import Mention, period_end, resolve

MIN_DATE = dt.date(1945, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)  # ceiling when the publication date is unknown (else ceiling_for)
PREFIX_REACH = 48  # the longest run of prefix words ("at the beginning of", "in the first half of")
ANAPHOR_REACH = 600  # "the next day" must follow its anchor date within this many characters
_DIGITS = re.compile(r"[0-9]+")
_WORD_BEFORE = re.compile(r"(\w+)[\s-]+\Z")
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


@dataclass(frozen=True)
class _Rule:
    core: re.Pattern  # what the rule's expression starts with, found at an anchor
    full: re.Pattern  # lead + prefix + core, with named groups, for the handler
    prefix_end: re.Pattern | None  # finds the optional prefix words ending where a core starts
    handle: dates_words.Handler


_WORDLESS = {"iso", "numeric", "year", "day_of_month"}  # English rules whose core starts with a digit only
_DIGITLESS = {"month_day", "season", "rel_day", "anaphor", "period", "ago", "weekday", "weekend"}


@dataclass(frozen=True)
class _RuleSet:
    """Rules in priority order, and one regex of all their cores (a group each) that finds
    the first rule matching at a position in a single call."""

    rules: tuple[_Rule, ...]
    cores: re.Pattern


def _rule_set(rules: list[_Rule], cores: list[str]) -> _RuleSet:
    combined = "|".join(f"(?P<r{i}>{_UNNAME.sub('(?:', c)})" for i, c in enumerate(cores))
    return _RuleSet(tuple(rules), re.compile(combined))


@cache
def _rules(korean: bool) -> tuple[_RuleSet, _RuleSet]:
    """The rules to try at a digit anchor and at a word anchor."""
    specs = [(name, "", "", p, h) for name, p, h in dates_ko.rules()] if korean else []
    specs += dates_en.rules()
    at_digit, at_word = ([], []), ([], [])
    for name, lead, prefix, core, handle in specs:
        prefix_end = re.compile(f"{lead}(?:{_UNNAME.sub('(?:', prefix)})\\Z") if prefix else None
        scan = core if prefix else lead + core
        rule = _Rule(re.compile(scan), re.compile(lead + prefix + core), prefix_end, handle)
        for group, skip in ((at_digit, _DIGITLESS), (at_word, _WORDLESS)):
            if name not in skip:
                group[0].append(rule)
                group[1].append(scan)
    return _rule_set(*at_digit), _rule_set(*at_word)


@cache
def _anchor_automaton():
    """Words every date expression starts its core with: month and weekday names, seasons,
    ordinals, relative words (``anchors_en``/``anchors_ko`` in date_words.yaml). With digit
    runs they are the only places the rules are tried, which keeps the scan fast: one
    automaton pass and a regex for digits instead of a regex tried at every character."""
    w = dates_words.words()
    words = {*w["month_of"], *w["weekday_of"], *w["ordinal_words"], *w["anchors_en"], *w["anchors_ko"],
             *(k for k in w["seasons"] if k.isascii())}
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word.lower(), len(word))
    automaton.make_automaton()
    return automaton


def _anchors(text: str) -> list[int]:
    """Start offsets of digit runs and anchor words (Latin ones at a word start)."""
    low = text.lower()
    if len(low) != len(text):  # rare characters whose lowercase is longer: keep offsets
        low = text
    starts = {i for m in _DIGITS.finditer(text) if not ((i := m.start()) and text[i - 1] in ",.")}  # "10,000"
    n = len(low)
    for last, length in _anchor_automaton().iter(low):
        start = last - length + 1
        if low[start].isascii() and (start > 0 and low[start - 1].isalnum() or last + 1 < n and low[last + 1].isalpha()):
            continue  # a Latin anchor is a whole word ("Mar" is not in "market")
        starts.add(start)
    return sorted(starts)


@cache
def _prefix_tails() -> frozenset[str]:
    """Every word a run of prefix words can end with ("in", "early", "the", "of", "two")."""
    w = dates_words.words()
    words = [*w["month_cues"], *w["parts"], *w["numbers"], "last this next past the that earlier later at"]
    return frozenset(t for phrase in words for t in phrase.lower().split())


def _may_have_prefix(text: str, core_start: int) -> bool:
    """A cheap look at the word before a core, to skip the prefix search after most words."""
    m = _WORD_BEFORE.search(text, max(0, core_start - 16), core_start)
    return m is not None and (m.group(1).isdigit() or m.group(1).lower() in _prefix_tails())


def _full_match(rule: _Rule, text: str, core_start: int) -> re.Match | None:
    """The rule's full match for a core found at ``core_start``, prefix words included."""
    if rule.prefix_end is not None and _may_have_prefix(text, core_start):
        lo = max(0, core_start - PREFIX_REACH)
        pm = rule.prefix_end.search(text, lo, core_start)
        if pm is not None and pm.start() < core_start:
            m = rule.full.match(text, pm.start())
            if m is not None and m.end() > core_start:
                return m
    return rule.full.match(text, core_start)


def _mentions(text: str, korean: bool) -> list[Mention]:
    """Every mention, left to right, none overlapping. At each anchor the rules are tried in
    priority order; the first whose handler accepts the match wins."""
    at_digit, at_word = _rules(korean)
    found, pos = [], 0
    for anchor in _anchors(text):
        if anchor < pos:
            continue
        ruleset = at_digit if text[anchor].isdigit() else at_word
        first = ruleset.cores.match(text, anchor)
        if first is None:
            continue
        for rule in ruleset.rules[int(first.lastgroup[1:]):]:
            if rule.core.match(text, anchor) is None:
                continue
            full = _full_match(rule, text, anchor)
            if full is not None and full.start() < pos:  # prefix words already used
                full = rule.full.match(text, anchor)
            mention = rule.handle(full, text) if full is not None else None
            if mention is not None and mention.end > mention.start:
                found.append(mention)
                pos = full.end()
                break
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


def ceiling_for(published: dt.date, precision: str = "day") -> dt.date:
    """The latest date a report may name: the end of the year after its publication period
    (plans for "2011" in a late-2010 piece count; "2035" targets do not)."""
    return dt.date(period_end(published, precision).year + 1, 12, 31)


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
    ceiling = MAX_DATE if pub is None else ceiling_for(pub, published_precision)
    korean = language.lower().startswith("ko") or bool(_HANGUL.search(text))
    findings: list[DateFinding] = []
    for m in _ranges(text, _mentions(text, korean)):
        got = _resolve(m, pub, published_precision, findings)
        if got is None:
            continue
        start, end, precision, basis = got
        if pub is not None and start <= pub:
            end = min(end, ceiling)  # a period still running ("the 2010s" in 2018) ends by the ceiling
        if MIN_DATE <= start <= end <= ceiling:
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
