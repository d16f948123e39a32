"""The one Streamlit-facing module: loading and caching, the page context, small output helpers.

Every page does the same three things: ``ctx = app.context()`` (data, filters, the filtered
view), a chart from :mod:`nkviz.charts` through :func:`chart` (cached), and
:func:`caption` (the view in words). The sidebar filters and the URL live in
:mod:`nkviz.app_sidebar`.

Caching. The corpus is loaded once per content: the key is a digest of the report
folder's file names, sizes and modification times (taken once per session; the Data page
can take it again), and the parsed frame is kept with ``st.cache_resource``: one shared,
read-only copy. ``st.cache_data`` would unpickle a fresh copy on every rerun, about 0.1 s
for 100,000 events, a third of the rerun budget. Nothing in nkviz modifies a frame it is
given. Filtered views and figures are cached the same way, keyed on the data key, the
filters and the chart options.

Synthetic data: ``NKVIZ_SYNTH=100000 streamlit run dashboard.py`` (any size) replaces the
bundled reports with :mod:`nkviz.synth` events (``NKVIZ_SYNTH_SEED``, default 0), for
benchmarks and demos; a banner says so.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from . import filters, moments, schema, synth
from .charts import CHARTS, note  # noqa: F401 - note is part of this module's page API
from .filters import Filters
from .ingest_report import IngestReport
from .paths import REPORTS_DIR

SYNTH_ENV, SYNTH_SEED_ENV = "NKVIZ_SYNTH", "NKVIZ_SYNTH_SEED"
CONTEXT_KEY, TOKEN_KEY, UPLOADS_KEY = "_nkviz_context", "_nkviz_data_token", "_nkviz_uploads"
PLOT_CONFIG = {"displaylogo": False, "scrollZoom": False,
               "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]}


@dataclass(frozen=True)
class Dataset:
    """Events, the reports behind them and the accounting of the inputs."""

    events: pd.DataFrame
    reports: pd.DataFrame
    ingest: IngestReport
    token: str  # changes whenever the content changes: the cache key
    label: str  # where the data comes from, in words
    synthetic: bool = False


@dataclass
class Context:
    """What a page needs: the data, the chosen filters and the filtered events."""

    data: Dataset
    filters: Filters
    view: pd.DataFrame
    moments: moments.Moments
    notices: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Identifies data and filters together (cache keys, chart widget keys)."""
        return hashlib.blake2b(f"{self.data.token}|{self.filters!r}".encode(),
                               digest_size=8).hexdigest()


def folder_digest(folder) -> str:
    """Digest of every file's relative path, size and modification time under ``folder``."""
    h = hashlib.blake2b(digest_size=16)
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, folder)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode(
                "utf-8", "surrogateescape"))
    return h.hexdigest()


def data_token(*, refresh: bool = False) -> str:
    """The key of the bundled (or synthetic) data, taken once per session."""
    if refresh or TOKEN_KEY not in st.session_state:
        n = os.environ.get(SYNTH_ENV, "").strip()
        token = (f"synth:{n}:{os.environ.get(SYNTH_SEED_ENV, '0')}" if n
                 else "reports:" + folder_digest(REPORTS_DIR))
        st.session_state[TOKEN_KEY] = token
    return st.session_state[TOKEN_KEY]


@st.cache_resource(max_entries=2, show_spinner="Reading the reports (first visit only)…")
def _load(token: str) -> Dataset:
    if token.startswith("synth:"):
        _, n, seed = token.split(":")
        events, reports = synth.dataset(int(n), seed=int(seed))
        return Dataset(events, reports, IngestReport(), token,
                       f"synthetic data: {len(events):,} generated events", synthetic=True)
    from .load import load_paths

    result = load_paths([REPORTS_DIR])
    return Dataset(result.events, result.reports, result.ingest, token,
                   f"the bundled reports ({REPORTS_DIR.name}/)")


def dataset() -> Dataset:
    """The bundled data plus the reports this session uploaded."""
    base = _load(data_token())
    uploads = st.session_state.get(UPLOADS_KEY, {})
    if not uploads:
        return base
    return _combine(base.token, tuple(uploads), _base=base, _uploads=tuple(uploads.values()))


@st.cache_resource(max_entries=8)
def _combine(token: str, upload_keys: tuple[str, ...], *, _base: Dataset, _uploads: tuple) -> Dataset:
    """Bundled plus uploaded data; uploaded ids get an ``upload/`` prefix so none clash."""
    events, reports, ingest = [_base.events], [_base.reports], IngestReport()
    ingest.extend(_base.ingest)
    for up in _uploads:
        ev, rep = up.result.events.copy(), up.result.reports.copy()
        for frame, cols in ((ev, (schema.COL.EVENT_ID, schema.COL.REPORT_ID)), (rep, ("report_id",))):
            for c in cols:
                frame[c] = "upload/" + frame[c]
        events.append(ev)
        reports.append(rep)
        ingest.extend(up.result.ingest)
    merged = schema.coerce(pd.concat(events, ignore_index=True))
    merged = merged.drop_duplicates(schema.COL.EVENT_ID).reset_index(drop=True)
    n = len(_uploads)
    return Dataset(merged, pd.concat(reports, ignore_index=True), ingest,
                   f"{token}+{'+'.join(upload_keys)}",
                   f"{_base.label} and {n} uploaded file{'s' if n != 1 else ''}",
                   synthetic=_base.synthetic)


