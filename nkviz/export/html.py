"""A chart as one standalone HTML file that stays interactive offline.

plotly.js is embedded (about 4.5 MB), so the file opens anywhere without a network: no
CDN, no MathJax, and maps made safe for offline use (the tile-free ``white-bg`` style and
no text mode on map traces, which would make the browser fetch glyphs from a font
server). The page title is escaped; chart texts were escaped when the chart was made. The
plot's element id is derived from the figure, so the same chart gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re

import plotly.graph_objects as go
import plotly.io as pio

from ..charts import style
from .layout import MAP_TRACES

CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False,
          "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def offline_safe(fig: go.Figure) -> go.Figure:
    """A copy of ``fig`` whose maps draw with no network request."""
    out = go.Figure(fig)
    for trace in out.data:
        mode = getattr(trace, "mode", None) if trace.type in MAP_TRACES else None
        if mode and "text" in mode:
            kept = "+".join(m for m in mode.split("+") if m != "text")
            trace.mode = kept or "markers"
    if any(t.type in MAP_TRACES for t in out.data):
        current = out.layout.map.style
        if not (isinstance(current, dict) and not current.get("sources")):
            out.update_layout(map_style="white-bg")  # a named style would load tiles
    return out


def to_html(fig: go.Figure, *, title: str = "nkviz chart", file_stem: str = "nkviz-chart") -> bytes:
    """The figure as a self-contained HTML page (UTF-8 bytes)."""
    safe = offline_safe(fig)
    spec = safe.to_json()
    div_id = "nkviz-" + hashlib.blake2b(spec.encode("utf-8"), digest_size=6).hexdigest()
    config = dict(CONFIG, toImageButtonOptions={"format": "png", "filename": file_stem,
                                                "scale": 2})
    page = pio.to_html(safe, config=config, include_plotlyjs=True, include_mathjax=False,
                       full_html=True, div_id=div_id, validate=False,
                       default_width="100%", default_height=f"{safe.layout.height or 600}px")
    head = (f"<meta charset=\"utf-8\" />\n    <title>{style.escape(title)}</title>\n"
            "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
    page = re.sub(r"<meta charset=\"utf-8\"\s*/?>", lambda _: head, page, count=1)
    return page.encode("utf-8")
