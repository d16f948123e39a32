"""Timeline: events per week, month, quarter or year, and every event on a strip."""

import streamlit as st

from nkviz import app, app_downloads
from nkviz.app_sidebar import choice, toggle

ctx = app.context()
st.title("Timeline", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()
c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
with c1:
    granularity = choice("Bars per", ["week", "month", "quarter", "year"], key="granularity",
                         default="month")
with c2:
    by = choice("Colour by", ["theme", "agency", "province", "source"], key="colour",
                default="theme")
with c3:
    show_moments = toggle("Reference moments", key="moments", default=True,
                          help="Dashed lines for leadership changes, summits, the 2020 border "
                               "closure and more (data/moments.csv).")
moments = ctx.moments.frame if show_moments and len(ctx.moments) else None

fig = app.chart(ctx, "timeline", granularity=granularity, by=by, moments=moments)
app.plot(fig, key="timeline-bars")
app.caption(ctx, f"Events per {granularity}, coloured by {by} (the 7 largest; the rest is "
            f"Other). {app.note(fig)} Drag the slider under the chart to zoom")
app_downloads.chart_menu(ctx, "timeline", granularity=granularity, by=by, moments=moments)
if show_moments and not ctx.moments.found:
    st.caption("No reference moments yet: data/moments.csv is missing.")
for problem in ctx.moments.problems:
    st.caption(f"Reference moments: {app.md_escape(problem)}")

st.subheader("Event by event", anchor=False)
fig = app.chart(ctx, "strip", by=by, moments=moments)
app.plot(fig, key="timeline-strip")
app.caption(ctx, app.note(fig) + " Hover a mark for its date, place, agencies, themes and "
            "evidence")
app_downloads.chart_menu(ctx, "strip", by=by, moments=moments)
