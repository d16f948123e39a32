"""Who and what: counts by agency and theme, agency x theme, theme trends, agency share by province.

Every bar carries its canonical value (agency name, theme id, province) in ``customdata``
so a click can become a filter. An event with several agencies or themes counts once under
each; the axis titles say so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import aggregate, vocab
from . import style

BAR_HEIGHT = 30  # px per bar: readable labels on a projector


def counts_bar(events: pd.DataFrame, *, by: str = "agency", top: int = 15,
               colour: str = style.CATEGORICAL[0]) -> go.Figure:
    """Horizontal bars of events per agency/theme/province/source, largest on top."""
    counts = aggregate.counts_by(events, by)
    named = counts[[not str(v).startswith("(") for v in counts.index]].head(top)
    none = counts[[str(v).startswith("(") for v in counts.index]]
    counts = pd.concat([named, none])
    labels = [aggregate.label(by, v) for v in counts.index]
    fig = go.Figure(go.Bar(
        x=counts.to_numpy(), y=[style.hover_escape(x, 45) for x in labels], orientation="h",
        marker_color=[style.GREY if str(v).startswith("(") else colour for v in counts.index],
        customdata=np.array(counts.index, dtype=object), text=counts.map("{:,}".format).to_numpy(),
        textposition="outside", textangle=0, cliponaxis=False,
        hovertemplate="%{y}<br>%{x:,} events<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = float(counts.max()) if len(counts) else 1.0
    fig.update_xaxes(title_text="events", range=[0, top * 1.15])
    style.base_layout(fig, height=max(220, 60 + BAR_HEIGHT * len(counts)), legend=False)
    fig.update_layout(clickmode="event+select", dragmode=False)
    return fig


def agency_counts(events: pd.DataFrame, *, top: int = 15) -> go.Figure:
    return counts_bar(events, by="agency", top=top, colour=style.CATEGORICAL[0])


def theme_counts(events: pd.DataFrame, *, top: int = 18) -> go.Figure:
    return counts_bar(events, by="theme", top=top, colour=style.CATEGORICAL[1])


def agency_theme_heatmap(events: pd.DataFrame, *, top_agencies: int = 10,
                         top_themes: int = 12) -> go.Figure:
    """Events per agency (rows) and theme (columns), with the counts written in the cells."""
    table = aggregate.crosstab(events, "agency", "theme", top_rows=top_agencies,
                               top_cols=top_themes)
    if table.empty:
        return _empty_heatmap()
    x = [style.hover_escape(aggregate.label("theme", c)) for c in table.columns]
    y = [style.hover_escape(r) for r in table.index]
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=x, y=y, colorscale=style.sequential_scale(), xgap=1, ygap=1,
        texttemplate="%{z:,}", textfont=dict(size=style.FONT_SIZE - 3),
        customdata=np.array([[(r, c) for c in table.columns] for r in table.index], dtype=object),
        hovertemplate="%{y}<br>%{x}<br>%{z:,} events<extra></extra>",
        colorbar=dict(title=dict(text="events"), thickness=12),
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=-35, automargin=True)
    style.base_layout(fig, height=max(320, 140 + 34 * len(y)), legend=False)
    return fig


def _empty_heatmap() -> go.Figure:
    return style.base_layout(go.Figure(go.Heatmap(z=[[]])), height=240, legend=False)


def theme_small_multiples(events: pd.DataFrame, *, granularity: str = "year", top: int = 8,
                          columns: int = 4) -> go.Figure:
    """One small area chart per theme (the ``top`` most frequent), events per period.

    Each panel has its own y scale so that rare themes still show their shape; panel titles
    give the total.
    """
    counts = aggregate.counts_by_period(events, granularity, by="theme", top=top).table
    totals = counts.groupby("value")["events"].sum()
    themes = sorted((t for t in totals.index if t != aggregate.OTHER and not t.startswith("(")),
                    key=lambda t: (-totals[t], t))[:top]
    if not themes:
        return style.base_layout(go.Figure(), height=240, legend=False)
    rows = -(-len(themes) // columns)
    titles = [style.hover_escape(f"{aggregate.label('theme', t)} ({totals[t]:,})") for t in themes]
    fig = make_subplots(rows=rows, cols=min(columns, len(themes)), shared_xaxes=True,
                        subplot_titles=titles, vertical_spacing=0.16 / rows + 0.06,
                        horizontal_spacing=0.05)
    periods = pd.Index(sorted(counts["period"].unique()))
    colour = style.colours(themes)
    for i, t in enumerate(themes):
        series = counts[counts["value"] == t].set_index("period")["events"].reindex(periods, fill_value=0)
        fig.add_trace(go.Scatter(
            x=series.index, y=series.to_numpy(), mode="lines", fill="tozeroy",
            line=dict(color=colour[t], width=2), name=titles[i], customdata=np.full(len(series), t),
            hovertemplate=f"{titles[i]}<br>%{{x|%Y}}: %{{y:,}} events<extra></extra>"),
            row=i // columns + 1, col=i % columns + 1)
    fig.update_yaxes(rangemode="tozero", nticks=3)
    fig.update_annotations(font_size=style.FONT_SIZE - 1)
    style.base_layout(fig, height=60 + 190 * rows, legend=False)
    fig.update_layout(margin=dict(t=40))
    return fig


def agency_share_by_province(events: pd.DataFrame, *, top: int = 6) -> go.Figure:
    """For each province with events, the share of its events naming each agency.

    Border provinces are marked with ◆. Shares of agency mentions (an event naming two
    agencies counts under both), so each bar adds up to 100%; provinces whose events name no
    agency are left out.
    """
    table = aggregate.crosstab(events, "province", "agency")
    table = table.drop(index=[i for i in table.index if i.startswith("(")], errors="ignore")
    table = table.drop(columns=[c for c in table.columns if c.startswith("(")], errors="ignore")
    named = list(table.columns[:top])  # columns come largest first
    other = table.drop(columns=named).sum(axis=1)
    table = table.loc[:, named]
    if other.any():
        table[aggregate.OTHER] = other
    order = [p for p in vocab.province_names() if p in table.index]
    table = table.reindex(order)
    table = table.loc[table.sum(axis=1) > 0]  # provinces whose events name no agency
    share = aggregate.shares(table)
    border = set(vocab.border_provinces())
    y = [f"◆ {p}" if p in border else p for p in table.index]
    colour = style.colours(list(table.columns))
    fig = go.Figure()
    for agency in table.columns:
        fig.add_bar(
            x=share[agency].to_numpy(), y=y, orientation="h", name=style.hover_escape(agency),
            marker_color=colour[agency], customdata=np.stack(
                [table.index.to_numpy(dtype=object), table[agency].to_numpy()], axis=1),
            hovertemplate=(f"%{{customdata[0]}}<br>{style.hover_escape(agency)}: "
                           "%{x:.0%} (%{customdata[1]:,} events)<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=".0%", range=[0, 1], title_text="share of agency mentions")
    fig.update_yaxes(autorange="reversed", automargin=True)
    style.base_layout(fig, height=max(260, 110 + BAR_HEIGHT * len(y)))
    return fig
