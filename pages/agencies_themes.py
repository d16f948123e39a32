"""Agencies & themes: who acts, on what, where; clicking a bar filters every page."""

import streamlit as st

from nkviz import app, app_downloads
from nkviz.app_sidebar import choice, on_bar_click

ctx = app.context()
st.title("Agencies & themes", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Agencies", anchor=False)
    fig = app.chart(ctx, "agencies")
    key = f"agencies-{ctx.key}"
    app.plot(fig, key=key, on_select=on_bar_click(key, "agencies"))
    app.caption(ctx, "Events naming each agency; click a bar to filter to it")
    app_downloads.chart_menu(ctx, "agencies")
with right:
    st.subheader("Themes", anchor=False)
    fig = app.chart(ctx, "themes")
    key = f"themes-{ctx.key}"
    app.plot(fig, key=key, on_select=on_bar_click(key, "themes"))
    app.caption(ctx, "Events under each theme; click a bar to filter to it")
    app_downloads.chart_menu(ctx, "themes")

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
