"""The loader: input files in, the canonical events table and its accounting out.

    result = load_paths(["reports/"])
    result.events    # canonical event frame (nkviz.schema)
    result.reports   # the reports behind them, text included
    result.ingest    # every file and record: accepted, rejected (and why), duplicate

I/O happens in the readers; extraction is pure. Parsed reports are cached by content hash
(:mod:`nkviz.cache`), so reloading an unchanged corpus costs one hash pass and one read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schema
from .cache import Store, digest
from .extract.events import extract_events
from .geo.gazetteer import Gazetteer
from .ingest_report import ACCEPTED, IngestReport
from .readers import read_bytes, read_paths

PROGRESS_MIN_REPORTS = 200


@dataclass
class LoadResult:
    events: pd.DataFrame
    reports: pd.DataFrame
    ingest: IngestReport


def load_paths(paths: Iterable[str | Path], *, geocoder=None, store: Store | None = None,
               progress: bool = False, text_field: str | None = None,
               field_map: dict[str, str] | None = None) -> LoadResult:
    """Load files, folders (recursive) and zips into events, with every input accounted for."""
    paths = [Path(p) for p in paths]
    store = store if store is not None else Store()
    key = None
    if geocoder is None:  # online answers change over time: only offline loads are cached whole
        key = digest(_inputs_digest(paths), repr(text_field), repr(sorted((field_map or {}).items())))
        hit = store.get("corpus", key)
        if isinstance(hit, LoadResult):
            return hit
    reports, ingest = read_paths(paths, text_field=text_field, field_map=field_map)
    result = extract_all(reports, ingest, geocoder=geocoder, store=store, progress=progress)
    if key is not None:
        store.put("corpus", key, result)
    return result


def load_bytes(name: str, data: bytes, *, geocoder=None, store: Store | None = None,
               text_field: str | None = None) -> LoadResult:
    """Load one uploaded file (a zip included) the same way as a file on disk."""
    reports, ingest = read_bytes(name, data, text_field=text_field)
    store = store if store is not None else Store()
    return extract_all(reports, ingest, geocoder=geocoder, store=store)


def extract_all(reports: list[schema.Report], ingest: IngestReport, *, geocoder=None,
                store: Store | None = None, progress: bool = False) -> LoadResult:
    """Events of every report, reusing cached ones, and the event counts in the accounting."""
    store = store if store is not None else Store(enabled=False)
    gazetteer = Gazetteer.default()
    known: dict = (store.get("events", "index") or {}) if geocoder is None else {}
    fresh: dict = {}
    rows: list[dict] = []
    counts: dict[str, int] = {}
    for report in _progress(reports, progress):
        h = report.content_hash
        events = known.get(h)
        if events is None:
            events = [vars(e).copy() for e in extract_events(report, gazetteer=gazetteer,
                                                             geocoder=geocoder, ingest=ingest)]
            fresh[h] = events
        rows.extend(events)
        counts[report.report_id] = len(events)
    if fresh and geocoder is None:
        store.put("events", "index", {**known, **fresh})
    for entry in ingest.entries:
        if entry.status == ACCEPTED and entry.report_id in counts:
            entry.events = counts[entry.report_id]
    return LoadResult(schema.to_frame(rows), schema.reports_frame(reports), ingest)


def _progress(reports: list, enabled: bool):
    if not enabled or len(reports) < PROGRESS_MIN_REPORTS:
        return reports
    from tqdm import tqdm

    return tqdm(reports, desc="extracting", unit="report")


def _inputs_digest(paths: list[Path]) -> str:
    """Hash of every input file's name and bytes: the whole-corpus cache key."""
    h = hashlib.blake2b(digest_size=16)
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(str(f).encode("utf-8", "surrogateescape"))
            try:
                h.update(f.read_bytes())
            except OSError as exc:  # unreadable now: the readers report it; key on the error
                h.update(repr(exc).encode())
    return h.hexdigest()

