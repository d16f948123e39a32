"""Score extraction against hand-labelled reports: precision and recall per field.

A labelled file is YAML: a list of reports, each with ``text`` (and optional ``title``,
``published``, ``source``, ``language``) and the ``events`` a careful reader finds in it::

    - id: arrest-onsong
      published: 2019-03-14
      text: ...
      events:
        - date: 2019-03-10          # YYYY-MM-DD, YYYY-MM, YYYY, or null when not knowable
          admin1: North Hamgyong    # canonical province, "" when abroad or unknown
          country: North Korea
          agencies: [Ministry of State Security]
          themes: [crackdown_arrest, defection_border]

Per report, each field compares the set of values over the gold events with the set over
the extracted events; counts are summed over reports (micro-averaged). Dates compare at the
gold precision: a gold month matches an extracted date in that month at month precision.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .extract.events import extract_events
from .geo.gazetteer import Gazetteer
from .readers.metadata import parse_date
from .schema import Event, Report

FIELDS = ("events", "date", "admin1", "country", "agencies", "themes")


def load_labelled(path: str | Path) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []


def report_of(item: dict) -> Report:
    published, precision = parse_date(item.get("published")) or (None, "unknown")
    return Report(
        report_id=str(item.get("id", "labelled")),
        text=item["text"],
        title=item.get("title", ""),
        source=item.get("source", ""),
        published=published,
        published_precision=precision,
        language=item.get("language", "en"),
    )


def gold_sets(item: dict) -> dict[str, set]:
    events = item.get("events") or []
    return {
        "events": set(range(len(events))),
        "date": {str(e["date"]) for e in events if e.get("date")},
        "admin1": {e["admin1"] for e in events if e.get("admin1")},
        "country": {e["country"] for e in events if e.get("country")},
        "agencies": {a for e in events for a in e.get("agencies") or ()},
        "themes": {t for e in events for t in e.get("themes") or ()},
    }


def predicted_sets(events: list[Event], gold: dict[str, set]) -> dict[str, set]:
    return {
        "events": set(range(len(events))),
        "date": {_date_key(e, gold["date"]) for e in events if e.date is not None},
        "admin1": {e.admin1 for e in events if e.admin1},
        "country": {e.country for e in events if e.country},
        "agencies": {a for e in events for a in e.agencies},
        "themes": {t for e in events for t in e.themes},
    }


def _date_key(e: Event, gold_dates: set[str]) -> str:
    """The extracted date written at the precision of the gold date it could match."""
    day = e.date.isoformat() if isinstance(e.date, dt.date) else str(e.date)[:10]
    if e.date_precision == "day" and day in gold_dates:
        return day
    for g in sorted(gold_dates, key=len, reverse=True):
        if len(g) in (4, 7) and day.startswith(g) and _coarser_or_same(e.date_precision, g):
            return g
    return {"day": day, "month": day[:7], "year": day[:4]}.get(e.date_precision, day)


def _coarser_or_same(precision: str, gold: str) -> bool:
    wanted = {4: "year", 7: "month"}[len(gold)]
    order = ["day", "month", "year"]
    return precision in order and order.index(precision) <= order.index(wanted) + 0


def evaluate(items: list[dict], *, gazetteer: Gazetteer | None = None) -> dict:
    """Precision, recall and F1 per field, plus the items with the largest misses."""
    gazetteer = gazetteer or Gazetteer.default()
    tp = {f: 0 for f in FIELDS}
    n_pred = {f: 0 for f in FIELDS}
    n_gold = {f: 0 for f in FIELDS}
    misses = []
    for item in items:
        gold = gold_sets(item)
        events = extract_events(report_of(item), gazetteer=gazetteer)
        pred = predicted_sets(events, gold)
        for f in FIELDS:
            hit = len(gold[f]) if f == "events" else len(gold[f] & pred[f])
            hit = min(len(gold[f]), len(pred[f])) if f == "events" else hit
            tp[f] += hit
            n_pred[f] += len(pred[f])
            n_gold[f] += len(gold[f])
            if f != "events" and gold[f] != pred[f]:
                misses.append({"id": item.get("id"), "field": f,
                               "missing": sorted(map(str, gold[f] - pred[f])),
                               "extra": sorted(map(str, pred[f] - gold[f]))})
    scores = {f: _prf(tp[f], n_pred[f], n_gold[f]) for f in FIELDS}
    return {"reports": len(items), "fields": scores, "misses": misses}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def evaluate_file(path: str | Path) -> dict:
    return evaluate(load_labelled(path))


def format_scores(scores: dict) -> str:
    lines = [f"{scores['reports']} labelled reports",
             f"{'field':10} {'precision':>9} {'recall':>7} {'f1':>6}  (tp/predicted/gold)"]
    for f, s in scores["fields"].items():
        lines.append(f"{f:10} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f}  "
                     f"({s['tp']}/{s['predicted']}/{s['gold']})")
    return "\n".join(lines)
