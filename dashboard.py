"""nkviz dashboard: ``streamlit run dashboard.py``.

The entry script: it declares the pages, loads the data (cached), draws the sidebar
filters that every page shares (bound to the URL) and then runs the chosen page. The
Overview page lives here; the others are in ``pages/``. Pages only wire widgets to
:mod:`nkviz.app` and the chart functions in :mod:`nkviz.charts`.
"""

import streamlit as st

from nkviz import aggregate, app, app_downloads, app_sidebar

st.set_page_config(page_title="nkviz: repression and resistance in North Korea",
                   page_icon="🗺️", layout="wide")  # an emoji: a material icon is fetched online

TIMELINE = st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:")
MAP = st.Page("pages/border_map.py", title="Border map", icon=":material/map:")
BREAKDOWNS = st.Page("pages/agencies_themes.py", title="Agencies & themes",
                     icon=":material/bar_chart:")
EVENTS = st.Page("pages/events.py", title="Events", icon=":material/table_rows:")
DATA = st.Page("pages/data.py", title="Data", icon=":material/database:")


def overview() -> None:
    ctx = app.context()
    st.title("Repression and resistance in North Korea", anchor=False)
    st.caption(f"Dated, placed events read from {ctx.data.label}. Filters are in the sidebar; "
               "the address bar always holds the current view, so a copied link shows the same.")
    h = aggregate.headline(ctx.view)
    cols = st.columns([1, 1, 1, 1.5, 1, 1.4])
    cols[0].metric("Reports", f"{h.reports:,}", help="Reports with at least one event in view")
    cols[1].metric("Events", f"{h.events:,}")
    cols[2].metric("Provinces", f"{h.provinces}", help="Provinces with at least one event")
    cols[3].metric("Years", h.span())
    cols[4].metric("Undated", f"{h.share_undated:.0%}", help="Events whose date is unknown")
    cols[5].metric("Without a province", f"{h.share_no_province:.0%}",
                   help="Events placed only in a region, the country, abroad or nowhere")
    with st.expander("Take away: the briefing pack and the filtered events", icon=":material/download:"):
        app_downloads.take_away(ctx)
    if app.nothing_to_show(ctx):
        return
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Over time", anchor=False)
        fig = app.chart(ctx, "timeline", granularity="year", by=None, range_slider=False, height=300)
        app.plot(fig, key="overview-timeline")
        app.caption(ctx, "Events per year (those dated at least to the year)")
        app_downloads.chart_menu(ctx, "timeline", granularity="year", by=None)
        st.page_link(TIMELINE, label="Timeline: weeks to years, colours, every event",
                     icon=":material/arrow_forward:")
        st.subheader("Top themes", anchor=False)
        fig = app.chart(ctx, "themes", top=8)
        app.plot(fig, key="overview-themes")
        app.caption(ctx, "An event counts under each of its themes")
        app_downloads.chart_menu(ctx, "themes", top=8)
        st.page_link(BREAKDOWNS, label="Agencies & themes: who does what, where",
                     icon=":material/arrow_forward:")
    with right:
        st.subheader("Where", anchor=False)
        fig = app.chart(ctx, "map", height=560, zoom=4.6, dark=app.is_dark(),
                        selected=ctx.filters.provinces)
        app.plot(fig, key="overview-map")
        app.caption(ctx, "Provinces shaded by events; circles are places. "
                    + app.note(fig))
        app_downloads.chart_menu(ctx, "map", selected=ctx.filters.provinces)
        st.page_link(MAP, label="Border map: per person, click a province to filter",
                     icon=":material/arrow_forward:")


OVERVIEW = st.Page(overview, title="Overview", icon=":material/dashboard:", default=True)
navigation = st.navigation([OVERVIEW, TIMELINE, MAP, BREAKDOWNS, EVENTS, DATA])
context = app.build_context()
if context.data.synthetic:
    st.info(f"Showing {context.data.label} (NKVIZ_SYNTH is set), not real reports.",
            icon=":material/science:")
app_sidebar.show_notices(context.notices)
navigation.run()
