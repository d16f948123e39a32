"""The shipped map layers: North Korea's provinces and the borders and coastline around.

Built by ``scripts/build_boundaries.py`` from Natural Earth 10m (public domain); see
``data/geo/PROVENANCE.md``. Feature ids of :func:`provinces_geojson` are the canonical
province names of the taxonomy (what ``COL.ADMIN1`` holds), so a choropleth keys on
``locations=events[COL.ADMIN1]`` directly. Nampo and Kaesong, which have no boundary of
their own in Natural Earth, are drawn as discs of 15 km cut out of South Pyongan and North
Hwanghae (property ``drawn_as == "disc"``). Plain JSON reading: no geometry library.
"""

from __future__ import annotations

import copy
import json
from functools import cache

from ..errors import GazetteerError
from ..paths import data_file

DRAWN_AS_DISC = ("Nampo", "Kaesong")


@cache
def _load(name: str) -> dict:
    path = data_file("geo", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read the map layer {path}: {exc}") from exc


def provinces_geojson() -> dict:
    """FeatureCollection of the 13 provinces; id = canonical name; properties: name, code,
    korean, population (2008 census, not double counted), capital, border_province,
    drawn_as ("area" or "disc"). A fresh copy: callers may change it."""
    return copy.deepcopy(_load("provinces.geojson"))


def context_geojson() -> dict:
    """FeatureCollection of lines: the North's borders with China, Russia and South Korea
    (property ``neighbour``; the DMZ as its demarcation line) and the region's coastline."""
    return copy.deepcopy(_load("context.geojson"))


def border_geojson() -> dict:
    """The China and Russia border lines that distances are measured to."""
    return copy.deepcopy(_load("border.geojson"))


def province_at(lat: float, lon: float, *, slack_deg: float = 0.0) -> str:
    """Canonical name of the province containing a point, "" if none (ray casting).

    ``slack_deg`` also tries points that far away in eight directions: towns on the Yalu
    (Hyesan) sit just outside the simplified faces.
    """
    offsets = [(0.0, 0.0)]
    if slack_deg:
        d = slack_deg
        offsets += [(dy, dx) for dy in (-d, 0, d) for dx in (-d, 0, d) if dx or dy]
    for dy, dx in offsets:
        for f in _load("provinces.geojson")["features"]:
            if _in_geometry(lon + dx, lat + dy, f["geometry"]):
                return f["id"]
    return ""


def _in_geometry(x: float, y: float, geom: dict) -> bool:
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for rings in polygons:
        if _in_ring(x, y, rings[0]) and not any(_in_ring(x, y, r) for r in rings[1:]):
            return True
    return False


def _in_ring(x: float, y: float, ring: list) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
