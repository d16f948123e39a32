"""Agencies & themes: who acts, on what, where; clicking a bar filters every page."""

import streamlit as st

from nkviz import app, app_downloads
from nkviz.app_sidebar import choice, on_bar_click

ctx = app.context()
st.title("Agencies & themes", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()

BARS = (("agencies", "Agencies", "Events naming each agency"),
        ("themes", "Themes", "Events under each theme"))
for column, (field, heading, what) in zip(st.columns(2, gap="large"), BARS):
    with column:
        st.subheader(heading, anchor=False)
        key = f"{field}-{ctx.key}"
        app.plot(app.chart(ctx, field), key=key, on_select=on_bar_click(key, field))
        app.caption(ctx, f"{what}; click a bar to filter to it")
        app_downloads.chart_menu(ctx, field)

st.subheader("Which agency, which theme", anchor=False)
fig = app.chart(ctx, "heatmap")
app.plot(fig, key="breakdowns-heatmap")
app.caption(ctx, "Events per agency and theme (the 10 agencies and 12 themes named most); "
            "an event counts in every pair it has")
app_downloads.chart_menu(ctx, "heatmap")

st.subheader("Themes over time", anchor=False)
granularity = choice("Per", ["quarter", "year"], key="trend", default="year")
fig = app.chart(ctx, "small_multiples", granularity=granularity)
app.plot(fig, key="breakdowns-trends")
app.caption(ctx, f"Events per {granularity} for the 8 largest themes, each on its own scale "
            "(dated at least to the " + ("year" if granularity == "year" else "month") + ")")
app_downloads.chart_menu(ctx, "small_multiples", granularity=granularity)

st.subheader("Agency share by province", anchor=False)
fig = app.chart(ctx, "agency_share")
app.plot(fig, key="breakdowns-share")
app.caption(ctx, "Share of agency mentions in each province (◆ border province); provinces "
            "whose events name no agency are left out")
app_downloads.chart_menu(ctx, "agency_share")
