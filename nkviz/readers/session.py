"""One load: read sources, name reports, drop duplicates, and keep the accounts.

Every file ends up in the :class:`IngestReport`: one entry per record or post it held, or
one entry for the whole file when it was rejected. Report ids are the file stem,
``stem#n`` for the n-th record or post, and ``stem~2``, ``stem~3`` ... when another file
of the load already used the stem (files are read in a fixed order, so ids are stable).
"""

from __future__ import annotations

import traceback

from ..ingest_report import ACCEPTED, DUPLICATE, Entry, IngestReport, Problem
from ..schema import Report
from . import detect
from .base import Meta, Options, Parsed, Piece, Rejected, check_text
from .dedupe import Deduper, clean_url
from .dispatch import read_document, read_sidecar
from .inputs import Source, ext_of, gunzip, stem_of, zip_sources
from .language import detect_language
from .metadata import date_from_filename, date_from_url
from .outlets import source_for


class Session:
    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.reports: list[Report] = []
        self.ingest = IngestReport()
        self._dedupe = Deduper()
        self._stems: set[str] = set()

    def reject(self, name: str, reason: str, detail: str, record: str = "") -> None:
        self.ingest.reject(name, reason, f"{name} {detail}", record)

    def read_source(self, src: Source) -> None:
        if src.size > self.opts.max_bytes:
            self.reject(src.name, "too_large", _too_large(src.size, self.opts.max_bytes))
            return
        try:
            data = src.load()
        except OSError as err:
            self.reject(src.name, "unreadable", f"could not be read ({_why(err)})")
            return
        hint = self._sidecar(src)
        self.read_data(src.name, src.filename, data, hint, src.depth)

    def read_data(self, name: str, filename: str, data: bytes, hint: Meta,
                  depth: int = 0) -> None:
        if len(data) > self.opts.max_bytes:
            self.reject(name, "too_large", _too_large(len(data), self.opts.max_bytes))
            return
        kind = detect.binary_kind(data, ext_of(filename))
        if kind == detect.ZIP:
            self._read_zip(name, data, depth)
        elif kind == detect.GZIP:
            self._read_gzip(name, filename, data, hint, depth)
        else:
            self._read_file(name, filename, data, hint, kind)

    def _read_zip(self, name: str, data: bytes, depth: int) -> None:
        if depth >= 3:
            self.reject(name, "unsupported", "is a zip archive nested too deeply")
            return
        sources, problem = zip_sources(name, data, depth)
        if problem:
            self.reject(name, "unreadable", problem)
        elif not sources:
            self.reject(name, "empty", "is a zip archive with no files in it")
        for src in sources:
            self.read_source(src)

    def _read_gzip(self, name: str, filename: str, data: bytes, hint: Meta,
                   depth: int) -> None:
        try:
            inner = gunzip(data, self.opts.max_bytes)
        except OSError as err:
            self.reject(name, "unreadable", f"could not be unpacked ({_why(err)})")
            return
        inner_name = filename[:-3] if filename.lower().endswith(".gz") else filename + ".out"
        self.read_data(name, inner_name, inner, hint, depth + 1)

    def _sidecar(self, src: Source) -> Meta:
        if src.load_sidecar is None:
            return Meta()
        try:
            meta, problem = read_sidecar(src.load_sidecar())
        except OSError as err:
            meta, problem = Meta(), f"could not be read ({_why(err)})"
        if problem:
            self.ingest.problems.append(Problem(src.name, "", "bad_metadata",
                                                f"sidecar {src.sidecar_name} {problem}"))
        return meta

    def _read_file(self, name: str, filename: str, data: bytes, hint: Meta,
                   kind: str | None) -> None:
        try:
            parsed = read_document(data, ext_of(filename), self.opts, hint, kind)
        except Exception as err:  # a reader bug must not lose the rest of the load
            self.ingest.problems.append(Problem(name, "", "internal_error",
                                                traceback.format_exc(limit=-3)))
            parsed = Parsed.rejected("unreadable", "could not be read because of an error "
                                                   f"in nkviz ({type(err).__name__}: {err})")
        for record, reason, detail in parsed.problems:
            self.ingest.problems.append(Problem(name, record, reason, detail))
        if not parsed.items:
            parsed.items.append(Rejected("empty", "holds no report text"))
        stem = None
        for item in parsed.items:
            if isinstance(item, Piece):
                stem = stem or self._claim(stem_of(filename))
                self._accept(name, filename, stem, item, hint, parsed.note)
            else:
                self.reject(name, item.reason, item.detail, item.record)

    def _claim(self, stem: str) -> str:
        """The stem, or stem~2, stem~3 ... if another file already used it."""
        candidate, n = stem, 1
        while candidate in self._stems:
            n += 1
            candidate = f"{stem}~{n}"
        self._stems.add(candidate)
        return candidate

    def _accept(self, name: str, filename: str, stem: str, piece: Piece, hint: Meta,
                note: str) -> None:
        report_id = f"{stem}#{piece.index}" if piece.index else stem
        bad = check_text(piece.text, self.opts.max_report_chars)
        if bad:
            where = piece.record or "it"
            self.reject(name, bad[0], f"({where}) {bad[1]}" if piece.record else bad[1],
                        piece.record)
            return
        report = self._report(name, filename, report_id, piece, hint)
        dup = self._dedupe.check(report_id, report.url, report.text)
        if dup:
            reason, first = dup
            self.ingest.add(Entry(name, piece.record, DUPLICATE, reason,
                                  f"{name} {piece.record} repeats report {first} "
                                  f"({reason})".replace("  ", " "), report_id,
                                  duplicate_of=first))
            return
        self.reports.append(report)
        self.ingest.add(Entry(name, piece.record, ACCEPTED, "", note, report_id))

    def _report(self, name: str, filename: str, report_id: str, piece: Piece,
                hint: Meta) -> Report:
        whole_file = piece.index == 0
        meta = hint.over(piece.meta) if whole_file else piece.meta.over(
            Meta(source=hint.source, language=hint.language))
        published = (meta.published or date_from_url(meta.url)
                     or (date_from_filename(stem_of(filename)) if whole_file else None))
        date, precision = published or (None, "unknown")
        return Report(
            report_id=report_id, text=piece.text, title=meta.title,
            source=source_for(meta.source, meta.url), url=clean_url(meta.url), published=date,
            published_precision=precision,
            language=meta.language or detect_language(piece.text), input=name,
            record=piece.record)


def _too_large(size: int, limit: int) -> str:
    return (f"is {size / 2**20:,.1f} MB, larger than the {limit / 2**20:,.0f} MB nkviz "
            "reads (raise max_bytes to read it)")


def _why(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err) or type(err).__name__
