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
# A capital is a place (not its government) when it is where something is or happens.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|across|inside|within|into|throughout|of|central|"
    r"downtown|suburban|outskirts of)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_NOUN_AFTER = re.compile(
    r"^(?:['’]s\s+\w+\s+(?:district|county|ward|area)|\s+(?:city|residents?|citizens?|"
    r"municipal|district|market|station|airport|prison|stadium|streets?|suburbs?|"
    r"outskirts|households|apartments?))\b", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(
    r"(?:\b(?:sources?|defectors?|escapees?|informants?|residents?|refugees?|traders?|"
    r"contacts?|people|who|correspondents?|prisoners?|inmates?|officials?|activists?|"
    r"groups?|organi[sz]ations?|think[- ]tanks?|researchers?|analysts?|partners?)\b"
    r"[^.;:!?]{0,40}?\b(?:in|from)|\b(?:living|based|staying|residing|hiding|now|"
    r"currently)\s+in)\s+(?:the\s+)?(?:[A-Z][\w’']*\s+){0,2}$")
_DIRECTION_BEFORE = re.compile(r"\b(?:from|to|into|towards?|for|with|against|between)\s+(?:the\s+)?$",
                               re.IGNORECASE)
_GEO_RANK = {"place": 0, "province": 1, "region": 2, "country": 3, "unknown": 4}


def choose_place(places: list[PlaceFinding], text: str) -> PlaceFinding | None:
    """The place a sentence's event happens at, or None when it names none that counts."""
    candidates = [p for p in places
                  if not _is_metonym(p, text) and not _is_speaker(p, text)
                  and not _is_direction(p, text)]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (_rank(p), p.start))


def _rank(p: PlaceFinding) -> int:
    """North Korean places and provinces first, then foreign cities, then North Korean
    regions (a river is shared with the country across it), then vaguer foreign places,
    then "North Korea" itself."""
    domestic = p.place.country_code == "KP"
    precision = p.place.precision
    if domestic:
        return {"place": 0, "province": 0, "region": 2}.get(precision, 4)
    return 1 if precision == "place" else 3


def _is_metonym(p: PlaceFinding, text: str) -> bool:
    if p.place.name not in METONYM_CITIES:
        return False
    before = text[max(0, p.start - 30):p.start]
    after = text[p.end:p.end + 30]
    return not (_LOCATIVE_BEFORE.search(before) or _PLACE_NOUN_AFTER.match(after))


def _is_speaker(p: PlaceFinding, text: str) -> bool:
    """A foreign place where a source speaks from is not where the event is."""
    if p.place.country_code == "KP":
        return False
    if text[p.end:p.end + 6].lower() in ("-based", "–based"):
        return True
    return bool(_SPEAKER_BEFORE.search(text[max(0, p.start - 80):p.start]))


def _is_direction(p: PlaceFinding, text: str) -> bool:
    """A foreign country goods or people move from or to ("smuggled in from China") is a
    direction, not a location."""
    if p.place.country_code == "KP" or p.place.precision != "country":
        return False
    return bool(_DIRECTION_BEFORE.search(text[max(0, p.start - 12):p.start]))


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
