"""Events from one report: group the extractors' findings into incidents.

A report usually describes one or a few incidents; the rest is context. The assembly works
on sentences: a sentence *bears* an event when it has a theme cue and is not background
(habitual wording, or dated years before publication). Event-bearing sentences are grouped
by where and when they happen: the same place (or a place inside the same province) and a
compatible date continue an event, another province or another date starts a new one.
Each event keeps its evidence: the sentences, and the words its date, place, agencies and
themes were read from.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..schema import Event, Report
from .agencies import AgencyFinding, find_agencies
from .dates import DateFinding, find_dates
from .geocoded import geocoded_places
from .places import PlaceFinding, find_places
from .sentences import split_sentences
from .themes import ThemeFinding, find_themes
from .where import choose_place, place_fields

BACKGROUND_WORDS = re.compile(
    r"\b(usually|typically|traditionally|historically|in the past|in previous years|"
    r"for decades|for years|has long|have long|had long|in general|generally|"
    r"commonly|routinely|it is common|known for)\b|"
    r"(보통|일반적으로|과거에는|예전에는|그동안)",
    re.IGNORECASE,
)
OLD_AFTER_DAYS = 730  # a sentence dated only this long before publication is background
FUTURE_SLACK_DAYS = 7  # dates a little after publication happen (time zones, datelines)
MAX_EVIDENCE_CHARS = 700


@dataclass
class Sentence:
    start: int
    end: int
    dates: list[DateFinding] = field(default_factory=list)
    places: list[PlaceFinding] = field(default_factory=list)
    agencies: list[AgencyFinding] = field(default_factory=list)
    themes: list[ThemeFinding] = field(default_factory=list)
    paragraph: int = 0


@dataclass
class Cluster:
    sentences: list[Sentence]
    place: PlaceFinding | None
    date: DateFinding | None


def extract_events(report: Report, *, gazetteer=None, geocoder=None,
                   ingest=None) -> list[Event]:
    """The events of one report (possibly none), in the order the report tells them.

    ``geocoder`` (optional, e.g. an online one) is asked about place-like names the
    gazetteer does not know; its failures are recorded in ``ingest.problems``.
    """
    sentences = analyse(report, gazetteer=gazetteer, geocoder=geocoder, ingest=ingest)
    eventful = [s for s in sentences if s.themes and not _is_background(s, report)]
    clusters = cluster(eventful, report)
    title = _title_sentence(report, gazetteer)
    if not clusters and title is not None and (title.themes or title.agencies):
        first = next((s for s in sentences if s.themes or s.agencies or s.places), None)
        if first is not None and not _is_background(first, report):
            clusters = cluster([first], report)
    events = []
    for n, c in enumerate(clusters, start=1):
        if n == 1 and title is not None:
            _enrich_with_title(c, title)
        events.append(_to_event(report, n, c, sentences))
    return events


def analyse(report: Report, *, gazetteer=None, geocoder=None, ingest=None) -> list[Sentence]:
    """Run every extractor once over the report text and bucket findings by sentence."""
    text = report.text
    spans = split_sentences(text)
    sentences = [Sentence(a, b, paragraph=_paragraph_index(text, a)) for a, b in spans]
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    found = (
        ("dates", find_dates(text, published=report.published,
                             published_precision=report.published_precision,
                             language=report.language)),
        ("places", find_places(text, gazetteer=gazetteer)
                   + geocoded_places(text, geocoder, report=report, ingest=ingest)),
        ("agencies", find_agencies(text, published=report.published)),
        ("themes", find_themes(text)),
    )
    for attr, findings in found:
        for f in findings:
            i = bisect.bisect_right(starts, f.start) - 1
            if i >= 0 and f.start < sentences[i].end:
                getattr(sentences[i], attr).append(f)
    return sentences


def _paragraph_index(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def _is_background(s: Sentence, report: Report) -> bool:
    if BACKGROUND_WORDS.search(_sentence_text(s, report)) and not s.dates:
        return True
    if report.published and s.dates:
        oldest_ok = report.published - dt.timedelta(days=OLD_AFTER_DAYS)
        return all(d.date_end < oldest_ok for d in s.dates)
    return False


def _sentence_text(s: Sentence, report: Report) -> str:
    return report.text[s.start:s.end]


def _usable_date(s: Sentence, report: Report) -> DateFinding | None:
    """The sentence's first date that can be the date of an incident told in it."""
    for d in s.dates:
        if report.published is None:
            return d
        latest = report.published + dt.timedelta(days=FUTURE_SLACK_DAYS)
        earliest = report.published - dt.timedelta(days=OLD_AFTER_DAYS)
        if earliest <= d.date <= latest:
            return d
    return None


def cluster(eventful: list[Sentence], report: Report) -> list[Cluster]:
    """Group event-bearing sentences by place and date, in order of first appearance."""
    clusters: list[Cluster] = []
    current: Cluster | None = None
    for s in eventful:
        place = choose_place(s.places, report.text)
        date = _usable_date(s, report)
        target = _find_compatible(clusters, current, place, date)
        if target is None:
            target = Cluster([], place, date)
            clusters.append(target)
        else:
            _absorb(target, place, date)
        target.sentences.append(s)
        current = target
    return clusters


def _find_compatible(clusters, current, place, date) -> Cluster | None:
    """The cluster a sentence continues: the current one if compatible, else an earlier one
    at the same place and date (reports often come back to an incident)."""
    if current is not None and _compatible(current, place, date, lenient=True):
        return current
    for c in clusters:
        if c is not current and _compatible(c, place, date, lenient=False):
            return c
    return None


