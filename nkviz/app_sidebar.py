"""The sidebar filters and the URL: widgets bound to the query string, notices for bad links.

Every filter widget is bound with ``bind="query-params"``: its key is the URL parameter
(:data:`nkviz.filters.QUERY_KEYS`), so the address bar always holds the current view and
a copied link reproduces it. The widgets are drawn by the entry script on every page, so
the filters survive page switches. Streamlit drops a URL value a widget cannot take
without a word; we read the raw parameters first with :func:`nkviz.filters.from_query`
and tell the viewer what was ignored. Page options (granularity, colour, ...) use
:func:`choice`, which does the same for one widget.
"""

from __future__ import annotations

import streamlit as st

from . import app, filters, vocab
from .filters import QUERY_KEYS, Choices, Filters
from .schema import COL

K = QUERY_KEYS  # widget keys
DATE_LEVELS = ("unknown", "year", "month", "day")  # vague to precise, for the slider
GEO_LEVELS = ("unknown", "country", "region", "province", "place")
NOTICED_KEY = "_nkviz_noticed"


def choices_for(data) -> Choices:
    """What the sidebar offers: the vocabulary, the data's outlets and its years."""
    return _choices(data.token, _events=data.events)


@st.cache_data(max_entries=8, show_spinner=False)
def _choices(token: str, *, _events) -> Choices:
    dates = _events[COL.DATE].dropna()
    years = (int(dates.min().year), int(dates.max().year)) if len(dates) else None
    sources = tuple(sorted(s for s in _events[COL.SOURCE].unique() if s))
    return Choices(sources=sources, years=years)


def sidebar_filters(data) -> tuple[Filters, list[str]]:
    """Draw the filters in the sidebar; return the chosen filters and the link notices."""
    choices = choices_for(data)
    notices = _link_notices(choices)
    with st.sidebar:
        st.subheader("Filters", anchor=False)
        years = _years(choices.years)
        provinces = st.multiselect("Provinces", list(choices.provinces), key=K["provinces"],
                                   bind="query-params", placeholder="all provinces")
        b1, b2 = st.columns([3, 2])
        b1.button("Border provinces", on_click=_set, args=(K["provinces"], vocab.border_provinces()),
                  help="North Pyongan, Chagang, Ryanggang, North Hamgyong and Rason: the China "
                       "and Russia border", width="stretch")
        b2.button("All", on_click=_set, args=(K["provinces"], []), width="stretch",
                  help="No province filter")
        agencies = st.multiselect("Agencies", list(choices.agencies), key=K["agencies"],
                                  bind="query-params", placeholder="all agencies")
        themes = st.multiselect("Themes", list(choices.themes), key=K["themes"],
                                bind="query-params", format_func=vocab.theme_label,
                                placeholder="all themes")
        sources = st.multiselect("Outlets", list(choices.sources or ()), key=K["sources"],
                                 bind="query-params", placeholder="all outlets")
        text = st.text_input("Search the evidence, titles and places", key=K["text"],
                             bind="query-params", placeholder="e.g. Hyesan, phone, 보위부")
        date_min = st.select_slider("Dated at least to the", DATE_LEVELS, key=K["min_date_precision"],
                                    bind="query-params", format_func=_any("any date"))
        geo_min = st.select_slider("Placed at least to the", GEO_LEVELS, key=K["min_geo_precision"],
                                   bind="query-params", format_func=_any("anywhere"))
        st.button("Reset all filters", on_click=reset, icon=":material/restart_alt:", width="stretch")
    chosen = Filters(years=years, provinces=tuple(provinces), agencies=tuple(agencies),
                     themes=tuple(themes), sources=tuple(sources), text=text.strip(),
                     min_date_precision=date_min, min_geo_precision=geo_min)
    return chosen, notices


