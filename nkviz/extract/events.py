"""Events from one report: every extractor runs once, then findings become events.

The extractors (dates, places, agencies, themes) each make one pass over the text; their
findings are bucketed by sentence, and :mod:`.grouping` decides which sentences tell which
incident. Each event keeps its evidence: the sentences, and the words its date, place,
agencies and themes were read from. The title's findings enrich the lead event.
"""

from __future__ import annotations

import bisect
import re

from ..geo.gazetteer import Gazetteer
from ..schema import Event, Report
from .agencies import find_agencies
from .dates import DateFinding, find_dates
from .geocoded import geocoded_places
from .grouping import Cluster, Sentence, group, is_background, prepare
from .incident_dates import period_end
from .nearness import is_vague, same_area
from .places import PlaceFinding, find_places
from .sentences import split_sentences
from .themes import find_themes
from .where import choose_place, place_fields

MAX_EVIDENCE_CHARS = 700
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NORTH_KOREAN = re.compile(r"\bNorth Koreans?\b|\bN\. ?Korean?\b|\bDPRK\b|북한|북측")


def extract_events(report: Report, *, gazetteer=None, geocoder=None,
                   ingest=None) -> list[Event]:
    """The events of one report (possibly none), in the order the report tells them.

    ``geocoder`` (optional, e.g. an online one) is asked about place-like names the
    gazetteer does not know; its failures are recorded in ``ingest.problems``.
    """
    sentences = analyse(report, gazetteer=gazetteer, geocoder=geocoder, ingest=ingest)
    prepare(sentences, report)
    clusters = group(sentences, report)
    title = _title_sentence(report, gazetteer)
    if not clusters and title is not None and (title.themes or title.agencies):
        clusters = _title_led(sentences, title, report)
    elif clusters and title is not None:
        _enrich_with_title(clusters[0], title)
    _inherit_places(clusters)
    for c in clusters:
        if c.place is None:
            c.place = _country_of_report(c, sentences, report, gazetteer)
    return [_to_event(report, n, c, sentences) for n, c in enumerate(clusters, start=1)]


def analyse(report: Report, *, gazetteer=None, geocoder=None, ingest=None) -> list[Sentence]:
    """Run every extractor once over the report text and bucket findings by sentence."""
    text = report.text
    spans = split_sentences(text)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    sentences = [Sentence(a, b, paragraph=bisect.bisect_right(breaks, a)) for a, b in spans]
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


def _title_sentence(report: Report, gazetteer) -> Sentence | None:
    """The title's findings (offsets into the title), used to enrich the lead event."""
    title = report.title.strip()
    if not title:
        return None
    s = Sentence(0, len(title), evidence=False)
    s.places = find_places(title, gazetteer=gazetteer)
    s.agencies = find_agencies(title, published=report.published)
    s.themes = find_themes(title)
    s.place = choose_place(s.places, title)
    return s


def _title_led(sentences: list[Sentence], title: Sentence, report: Report) -> list[Cluster]:
    """One event when the title names the incident and the body only gives where/when
    (listing excerpts and short briefs often read like that)."""
    lead = next((s for s in sentences if not is_background(s)
                 and (s.place is not None or s.agencies or s.date is not None)), None)
    if lead is None:
        return []
    c = Cluster([lead, title], lead.place or title.place, lead.date)
    return [c] if c.anchored else []


def _inherit_places(clusters: list[Cluster]) -> None:
    """An event told without a place of its own, right after another event of the same
    story, happened where that one did ("…executed in Chongdan. The women had been arrested
    last December.")."""
    for before, c in zip(clusters, clusters[1:]):
        first = min(s.paragraph for s in c.sentences if s.evidence) if c.sentences else 0
        last = max((s.paragraph for s in before.sentences if s.evidence), default=-9)
        if c.place is None and before.place is not None and first - last <= 1:
            c.place = before.place


def _country_of_report(c: Cluster, sentences: list[Sentence], report: Report, gazetteer):
    """A report about North Korea that says no more about where an event happened places
    it in the country as a whole (geo_precision "country"), as the labels of a careful
    reader would; the words it was read from are the first mention of the country (the
    adjective "North Korean" counts: "a North Korean soldier crossed the border")."""
    for s in (*c.sentences, *sentences):
        for p in s.places:
            if p.place.country_code == "KP" and p.place.precision == "country":
                return p
    m = _NORTH_KOREAN.search(report.text)
    country = (gazetteer or Gazetteer.default()).get("country-kp") if m else None
    return PlaceFinding(m.start(), m.end(), m.group(), country) if country else None


def _enrich_with_title(c: Cluster, title: Sentence) -> None:
    c.sentences.append(title)
    if c.place is None and title.place is not None:
        c.place = title.place


def _to_event(report: Report, n: int, c: Cluster, sentences: list[Sentence]) -> Event:
    date = c.date or _date_from_context(c, sentences)
    agencies, agency_cues = _labels((f.agency, f.text) for s in c.sentences for f in s.agencies)
    themes, theme_cues = _labels((f.theme, f.text) for s in c.sentences for f in s.themes)
    body = sorted((s for s in c.sentences if s.evidence), key=lambda s: s.start)
    return Event(
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
        evidence=_evidence(report.text, body),
        evidence_start=body[0].start if body else 0,
        evidence_end=body[-1].end if body else 0,
        language=report.language,
        **_date_fields(date, report),
        **place_fields(c.place),
    )


def _date_from_context(c: Cluster, sentences: list[Sentence]) -> DateFinding | None:
    """A date stated earlier in the same paragraph carries over to the sentences after it,
    and so does one in the paragraph before, said of the same place ("Since Dec. 1, shops
    in Rajin …" then "the traders in the Rajin market …")."""
    first = min((s for s in c.sentences if s.evidence), key=lambda s: s.start, default=None)
    if first is None:
        return None
    for s in reversed(sentences):
        if s.start >= first.start or s.date is None or s.background:
            continue
        if s.paragraph == first.paragraph:
            return s.date
        if s.paragraph < first.paragraph - 1:
            break
        if _same_place(c, s):
            return s.date
    return None


def _same_place(c: Cluster, s: Sentence) -> bool:
    return (c.place is not None and s.place is not None and not is_vague(c.place)
            and same_area(c.place, s.place))


def _date_fields(date: DateFinding | None, report: Report) -> dict:
    if date is not None:
        return dict(date=date.date, date_end=date.date_end, date_precision=date.precision,
                    date_basis=date.basis, date_text=date.text)
    if report.published is not None:
        end = period_end(report.published, report.published_precision)
        return dict(date=report.published, date_end=end,
                    date_precision=report.published_precision, date_basis="published")
    return dict(date=None, date_end=None, date_precision="unknown", date_basis="unknown")


def _labels(pairs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Unique labels in first-seen order, each with the first words it was read from."""
    seen: dict[str, str] = {}
    for label, cue in pairs:
        seen.setdefault(label, cue)
    return tuple(seen), tuple(seen.values())


def _evidence(text: str, body: list[Sentence]) -> str:
    parts, size = [], 0
    for s in body:
        piece = " ".join(text[s.start:s.end].split())
        if parts and size + len(piece) > MAX_EVIDENCE_CHARS:
            parts.append("…")
            break
        parts.append(piece)
        size += len(piece)
    return " ".join(parts)
