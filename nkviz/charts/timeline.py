"""Events over time: stacked counts per period, and a strip with one mark per event.

Dates come at mixed precision and the charts say so rather than hide it: bars hold only
events dated precisely enough for their period (the figure's note counts the rest), and
in the strip a day is a dot while a month or a year is drawn as a line across its span
with a hollow marker at its middle. Reference moments are dashed lines with their labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import aggregate, moments as moments_mod
from ..schema import COL
from . import style

PERIOD_FORMAT = {"week": "week of %d %b %Y", "month": "%B %Y", "quarter": "Q%q %Y", "year": "%Y"}
BY_TITLE = {None: "", "theme": "Theme", "agency": "Agency", "province": "Province",
            "source": "Outlet"}
STRIP_CAP = 2000  # marks in the strip; more would send megabytes of hover text
EVIDENCE_CHARS = 160


def note(fig: go.Figure) -> str:
    """The sentence a chart stores about what it could not show ("" when nothing)."""
    meta = fig.layout.meta
    return (meta or {}).get("note", "") if isinstance(meta, dict) else ""


def events_over_time(events: pd.DataFrame, *, granularity: str = "month", by: str | None = None,
                     top: int = 7, moments: pd.DataFrame | None = None,
                     range_slider: bool = True, height: int = 420) -> go.Figure:
    """Stacked bars of events per week/month/quarter/year, coloured by ``by``."""
    counts = aggregate.counts_by_period(events, granularity, by=by, top=top)
    table = counts.table
    order = _legend_order(table)
    colour = style.colours([aggregate.label(by, v) for v in order])
    fmt = PERIOD_FORMAT[granularity]
    data = []
    for value in order:
        part = table[table["value"] == value]
        name = aggregate.label(by, value) if by else "Events"
        data.append(dict(
            type="bar", x=part["period"].to_numpy(), y=part["events"].to_numpy(), name=name,
            marker=dict(color=colour.get(name, style.CATEGORICAL[0]), line=dict(width=0)),
            customdata=np.full(len(part), value, dtype=object),
            hovertemplate=(f"%{{x|{fmt}}}<br>{BY_TITLE[by] + ': ' if by else ''}"
                           f"{style.hover_escape(name)}<br>%{{y:,}} events<extra></extra>"),
        ))
    layout = dict(
        barmode="stack", bargap=0.05 if granularity in ("week", "month") else 0.15,
        yaxis=dict(title=dict(text="events" + (" (an event counts once per label)"
                                               if by in ("theme", "agency") else "")),
                   rangemode="tozero"),
        xaxis=dict(type="date", rangeslider=dict(visible=range_slider, thickness=0.07)),
        meta={"note": _left_out_note(counts.left_out, granularity)},
    )
    if moments is not None and len(table):
        shown = moments_mod.between(moments, table["period"].min(),
                                    table["period"].max() + pd.Timedelta(days=366))
        if len(shown):
            layout["yaxis"]["domain"] = [0, MOMENT_BAND]
            height = int(height / MOMENT_BAND * 0.8)
            layout["shapes"], layout["annotations"] = moment_marks(shown, top=MOMENT_BAND)
    return style.figure(data, layout, height=height, legend=by is not None)


def _legend_order(table: pd.DataFrame) -> list[str]:
    totals = table.groupby("value")["events"].sum().sort_values(ascending=False)
    order = [v for v in totals.index if v != aggregate.OTHER]
    return order + ([aggregate.OTHER] if aggregate.OTHER in totals.index else [])


def _left_out_note(left_out: dict[str, int], granularity: str) -> str:
    words = {"month": "only to the month", "year": "only to the year", "unknown": "with no date"}
    parts = [f"{n:,} dated {words[k]}" if k != "unknown" else f"{n:,} {words[k]}"
             for k, n in left_out.items() if n and k in words]
    if not parts:
        return ""
    return (f"Not in the {granularity}ly bars: " + ", ".join(parts)
            + ". Choose a coarser period to count them.")


MOMENT_BAND = 0.64  # with labelled moments, bars use the lower 64% and labels the band above
MOMENT_LABEL_CHARS = 26


def moment_marks(moments: pd.DataFrame, *, labels: bool = True,
                 top: float = 1.0) -> tuple[list[dict], list[dict]]:
    """Layout shapes and annotations for reference moments: dotted lines (shaded spans for
    periods) up to ``top`` (paper height), with labels written upright above it."""
    shapes, notes = [], []
    for m in moments.itertuples(index=False):
        if m.date_end > m.date + pd.Timedelta(days=1):
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=m.date, x1=m.date_end,
                               y0=0, y1=top, fillcolor=style.GREY, opacity=0.15, line_width=0,
                               layer="below"))
        shapes.append(dict(type="line", xref="x", yref="paper", x0=m.date, x1=m.date, y0=0,
                           y1=top + (0.02 if labels else 0),
                           line=dict(dash="dot", width=1.2, color=style.NEUTRAL_LINE)))
        if labels:
            hover = f"{m.label} ({m.kind}, {m.date:%d %b %Y})" if m.kind else m.label
            notes.append(dict(x=m.date, xref="x", y=top + 0.025, yref="paper", showarrow=False,
                              text=style.hover_escape(m.label, MOMENT_LABEL_CHARS), textangle=-90,
                              xanchor="center", yanchor="bottom", font=dict(size=style.FONT_SIZE - 4),
                              hovertext=style.hover_escape(hover)))
    return shapes, notes


def add_moments(fig: go.Figure, moments: pd.DataFrame, *, labels: bool = True,
                top: float = 1.0) -> go.Figure:
    """Add :func:`moment_marks` to an existing figure (e.g. an export); returns ``fig``."""
    shapes, notes = moment_marks(moments, labels=labels, top=top)
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes,
                      annotations=list(fig.layout.annotations) + notes)
    return fig


def event_strip(events: pd.DataFrame, *, by: str = "theme", top: int = 7, cap: int = STRIP_CAP,
                moments: pd.DataFrame | None = None, seed: int = 0, height: int = 460) -> go.Figure:
    """One mark per dated event, in the row of its most common ``by`` value (the hover
    lists all its labels). Month- and year-dated events are lines across their span.

    At most ``cap`` events are drawn (a seeded random sample); the note says so.
    """
    dated_mask = events[COL.DATE].notna().to_numpy()
    n_dated = int(dated_mask.sum())
    pick = np.flatnonzero(dated_mask)
    if n_dated > cap:
        pick = np.sort(np.random.default_rng(seed).choice(pick, size=cap, replace=False))
    shown = events.iloc[pick]
    keep = aggregate.top_values(shown, by, top)
    row_of = _row_of(shown, by, keep)
    rows = [v for v in keep if (row_of == v).any()] + sorted(set(row_of) - set(keep))
    names = [aggregate.label(by, v) for v in rows]
    colour = style.colours(names)
    data = _strip_traces(shown, row_of, rows, names, colour, _hover_texts(shown),
                         np.random.default_rng(seed)) if len(shown) else []
    layout = dict(
        yaxis=dict(tickvals=list(range(len(rows))), ticktext=[style.hover_escape(n, 40) for n in names],
                   autorange="reversed", showgrid=False, zeroline=False),
        xaxis=dict(type="date"), meta={"note": _strip_note(events, shown, n_dated, by)},
    )
    if moments is not None and len(shown):
        layout["shapes"], _ = moment_marks(
            moments_mod.between(moments, shown[COL.DATE].min(), shown[COL.DATE_END].max()), labels=False)
    return style.figure(data, layout, height=max(height, 60 + 38 * len(rows)), legend=False)


def _strip_note(events, shown, n_dated: int, by: str) -> str:
    parts = []
    if n_dated > len(shown):
        parts.append(f"Showing a random sample of {len(shown):,} of {n_dated:,} dated events.")
    if len(events) > n_dated:
        parts.append(f"{len(events) - n_dated:,} undated events are not drawn.")
    parts.append("Dots: events dated to the day; lines with a hollow diamond: events dated only "
                 "to a month or a year, drawn across that span.")
    if by in ("theme", "agency"):
        parts.append(f"Each event sits in the row of its most common {by}.")
    return " ".join(parts)


def _row_of(events: pd.DataFrame, by: str, keep: list[str]) -> np.ndarray:
    """Per event, the strip row it goes in: its highest-ranked value of ``by``, else Other."""
    pairs = aggregate.long(events, by)
    rank = {v: i for i, v in enumerate(keep)}
    value = pairs["value"].astype(str).to_numpy()
    score = np.array([rank.get(v, len(keep) + (0 if v.startswith("(") else 1)) for v in value])
    pairs = pairs.assign(score=score, value=value).sort_values(["pos", "score"], kind="stable")
    first = pairs.drop_duplicates("pos")
    out = np.where(first["score"].to_numpy() < len(keep), first["value"].to_numpy(),
                   np.where(first["value"].str.startswith("(").to_numpy(),
                            first["value"].to_numpy(), aggregate.OTHER))
    return out.astype(object)


def _strip_traces(shown, row_of, rows, names, colour, hover, rng) -> list[dict]:
    """Dots for day-dated events; lines plus hollow mid-marks for month/year spans.

    Few traces (colour by row number through a stepped scale, one line trace per row) keep
    the figure quick to build: plotly checks colour-name arrays one by one, numbers at once.
    """
    y = pd.Series(range(len(rows)), index=rows).reindex(row_of).to_numpy()
    jitter = np.round(y + rng.uniform(-0.32, 0.32, size=len(y)), 3)
    scale = dict(colorscale=_stepped_scale([colour[n] for n in names]), cmin=-0.5,
                 cmax=len(names) - 0.5)
    name = np.array(names, dtype=object)[y]
    precision = shown[COL.DATE_PRECISION].to_numpy()
    start, end = shown[COL.DATE].to_numpy(), shown[COL.DATE_END].to_numpy()
    day = precision == "day"
    traces = [dict(type="scattergl", x=_days(start[day]), y=jitter[day], mode="markers",
                   name="dated to the day", text=hover[day], hovertemplate="%{text}<extra></extra>",
                   marker=dict(color=y[day], size=7, opacity=0.75, line=dict(width=0), **scale))]
    span = ~day
    for value in np.unique(name[span]):
        sel = span & (name == value)
        xs = np.empty(3 * sel.sum(), dtype=object)
        xs[0::3], xs[1::3], xs[2::3] = _days(start[sel]), _days(end[sel]), None
        ys = np.repeat(jitter[sel], 3).astype(object)
        ys[2::3] = None
        # SVG, not WebGL: one path per row is cheap, and WebGL line traces with gaps are
        # drawn wrongly by the plotly.js that ships with Streamlit.
        traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip",
                           showlegend=False, line=dict(color=colour[value], width=2), opacity=0.45))
    if span.any():
        mid = start[span] + (end[span] - start[span]) / 2
        traces.append(dict(type="scattergl", x=_days(mid), y=jitter[span], mode="markers",
                           name="dated to a month or year", text=hover[span],
                           hovertemplate="%{text}<extra></extra>",
                           marker=dict(color=y[span], size=8, symbol="diamond-open",
                                       line=dict(width=1.5), **scale)))
    return traces


def _stepped_scale(colours: list[str]) -> list[list]:
    """A plotly colorscale mapping 0, 1, 2, ... (with cmin -0.5) to the given colours."""
    n = max(len(colours), 1)
    scale = []
    for i, c in enumerate(colours):
        scale += [[i / n, c], [(i + 1) / n, c]]
    return scale or [[0, style.GREY], [1, style.GREY]]


def _days(values: np.ndarray) -> np.ndarray:
    """Dates as short ISO day strings: a tenth of the JSON of full timestamps."""
    return np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)


def _hover_texts(events: pd.DataFrame) -> np.ndarray:
    """Escaped hover text per event: date with its precision, place, labels, evidence, outlet."""
    esc, cut = style.escape, style.hover_escape
    label = aggregate.theme_labels()
    out = []
    for date, place, admin1, country, gp, themes, agencies, evidence, source in zip(
            _dates_in_words(events),
            *(events[c].tolist() for c in (
                COL.PLACE, COL.ADMIN1, COL.COUNTRY, COL.GEO_PRECISION, COL.THEMES, COL.AGENCIES,
                COL.EVIDENCE, COL.SOURCE))):
        where = place or admin1 or country or "place unknown"
        out.append(
            f"<b>{esc(date)}</b> · {esc(where)} ({gp})<br>"
            f"{esc(', '.join(agencies) or 'no agency named')}<br>"
            f"{esc(', '.join(label.get(t, t) for t in themes) or 'no theme')}<br>"
            f"<i>{style.wrap(cut(evidence, EVIDENCE_CHARS))}</i><br>{esc(source or 'unknown outlet')}")
    return np.array(out, dtype=object)


def _dates_in_words(events: pd.DataFrame) -> list[str]:
    """Each event's date as precise as it is known, as in the events table: "2019-03-12",
    "2019-03 (month only)", "2019 (year only)", "2019-11-19 to 2019-11-20", "date unknown".
    Vectorised with numpy (pandas' strftime costs more than the rest of the hover text)."""
    start = np.datetime_as_string(events[COL.DATE].to_numpy().astype("datetime64[D]"), unit="D")
    end = np.datetime_as_string(events[COL.DATE_END].to_numpy().astype("datetime64[D]"), unit="D")
    precision = events[COL.DATE_PRECISION].astype(str).to_numpy()
    words = np.select(
        [events[COL.DATE].isna().to_numpy(), precision == "month", precision == "year",
         (end != start) & (end != "NaT")],
        [np.full(len(start), "date unknown"), np.char.add(start.astype("U7"), " (month only)"),
         np.char.add(start.astype("U4"), " (year only)"),
         np.char.add(np.char.add(start, " to "), end)], start)
    return words.tolist()
