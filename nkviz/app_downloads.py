"""Download menus for the dashboard: each chart's files, the filtered data, the briefing pack.

Every button is ``st.download_button(..., on_click="ignore")`` with a callable as its data:
nothing is made while the page draws (a rerun stays as fast as before), the file is made
when the button is pressed, and pressing it neither reruns nor resets the page. Files
are cached with ``st.cache_data`` on the data, the filters, the chart options, the format
and the day, so a second press is immediate. The files come from :mod:`nkviz.export`,
the same functions ``nkviz export`` and ``nkviz brief`` call.

Without Chromium the image and briefing buttons are disabled with a note on installing
it; HTML and data downloads work regardless.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from . import export
from .export import ExportScope, file_name
from .app import options_key
from .export.images import INSTALL_HINT

IMAGE_FORMATS = ("png", "svg", "pdf")
SIZE_LABELS = {"slide": "16:9 slide", "a4-half": "½ A4", "letter-half": "½ Letter",
               "square": "square"}
DATA_LABELS = {"csv": "CSV", "xlsx": "Excel", "geojson": "GeoJSON", "ingest": "Ingest report"}
BRIEF_LABELS = {"pptx": "PowerPoint", "pdf": "PDF"}


def scope_of(ctx, generated: dt.date | None = None) -> ExportScope:
    """The export scope of a page context: its filtered events, filters and data."""
    return ExportScope(ctx.view, ctx.filters, generated or dt.date.today(), ctx.data.label,
                       ctx.data.ingest)


def chart_file(scope: ExportScope, name: str, fmt: str, size: str, options: dict) -> bytes:
    """The bytes a chart button downloads (what ``nkviz export --chart`` writes)."""
    return export.chart_bytes(scope, name, fmt, size=size, options=options)


def data_file(scope: ExportScope, fmt: str) -> bytes:
    """The bytes a data button downloads (what ``nkviz export --data`` writes)."""
    return export.data_bytes(scope, fmt)


def brief_file(scope: ExportScope, fmt: str) -> bytes:
    """The bytes a briefing button downloads (what ``nkviz brief`` writes)."""
    return export.brief_bytes(scope, fmt)


@st.cache_data(max_entries=64, show_spinner=False)
def _cached(key: str, kind: str, what: str, fmt: str, size: str, day: str, *, _scope,
            _options) -> bytes:
    if kind == "chart":
        return chart_file(_scope, what, fmt, size, _options)
    if kind == "data":
        return data_file(_scope, fmt)
    return brief_file(_scope, fmt)


def _maker(ctx, kind: str, what: str = "", fmt: str = "", size: str = "", options=None):
    """A callable for ``st.download_button``: makes (or takes from the cache) the file."""
    options = dict(options or {})
    key = hashlib.blake2b(f"{ctx.key}|{options_key(options)}".encode(), digest_size=8).hexdigest()

    def make() -> bytes:
        scope = scope_of(ctx)
        return _cached(key, kind, what, fmt, size, scope.generated.isoformat(), _scope=scope,
                       _options=options)

    return make


@st.cache_resource(ttl=300, show_spinner=False)
def _browser() -> bool:
    return export.browser_available()


def chart_menu(ctx, name: str, *, key: str | None = None, **options) -> None:
    """A "Download" popover under a chart: PNG/SVG/PDF at each size, and offline HTML.

    ``options`` are the chart's options as the page draws it (the export leaves out
    screen-only ones such as height and the dark map).
    """
    key = key or name
    static = _browser()
    scope = scope_of(ctx)
    with st.popover("Download", icon=":material/download:"):
        st.caption("With title, filters, notes and sources; colours as on screen.")
        for fmt in IMAGE_FORMATS:
            cols = st.columns(len(SIZE_LABELS))
            for col, (size, label) in zip(cols, SIZE_LABELS.items()):
                col.download_button(
                    f"{fmt.upper()} · {label}", _maker(ctx, "chart", name, fmt, size, options),
                    file_name=file_name(scope, name, fmt), mime=export.CHART_FORMATS[fmt],
                    on_click="ignore", key=f"dl-{key}-{fmt}-{size}", disabled=not static,
                    help=None if static else INSTALL_HINT, width="stretch")
        st.download_button(
            "Interactive HTML (works offline)", _maker(ctx, "chart", name, "html", "slide", options),
            file_name=file_name(scope, name, "html"), mime=export.CHART_FORMATS["html"],
            on_click="ignore", key=f"dl-{key}-html", icon=":material/open_in_browser:")
        if not static:
            st.caption(INSTALL_HINT)


def take_away(ctx) -> None:
    """The briefing pack, the filtered events as files and the ingest report."""
    static = _browser()
    scope = scope_of(ctx)
    brief, data = st.columns([2, 3], gap="medium")
    brief.caption("Briefing pack: title, headline figures, the main charts, the latest events "
                  "with their sources" + ("" if static else f". {INSTALL_HINT}"))
    for col, (fmt, label) in zip(brief.columns(2), BRIEF_LABELS.items()):
        col.download_button(
            label, _maker(ctx, "brief", "brief", fmt), file_name=file_name(scope, "brief", fmt),
            mime=export.BRIEF_FORMATS[fmt], on_click="ignore", key=f"dl-brief-{fmt}",
            disabled=not static, type="primary" if fmt == "pptx" else "secondary",
            icon=":material/slideshow:" if fmt == "pptx" else ":material/picture_as_pdf:",
            width="stretch")
    data.caption("These events as files (Excel adds sheets explaining the columns and filters), "
                 "and how the reports were read")
    for col, (fmt, label) in zip(data.columns(len(DATA_LABELS)), DATA_LABELS.items()):
        col.download_button(
            label, _maker(ctx, "data", "events", fmt),
            file_name=file_name(scope, "events" if fmt != "ingest" else "ingest-report",
                                export.DATA_EXTENSIONS[fmt]),
            mime=export.DATA_FORMATS[fmt], on_click="ignore", key=f"dl-data-{fmt}",
            disabled=fmt == "ingest" and ctx.data.ingest is None, width="stretch")
