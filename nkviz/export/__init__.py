"""Exports for briefers: charts as PNG/SVG/PDF/HTML, the filtered data, a briefing pack.

One implementation for the dashboard's download buttons and the ``nkviz export`` /
``nkviz brief`` commands: both build an :class:`ExportScope` (filtered events, filters,
generation date) and call the functions below, so the same filters give the same file.

    scope = ExportScope(view, filters, generated=dt.date(2026, 11, 22))
    png = chart_bytes(scope, "timeline", "png", size="slide")
    xlsx = data_bytes(scope, "xlsx")
    deck = brief_bytes(scope, "pptx")

Static images need Chromium (see :mod:`nkviz.export.images`); HTML and data do not.
"""

from __future__ import annotations

from ..errors import ConfigError
from .data import EXTENSIONS as DATA_EXTENSIONS
from .data import FORMATS as DATA_FORMATS
from .data import data_bytes
from .figures import PAGE, SIZES, Size, chart_figure, decorate, size_of
from .html import to_html
from .images import browser_available, find_browser, render, stamp_pdf
from .scope import ExportScope, file_name, source_line, subtitle

CHART_FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
                 "html": "text/html"}
BRIEF_FORMATS = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml."
                 "presentation", "pdf": "application/pdf"}


def chart_bytes(scope: ExportScope, name: str, fmt: str, *, size: str = "slide",
                options: dict | None = None, title: str | None = None) -> bytes:
    """Chart ``name`` (a key of :data:`nkviz.charts.CHARTS`) for the scope, as ``fmt`` bytes."""
    if fmt not in CHART_FORMATS:
        raise ConfigError(f"unknown chart format {fmt!r}; choose one of {', '.join(CHART_FORMATS)}")
    preset = size_of(size)
    fig = chart_figure(scope, name, size=preset, options=options, title=title,
                       hatch=fmt != "pdf")  # see figures.decorate
    caption = _plain(fig.layout.title.text or name)
    if fmt == "html":
        return to_html(fig, title=caption, file_stem=file_name(scope, name, "")[:-1])
    data = render(fig, fmt, preset)
    return stamp_pdf(data, title=caption, generated=scope.generated) if fmt == "pdf" else data


def brief_bytes(scope: ExportScope, fmt: str, **kwargs) -> bytes:
    """The briefing pack as a PowerPoint deck (``pptx``) or a multi-page PDF (``pdf``)."""
    from . import brief

    if fmt not in BRIEF_FORMATS:
        raise ConfigError(f"unknown brief format {fmt!r}; choose one of {', '.join(BRIEF_FORMATS)}")
    content = brief.build(scope, **kwargs)
    return brief.to_pptx(content) if fmt == "pptx" else brief.to_pdf(content)


def _plain(text: str) -> str:
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


__all__ = [
    "BRIEF_FORMATS", "CHART_FORMATS", "DATA_EXTENSIONS", "DATA_FORMATS", "PAGE", "SIZES",
    "ExportScope", "Size", "brief_bytes", "browser_available", "chart_bytes", "chart_figure",
    "data_bytes", "decorate", "file_name", "find_browser", "render", "source_line", "subtitle",
    "to_html",
]
