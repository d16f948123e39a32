"""Grouping a report's sentences into events, by where and when they happen.

A sentence *bears* an event when it is not background and either has a theme cue or names
an agency acting at a place or on a date. Bearing sentences at the same place (or inside
the same province) and at a compatible date continue an event; another province or another
date starts a new one, and a later sentence that returns to an earlier incident rejoins it.
Sentences in between that bear nothing themselves (who did it, when, what followed) are
*continuations*: they lend the event their agencies and their date, when it has none or
theirs falls inside its period more precisely ("last week", then "on Feb. 14").
An event needs an anchor (a place, a stated date or an agency): commentary with theme
words alone is not an incident.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..schema import Report
from .agencies import AgencyFinding
from .dates import DateFinding
from .incident_dates import (
    DATE_RANK,
    OLD_AFTER_DAYS,
    dates_overlap,
    finer_date,
    plausible,
    speech_date,
)
from .nearness import elsewhere_in_province, is_vague, more_precise, same_area
from .places import PlaceFinding
from .themes import ThemeFinding
from .where import choose_place

# Habitual wording marks context rather than news; matched on the lowercased text.
_HABITUAL_EN = ("usually", "typically", "traditionally", "historically", "in the past",
                "in previous years", "for decades", "for years", "has long", "have long",
                "had long", "in general", "generally", "commonly", "routinely", "it is common",
                "known for")
_HABITUAL_KO = ("보통", "일반적으로", "과거에는", "예전에는", "그동안")
BACKGROUND_WORDS = re.compile(rf"\b(?:{'|'.join(_HABITUAL_EN)})\b|{'|'.join(_HABITUAL_KO)}")
# Past participles that are not "-ed" forms: "was shot", "were sent", "put to death".
_IRREGULAR_PAST = frozenset(
    "shot sent taken caught held beaten fled hung hanged killed put death thrown brought "
    "driven stolen seen found given told struck torn begun ran fought sold bought kept".split())
_KO_PAST = re.compile(r"^\S{0,3}(?:됐|되었|했|하였|당했|당하였|었|았)")
# A wire dateline ("SEOUL, Feb. 12 (Yonhap) --", "(서울=연합뉴스)") says where and when the
# story was filed, not where and when its events happened.
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z .'’-]{1,30},\s+[^()\n]{0,24}?\s*\([A-Za-z][\w .&-]{1,30}\)\s*[-–—]{1,2}"
    r"|\([가-힣 ]{1,10}=[^)\n]{1,20}\)[^=\n]{0,20}=?)",
    re.MULTILINE)


@dataclass
class Sentence:
    start: int
    end: int
    dates: list[DateFinding] = field(default_factory=list)
    places: list[PlaceFinding] = field(default_factory=list)
    agencies: list[AgencyFinding] = field(default_factory=list)
    themes: list[ThemeFinding] = field(default_factory=list)
    paragraph: int = 0
    place: PlaceFinding | None = None  # where its event happens (see where.choose_place)
    date: DateFinding | None = None  # the date of its incident, if it states one
    evidence: bool = True  # False for a title riding along with the lead event
    background: bool = False  # context rather than news (see is_background)
    incident: bool = False  # a theme cue in the past tense: something happened
    separate: bool = False  # announces another incident ("in a separate case")


@dataclass
class Cluster:
    sentences: list[Sentence]
    place: PlaceFinding | None
    date: DateFinding | None

    @property
    def anchored(self) -> bool:
        """Tied to a place, a date or an actor, or told as something that happened; theme
        words alone ("sanctions will not work") are commentary."""
        placed = self.place is not None and not is_vague(self.place)
        return (placed or self.date is not None
                or any(s.agencies or s.incident for s in self.sentences))


def prepare(sentences: list[Sentence], report: Report) -> None:
    """Decide each sentence's own place, incident date and background-ness once, and read a
    sentence that tells two incidents as two (see _two_incidents)."""
    marks = _Marks(_habitual_offsets(report.text), _separate_offsets(report.text))
    datelines = [m.span() for m in DATELINE.finditer(report.text)]
    for s in sentences:
        if datelines:
            s.dates = [d for d in s.dates if not _inside(d.start, datelines)]
            s.places = [p for p in s.places if not _inside(p.start, datelines)]
        _prepare_one(s, report, marks)
    if any(len(s.dates) > 1 for s in sentences):
        sentences[:] = [part for s in sentences
                        for part in (_two_incidents(s, report, marks)
                                     if len(s.dates) > 1 else (s,))]


class _Marks(NamedTuple):
    """Where in the report habitual wording and "in a separate case" start (sorted), found
    once per report: a sentence holds one when an offset falls inside it."""

    habitual: list[int]
    separate: list[int]


def _prepare_one(s: Sentence, report: Report, marks: _Marks) -> None:
    s.place = choose_place(s.places, report.text)
    s.date = incident_date(s, report)
    s.background = _background(s, report, _holds(marks.habitual, s))
    s.incident = any(_past_tense(f.text, report.text[f.end:f.end + 8]) for f in s.themes)
    s.separate = _holds(marks.separate, s)


def _holds(offsets: list[int], s: Sentence) -> bool:
    i = bisect.bisect_left(offsets, s.start)
    return i < len(offsets) and offsets[i] < s.end


def _two_incidents(s: Sentence, report: Report, marks: _Marks) -> list[Sentence]:
    """One sentence, two incidents: each with its own day and a place in another area
    ("caught by Chinese police in Ji'an on April 9, they were handed over at Manpo on
    April 24"). Split after the first day, when both halves say what happened."""
    days = [d for d in s.dates if d.precision == "day" and d.date == d.date_end
            and plausible(d, report) and not speech_date(d, report.text)]
    if s.background or len(days) != 2 or abs((days[1].date - days[0].date).days) <= 3:
        return [s]
    parts = [_part(s, s.start, days[0].end), _part(s, days[0].end, s.end)]
    for part in parts:
        _prepare_one(part, report, marks)
    a, b = parts
    placed = all(x.place is not None and not is_vague(x.place) for x in parts)
    told = all(x.themes or x.agencies for x in parts)
    if not (placed and told) or same_area(a.place, b.place):
        return [s]
    return parts


def _part(s: Sentence, lo: int, hi: int) -> Sentence:
    def inside(findings):
        return [f for f in findings if lo <= f.start < hi]
    return Sentence(lo, hi, inside(s.dates), inside(s.places), inside(s.agencies),
                    inside(s.themes), paragraph=s.paragraph, evidence=s.evidence)


def group(sentences: list[Sentence], report: Report) -> list[Cluster]:
    """The events of a report as clusters of sentences, in order of first appearance."""
    clusters: list[Cluster] = []
    current: Cluster | None = None
    for s in sentences:
        if is_background(s) or _recalled(s, clusters):
            continue
        if bears_event(s):
            target = _continued(clusters, current, s, report.text)
            if target is None:
                target = Cluster(_lead_in(sentences, s), s.place, s.date)
                for lead in target.sentences:
                    _absorb(target, lead, date_only_if_missing=True)
                clusters.append(target)
            else:
                _absorb(target, s)
            target.sentences.append(s)
            current = target
        elif current is not None and _continues(current, s):
            _absorb(current, s)
            current.sentences.append(s)
        elif s.place is not None and not is_vague(s.place) and _ends_run(current, s, report.text):
            current = None  # a sentence elsewhere ends the run of continuations
    return [c for c in clusters if c.anchored]


def _ends_run(current: Cluster | None, s: Sentence, text: str) -> bool:
    """A sentence elsewhere ends the run of continuations when it has a date of its own or
    turns to another scene ("In Russia, however, …"); without those it adds detail to the
    event ("the coal came down from the mines in Pukchang"), and what follows still
    belongs to that event."""
    if current is None or s.date is not None:
        return True
    return NEW_SCENE.match(text, s.start, s.end) is not None


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _past_tense(cue: str, after: str) -> bool:
    """A cue read as a completed action: "arrested", "was shot", 체포됐다."""
    words = cue.lower().split()
    if not words:
        return False
    last = words[-1]
    if last.isascii():
        return (last.endswith("ed") and len(last) > 4) or last in _IRREGULAR_PAST
    return bool(_KO_PAST.match(after))


def _habitual_offsets(text: str) -> list[int]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lowered
        return [m.start() for m in re.finditer(BACKGROUND_WORDS.pattern, text, re.IGNORECASE)]
    if not any(w in lowered for w in _HABITUAL_EN + _HABITUAL_KO):
        return []  # the common case, settled without the regex (slow on long texts)
    return [m.start() for m in BACKGROUND_WORDS.finditer(lowered)]


def _lead_in(sentences: list[Sentence], s: Sentence) -> list[Sentence]:
    """For an event sentence that names no place, the sentence just before it in the same
    paragraph when that one says where ("Sinuiju closed its roads. Officials cited
    quarantine rules.")."""
    if s.place is not None and not is_vague(s.place):
        return []
    i = sentences.index(s)
    if i == 0:
        return []
    prev = sentences[i - 1]
    placed = prev.place is not None and not is_vague(prev.place)
    if prev.paragraph == s.paragraph and placed and not prev.background and prev.evidence:
        return [prev]
    return []


# Openings that move the story to another scene.
NEW_SCENE = re.compile(
    r"[\s\"“]*(?:(?:In|At|Across|Along|Near|Inside|Outside)\s+[A-Z][^,]{0,40},|Meanwhile|"
    r"Elsewhere|[^.]{0,60}\b(?:however|meanwhile|elsewhere)\b)")
RECALLED_AFTER_DAYS = 60
# Words that announce another incident ("In a separate case, ...").
SEPARATE = re.compile(
    r"\b(?:in an?(?:other| separate| unrelated| similar) (?:case|incident)|separately|"
    r"in a separate development|a separate case)\b|이와 별도로|별도로|또 다른 사건",
    re.IGNORECASE)
# A word every SEPARATE phrase holds, casefolded ("similar" by its "lar": an "i" would miss
# the dotless "ı" that IGNORECASE takes for it). SEPARATE is slow on long texts, and most
# reports hold none of these words.
_SEPARATE_WORDS = ("other", "separat", "unrelated", "lar", "별도로", "다른 사건")


def _separate_offsets(text: str) -> list[int]:
    folded = text.casefold()
    if not any(w in folded for w in _SEPARATE_WORDS):
        return []  # the common case, settled without the regex (slow on long texts)
    return [m.start() for m in SEPARATE.finditer(text)]


def _recalled(s: Sentence, clusters: list[Cluster]) -> bool:
    """News comes first: a sentence in a later paragraph whose dates all lie well before
    the lead event's is history told for context ("the law adopted in December 2020")."""
    if not clusters or not s.dates or clusters[0].date is None:
        return False
    lead = clusters[0]
    if s.paragraph <= min(x.paragraph for x in lead.sentences if x.evidence):
        return False
    cutoff = lead.date.date - dt.timedelta(days=RECALLED_AFTER_DAYS)
    return all(d.date_end <= cutoff for d in s.dates)


def bears_event(s: Sentence) -> bool:
    """A theme cue, or an agency acting at a North Korean place or on a date. (An agency
    named at a place abroad is usually where someone ended up, not an incident.)"""
    if s.themes:
        return True
    if not s.agencies:
        return False
    if s.place is None or is_vague(s.place):
        return s.date is not None
    return s.place.place.country_code == "KP" or s.date is not None


def is_background(s: Sentence) -> bool:
    """Habitual wording without a date, or dated only long before publication."""
    return s.background


def _background(s: Sentence, report: Report, habitual: bool) -> bool:
    if not s.evidence:
        return False
    if habitual and not s.dates:
        return True
    if report.published and s.dates:
        oldest_ok = report.published - dt.timedelta(days=OLD_AFTER_DAYS)
        return all(d.date_end < oldest_ok for d in s.dates)
    return False


def incident_date(s: Sentence, report: Report) -> DateFinding | None:
    """The most precise date of the sentence that can date an incident told in it."""
    usable = [d for d in s.dates if plausible(d, report) and not speech_date(d, report.text)]
    return min(usable, key=lambda d: DATE_RANK[d.precision], default=None)


def _continued(clusters: list[Cluster], current: Cluster | None, s: Sentence,
               text: str = "") -> Cluster | None:
    """The cluster a bearing sentence continues: the current one if compatible, else an
    earlier one at the same place and date (reports often come back to an incident)."""
    if s.separate:
        return None
    if current is not None and _compatible(current, s.place, s.date, lenient=True, told_in=s):
        return current
    if current is not None and (_aside_abroad(current, s) or _river_detail(current, s)
                                or _what_went_before(current, s, text)):
        return current
    for c in clusters:
        if c is not current and _compatible(c, s.place, s.date, lenient=False):
            return c
    return None


def _river_detail(c: Cluster, s: Sentence) -> bool:
    """The border river named beside an incident at a North Korean place is a detail of it:
    without a date, in the same paragraph ("…to scare anyone thinking of crossing the
    Tumen"); with one, in the next paragraph when the incident had none ("On the 3rd, two
    people tried to cross the Tumen…" after "a platoon leader in Onsong was arrested")."""
    if s.place is None or c.place is None or s.separate:
        return False
    region = s.place.place.precision == "region" and s.place.place.country_code == "KP"
    if not region or c.place.place.country_code != "KP" or is_vague(c.place):
        return False
    gap = s.paragraph - c.sentences[-1].paragraph
    return gap == 0 if s.date is None else (c.date is None and gap <= 1)


# "had fled", "had been held": what happened before the incident being told
PLUPERFECT = re.compile(
    r"\bhad\s+(?:been\s+|already\s+|previously\s+)?[a-z]+(?:ed|en|ght|wn|ung)\b")


def _what_went_before(c: Cluster, s: Sentence, text: str) -> bool:
    """A sentence right after an incident that tells, in the pluperfect and without a date,
    what led up to it ("the two had fled across the Yalu and were hiding…") belongs to it."""
    if s.date is not None or s.separate or s.paragraph - c.sentences[-1].paragraph > 1:
        return False
    here = s.place is None or s.place.place.precision in ("region", "country") or (
        c.place is not None and same_area(c.place, s.place))
    return (here and PLUPERFECT.search(text, s.start, s.end) is not None
            and NEW_SCENE.match(text, s.start, s.end) is None)


def _aside_abroad(c: Cluster, s: Sentence) -> bool:
    """A follow-up sentence without a date of its own that mentions a place abroad adds to
    the incident before it: a foreign country ("relatives in China", "Chinese traders")
    or, when no actor is named either, a foreign city (where goods went, where someone is
    now)."""
    if s.date is not None or s.place is None or s.place.place.country_code == "KP":
        return False
    if s.paragraph - c.sentences[-1].paragraph > 1:
        return False
    if s.place.place.precision == "country":
        return True
    domestic = c.place is not None and c.place.place.country_code == "KP"
    return domestic and not s.agencies and c.sentences[-1].paragraph == s.paragraph


def _continues(c: Cluster, s: Sentence) -> bool:
    """A sentence bearing no event of its own that still tells about ``c``."""
    last = c.sentences[-1]
    if s.paragraph - last.paragraph > 1:
        return False
    if s.place is None or is_vague(s.place) or _homeward(c, s.place):
        return True
    return c.place is not None and same_area(c.place, s.place)


def _homeward(c: Cluster, place: PlaceFinding) -> bool:
    """A North Korean town told after an event placed nowhere or only in a country abroad
    (where people ended up: "…want to settle in South Korea") is where it started."""
    if place.place.country_code != "KP" or place.place.precision not in ("place", "province"):
        return False
    return c.place is None or (c.place.place.country_code != "KP"
                               and c.place.place.precision == "country")


def _other_subject_around(c: Cluster, date: DateFinding, s: Sentence) -> bool:
    """A vaguer period around the event, in another paragraph on another subject, dates
    another incident ("rice went up in late September" after a trial on September 26)."""
    if c.date is None or DATE_RANK[date.precision] <= DATE_RANK[c.date.precision]:
        return False
    return not _same_topic(c, s)


def _same_topic(c: Cluster, s: Sentence) -> bool:
    """The sentence speaks of what the event is about (or of nothing in particular), or
    goes on in the paragraph that tells the event."""
    if s.paragraph == c.sentences[-1].paragraph:
        return True
    seen = {f.theme for x in c.sentences for f in x.themes}
    return not s.themes or not seen or any(f.theme in seen for f in s.themes)


def _compatible(c: Cluster, place, date, *, lenient: bool,
                told_in: Sentence | None = None) -> bool:
    if told_in is not None and date is not None and _other_subject_around(c, date, told_in):
        return False
    if date is not None and c.date is not None and not dates_overlap(c.date, date):
        # a vaguer date in a sentence without a place of its own is context, not news,
        # unless the sentence turns to another subject (trade figures after an arrest)
        coarser = DATE_RANK[date.precision] > DATE_RANK[c.date.precision]
        context = lenient and coarser and (place is None or is_vague(place))
        if not (context and (told_in is None or _same_topic(c, told_in))):
            return False
    if place is None or is_vague(place) or c.place is None or is_vague(c.place):
        return lenient
    if elsewhere_in_province(c.place, place):
        return lenient and date is None
    return same_area(c.place, place)


def _absorb(c: Cluster, s: Sentence, *, date_only_if_missing: bool = False) -> None:
    """Refine a cluster with a sentence's place and date when they are more precise."""
    if s.place is not None and (c.place is None or more_precise(s.place, c.place)):
        c.place = s.place
    if s.date is None:
        return
    if c.date is None or (not date_only_if_missing and finer_date(s.date, c.date)):
        c.date = s.date
