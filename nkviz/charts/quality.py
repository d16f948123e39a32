"""How good is the data: events by date and geo precision, overall and per outlet.

Analysts need to know how much of a view rests on events dated only to a year or placed
only in a province before they read a trend off it; these charts show that mix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import aggregate
from ..errors import ConfigError
from ..schema import DATE_PRECISIONS, GEO_PRECISIONS
from . import style

# Precise to vague: dark blue to light, "unknown" grey (ordered, colour-blind safe).
PRECISION_COLOURS = {
    "date": dict(zip(DATE_PRECISIONS, ("#0072B2", "#56B4E9", "#B9DDF1", style.GREY))),
    "geo": dict(zip(GEO_PRECISIONS, ("#009E73", "#5CC3A3", "#A8DFCB", "#D9F0E6", style.GREY))),
}
KIND_COLUMN = {"date": "date_precision", "geo": "geo_precision"}
KIND_WORDS = {"date": "dated to the", "geo": "placed to the"}


def precision_mix(events: pd.DataFrame) -> go.Figure:
    """Events per (date precision, geo precision), with counts and shares in the cells."""
    table = aggregate.crosstab(events, "date_precision", "geo_precision")
    table = table.reindex(index=list(DATE_PRECISIONS), columns=list(GEO_PRECISIONS), fill_value=0)
    total = max(int(table.to_numpy().sum()), 1)
    text = [[f"{v:,}<br>{v / total:.0%}" for v in row] for row in table.to_numpy()]
    data = [dict(
        type="heatmap", z=table.to_numpy(), x=[f"geo: {g}" for g in GEO_PRECISIONS],
        y=[f"date: {d}" for d in DATE_PRECISIONS], text=text, texttemplate="%{text}",
        colorscale=style.sequential_scale(), xgap=2, ygap=2, showscale=False,
        hovertemplate="%{y}, %{x}<br>%{z:,} events<extra></extra>",
    )]
    return style.figure(data, dict(yaxis=dict(autorange="reversed")), height=320, legend=False)


def precision_by_source(events: pd.DataFrame, *, kind: str = "date", top: int = 12) -> go.Figure:
    """Per outlet (the ``top`` largest), the share of its events at each precision."""
    if kind not in KIND_COLUMN:
        raise ConfigError(f"unknown precision kind {kind!r}; choose one of {', '.join(KIND_COLUMN)}")
    table = aggregate.crosstab(events, "source", KIND_COLUMN[kind])
    codes = list(PRECISION_COLOURS[kind])
    table = table.reindex(columns=codes, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    share = aggregate.shares(table)
    y = [f"{style.hover_escape(s, 30)} ({n:,})" for s, n in zip(table.index, table.sum(axis=1))]
    data = [dict(
        type="bar", x=share[code].to_numpy(), y=y, orientation="h", name=code,
        marker=dict(color=PRECISION_COLOURS[kind][code]),
        customdata=np.stack([table.index.to_numpy(dtype=object), table[code].to_numpy()], axis=1),
        hovertemplate=(f"%{{customdata[0]}}<br>{KIND_WORDS[kind]} {code}: %{{x:.0%}} "
                       "(%{customdata[1]:,} events)<extra></extra>"))
        for code in codes]
    layout = dict(barmode="stack", legend=dict(title=dict(text=f"{kind} precision")),
                  xaxis=dict(tickformat=".0%", range=[0, 1]),
                  yaxis=dict(autorange="reversed", automargin=True))
    return style.figure(data, layout, height=max(240, 110 + 30 * len(y)))


def date_precision_by_source(events: pd.DataFrame, *, top: int = 12) -> go.Figure:
    return precision_by_source(events, kind="date", top=top)


def geo_precision_by_source(events: pd.DataFrame, *, top: int = 12) -> go.Figure:
    return precision_by_source(events, kind="geo", top=top)
