"""Readers: files, folders, zips and uploads in; :class:`~nkviz.schema.Report` objects out,
with every input accounted for in an :class:`~nkviz.ingest_report.IngestReport`.

Formats (detected from content first, extension second): plain text and Markdown (YAML,
TOML, Pandoc or "Key: value" front matter; sidecar ``NAME.json``; dates in file names),
listing pages holding many posts, saved web pages (.html, .mhtml), CSV/TSV, JSON, JSONL,
XLSX, RSS/Atom, .docx and text-layer PDFs; zip and gzip archives are opened and their
members read like files ("bundle.zip!dir/member.txt"). Any common encoding is decoded.

Report ids: the file stem; ``stem#n`` for the n-th record, item or post of a file;
``stem~2``, ``stem~3`` ... for a later file whose stem an earlier file of the same load
already used (e.g. ``2019/report.txt`` and ``2020/report.txt``). Files are read in the
order given and folders in sorted order, so ids are the same on every run.

Metadata precedence for a whole-file report: sidecar > the file's own metadata (front
matter, page meta tags) > what the text shows (headline line, date line) > a date in the
URL > a date in the file name.

Accounting: ``records == accepted + rejected + duplicates`` always holds; duplicates
(same normalised URL or same normalised text) are entries with ``duplicate_of``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath

from ..errors import ConfigError
from ..ingest_report import IngestReport, Problem
from ..schema import Report
from .base import Meta, Options
from .fields import REPORT_FIELDS
from .inputs import walk
from .session import Session

MAX_BYTES = Options.max_bytes

__all__ = ["read_paths", "read_bytes", "MAX_BYTES"]


def read_paths(paths: Iterable[str | Path], *, text_field: str | None = None,
               field_map: Mapping[str, str] | None = None,
               max_bytes: int = MAX_BYTES) -> tuple[list[Report], IngestReport]:
    """Read files, folders (recursively) and zip archives into reports.

    ``text_field`` names the column or key holding report text in CSV/JSON inputs;
    ``field_map`` maps report fields (title, published, source, url, language) to column
    names. Files larger than ``max_bytes`` are rejected as too_large.
    """
    if isinstance(paths, (str, PurePath)):
        paths = [paths]
    session = Session(_options(text_field, field_map, max_bytes))
    seen: set[str] = set()
    for path in paths:
        found = False
        for src in walk(Path(path), lambda name, why: session.reject(name, "unreadable", why)):
            found = True
            key = _identity(src.name)
            if key in seen:
                continue  # the same file reached twice (a folder and a file in it)
            seen.add(key)
            session.read_source(src)
        if not found and Path(path).is_dir():
            session.ingest.problems.append(Problem(
                str(path), "", "empty", f"{path} holds no files nkviz reads (hidden files, "
                                        "sidecars and browser asset folders are skipped)"))
    return session.reports, session.ingest


def read_bytes(name: str, data: bytes, *, text_field: str | None = None,
               field_map: Mapping[str, str] | None = None,
               max_bytes: int = MAX_BYTES) -> tuple[list[Report], IngestReport]:
    """Read an uploaded file (a zip included) as if it were a file called ``name``."""
    session = Session(_options(text_field, field_map, max_bytes))
    filename = PurePath(name).name or "upload"
    session.read_data(name or "upload", filename, bytes(data), Meta())
    return session.reports, session.ingest


def _options(text_field, field_map, max_bytes) -> Options:
    field_map = dict(field_map or {})
    unknown = sorted(set(field_map) - set(REPORT_FIELDS))
    if unknown:
        raise ConfigError(f"field_map has unknown report fields {unknown}; choose from "
                          f"{', '.join(REPORT_FIELDS)}")
    if max_bytes <= 0:
        raise ConfigError("max_bytes must be a positive number of bytes")
    return Options(text_field=text_field, field_map=tuple(field_map.items()),
                   max_bytes=int(max_bytes))


def _identity(name: str) -> str:
    """Cheap identity of a file name (no system calls): paths given twice, e.g. a folder
    and a file inside it, or with different spellings of the same relative path."""
    return os.path.normcase(os.path.abspath(name))
