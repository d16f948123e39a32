"""Room for labels and captions in a static chart, worked out before it is drawn.

Plotly's automatic margins make room for tick labels but not for a caption placed under
them, and a static image cannot be re-laid out after drawing. So the space taken by tick
labels, axis titles, a legend above the plot and the caption lines is estimated from the
texts and font sizes (Source Sans or Liberation Sans: about 0.53 em per Latin letter, 1 em per
Hangul or CJK character), and captions are wrapped to the figure's width.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ..charts import style

PAD_X, PAD_Y = 16, 12
# Chromium's PDFs lose the digits of Noto Sans CJK (they extract as blanks), so where Source
# Sans or Noto Sans are missing, exports take Latin letters from Liberation Sans (Arial's
# metrics) and only Hangul and CJK from Noto Sans CJK.
FONT_FAMILY = style.FONT_FAMILY.replace("'Noto Sans CJK KR'",
                                        "'Liberation Sans', Arimo, Arial, 'Noto Sans CJK KR'")
TICK_SIZE = style.FONT_SIZE - 1
FOOTER_SIZE = style.FONT_SIZE - 3
FOOTER_LINE = round(FOOTER_SIZE * 1.35)
TITLE_LINE = round(style.TITLE_SIZE * 1.3)
SUBTITLE_LINE = round(style.FONT_SIZE * 1.35)
MAP_TRACES = {"choroplethmap", "scattermap", "densitymap"}
NK_BOUNDS = (124.2, 130.75, 37.65, 43.05)  # lon, lon, lat, lat of the provinces
_TAG = re.compile(r"<[^>]+>")
escape = style.escape  # text made safe for plotly's little HTML, the same as on screen


def text_width(text: str, size: float) -> float:
    """Estimated drawn width in pixels of plotly label text (tags and entities resolved)."""
    plain = html.unescape(_TAG.sub("", str(text)))
    return size * sum(1.0 if ord(c) >= 0x1100 else 0.53 for c in plain)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Plain text broken into lines no wider than ``width`` pixels (words kept whole)."""
    lines, line = [], ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + ([line] if line else [])


@dataclass(frozen=True)
class Header:
    title: dict  # plotly layout.title
    height: int  # pixels from the top of the figure to where the plot (or legend) begins


def header(fig: go.Figure, title: str, subtitle: str, width: int) -> Header:
    """The title block: a bold title and a subtitle, wrapped, anchored to the figure's top."""
    room = width - 2 * PAD_X
    t_lines = wrap(title, room, style.TITLE_SIZE * 1.05) if title else []
    s_lines = wrap(subtitle, room, style.FONT_SIZE) if subtitle else []
    if not t_lines and not s_lines:
        return Header(dict(text=""), PAD_Y + 8)
    text = "<br>".join(f"<b>{escape(line)}</b>" for line in t_lines)
    block = dict(text=text, x=PAD_X / width, xref="container", xanchor="left",
                 y=1 - PAD_Y / fig.layout.height, yref="container", yanchor="top",
                 font=dict(size=style.TITLE_SIZE), automargin=False)
    if s_lines:
        block["subtitle"] = dict(text="<br>".join(escape(s) for s in s_lines),
                                 font=dict(size=style.FONT_SIZE, color=style.LIGHT["muted"]))
        if not t_lines:  # plotly draws no subtitle without a title: promote it
            block["text"], block["font"] = block.pop("subtitle")["text"], dict(
                size=style.FONT_SIZE, color=style.LIGHT["muted"])
    height = PAD_Y + TITLE_LINE * len(t_lines) + SUBTITLE_LINE * len(s_lines) + 22
    return Header(block, height)


def footer_lines(note: str, source: str, width: int) -> list[str]:
    """Caption lines under the chart: the note in italics, then the source line (escaped)."""
    room = width - 2 * PAD_X
    lines = [f"<i>{escape(x)}</i>" for x in wrap(note, room, FOOTER_SIZE * 1.03)]
    return lines + [escape(x) for x in wrap(source, room, FOOTER_SIZE)]


def footer_height(lines: list[str]) -> int:
    return FOOTER_LINE * len(lines) + (8 if lines else 0)


