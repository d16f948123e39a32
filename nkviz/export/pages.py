"""The briefing pack as a multi-page PDF (A4 landscape), one plotly figure per page.

Every page is drawn by the same kaleido/Chromium as the chart exports (vector text with
Korean glyphs, the charts exactly as exported alone) and the pages are joined with
pypdf: a cover with the headline figures, one page per main chart, then the latest
events with their sources in tables (outlets linked to the reports). Report text is
escaped before plotly renders it (plotly reads a little HTML).
"""

from __future__ import annotations

import io

import plotly.graph_objects as go
from pypdf import PdfReader, PdfWriter

from ..charts import style
from .brief import Brief
from .figures import PAGE, chart_figure
from .images import render, stamp_pdf
from .layout import FONT_FAMILY, escape, wrap

EVENTS_PER_PAGE = 6
MARGIN = 56  # px (15 mm at 96 per inch)
COLUMNS = (("date", 1.1), ("place", 1.6), ("who and what", 2.0), ("evidence", 4.6),
           ("outlet", 1.3))
MUTED, ACCENT = style.LIGHT["muted"], style.CATEGORICAL[0]
TILE_WIDTH = (PAGE.width - 2 * MARGIN) / 4 - 24  # px of text in a headline tile


def pdf_bytes(brief: Brief) -> bytes:
    pages = [cover(brief)]
    pages += [chart_figure(brief.scope, spec.name, size=PAGE, options=spec.options, hatch=False)
              for spec in brief.charts]
    n = -(-len(brief.events) // EVENTS_PER_PAGE)
    for i in range(n):
        rows = brief.events.iloc[i * EVENTS_PER_PAGE:(i + 1) * EVENTS_PER_PAGE]
        pages.append(events_page(brief, rows, f" ({i + 1} of {n})" if n > 1 else ""))
    writer = PdfWriter()
    for fig in pages:
        writer.append(PdfReader(io.BytesIO(render(fig, "pdf", PAGE))))
    out = io.BytesIO()
    writer.write(out)
    return stamp_pdf(out.getvalue(), title=f"{brief.title}: {brief.subtitle}",
                     generated=brief.scope.generated)


def _page(annotations: list[dict], data: list | None = None) -> go.Figure:
    fig = go.Figure(data=data or [])
    fig.update_layout(template=style.template(), width=PAGE.width, height=PAGE.height,
                      font_family=FONT_FAMILY,
                      margin=dict(l=MARGIN, r=MARGIN, t=MARGIN, b=MARGIN), showlegend=False,
                      xaxis=dict(visible=False), yaxis=dict(visible=False),
                      annotations=annotations)
    return fig


def _note(text: str | list[str], x: float, y: float, size: int, *, colour: str | None = None,
          bold: bool = False, anchor: str = "top") -> dict:
    """An annotation at paper (x, y); a list of strings becomes lines."""
    text = "<br>".join(escape(t) for t in ([text] if isinstance(text, str) else text))
    return dict(text=f"<b>{text}</b>" if bold else text, x=x, y=y, xref="paper", yref="paper",
                xanchor="left", yanchor=anchor, showarrow=False, align="left",
                font=dict(size=size, color=colour or style.LIGHT["text"]))


def cover(brief: Brief) -> go.Figure:
    """Title, filters in words, generation line, eight headline figures, notes, source."""
    notes = [_note(brief.title, 0, 1, 30, bold=True),
             _note(brief.subtitle, 0, 0.925, 18, colour=MUTED),
             _note(brief.generated_line, 0, 0.875, 13, colour=MUTED)]
    for i, fig in enumerate(brief.figures):
        row, col = divmod(i, 4)
        x, y = col * 0.25, 0.74 - row * 0.25
        long = len(fig.value) > 12
        notes += [_note(fig.value, x, y, 18 if long else 34, colour=ACCENT, bold=True),
                  _note(fig.label, x, y - 0.085, 15, bold=True),
                  _note(wrap(fig.detail, TILE_WIDTH, 12), x, y - 0.125, 12, colour=MUTED)]
    lines = [brief.description] + brief.notes
    notes += [_note(line, 0, 0.2 - 0.045 * i, 14 if i == 0 else 13,
                    colour=None if i == 0 else MUTED) for i, line in enumerate(lines)]
    notes.append(_note(brief.source, 0, 0, 12, colour=MUTED, anchor="bottom"))
    return _page(notes)


def events_page(brief: Brief, rows, suffix: str = "") -> go.Figure:
    """A table of events: date, place, who and what, the evidence, the outlet (linked)."""
    esc = escape
    outlets = [f"<a href=\"{esc(link)}\">{esc(o)}</a>" if link else esc(o)
               for o, link in zip(rows["outlet"], rows["link"])]
    values = [[esc(v) for v in rows[name]] for name, _ in COLUMNS[:-1]] + [outlets]
    table = go.Table(
        domain=dict(y=[0.06, 0.9]), columnwidth=[w for _, w in COLUMNS],
        header=dict(values=[f"<b>{name.capitalize()}</b>" for name, _ in COLUMNS], align="left",
                    fill_color="#EEF0F4", line_color="#D5D9E0", height=28,
                    font=dict(size=13, color=style.LIGHT["text"])),
        cells=dict(values=values, align="left", fill_color="#FFFFFF", line_color="#D5D9E0",
                   height=26, font=dict(size=12, color=style.LIGHT["text"])))
    notes = [_note("Latest events and their sources" + suffix, 0, 1, 22, bold=True),
             _note(brief.subtitle, 0, 0.955, 14, colour=MUTED),
             _note(brief.source, 0, 0, 12, colour=MUTED, anchor="bottom")]
    return _page(notes, [table])
