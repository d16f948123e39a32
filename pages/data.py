"""Data: add reports, see what was read and what was rejected and why, and data quality."""

import pandas as pd
import streamlit as st

from nkviz import app, app_downloads, app_uploads

ctx = app.context()
st.title("Data", anchor=False)
st.caption(f"Events come from {app.md_escape(ctx.data.label)}.")

counts = ctx.data.ingest.counts()
cols = st.columns(7)
for col, (name, label) in zip(cols, [("files", "Files"), ("records", "Records"),
                                     ("accepted", "Reports"), ("rejected", "Rejected"),
                                     ("duplicates", "Duplicates"), ("events", "Events"),
                                     ("problems", "Problems")]):
    col.metric(label, f"{counts[name]:,}")

st.subheader("Add reports", anchor=False)
local = app_uploads.running_locally()
save = st.toggle(
    "Save into the data folder (data/reports/uploads/)", value=False, disabled=not local,
    help=("Saved files are part of the bundled data for everyone from now on." if local else
          "Only possible when the dashboard is opened on the machine it runs on."))
st.caption("Files are added to this browser session only, unless saved into the data folder. "
           "Any format the loader reads: text, Markdown, HTML, PDF, DOCX, CSV, JSON, XLSX, "
           "RSS, and zip archives of them.")
files = st.file_uploader("Reports", accept_multiple_files=True, key="uploads")
if app_uploads.handle(files or [], save=save and local):
    st.rerun()  # the new files change the data every page shows: draw again with them
for kind, message in app_uploads.messages():
    (st.success if kind == "ok" else st.error)(app.md_escape(message), icon=":material/upload_file:"
                                               if kind == "ok" else ":material/error:")
if app_uploads.session_uploads():
    if st.button("Remove this session's uploads", icon=":material/delete:"):
        app_uploads.clear_session()
        st.rerun()
if st.button("Read the data folder again", icon=":material/refresh:",
             help="After adding files to data/reports/ by hand."):
    app.data_token(refresh=True)
    st.rerun()

st.subheader("What was read", anchor=False)
st.text(ctx.data.ingest.summary())
rejected = [e for e in ctx.data.ingest.rejected()]
st.markdown(f"**Rejected files and records ({len(rejected)})**")
if rejected:
    st.dataframe(pd.DataFrame([{"input": e.input, "record": e.record, "reason": e.reason,
                                "why": e.detail} for e in rejected]),
                 hide_index=True, width="stretch")
else:
    st.caption("Nothing was rejected.")
dups = ctx.data.ingest.duplicates()
if dups:
    with st.expander(f"Duplicates ({len(dups)}): the same report read twice, kept once"):
        st.dataframe(pd.DataFrame([{"input": e.input, "record": e.record, "same as": e.duplicate_of,
                                    "how": e.reason} for e in dups]),
                     hide_index=True, width="stretch")
problems = ctx.data.ingest.problems
if problems:
    with st.expander(f"Problems ({len(problems)}): reports read, with something missing"):
        st.dataframe(pd.DataFrame([{"input": p.input, "record": p.record, "reason": p.reason,
                                    "detail": p.detail} for p in problems]),
                     hide_index=True, width="stretch")

st.subheader("Data quality", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()
fig = app.chart(ctx, "precision")
app.plot(fig, key="quality-mix")
app.caption(ctx, "Events by how precisely they are dated (rows) and placed (columns)")
app_downloads.chart_menu(ctx, "precision")
left, right = st.columns(2, gap="large")
with left:
    fig = app.chart(ctx, "date_precision_by_source")
    app.plot(fig, key="quality-date")
    app.caption(ctx, "Share of each outlet's events by date precision")
    app_downloads.chart_menu(ctx, "date_precision_by_source")
with right:
    fig = app.chart(ctx, "geo_precision_by_source")
    app.plot(fig, key="quality-geo")
    app.caption(ctx, "Share of each outlet's events by geo precision")
    app_downloads.chart_menu(ctx, "geo_precision_by_source")
