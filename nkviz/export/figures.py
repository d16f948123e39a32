"""Charts made ready to leave the dashboard: titled, sourced, sized, legible in grey.

:func:`chart_figure` builds a chart of :data:`nkviz.charts.CHARTS` for an export scope and
:func:`decorate` dresses a copy of it (the dashboard's figure is never touched): a title,
a subtitle with the filters in words, a note on what the chart leaves out or on imprecise
dates and places, and a source line; the light template; hatching on stacked bars so the
series stay apart in grey print while the colours stay those of the screen. Margins are
computed from the labels (see :mod:`nkviz.export.layout`) because a static image has no
second chance to make room.
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
import re
from dataclasses import dataclass

import plotly.graph_objects as go

from ..charts import CHARTS, style
from ..charts import note as chart_note
from ..charts.timeline import BY_TITLE
from ..errors import ConfigError
from ..schema import COL
from . import layout
from .scope import ExportScope, precision_note, source_line, subtitle


@dataclass(frozen=True)
class Size:
    """An export size: layout pixels (CSS px, 96 per inch) and the PNG scale factor."""

    name: str
    width: int
    height: int
    scale: float
    label: str

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.scale), round(self.height * self.scale)


# Fonts are sized in layout pixels, so the layout size decides how large text looks: a
# slide is drawn at 1280 x 720 and scaled 1.5 (22 px body text on a 1080p projector);
# half pages at their print size (15 px = 11 pt) and scaled to 300 dpi.
SIZES = {
    "slide": Size("slide", 1280, 720, 1.5, "16:9 slide, 1920 × 1080 px"),
    "a4-half": Size("a4-half", 680, 472, 300 / 96, "half an A4 page, 180 × 125 mm, 300 dpi"),
    "letter-half": Size("letter-half", 672, 456, 300 / 96,
                        "half a US Letter page, 7 × 4.75 in, 300 dpi"),
    "square": Size("square", 720, 720, 1.5, "square, 1080 × 1080 px"),
}
PAGE = Size("page", 1123, 794, 1, "A4 landscape page")  # the PDF brief's pages

TITLES = {
    "timeline": "Events over time", "strip": "Events one by one",
    "map": "Events by province and place", "agencies": "Events by agency",
    "themes": "Events by theme", "heatmap": "Which agency, which theme",
    "small_multiples": "Themes over time", "agency_share": "Agency share by province",
    "precision": "How precisely events are dated and placed",
    "date_precision_by_source": "Date precision by outlet",
    "geo_precision_by_source": "Place precision by outlet",
}
DATE_NOTE = {"timeline", "strip", "small_multiples"}  # charts whose reading rests on dates
GEO_NOTE = {"agency_share"}  # ... on places (the map says what it leaves out itself)
SCREEN_ONLY = ("height", "dark", "zoom", "range_slider")  # options an export decides itself
LEGEND_SHARE = 0.2  # of the height: a legend above taller than this goes to the side
HALF_PERIOD = {"year": 190, "quarter": 50, "month": 20, "week": 7}  # days
PATTERNS = ("", "/", ".", "x", "\\", "-", "|", "+")
DASHBOARD_ADVICE = ("Choose ", "Click ", "Drag ", "Hover ", "Select ")


@dataclass(frozen=True)
class Captions:
    title: str
    subtitle: str
    source: str
    note: str = ""


def size_of(name: str) -> Size:
    if name not in SIZES:
        raise ConfigError(f"unknown size {name!r}; choose one of {', '.join(SIZES)}")
    return SIZES[name]


def auto_granularity(scope: ExportScope) -> str:
    """Bars per year for long spans, per quarter for a few years, else per month."""
    dates = scope.events[COL.DATE].dropna()
    if scope.filters.years:
        span = scope.filters.years[1] - scope.filters.years[0] + 1
    else:
        span = (dates.max().year - dates.min().year + 1) if len(dates) else 1
    return "year" if span >= 8 else "quarter" if span >= 3 else "month"


def chart_options(scope: ExportScope, name: str, options: dict | None = None) -> dict:
    """The chart's options for an export: screen-only ones dropped, static defaults added."""
    if name not in CHARTS:
        raise ConfigError(f"unknown chart {name!r}; choose one of {', '.join(CHARTS)}")
    accepted = inspect.signature(CHARTS[name]).parameters
    out = {k: v for k, v in (options or {}).items() if k not in SCREEN_ONLY}
    unknown = sorted(set(out) - set(accepted))
    if unknown:
        raise ConfigError(f"chart {name!r} has no option {', '.join(unknown)}; its options are "
                          + ", ".join(p for p in accepted if p != "events"))
    if "granularity" in accepted and out.get("granularity") in (None, "auto"):
        out["granularity"] = auto_granularity(scope)
    if "range_slider" in accepted:
        out["range_slider"] = False
    if "selected" in accepted and "selected" not in out:
        out["selected"] = scope.filters.provinces  # outlined, as on the dashboard
    return out


