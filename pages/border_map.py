"""Border map: provinces shaded by events (or per person), places as circles; click to filter."""

import streamlit as st

from nkviz import aggregate, app, app_downloads
from nkviz.app_sidebar import choice, on_map_click, toggle

MEASURES = {"events": "events", "per 100k people": "per_100k"}

ctx = app.context()
st.title("Border map", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()
c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
with c1:
    measure = choice("Shade provinces by", list(MEASURES), key="measure", default="events")
with c2:
    places = toggle("Places as circles", key="places", default=True)

fig = app.chart(ctx, "map", measure=MEASURES[measure], places=places, dark=app.is_dark(), height=720,
                selected=ctx.filters.provinces)
app.plot(fig, key=f"map-{ctx.key}", on_select=on_map_click(f"map-{ctx.key}", fig))
app.caption(ctx, f"Provinces shaded by {measure} (population: 2008 census); the China and "
            "Russia border and the five border provinces are outlined in red-orange. "
            + app.note(fig) + " Click a province to filter every page to it, click a circle "
            "to search for that place")
app_downloads.chart_menu(ctx, "map", measure=MEASURES[measure], places=places,
                         selected=ctx.filters.provinces)

st.subheader("By province", anchor=False)
summary = aggregate.province_summary(ctx.view)
st.dataframe(
    summary.reset_index()[["province", "korean", "border", "events", "per_100k", "top_themes",
                           "top_agencies"]],
    hide_index=True, width="stretch", height=36 * (len(summary) + 1) + 4,
    column_config={"per_100k": st.column_config.NumberColumn("per 100k people", format="%.1f"),
                   "border": st.column_config.CheckboxColumn("border province"),
                   "top_themes": "top themes", "top_agencies": "top agencies"},
)
