"""Who and what: counts by agency and theme, agency x theme, theme trends, agency share by province.

Every bar carries its canonical value (agency name, theme id, province) in ``customdata``
so a click can become a filter. An event with several agencies or themes counts once under
each; the axis titles say so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import aggregate, vocab
from . import style

BAR_HEIGHT = 30  # px per bar: readable labels on a projector


def counts_bar(events: pd.DataFrame, *, by: str = "agency", top: int = 15,
               colour: str = style.CATEGORICAL[0]) -> go.Figure:
    """Horizontal bars of events per agency/theme/province/source, largest on top."""
    counts = aggregate.counts_by(events, by)
    none = np.array([str(v).startswith("(") for v in counts.index], dtype=bool)
    counts = pd.concat([counts[~none].head(top), counts[none]])
    labels = [aggregate.label(by, v) for v in counts.index]
    data = [dict(
        type="bar", x=counts.to_numpy(), y=[style.hover_escape(x, 45) for x in labels],
        orientation="h",
        marker=dict(color=[style.GREY if str(v).startswith("(") else colour for v in counts.index]),
        customdata=np.array(counts.index, dtype=object), text=counts.map("{:,}".format).to_numpy(),
        textposition="outside", textangle=0, cliponaxis=False,
        hovertemplate="%{y}<br>%{x:,} events<extra></extra>",
    )]
    most = float(counts.max()) if len(counts) else 1.0
    layout = dict(yaxis=dict(autorange="reversed", automargin=True),
                  xaxis=dict(title=dict(text="events"), range=[0, most * 1.15]),
                  clickmode="event+select", dragmode=False)
    return style.figure(data, layout, height=max(220, 60 + BAR_HEIGHT * len(counts)), legend=False)


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
        return style.figure([dict(type="heatmap", z=[[]])], height=240, legend=False)
    x = [style.hover_escape(aggregate.label("theme", c)) for c in table.columns]
    y = [style.hover_escape(r) for r in table.index]
    data = [dict(
        type="heatmap", z=table.to_numpy(), x=x, y=y, colorscale=style.sequential_scale(),
        xgap=1, ygap=1, texttemplate="%{z:,}", textfont=dict(size=style.FONT_SIZE - 3),
        hovertemplate="%{y}<br>%{x}<br>%{z:,} events<extra></extra>",
        colorbar=dict(title=dict(text="events"), thickness=12),
    )]
    layout = dict(yaxis=dict(autorange="reversed", automargin=True),
                  xaxis=dict(tickangle=-35, automargin=True))
    return style.figure(data, layout, height=max(320, 140 + 34 * len(y)), legend=False)


def theme_small_multiples(events: pd.DataFrame, *, granularity: str = "year", top: int = 8,
                          columns: int = 4) -> go.Figure:
    """One small area chart per theme (the ``top`` most frequent), events per period.

    Each panel has its own y scale so that rare themes still show their shape; panel titles
    give the total. The grid of axes is laid out here rather than with ``make_subplots``
    (which alone costs plotly a third of the rerun budget).
    """
    counts = aggregate.counts_by_period(events, granularity, by="theme", top=top).table
    totals = counts.groupby("value")["events"].sum()
    themes = sorted((t for t in totals.index if t != aggregate.OTHER and not t.startswith("(")),
                    key=lambda t: (-totals[t], t))[:top]
    if not themes:
        return style.figure([], height=240, legend=False)
    columns = min(columns, len(themes))
    rows = -(-len(themes) // columns)
    periods = pd.Index(sorted(counts["period"].unique()))
    colour = style.colours(themes)
    data, layout = [], {"annotations": []}
    for i, t in enumerate(themes):
        series = counts[counts["value"] == t].set_index("period")["events"].reindex(periods, fill_value=0)
        title = style.hover_escape(f"{aggregate.label('theme', t)} ({totals[t]:,})")
        n = "" if i == 0 else str(i + 1)
        x0, x1, y0, y1 = _cell(i, rows, columns)
        data.append(dict(
            type="scatter", x=series.index.to_numpy(), y=series.to_numpy(), mode="lines",
            fill="tozeroy", line=dict(color=colour[t], width=2), name=title, xaxis=f"x{n}",
            yaxis=f"y{n}", customdata=np.full(len(series), t, dtype=object),
            hovertemplate=f"{title}<br>%{{x|%Y}}: %{{y:,}} events<extra></extra>"))
        bottom = i + columns >= len(themes)  # dates under the lowest panel of each column
        layout[f"xaxis{n}"] = style.merge(style.AXIS, dict(domain=[x0, x1], anchor=f"y{n}",
                                                           type="date", showticklabels=bottom))
        layout[f"yaxis{n}"] = style.merge(style.AXIS, dict(domain=[y0, y1], anchor=f"x{n}",
                                                           rangemode="tozero", nticks=3))
        layout["annotations"].append(dict(
            text=title, x=(x0 + x1) / 2, y=y1, xref="paper", yref="paper", xanchor="center",
            yanchor="bottom", showarrow=False, font=dict(size=style.FONT_SIZE - 1)))
    layout["margin"] = dict(t=40)
    return style.figure(data, layout, height=60 + 190 * rows, legend=False)


def _cell(i: int, rows: int, columns: int, hgap: float = 0.05) -> tuple[float, float, float, float]:
    """Paper coordinates (x0, x1, y0, y1) of panel ``i`` in a rows x columns grid."""
    vgap = 0.16 / rows + 0.06
    w = (1 - hgap * (columns - 1)) / columns
    h = (1 - vgap * (rows - 1)) / rows
    r, c = divmod(i, columns)
    x0 = c * (w + hgap)
    y1 = 1 - r * (h + vgap)
    clip = lambda v: round(min(max(v, 0.0), 1.0), 6)  # noqa: E731 - float dust leaves [0, 1]
    return clip(x0), clip(x0 + w), clip(y1 - h), clip(y1)


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
    data = [dict(
        type="bar", x=share[agency].to_numpy(), y=y, orientation="h", name=style.hover_escape(agency),
        marker=dict(color=colour[agency]),
        customdata=np.stack([table.index.to_numpy(dtype=object), table[agency].to_numpy()], axis=1),
        hovertemplate=(f"%{{customdata[0]}}<br>{style.hover_escape(agency)}: "
                       "%{x:.0%} (%{customdata[1]:,} events)<extra></extra>"))
        for agency in table.columns]
    layout = dict(barmode="stack", xaxis=dict(tickformat=".0%", range=[0, 1],
                                              title=dict(text="share of agency mentions")),
                  yaxis=dict(autorange="reversed", automargin=True))
    return style.figure(data, layout, height=max(260, 110 + BAR_HEIGHT * len(y)))