def footer_annotation(lines: list[str], left: int, plot_w: float, band: int) -> dict:
    """The caption lines as one annotation just under the axis labels, at the figure's left."""
    return dict(text="<br>".join(lines), xref="paper", yref="paper", x=-(left - PAD_X) / plot_w,
                y=0, xanchor="left", yanchor="top", yshift=-band - 8, align="left",
                showarrow=False, font=dict(size=FOOTER_SIZE, color=style.LIGHT["muted"]))


def is_map(fig: go.Figure) -> bool:
    return any(t.type in MAP_TRACES for t in fig.data)


def _axis_traces(fig: go.Figure, letter: str, axis_id: str) -> list:
    ref = axis_id.replace("axis", "")  # "xaxis2" -> "x2"
    return [t for t in fig.data if getattr(t, f"{letter}axis", None) in (ref, None if ref in "xy" else ref)
            and t.type not in MAP_TRACES]


def _anchored_domain(fig: go.Figure, axis) -> tuple[float, float]:
    anchor = axis.anchor if axis.anchor not in (None, "free") else None
    other = "y" if axis.plotly_name.startswith("x") else "x"
    name = (anchor or other).replace(other, f"{other}axis", 1)
    domain = fig.layout[name].domain if name in fig.layout else None
    return tuple(domain) if domain else (0.0, 1.0)


def _labels(fig: go.Figure, axis, letter: str) -> list[str]:
    """The tick labels an axis shows: its ticktext, else string values of its traces."""
    if axis.ticktext:
        return [str(t) for t in axis.ticktext]
    out = []
    for trace in _axis_traces(fig, letter, axis.plotly_name):
        values = getattr(trace, letter, None)
        if values is not None and len(values) and isinstance(values[0], str):
            out.extend(str(v) for v in values)
    return out


def _numeric_label(fig: go.Figure, axis, letter: str) -> str:
    if axis.tickformat and "%" in axis.tickformat:
        return "100%"
    peak = 0.0
    for trace in _axis_traces(fig, letter, axis.plotly_name):
        values = getattr(trace, letter, None)
        if values is not None and len(values):
            arr = np.asarray(values, dtype=object)
            nums = [abs(float(v)) for v in arr
                    if isinstance(v, (int, float, np.number)) and not math.isnan(float(v))]
            peak = max([peak, *nums])
    return f"{peak * 1.1:,.0f}"


def left_band(fig: go.Figure) -> int:
    """Pixels for the tick labels and titles of the y axes on the figure's left edge."""
    if is_map(fig):
        return 0
    band = 0.0
    for axis in fig.select_yaxes():
        if axis.showticklabels is False or axis.side == "right" or axis.visible is False:
            continue
        if _anchored_domain(fig, axis)[0] > 0.01:
            continue  # inner panel of a grid: its labels sit inside the figure
        labels = _labels(fig, axis, "y") or [_numeric_label(fig, axis, "y")]
        width = max(text_width(x, TICK_SIZE) for x in labels) + 10
        if axis.title and axis.title.text:
            width += TICK_SIZE * 1.3 + 10
        band = max(band, width)
    return math.ceil(band)


def bottom_band(fig: go.Figure) -> int:
    """Pixels under the plot for the x axes' tick labels and titles."""
    if is_map(fig):
        return 0
    band = 0.0
    for axis in fig.select_xaxes():
        if axis.showticklabels is False or axis.side == "top" or axis.visible is False:
            continue
        if _anchored_domain(fig, axis)[0] > 0.01:
            continue
        height = TICK_SIZE * 1.3 + 8
        angle = axis.tickangle if isinstance(axis.tickangle, (int, float)) else 0
        labels = _labels(fig, axis, "x")
        if angle and labels:
            longest = max(text_width(x, TICK_SIZE) for x in labels)
            rad = math.radians(abs(angle))
            height = longest * math.sin(rad) + TICK_SIZE * math.cos(rad) + 10
        elif axis.type == "date":
            height = TICK_SIZE * 2.5 + 8  # plotly may add the year on a second line
        if axis.title and axis.title.text:
            height += TICK_SIZE * 1.3 + 8
        band = max(band, height)
    return math.ceil(band)


