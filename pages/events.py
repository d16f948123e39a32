"""Events: the filtered events with their evidence, and one event in detail with its report."""

import streamlit as st

from nkviz import app, evidence
from nkviz.app_sidebar import choice

LIMIT = 1000

ctx = app.context()
st.title("Events", anchor=False)
if app.nothing_to_show(ctx):
    st.stop()
sort = choice("Sort by", list(evidence.SORTS), key="sort", default="newest")
rows = evidence.table(ctx.view, sort=sort, limit=LIMIT)
shown = f"the first {len(rows):,} ({sort} first) of " if len(ctx.view) > len(rows) else ""
app.caption(ctx, f"Showing {shown}these events; narrow the filters to see others. Click a "
            "column to sort what is shown, select a row for its detail below")


def _select() -> None:
    picked = st.session_state["events-table"]["selection"]["rows"]
    if picked:
        st.session_state["event"] = rows.iloc[picked[0]]["event"]


st.dataframe(
    rows, hide_index=True, width="stretch", height=420, key="events-table",
    on_select=_select, selection_mode="single-row",
    column_config={
        "link": st.column_config.LinkColumn("source", display_text="open ↗", width="small"),
        "evidence": st.column_config.TextColumn("evidence", width="large"),
        "date precision": st.column_config.TextColumn("date prec.", width="small"),
        "geo precision": st.column_config.TextColumn("geo prec.", width="small"),
    },
)

st.subheader("One event", anchor=False)
event_id = st.text_input("Event id (select a row above, or paste an id)", key="event",
                         bind="query-params").strip()
if not event_id:
    st.caption("Select a row in the table to see its report text and the words behind its "
               "date, place, agencies and themes.")
    st.stop()
event = evidence.find(ctx.data.events, event_id)
if event is None:
    st.warning(f"There is no event with the id {app.md_escape(event_id)} in this data.",
               icon=":material/search_off:")
    st.stop()
d = evidence.detail(event, ctx.data.reports)
st.markdown(f"**{app.md_escape(d.title or 'Untitled report')}**")
meta = [x for x in (d.source, f"published {d.published}") if x]
st.text(" · ".join(meta))
if d.url.startswith(("http://", "https://")):
    st.link_button("Open the source", d.url, icon=":material/open_in_new:")
st.markdown("**Evidence**")
with st.container(border=True):
    st.text(d.evidence)
st.markdown("**Why it has these labels**")
st.dataframe(d.cues, hide_index=True, width="stretch")
with st.expander("Report text (the evidence is between ⟦ and ⟧)"):
    if d.before or d.after or d.located:
        st.text(d.before + "⟦" + d.evidence + "⟧" + d.after)
    else:
        st.text("The report text is not available for this event.")
