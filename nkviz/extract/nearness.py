"""How far apart two place findings are, for telling one incident from another.

Places of one province continue an event; two towns of a province more than a few
kilometres apart, each with its own date, are two incidents. Kept apart from
:mod:`.grouping` so that the geometry reads on its own.
"""

from __future__ import annotations

import math

from ..schema import GEO_PRECISIONS
from .places import PlaceFinding

GEO_RANK = {p: i for i, p in enumerate(GEO_PRECISIONS)}  # most precise first


def is_vague(p: PlaceFinding) -> bool:
    """Naming the country as a whole says nothing about where."""
    return p.place.precision == "country" and p.place.country_code == "KP"


SAME_PLACE_KM = 12.0  # two towns of one province farther apart than this can be two incidents


def same_area(a: PlaceFinding, b: PlaceFinding) -> bool:
    """One place, or places of one province (a town and its province, two sites)."""
    pa, pb = a.place, b.place
    return pa.id == pb.id or bool(pa.admin1 and pa.admin1 == pb.admin1) or _within_abroad(pa, pb)


def _within_abroad(pa, pb) -> bool:
    """A foreign country and a city in it ("Mongolia sent home…" then "in Ulaanbaatar")."""
    foreign = pa.country_code != "KP" and pa.country_code == pb.country_code
    return foreign and "country" in (pa.precision, pb.precision)


def elsewhere_in_province(a: PlaceFinding, b: PlaceFinding) -> bool:
    """Two towns of one province some way apart (Onsong and Hoeryong): with a date of its
    own, a sentence there tells another incident; without one, it follows the first."""
    pa, pb = a.place, b.place
    both = pa.precision == "place" and pb.precision == "place"
    return both and pa.id != pb.id and pa.admin1 == pb.admin1 and _km(pa, pb) > SAME_PLACE_KM


def _km(pa, pb) -> float:
    if None in (pa.lat, pa.lon, pb.lat, pb.lon):
        return float("inf")
    dy = (pa.lat - pb.lat) * 111.0
    dx = (pa.lon - pb.lon) * 111.0 * math.cos(math.radians((pa.lat + pb.lat) / 2))
    return math.hypot(dx, dy)


def more_precise(new: PlaceFinding, old: PlaceFinding) -> bool:
    if is_vague(old) and not is_vague(new):
        return True
    same = same_area(new, old) or old.place.precision in ("region", "country")
    return same and GEO_RANK[new.place.precision] < GEO_RANK[old.place.precision]