def right_band(fig: go.Figure) -> int:
    """Pixels right of the plot for a colour bar placed there (plotly would push the plot
    narrower, moving everything placed in plot fractions)."""
    band = 0.0
    for t in fig.data:
        bar = getattr(t, "colorbar", None)
        if bar is None or getattr(t, "showscale", None) is False or t.type in MAP_TRACES:
            continue
        if bar.x is not None and bar.x < 1:
            continue
        title = bar.title.text if bar.title and bar.title.text else ""
        labels = max(text_width("0000", TICK_SIZE), text_width(title, TICK_SIZE + 1))
        band = max(band, (bar.thickness or 30) + labels + 24)
    return math.ceil(band)


def legend_band(fig: go.Figure, plot_w: float) -> int:
    """Pixels above the plot for a horizontal legend placed there (0 when none)."""
    legend = fig.layout.legend
    if fig.layout.showlegend is False or (legend.y is not None and legend.y < 1):
        return 0
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if not names or (len(names) < 2 and fig.layout.showlegend is not True):
        return 0
    widths = [text_width(n, TICK_SIZE) + 48 for n in names]  # symbol, gap, padding
    rows = 1
    if sum(widths) > plot_w:  # wrapped, plotly lines items up in equal columns
        rows = -(-len(names) // max(1, int(plot_w // max(widths))))
    return rows * 24 + 8


def side_legend(fig: go.Figure) -> int:
    """Move the legend to the right of the plot, one item per line; returns its width."""
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    fig.update_layout(legend=dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top"))
    return math.ceil(max((text_width(n, TICK_SIZE) for n in names), default=0) + 56)


def _merc(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _unmerc(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def fit_map(fig: go.Figure, plot_w: float, plot_h: float, pad: float = 1.06) -> None:
    """Zoom and centre the map on North Korea's provinces for this plot size, narrow it to
    the area the drawn coast and borders cover (they end there) and frame it; when that
    leaves room on the left, the legend moves there, under the colour bar."""
    lon0, lon1, lat0, lat1 = NK_BOUNDS
    y0, y1 = _merc(lat0), _merc(lat1)
    zoom = min(math.log2(plot_w * 360 / (512 * (lon1 - lon0) * pad)),
               math.log2(plot_h * 2 * math.pi / (512 * (y1 - y0) * pad)))
    centre = dict(lon=(lon0 + lon1) / 2, lat=_unmerc((y0 + y1) / 2))
    fx = fy = 1.0
    extent = _context_extent(fig)
    if extent:
        clon0, clon1, clat0, clat1 = extent
        half_w = min(centre["lon"] - clon0, clon1 - centre["lon"]) * 512 * 2 ** zoom / 360
        cy = _merc(centre["lat"])
        half_h = min(cy - _merc(clat0), _merc(clat1) - cy) * 512 * 2 ** zoom / (2 * math.pi)
        fx, fy = min(1.0, 2 * half_w / plot_w), min(1.0, 2 * half_h / plot_h)
    x0 = (1 - fx) / 2
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    legend_w = max((text_width(n, TICK_SIZE) for n in names), default=0) / plot_w + 0.06
    if names and legend_w + fx <= 1:
        x0 = max(x0, legend_w)
        fig.update_layout(legend=dict(x=0, xanchor="left", y=0.5, yanchor="top",
                                      orientation="v", bgcolor="rgba(0,0,0,0)"))
    domain = dict(x=[round(x0, 4), round(x0 + fx, 4)], y=[round((1 - fy) / 2, 4),
                                                          round((1 + fy) / 2, 4)])
    fig.update_layout(map=dict(center=centre, zoom=round(zoom, 3), domain=domain,
                               style=fig.layout.map.style or "white-bg"))
    if fx < 1 or fy < 1:
        fig.add_shape(type="rect", xref="paper", yref="paper", x0=domain["x"][0],
                      x1=domain["x"][1], y0=domain["y"][0], y1=domain["y"][1],
                      line=dict(color=style.LIGHT["grid"], width=1), layer="above")


def _context_extent(fig: go.Figure) -> tuple[float, float, float, float] | None:
    """Bounds of the map's line traces (coast and borders), if it has any."""
    lons, lats = [], []
    for t in fig.data:
        if t.type == "scattermap" and t.mode == "lines" and t.lon is not None:
            lons.append(np.asarray(t.lon, dtype=float))
            lats.append(np.asarray(t.lat, dtype=float))
    if not lons:
        return None
    lon, lat = np.concatenate(lons), np.concatenate(lats)
    return (float(np.nanmin(lon)), float(np.nanmax(lon)), float(np.nanmin(lat)),
            float(np.nanmax(lat)))
