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
    r"(?:\b(?:sources?|informants?|correspondents?|contacts?|partners?|interviewees?|"
    r"defectors?|escapees?|tipsters?)\b[^.;:!?]{0,40}?\b(?:in|from)|\b(?:living|based|"
    r"staying|residing|hiding|now|currently)\s+in)\s+(?:the\s+)?(?:[A-Z][\w’']*\s+){0,2}$")
_DIRECTION_BEFORE = re.compile(r"\b(?:from|to|into|towards?|for|with|against|between|reach|"
                               r"reaching|bound for|head(?:ed|ing)? for)\s+(?:the\s+)?$",
                               re.IGNORECASE)


def choose_place(places: list[PlaceFinding], text: str) -> PlaceFinding | None:
    """The place a sentence's event happens at, or None when it names none that counts.

    Where a source speaks from stands in for the event's place only when the sentence
    names no other North Korean place ("a source in Ryanggang said police in Hyesan…")."""
    candidates = []
    for p in places:
        if _is_metonym(p, text) or _is_direction(p, text) or _is_possessive(p, text):
            continue
        speaker = _speaks_from(p, text)
        if speaker and p.place.country_code != "KP":
            continue
        candidates.append((_rank(p) + (10 if speaker else 0), p.start, p))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def _rank(p: PlaceFinding) -> int:
    """North Korean places, then provinces, then foreign cities, then North Korean regions
    (a river is shared with the country across it), then vaguer foreign places, then
    "North Korea" itself."""
    domestic = p.place.country_code == "KP"
    precision = p.place.precision
    if domestic:
        return {"place": 0, "province": 1, "region": 3}.get(precision, 5)
    return 2 if precision == "place" else 4


def _is_metonym(p: PlaceFinding, text: str) -> bool:
    if p.place.name not in METONYM_CITIES:
        return False
    before = text[max(0, p.start - 30):p.start]
    after = text[p.end:p.end + 30]
    return not (_LOCATIVE_BEFORE.search(before) or _PLACE_NOUN_AFTER.match(after))


def _speaks_from(p: PlaceFinding, text: str) -> bool:
    """The place is where a source speaks from ("a source in …", "a Seoul-based group")."""
    if text[p.end:p.end + 6].lower() in ("-based", "–based"):
        return True
    return bool(_SPEAKER_BEFORE.search(text[max(0, p.start - 80):p.start]))


def _is_possessive(p: PlaceFinding, text: str) -> bool:
    """"South Korea's spy agency", "China's Jilin province": a country named as owner."""
    if p.place.precision != "country" or p.place.country_code == "KP":
        return False
    return text[p.end:p.end + 2] in ("'s", "’s")


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