def _compatible(c: Cluster, place, date, *, lenient: bool) -> bool:
    if date is not None and c.date is not None and not _dates_overlap(c.date, date):
        return False
    if place is None or _is_vague(place):
        return lenient
    if c.place is None or _is_vague(c.place):
        return lenient
    return _same_area(c.place, place)


def _is_vague(p: PlaceFinding) -> bool:
    return p.place.precision == "country" and p.place.country_code == "KP"


def _same_area(a: PlaceFinding, b: PlaceFinding) -> bool:
    pa, pb = a.place, b.place
    if pa.id == pb.id:
        return True
    if pa.admin1 and pa.admin1 == pb.admin1:
        return True
    return False


def _dates_overlap(a: DateFinding, b: DateFinding) -> bool:
    slack = dt.timedelta(days=3)
    return a.date - slack <= b.date_end and b.date - slack <= a.date_end


def _absorb(c: Cluster, place, date) -> None:
    """Refine a cluster with a sentence's place and date when they are more precise."""
    if place is not None and (c.place is None or _more_precise(place, c.place)):
        c.place = place
    if date is not None and (c.date is None or _finer_date(date, c.date)):
        c.date = date


_GEO_RANK = {"place": 0, "province": 1, "region": 2, "country": 3, "unknown": 4}
_DATE_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def _more_precise(new: PlaceFinding, old: PlaceFinding) -> bool:
    if _is_vague(old) and not _is_vague(new):
        return True
    same = _same_area(new, old) or old.place.precision in ("region", "country")
    return same and _GEO_RANK[new.place.precision] < _GEO_RANK[old.place.precision]


def _finer_date(new: DateFinding, old: DateFinding) -> bool:
    inside = old.date <= new.date and new.date_end <= old.date_end
    return inside and _DATE_RANK[new.precision] < _DATE_RANK[old.precision]


def _title_sentence(report: Report, gazetteer) -> Sentence | None:
    """The title's findings (offsets into the title), used to enrich the lead event."""
    title = report.title.strip()
    if not title:
        return None
    s = Sentence(0, len(title))
    s.places = find_places(title, gazetteer=gazetteer)
    s.agencies = find_agencies(title, published=report.published)
    s.themes = find_themes(title)
    return s


def _enrich_with_title(c: Cluster, title: Sentence) -> None:
    c.sentences.append(_TitleMarker(title))
    if c.place is None and title.places:
        c.place = title.places[0]


class _TitleMarker(Sentence):
    """A title's findings riding along with the lead event; it adds no evidence text."""

    def __init__(self, title: Sentence):
        super().__init__(-1, -1, agencies=title.agencies, themes=title.themes)


def _to_event(report: Report, n: int, c: Cluster, sentences: list[Sentence]) -> Event:
    date = c.date or _date_from_context(c, sentences, report)
    agencies, agency_cues = _labels((f.agency, f.text) for s in c.sentences for f in s.agencies)
    themes, theme_cues = _labels((f.theme, f.text) for s in c.sentences for f in s.themes)
    body = [s for s in c.sentences if s.start >= 0]
    evidence = _evidence(report.text, body)
    event = Event(
        event_id=f"{report.report_id}:{n}",
        report_id=report.report_id,
        title=report.title,
        source=report.source,
        url=report.url,
        published=report.published,
        published_precision=report.published_precision,
        agencies=agencies,
        agency_cues=agency_cues,
        themes=themes,
        theme_cues=theme_cues,
        evidence=evidence,
        evidence_start=body[0].start if body else 0,
        evidence_end=body[-1].end if body else 0,
        language=report.language,
        **_date_fields(date, report),
        **place_fields(c.place),
    )
    return event


def _date_from_context(c: Cluster, sentences: list[Sentence], report: Report):
    """A date stated earlier in the same paragraph carries over to the sentences after it."""
    first = next((s for s in c.sentences if s.start >= 0), None)
    if first is None:
        return None
    for s in reversed(sentences):
        if s.start >= first.start:
            continue
        if s.paragraph != first.paragraph:
            break
        d = _usable_date(s, report)
        if d is not None:
            return d
    return None


def _date_fields(date: DateFinding | None, report: Report) -> dict:
    if date is not None:
        return dict(date=date.date, date_end=date.date_end, date_precision=date.precision,
                    date_basis=date.basis, date_text=date.text)
    if report.published is not None:
        end = _period_end(report.published, report.published_precision)
        return dict(date=report.published, date_end=end,
                    date_precision=report.published_precision, date_basis="published")
    return dict(date=None, date_end=None, date_precision="unknown", date_basis="unknown")


def _period_end(start: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def _labels(pairs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Unique labels in first-seen order, each with the first words it was read from."""
    seen: dict[str, str] = {}
    for label, cue in pairs:
        seen.setdefault(label, cue)
    return tuple(seen), tuple(seen.values())


def _evidence(text: str, body: list[Sentence]) -> str:
    parts, size = [], 0
    for s in sorted(body, key=lambda s: s.start):
        piece = " ".join(text[s.start:s.end].split())
        if parts and size + len(piece) > MAX_EVIDENCE_CHARS:
            parts.append("…")
            break
        parts.append(piece)
        size += len(piece)
    return " ".join(parts)
