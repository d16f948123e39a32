"""Charts: pure functions ``(events, *, options) -> plotly Figure``.

No Streamlit, no caching, no I/O beyond the shipped boundary files; the input frame is never
modified. Figures leave room at the top so a caller can add a title, a subtitle and a source
line afterwards (:func:`nkviz.charts.style.add_titles`). Some figures carry a sentence about
what they could not show in ``fig.layout.meta["note"]`` (:func:`note`).

``CHARTS`` maps a stable name to each chart function; the dashboard and the exports use it.
"""

from __future__ import annotations

from . import breakdowns, quality, style, timeline
from . import map as map_
from .timeline import note

CHARTS = {
    "timeline": timeline.events_over_time,
    "strip": timeline.event_strip,
    "map": map_.province_map,
    "agencies": breakdowns.agency_counts,
    "themes": breakdowns.theme_counts,
    "heatmap": breakdowns.agency_theme_heatmap,
    "small_multiples": breakdowns.theme_small_multiples,
    "agency_share": breakdowns.agency_share_by_province,
    "precision": quality.precision_mix,
    "date_precision_by_source": quality.date_precision_by_source,
    "geo_precision_by_source": quality.geo_precision_by_source,
}

__all__ = ["CHARTS", "breakdowns", "map_", "note", "quality", "style", "timeline"]
