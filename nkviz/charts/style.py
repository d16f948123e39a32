"""How nkviz charts look: a colour-blind-safe palette, legible fonts, light and dark templates.

Categorical colours are Okabe & Ito's eight (safe for the common colour-vision
deficiencies), extended with Paul Tol's "muted" set; "Other" and "none" are grey. The
sequential scale is Tol's YlOrBr, readable in grey scale too. Fonts list Noto Sans CJK
so Korean names draw in browsers and in static exports alike, at sizes that carry on a
projector. Chart functions leave room at the top: :func:`add_titles` adds a title,
subtitle and source line afterwards (the exports use it).
"""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe-Ito without black (invisible on dark backgrounds); yellow last (weak on white).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
             "#882255", "#AA4499")
CATEGORICAL = OKABE_ITO + TOL_MUTED
GREY = "#9A9A9A"
# Tol's YlOrBr sequential scale (light to dark).
SEQUENTIAL = ("#FFFFE5", "#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02",
              "#993404", "#662506")
HIGHLIGHT = "#D55E00"  # vermillion: border line and border provinces
NEUTRAL_LINE = "#6B6B6B"

FONT_FAMILY = ("'Source Sans Pro', 'Source Sans 3', 'Noto Sans', 'Noto Sans CJK KR', "
               "'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif")
FONT_SIZE = 15  # base size: legible on a projector at the default chart height
TITLE_SIZE = 20
TOP_MARGIN = 24  # charts leave this much; add_titles grows it

LIGHT = {"bg": "#FFFFFF", "text": "#262730", "grid": "#E6E6E6", "muted": "#6B6B6B"}
DARK = {"bg": "#0E1117", "text": "#FAFAFA", "grid": "#31333F", "muted": "#A3A8B8"}


def colours(values, *, other: str = "Other") -> dict[str, str]:
    """A stable colour per value, in order; "Other" and "(none...)" labels are grey."""
    out, i = {}, 0
    for v in values:
        if v == other or str(v).startswith("("):
            out[v] = GREY
        else:
            out[v] = CATEGORICAL[i % len(CATEGORICAL)]
            i += 1
    return out


def sequential_scale() -> list[list]:
    """The sequential scale as plotly ``colorscale`` pairs."""
    n = len(SEQUENTIAL) - 1
    return [[i / n, c] for i, c in enumerate(SEQUENTIAL)]


AXIS = dict(tickfont=dict(size=FONT_SIZE - 1), title=dict(font=dict(size=FONT_SIZE - 1)))


def layout(*, height: int = 420, legend: bool = True) -> dict:
    """Fonts, margins and legend placement shared by every chart (colours left to the theme).

    Streamlit's plotly theme sets small tick labels; a projector needs them larger, so the
    axes get explicit sizes.
    """
    return dict(
        font=dict(family=FONT_FAMILY, size=FONT_SIZE),
        height=height,
        margin=dict(l=10, r=10, t=TOP_MARGIN, b=10),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=FONT_SIZE - 1), align="left"),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0,
                    title=dict(text=""), font=dict(size=FONT_SIZE - 1), traceorder="normal"),
        xaxis=AXIS, yaxis=AXIS,
    )


def figure(data: list[dict], extra: dict | None = None, *, height: int = 420,
           legend: bool = True) -> go.Figure:
    """Build a figure in one go from trace dicts and chart-specific layout.

    Charts describe traces and layout as plain dicts and validate once here: adding traces
    and updating the layout step by step costs plotly several times as much (a figure with
    eight panels: 220 ms against 10 ms).
    """
    return go.Figure(data=data, layout=merge(layout(height=height, legend=legend), extra or {}))


def merge(base: dict, extra: dict) -> dict:
    """``base`` updated by ``extra``, nested dicts merged key by key (neither is changed)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def base_layout(fig: go.Figure, *, height: int = 420, legend: bool = True) -> go.Figure:
    """Give an existing figure the shared layout (in place; returns it)."""
    fig.update_layout(**layout(height=height, legend=legend))
    return fig


def template(dark: bool = False) -> go.layout.Template:
    """A full light or dark template for places with no Streamlit theme (static exports)."""
    c = DARK if dark else LIGHT
    axis = dict(gridcolor=c["grid"], linecolor=c["grid"], zerolinecolor=c["grid"],
                tickfont=dict(color=c["text"]), title=dict(font=dict(color=c["text"])))
    return go.layout.Template(layout=go.Layout(
        colorway=list(CATEGORICAL), paper_bgcolor=c["bg"], plot_bgcolor=c["bg"],
        font=dict(family=FONT_FAMILY, size=FONT_SIZE, color=c["text"]),
        xaxis=axis, yaxis=axis, colorscale=dict(sequential=sequential_scale()),
    ))


def apply_template(fig: go.Figure, *, dark: bool = False) -> go.Figure:
    """Give a figure the light or dark template (in place; returns it for chaining)."""
    fig.update_layout(template=template(dark))
    return fig


def add_titles(fig: go.Figure, *, title: str = "", subtitle: str = "", source: str = "") -> go.Figure:
    """Add a title, a subtitle (e.g. the filters in words) and a source line; returns ``fig``.

    Texts are escaped: they may hold user-typed search words.
    """
    top = TOP_MARGIN
    if title or subtitle:
        text = f"<b>{escape(title)}</b>" if title else ""
        if subtitle:
            text += ("<br>" if text else "") + (
                f"<span style='font-size:{FONT_SIZE}px'>{escape(subtitle)}</span>")
        fig.update_layout(title=dict(text=text, x=0, xanchor="left", y=0.98, yanchor="top",
                                     font=dict(size=TITLE_SIZE)))
        top += 40 + (22 if title and subtitle else 0)
        fig.update_layout(legend=dict(y=1.0))
    bottom = fig.layout.margin.b or 10
    if source:
        fig.add_annotation(text=escape(source), xref="paper", yref="paper", x=0, y=0,
                           yshift=-bottom - 4, xanchor="left", yanchor="top", showarrow=False,
                           font=dict(size=FONT_SIZE - 3))
        bottom += 26
    fig.update_layout(margin=dict(t=top, b=bottom))
    return fig


def escape(text: str) -> str:
    """``html.escape`` with quotes, as five C-level replaces (hover text is built for
    thousands of events per rerun; ``str.translate`` with a table is slower). Quotes use
    numeric entities: plotly decodes those but shows a named ``&quot;`` literally."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def hover_escape(text: str, limit: int = 300) -> str:
    """Report text made safe for a plotly hover label (which renders a little HTML):
    whitespace collapsed, cut to ``limit`` characters, escaped."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape(text)


def wrap(text: str, width: int = 60) -> str:
    """Break escaped hover text into lines with ``<br>`` (plotly does not wrap)."""
    words, lines, line = text.split(" "), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "<br>".join(lines)