def chart_title(name: str, options: dict) -> str:
    if name == "timeline":
        by = options.get("by")
        return (f"Events per {options.get('granularity', 'month')}"
                + (f" by {BY_TITLE[by].lower()}" if by else ""))
    if name == "small_multiples":
        return f"Themes over time (events per {options.get('granularity', 'year')})"
    if name == "map" and options.get("measure") == "per_100k":
        return "Events per 100,000 people by province"
    return TITLES.get(name, name.replace("_", " ").capitalize())


def captions(scope: ExportScope, name: str, fig: go.Figure, options: dict,
             title: str | None = None) -> Captions:
    """Title, subtitle, source line and note of chart ``name`` for this scope."""
    notes = [_static(chart_note(fig))]
    if name in DATE_NOTE:
        notes.append(precision_note(scope.events, "date"))
    if name in GEO_NOTE:
        notes.append(precision_note(scope.events, "geo"))
    return Captions(chart_title(name, options) if title is None else title, subtitle(scope),
                    source_line(scope), " ".join(n for n in notes if n))


def chart_figure(scope: ExportScope, name: str, *, size: str | Size = "slide",
                 options: dict | None = None, title: str | None = None,
                 hatch: bool = True) -> go.Figure:
    """Chart ``name`` of the scope's events, decorated for export at ``size``.

    ``title=None`` uses the chart's own title; ``""`` leaves the title line out (slides
    carry it in their own title).
    """
    opts = chart_options(scope, name, options)
    fig = CHARTS[name](scope.events, **opts)
    out = decorate(fig, captions(scope, name, fig, opts, title),
                   size if isinstance(size, Size) else size_of(size), hatch=hatch)
    if scope.filters.years and name in ("timeline", "strip"):
        # the whole chosen span, so empty years at either end read as empty, not absent
        a, b = scope.filters.years
        pad = dt.timedelta(days=HALF_PERIOD.get(opts.get("granularity"), 20))  # bars centre
        out.update_xaxes(range=[dt.date(a, 1, 1) - pad, dt.date(b, 12, 31) + pad])
    return out


def decorate(fig: go.Figure, caps: Captions, size: Size, *, hatch: bool = True) -> go.Figure:
    """A copy of ``fig`` with captions, the light template, hatching and computed margins.

    ``hatch=False`` separates stacked segments with white lines instead: Chromium prints
    pattern fills into PDFs as bitmaps (a timeline page grew to 16 MB and took 18 s).
    """
    out = go.Figure(fig)  # a deep copy: the dashboard keeps its figure as it was
    out.update_layout(template=style.template(), width=size.width, height=size.height,
                      autosize=False, font_family=layout.FONT_FAMILY)
    if hatch:
        _hatch(out)
    else:
        _separate(out)
    header = layout.header(out, caps.title, caps.subtitle, size.width)
    footer_lines = layout.footer_lines(caps.note, caps.source, size.width)
    left, bottom = layout.left_band(out), layout.bottom_band(out)
    right = layout.PAD_X + 10 + layout.right_band(out)
    legend = layout.legend_band(out, size.width - left - right)
    if legend > LEGEND_SHARE * size.height:  # a tall legend above: put it at the side
        right += layout.side_legend(out)
        legend = 0
    margin = dict(l=left + layout.PAD_X, r=right, t=header.height + legend,
                  b=bottom + layout.footer_height(footer_lines) + layout.PAD_Y)
    if layout.is_map(out):
        margin.update(l=layout.PAD_X, r=layout.PAD_X)
    out.update_layout(title=header.title, margin=margin)
    plot_w = size.width - margin["l"] - margin["r"]
    plot_h = size.height - margin["t"] - margin["b"]
    if footer_lines:
        out.add_annotation(layout.footer_annotation(footer_lines, margin["l"], plot_w, bottom))
    if layout.is_map(out):
        layout.fit_map(out, plot_w, plot_h)
    for axis in (*out.select_xaxes(), *out.select_yaxes()):
        axis.automargin = True  # a safety net should a label be longer than estimated
    return out


def _static(note: str) -> str:
    """A chart note without the sentences that tell a dashboard user what to click."""
    sentences = re.split(r"(?<=[.!?])\s+", note.strip())
    return " ".join(s for s in sentences if s and not s.startswith(DASHBOARD_ADVICE))


def _separate(fig: go.Figure) -> None:
    """White edges between stacked bar segments, so neighbours stay apart in grey."""
    bars = [t for t in fig.data if t.type == "bar"]
    if len(bars) >= 2:
        for trace in bars:
            trace.marker.line = dict(color="#FFFFFF", width=1)


def _hatch(fig: go.Figure) -> None:
    """Stacked or grouped bar series get distinct hatching over their own colour."""
    bars = [t for t in fig.data if t.type == "bar"]
    if len(bars) < 2:
        return
    for i, trace in enumerate(bars):
        shape = PATTERNS[i % len(PATTERNS)]
        if shape:
            trace.marker.pattern = dict(shape=shape, fillmode="overlay", fgcolor="#FFFFFF",
                                        fgopacity=0.7, size=7, solidity=0.3)


def zoom_for(span_px: float, span_deg: float) -> float:
    """Map zoom showing ``span_deg`` degrees of longitude across ``span_px`` pixels."""
    return math.log2(span_px * 360 / (512 * span_deg))
