"""Distance to North Korea's border with China and Russia, and the border-region flag.

The border is the shipped line of ``data/geo/border.geojson`` (Natural Earth 10m, lightly
simplified). For a point, the nearest segment is found with a flat-earth approximation
over all segments at once (numpy), and the distance to the nearest point on it is then
measured with geopy's geodesic; results are cached per point, since a corpus names the
same towns again and again.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

import numpy as np
from geopy.distance import geodesic

from .. import vocab
from .boundaries import border_geojson

BORDER_REGION_KM = 50.0  # "near the border": a day's walk or a short drive from the river


@cache
def _segments() -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (lon, lat) of every border segment."""
    starts, ends = [], []
    for f in border_geojson()["features"]:
        g = f["geometry"]
        lines = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        for line in lines:
            pts = np.asarray(line, dtype=float)
            starts.append(pts[:-1])
            ends.append(pts[1:])
    return np.concatenate(starts), np.concatenate(ends)


def nearest_border_point(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) of the point of the border nearest to the given point."""
    a, b = _segments()
    k = math.cos(math.radians(lat))  # degrees of longitude shrink with latitude
    ax, ay = (a[:, 0] - lon) * k, a[:, 1] - lat
    bx, by = (b[:, 0] - lon) * k, b[:, 1] - lat
    dx, dy = bx - ax, by - ay
    length2 = np.maximum(dx * dx + dy * dy, 1e-18)
    t = np.clip(-(ax * dx + ay * dy) / length2, 0.0, 1.0)
    px, py = ax + t * dx, ay + t * dy
    i = int(np.argmin(px * px + py * py))
    return float(py[i] + lat), float(px[i] / k + lon)


@lru_cache(maxsize=65536)
def _distance(lat: float, lon: float) -> float:
    return geodesic((lat, lon), nearest_border_point(lat, lon)).km


def border_distance_km(lat: float | None, lon: float | None) -> float:
    """Geodesic distance in km to the China/Russia border line; NaN without coordinates."""
    if lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
        return math.nan
    return _distance(round(float(lat), 5), round(float(lon), 5))


def in_border_region(admin1: str, border_km: float | None) -> bool:
    """One of the five border provinces, or within BORDER_REGION_KM of the border."""
    if admin1 in vocab.border_provinces():
        return True
    return border_km is not None and not math.isnan(border_km) and border_km <= BORDER_REGION_KM
