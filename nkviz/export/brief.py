"""The briefing pack: what a brief needs about the current view, as a deck or a PDF.

:func:`build` gathers the content once: a title, the headline figures, the main charts
for the current filters and the latest events with their sources. :func:`to_pptx`
(:mod:`nkviz.export.deck`) and :func:`to_pdf` (:mod:`nkviz.export.pages`) lay it out.
Every text that comes from reports is cleaned of control characters here and escaped
where it is drawn (plotly renders a little HTML; python-pptx writes XML text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .. import aggregate, evidence, vocab
from .. import filters as filters_mod
from ..schema import COL
from .figures import chart_options, chart_title
from .scope import ExportScope, outlets, precision_note, source_line, subtitle

TITLE = "Repression and resistance in North Korea"
# The main charts, in the order a reader takes them in: when, where, who, what, who x what.
CHARTS = (("timeline", {"by": "theme"}), ("map", {}), ("agencies", {"top": 10}),
          ("themes", {"top": 12}), ("heatmap", {}))
TOP_EVENTS = 12
EVIDENCE_CHARS = 240
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: str
    options: dict


@dataclass
class Brief:
    scope: ExportScope
    title: str
    subtitle: str
    source: str
    description: str  # the view in one sentence
    figures: list[Figure]
    notes: list[str]  # on the precision of dates and places
    charts: list[ChartSpec]
    events: pd.DataFrame  # columns of EVENT_TABLE
    total_events: int = 0

    @property
    def generated_line(self) -> str:
        n = self.scope.reports
        return (f"Generated {self.scope.generated.isoformat()} with nkviz from {n:,} report"
                f"{'s' if n != 1 else ''} ({outlets(self.scope.events)})")


EVENT_TABLE = ("date", "place", "who and what", "evidence", "outlet", "link")


def build(scope: ExportScope, *, charts=CHARTS, top: int = TOP_EVENTS) -> Brief:
    """The content of the briefing pack for this scope (no charts when there are no events)."""
    view = scope.events
    specs = []
    if len(view):
        for name, options in charts:
            opts = chart_options(scope, name, options)
            specs.append(ChartSpec(name, chart_title(name, opts), options))
    notes = [n for n in (precision_note(view, "date"), precision_note(view, "geo")) if n]
    return Brief(scope=scope, title=TITLE, subtitle=subtitle(scope), source=source_line(scope),
                 description=filters_mod.describe(scope.filters, len(view)) + ".",
                 figures=headline_figures(view), notes=notes, charts=specs,
                 events=event_rows(view, top), total_events=len(view))


def headline_figures(view: pd.DataFrame) -> list[Figure]:
    """Six numbers that summarise the view, each with a line saying what it counts."""
    h = aggregate.headline(view)
    day = float((view[COL.DATE_PRECISION] == "day").mean()) if len(view) else 0.0
    agency = _top(view, "agency")
    theme = _top(view, "theme")
    return [
        Figure("Events", f"{h.events:,}", "incidents and developments in view"),
        Figure("Reports", f"{h.reports:,}", "reports they were read from"),
        Figure("Years", h.span(), "first to last event date"),
        Figure("Provinces", f"{h.provinces}", "with at least one event"),
        Figure("Dated to the day", f"{day:.0%}", f"{1 - day:.0%} to a month, a year or undated"),
        Figure("With a province", f"{1 - h.share_no_province:.0%}",
               "the rest: a region, the country, abroad or unknown"),
        Figure("Agency named most", agency[0], agency[1]),
        Figure("Most frequent theme", theme[0], theme[1]),
    ]


def _top(view: pd.DataFrame, by: str) -> tuple[str, str]:
    counts = aggregate.counts_by(view, by, keep_none=False)
    if counts.empty:
        return "none", "no event names one"
    value, n = counts.index[0], int(counts.iloc[0])
    return aggregate.label(by, value), f"in {n:,} of {len(view):,} events"


def event_rows(view: pd.DataFrame, top: int) -> pd.DataFrame:
    """The ``top`` latest events (by event date) as plain, cleaned table text."""
    rows = evidence.table(view, sort="newest", limit=top)
    korean = {p.name: p.korean for p in vocab.provinces()}
    place = []
    for p, province in zip(rows["place"], rows["province"]):
        where = p if p and p != province else ""
        region = f"{province} {korean.get(province, '')}".strip() if province else ""
        place.append(", ".join(x for x in (where, region) if x) or p or "unknown")
    who = [" · ".join(x for x in (_few(a), _few(t)) if x) or "—"
           for a, t in zip(rows["agencies"], rows["themes"])]
    return pd.DataFrame({
        "date": rows["date"], "place": place, "who and what": who,
        "evidence": [clean(e, EVIDENCE_CHARS) for e in rows["evidence"]],
        "outlet": [clean(o) or "unknown outlet" for o in rows["outlet"]],
        "link": [u or "" for u in rows["link"]],
    }, columns=list(EVENT_TABLE))


def _few(joined: str, n: int = 2) -> str:
    """The first ``n`` of "; "-joined labels, "+k" for the rest."""
    items = [x for x in joined.split("; ") if x]
    return ", ".join(items[:n]) + (f" +{len(items) - n}" if len(items) > n else "")


def clean(text: str, limit: int | None = None) -> str:
    """Report text fit for a slide or a page: no control characters, whitespace collapsed,
    cut at ``limit`` characters on a word boundary."""
    text = " ".join(_CONTROL.sub(" ", str(text or "")).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def to_pptx(brief: Brief) -> bytes:
    from .deck import deck_bytes

    return deck_bytes(brief)


def to_pdf(brief: Brief) -> bytes:
    from .pages import pdf_bytes

    return pdf_bytes(brief)
