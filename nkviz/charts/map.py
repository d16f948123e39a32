"""The border-province map: provinces shaded by events, places as sized points, the border drawn.

It draws with no network request: ``Choroplethmap`` and ``Scattermap`` on the ``white-bg``
style (no tiles) with the project's own GeoJSON, and no text mode on any map trace (text
would make the browser fetch glyphs from a font server); names are in the hover.
Province-level events shade their province only; events with coordinates are also points.
The figure's ``meta`` says which curve numbers are provinces and which are places, so a
click can be told apart (``curve_number`` of a selection).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import aggregate
from ..errors import ConfigError
from ..geo.boundaries import context_geojson, provinces_geojson
from ..schema import COL
from . import style

MEASURES = {"events": "events", "per_100k": "events per 100,000 people"}
CENTER = dict(lat=40.2, lon=127.55)
ZOOM = 5.9  # fits North Korea in a full-width chart; pass a smaller zoom for narrow ones
PLACE_COLOURS = {"North Korea": "#0072B2", "abroad": "#CC79A7"}
DARK_STYLE = {"version": 8, "sources": {}, "layers": [
    {"id": "background", "type": "background", "paint": {"background-color": "#0E1117"}}]}


def province_map(events: pd.DataFrame, *, measure: str = "events", places: bool = True,
                 geojson: dict | None = None, context: dict | None = None,
                 dark: bool = False, height: int = 640, zoom: float = ZOOM,
                 selected: tuple[str, ...] = ()) -> go.Figure:
    """Provinces shaded by ``measure`` ("events" or "per_100k"), places sized by events.

    ``selected`` provinces get a heavier outline (the ones a click has filtered to).
    """
    if measure not in MEASURES:
        raise ConfigError(f"unknown map measure {measure!r}; choose one of {', '.join(MEASURES)}")
    geojson = geojson if geojson is not None else _provinces()
    context = context if context is not None else context_geojson()
    summary = aggregate.province_summary(events)
    drawn = {f.get("id") for f in geojson.get("features", [])}
    summary = summary.loc[[p for p in summary.index if p in drawn]]
    data = [_provinces_trace(summary, measure, geojson, set(selected))]
    curves = {"provinces": [0], "places": [], "lines": []}
    for trace in _context_traces(context):
        curves["lines"].append(len(data))
        data.append(trace)
    if places:
        for trace in _place_traces(aggregate.place_summary(events)):
            curves["places"].append(len(data))
            data.append(trace)
    layout = dict(
        map=dict(style=DARK_STYLE if dark else "white-bg", center=CENTER, zoom=zoom),
        meta={"curves": curves, "note": _note(events)}, dragmode="pan",
        legend=dict(y=0.01, yanchor="bottom", x=0.01,
                    bgcolor="rgba(14,17,23,0.7)" if dark else "rgba(255,255,255,0.7)"),
        margin=dict(l=0, r=0, t=style.TOP_MARGIN, b=0),
    )
    return style.figure(data, layout, height=height)


@cache
def _provinces() -> dict:
    """The shipped province faces with each ring as a numpy array.

    Plotly deep-copies a figure's GeoJSON when it builds the figure; thousands of little
    coordinate lists make that the slowest step of the map, arrays copy at once. The JSON
    sent to the browser is the same.
    """
    gj = provinces_geojson()
    for f in gj["features"]:
        geom = f["geometry"]
        if geom["type"] == "Polygon":
            geom["coordinates"] = [np.asarray(ring, dtype=float) for ring in geom["coordinates"]]
        elif geom["type"] == "MultiPolygon":
            geom["coordinates"] = [[np.asarray(ring, dtype=float) for ring in poly]
                                   for poly in geom["coordinates"]]
    return gj


def _provinces_trace(summary: pd.DataFrame, measure: str, geojson: dict, selected: set) -> dict:
    value = summary["events"] if measure == "events" else summary["per_100k"].round(1)
    border = summary["border"].to_numpy()
    chosen = summary.index.isin(list(selected))
    hover = [_province_hover(name, row) for name, row in summary.iterrows()]
    return dict(
        type="choroplethmap", geojson=geojson, locations=summary.index.to_list(), featureidkey="id",
        z=value.to_numpy(), zmin=0, zmax=max(float(value.max() if len(value) else 0), 1.0),
        colorscale=style.sequential_scale(),
        marker=dict(opacity=0.85, line=dict(
            width=np.where(chosen, 4.0, np.where(border, 2.2, 0.8)),
            color=np.where(chosen | border, style.HIGHLIGHT, style.NEUTRAL_LINE).tolist())),
        text=hover, hovertemplate="%{text}<extra></extra>", name="provinces", showlegend=False,
        colorbar=dict(title=dict(text=MEASURES[measure].replace(" per ", "<br>per ")),
                      thickness=12, len=0.4, y=0.98, yanchor="top", x=0.01, xanchor="left"),
    )


def _province_hover(name: str, row: pd.Series) -> str:
    esc = style.hover_escape
    lines = [f"<b>{esc(name)}</b> {esc(row['korean'])}",
             f"{row['events']:,} events · {row['per_100k']:.1f} per 100,000 people"]
    if row["top_themes"]:
        lines.append("Themes: " + esc(row["top_themes"]))
    if row["top_agencies"]:
        lines.append("Agencies: " + esc(row["top_agencies"]))
    if row["border"]:
        lines.append("◆ border province")
    if name in ("Nampo", "Kaesong"):
        lines.append("(drawn as a disc: no official outline in the boundary data)")
    return "<br>".join(style.wrap(line, 70) for line in lines)


def _context_traces(context: dict) -> list[dict]:
    """China/Russia border thick and vermillion; South Korea border and coast thin grey."""
    groups: dict[str, tuple[list, list]] = {}
    for f in context.get("features", []):
        props = f.get("properties", {})
        key = ("china_russia" if props.get("neighbour") in ("China", "Russia")
               else "south_korea" if props.get("neighbour") == "South Korea" else "coast")
        lons, lats = groups.setdefault(key, ([], []))
        for line in _lines(f.get("geometry") or {}):
            lons.extend([p[0] for p in line] + [np.nan])
            lats.extend([p[1] for p in line] + [np.nan])
    look = {"coast": ("coastline", style.NEUTRAL_LINE, 0.8, False),
            "south_korea": ("border with South Korea", style.NEUTRAL_LINE, 1.6, False),
            "china_russia": ("border with China and Russia", style.HIGHLIGHT, 3.5, True)}
    traces = []
    for key in ("coast", "south_korea", "china_russia"):
        if key in groups:
            name, colour, width, legend = look[key]
            lons, lats = (np.array(v, dtype=float) for v in groups[key])  # NaN: a gap
            traces.append(dict(type="scattermap", lon=lons, lat=lats, mode="lines", name=name,
                               line=dict(color=colour, width=width), hoverinfo="skip",
                               showlegend=legend))
    return traces


def _lines(geometry: dict) -> list[list]:
    if geometry.get("type") == "LineString":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiLineString":
        return list(geometry["coordinates"])
    return []


def _place_traces(places: pd.DataFrame) -> list[dict]:
    """Places in North Korea and abroad, area proportional to their event count."""
    if places.empty:
        return []
    size = 6 + 30 * np.sqrt(places["events"] / places["events"].max())
    abroad = (places[COL.COUNTRY] != "North Korea").to_numpy()
    traces = []
    for name, mask, colour in (("events at a place", ~abroad, PLACE_COLOURS["North Korea"]),
                               ("events abroad", abroad, PLACE_COLOURS["abroad"])):
        part = places.loc[mask]
        if part.empty:
            continue
        traces.append(dict(
            type="scattermap", lon=part[COL.LON].round(4).to_numpy(),
            lat=part[COL.LAT].round(4).to_numpy(), mode="markers", name=name,
            marker=dict(size=size[mask].round(1).to_numpy(), color=colour, opacity=0.75),
            customdata=part[COL.PLACE].to_numpy(dtype=object),
            text=[_place_hover(r) for r in part.itertuples(index=False)],
            hovertemplate="%{text}<extra></extra>"))
    return traces


def _place_hover(r) -> str:
    esc = style.hover_escape
    where = r.admin1 if r.country == "North Korea" and r.admin1 else r.country
    lines = [f"<b>{esc(r.place)}</b> ({esc(where)})", f"{r.events:,} events"]
    if r.top_themes:
        lines.append("Themes: " + esc(r.top_themes))
    if r.top_agencies:
        lines.append("Agencies: " + esc(r.top_agencies))
    return "<br>".join(style.wrap(line, 70) for line in lines)


def _note(events: pd.DataFrame) -> str:
    """What the map cannot show, in words."""
    no_province = int((events[COL.ADMIN1] == "").sum())
    abroad = int(((events[COL.ADMIN1] == "") & events[COL.LAT].notna()).sum())
    parts = []
    if no_province - abroad > 0:
        parts.append(f"{no_province - abroad:,} events placed only in a region, the country "
                     "or nowhere are not on the map")
    if abroad:
        parts.append(f"{abroad:,} events abroad are drawn as points")
    return ("; ".join(parts) + ".") if parts else ""