@st.cache_resource(max_entries=16)
def _view(key: str, *, _events: pd.DataFrame, _filters: Filters) -> pd.DataFrame:
    return filters.apply(_events, _filters)


@st.cache_resource(max_entries=2)
def _moments(path_digest: str) -> moments.Moments:
    return moments.load()


def build_context() -> Context:
    """Load the data, draw the sidebar filters, filter: once per script run (the entry)."""
    from . import app_sidebar

    data = dataset()
    chosen, notices = app_sidebar.sidebar_filters(data)
    view_key = hashlib.blake2b(f"{data.token}|{chosen!r}".encode(), digest_size=8).hexdigest()
    view = _view(view_key, _events=data.events, _filters=chosen)
    path = moments.default_path()
    stamp = f"{path}:{path.stat().st_mtime_ns if path.exists() else 0}"
    ctx = Context(data, chosen, view, _moments(stamp), notices)
    st.session_state[CONTEXT_KEY] = ctx
    return ctx


def context() -> Context:
    """The context the entry script built for this run (built here if a page runs alone)."""
    ctx = st.session_state.pop(CONTEXT_KEY, None)
    if ctx is not None:
        return ctx
    _leave_pages_folder_mode()
    return build_context()


def _leave_pages_folder_mode() -> None:
    """Make Streamlit run the entry script even when a page was asked for first.

    A server whose very first request is a page's URL (a shared link) sees a ``pages/``
    folder before any ``st.navigation`` call and runs that page file alone, in its old
    folder mode: no entry script, a navigation menu made from file names. Every later run
    in the process would use ``st.navigation`` properly; this switches the mode now and
    reruns. (Private Streamlit state; if it ever moves, the page still works: it draws the
    sidebar itself, with the folder-made menu.)
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a Streamlit without this class
        return
    if PagesManager.uses_pages_directory and not st.session_state.get("_nkviz_left_v1"):
        st.session_state["_nkviz_left_v1"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.cache_resource(max_entries=96, show_spinner=False)
def _figure(key: str, name: str, options: str, *, _view: pd.DataFrame, _fn, _kwargs: dict):
    return _fn(_view, **_kwargs)


def chart(ctx: Context, name: str, **options):
    """The figure of ``charts.CHARTS[name]`` for the current view (cached per data+filters)."""
    return _figure(ctx.key, name, options_key(options), _view=ctx.view, _fn=CHARTS[name],
                   _kwargs=options)


def options_key(options: dict) -> str:
    """A cache key for a chart's options (used by the figure and the download caches)."""
    return repr(sorted((k, _option_key(v)) for k, v in options.items()))


def _option_key(value) -> str:
    """A cache key for a chart option; frames (e.g. moments) by a hash of their content."""
    if isinstance(value, pd.DataFrame):
        return "frame:" + str(int(pd.util.hash_pandas_object(value, index=False).sum()))
    return repr(value)


def plot(fig, *, key: str | None = None, on_select=None, height: int | None = None) -> object:
    """Draw a figure full-width with nkviz's plotly config; selectable when ``on_select``."""
    kwargs = dict(width="stretch", config=PLOT_CONFIG, key=key, theme="streamlit")
    if height:
        kwargs["height"] = height
    if on_select is not None:
        return st.plotly_chart(fig, on_select=on_select, selection_mode="points", **kwargs)
    return st.plotly_chart(fig, **kwargs)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Text (a search word, a file name, a report title) shown literally in Streamlit's
    markdown: every markdown character backslash-escaped, so nothing becomes a link,
    emphasis or HTML."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def caption(ctx: Context, extra: str = "", *, view: pd.DataFrame | None = None) -> None:
    """The line under a chart: what it shows in words, plus what it could not show."""
    n = len(ctx.view if view is None else view)
    st.caption(md_escape(filters.describe(ctx.filters, n)) + (f". {extra}" if extra else "."))


def nothing_to_show(ctx: Context) -> bool:
    """A friendly message (and True) when the filters leave no events."""
    if len(ctx.view):
        return False
    if len(ctx.data.events) == 0:
        st.info("There are no events yet. Add reports on the **Data** page.", icon=":material/info:")
    else:
        st.info(f"No events match these filters ({md_escape(filters.describe(ctx.filters))}). "
                "Widen the years, remove a province or theme, or clear the search in the "
                "sidebar.", icon=":material/filter_alt_off:")
    return True


def is_dark() -> bool:
    """Whether the viewer's Streamlit theme is dark (maps pick their background from it)."""
    try:
        return st.context.theme.type == "dark"
    except Exception:  # noqa: BLE001 - older runtimes and AppTest have no theme info
        return False