def _years(bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """A year-range slider over the data's years; None (no restriction) at full range."""
    if bounds is None or bounds[0] == bounds[1]:
        st.caption("Years: " + (str(bounds[0]) if bounds else "no dated events"))
        return None
    lo, hi = bounds
    chosen = st.slider("Years", lo, hi, (lo, hi), key=K["years"], bind="query-params",
                       help="Keeps events whose date starts in these years; undated events "
                            "drop out once the range is narrowed.")
    return None if tuple(chosen) == (lo, hi) else (int(chosen[0]), int(chosen[1]))


def _any(word: str):
    return lambda level: word if level == "unknown" else level


def _set(key: str, value) -> None:
    st.session_state[key] = value


def reset() -> None:
    """Back to no filters (callback: runs before the widgets are drawn again)."""
    defaults = {K["provinces"]: [], K["agencies"]: [], K["themes"]: [], K["sources"]: [],
                K["text"]: "", K["min_date_precision"]: "unknown", K["min_geo_precision"]: "unknown"}
    for key, value in defaults.items():
        st.session_state[key] = value
    if K["years"] in st.session_state:
        del st.session_state[K["years"]]


def _raw_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def _link_notices(choices: Choices) -> list[str]:
    """What the current URL asks for that cannot be used, once per distinct URL."""
    raw = _raw_params()
    known = {k: v for k, v in raw.items() if k in QUERY_KEYS.values()}
    if not known:
        return []
    _, notices = filters.from_query(known, choices)
    return _once(notices)


def _once(notices: list[str]) -> list[str]:
    """Notices not yet shown in this session (a bad link warns once, not on every rerun)."""
    shown = st.session_state.setdefault(NOTICED_KEY, set())
    fresh = [n for n in notices if n not in shown]
    shown.update(fresh)
    return fresh


def show_notices(notices: list[str]) -> None:
    for n in notices:
        st.warning(app.md_escape(n), icon=":material/link_off:")


def choice(label: str, options: list[str], *, key: str, default: str) -> str:
    """A page option (segmented control) bound to the URL, with a notice for a bad value.

    The options are shown as they are written in the URL (``?granularity=quarter``).
    """
    raw = st.query_params.get_all(key)
    if raw and raw[-1] not in options:
        show_notices(_once([f"Ignored {key}={raw[-1]} from the link: choose one of "
                            f"{', '.join(options)}."]))
    value = st.segmented_control(label, options, default=default, key=key, required=True,
                                 bind="query-params")
    return value if value in options else default


def toggle(label: str, *, key: str, default: bool = True, help: str | None = None) -> bool:
    """A checkbox bound to the URL (``?key=false`` turns it off)."""
    return st.toggle(label, value=default, key=key, bind="query-params", help=help)



def _points(key: str) -> list[dict]:
    state = st.session_state.get(key) or {}
    selection = state.get("selection") or {}
    return list(selection.get("points") or [])


def _scalar(value):
    return value[0] if isinstance(value, (list, tuple)) and value else value


def on_map_click(key: str, fig):
    """Callback for a map drawn with ``key``: a province click filters to that province,
    a place click searches for the place. Curves are told apart by ``curve_number``."""
    curves = (fig.layout.meta or {}).get("curves", {}) if isinstance(fig.layout.meta, dict) else {}
    provinces_at = set(curves.get("provinces", [0]))
    places_at = set(curves.get("places", []))

    def clicked() -> None:
        points = _points(key)
        provinces = [p.get("location") for p in points
                     if p.get("curve_number") in provinces_at and p.get("location")]
        places = [_scalar(p.get("customdata")) for p in points
                  if p.get("curve_number") in places_at and p.get("customdata")]
        if provinces:
            st.session_state[K["provinces"]] = list(dict.fromkeys(provinces))
        elif places:
            st.session_state[K["text"]] = str(places[0])

    return clicked


def on_bar_click(key: str, filter_name: str):
    """Callback for a bar chart whose bars carry canonical values in ``customdata``:
    a click filters to the clicked value(s)."""
    def clicked() -> None:
        values = [str(_scalar(p.get("customdata"))) for p in _points(key) if p.get("customdata")]
        values = [v for v in values if not v.startswith("(")]  # "(no agency named)" is no filter
        if values:
            st.session_state[K[filter_name]] = list(dict.fromkeys(values))

    return clicked
