"""Where an event happens: picking the place of a sentence among the places it names.

Reports name more places than where things happened: the capital stands for the regime
("Pyongyang ordered…"), events are named after cities ("the Pyongyang summit"), and
sources speak from abroad ("a source currently in China said"). Those mentions are
passed over; among the rest, North Korean places win over foreign ones and precise places
over vague ones, so "workers in Kuwait" is in Kuwait but "repatriated from China to
Sinuiju" is in Sinuiju.
"""

from __future__ import annotations

import math
import re

from ..geo.border import border_distance_km, in_border_region
from .places import PlaceFinding

METONYM_CITIES = {"Pyongyang", "Seoul", "Beijing", "Moscow", "Washington", "Tokyo"}
_METONYM_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:has|have|had|is|was|will|would|wants|wanted|said|says|ordered|"
    r"announced|claimed|denied|accused|insisted|continues|remains|must|may|might|should|"
    r"could|can|appears|seems|did|does|sees|views|regime|government|leadership|"
    r"authorities|summit|declaration|talks|meeting)\b)",
    re.IGNORECASE,
)
_SPEAKER_BEFORE = re.compile(
    r"\b(?:sources?|defectors?|escapees?|informants?|residents?|refugees?|traders?|"
    r"contacts?|people|who|correspondents?)\b[^.;:!?]{0,40}?\b(?:in|from|living in|"
    r"based in|staying in|now in|currently in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GEO_RANK = {"place": 0, "province": 1, "region": 2, "country": 3, "unknown": 4}


def choose_place(places: list[PlaceFinding], text: str) -> PlaceFinding | None:
    """The place a sentence's event happens at, or None when it names none that counts."""
    candidates = [p for p in places if not _is_metonym(p, text) and not _is_speaker(p, text)]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (_rank(p), p.start))


def _rank(p: PlaceFinding) -> tuple[int, int]:
    domestic = p.place.country_code == "KP"
    if domestic and p.place.precision != "country":
        return (0, _GEO_RANK[p.place.precision])
    if not domestic:
        return (1, _GEO_RANK[p.place.precision])
    return (2, 0)


def _is_metonym(p: PlaceFinding, text: str) -> bool:
    if p.place.name not in METONYM_CITIES:
        return False
    return bool(_METONYM_AFTER.match(text[p.end:p.end + 30]))


def _is_speaker(p: PlaceFinding, text: str) -> bool:
    """A foreign place where a source speaks from is not where the event is."""
    if p.place.country_code == "KP":
        return False
    return bool(_SPEAKER_BEFORE.search(text[max(0, p.start - 70):p.start]))


def place_fields(p: PlaceFinding | None) -> dict:
    """The Event fields of a chosen place (empty/unknown ones when there is none).

    Only place-level events get coordinates: a province-, region- or country-level event
    shades an area and is never drawn as a point at a capital.
    """
    if p is None:
        return {}
    place = p.place
    point = place.precision == "place" and place.lat is not None and place.lon is not None
    lat = place.lat if point else None
    lon = place.lon if point else None
    border_km = border_distance_km(lat, lon) if point and place.country_code == "KP" else None
    if border_km is not None and math.isnan(border_km):
        border_km = None
    return dict(
        place=place.name,
        place_text=p.text,
        admin1=place.admin1,
        admin1_code=place.admin1_code,
        country=place.country,
        lat=lat,
        lon=lon,
        geo_precision=place.precision,
        border_km=border_km,
        border_region=in_border_region(place.admin1, border_km) or _is_border_stretch(place),
    )


def _is_border_stretch(place) -> bool:
    return bool(getattr(place, "border", False))
