"""One file's bytes to :class:`Parsed`: detect the format, decode, call its reader."""

from __future__ import annotations

import json

from ..errors import InputError
from . import detect, feeds, html, office, records, text
from .base import Meta, Options, Parsed
from .decode import decode
from .fields import map_columns, meta_from


# How much longer than its report text a single-report file of each kind may be.
_MARKUP_FACTOR = {detect.TEXT: 2, detect.MARKDOWN: 2, detect.HTML: 8, detect.MHTML: 12}


def read_document(data: bytes, ext: str, opts: Options, hint: Meta,
                  kind: str | None = "") -> Parsed:
    """Pieces of one (non-archive) file. Never raises for bad data. ``kind``: the result
    of :func:`detect.binary_kind` if the caller has it already."""
    if not data:
        return Parsed.rejected("empty", "is an empty file (0 bytes)")
    if kind == "":
        kind = detect.binary_kind(data, ext)
    if kind == detect.XLSX:
        return records.read_xlsx(data, opts)
    if kind == detect.DOCX:
        return office.read_docx(data, hint)
    if kind == detect.PDF:
        return office.read_pdf(data, hint)
    if kind:
        return Parsed.rejected("unsupported", f"is {kind}, not a format nkviz reads")
    if ext in detect.NOT_REPORTS:
        return Parsed.rejected("unsupported", f"is {detect.NOT_REPORTS[ext]} (.{ext}), "
                                              "not a report")
    try:
        decoded = decode(data)
    except InputError as err:
        return Parsed.rejected("unreadable", f"could not be decoded: {err}")
    if not decoded.text.strip():
        return Parsed.rejected("empty", "holds only whitespace")
    parsed = read_text_document(decoded.text, data, ext, opts, hint)
    if decoded.encoding not in ("utf-8", "utf-8-bom"):
        parsed.note = "; ".join(filter(None, (parsed.note, f"decoded as {decoded.encoding}")))
    if decoded.lossy:
        parsed.problem("", "encoding", f"some bytes were not valid {decoded.encoding} and "
                                         "were replaced by \ufffd")
    return parsed


def read_text_document(source: str, data: bytes, ext: str, opts: Options,
                       hint: Meta) -> Parsed:
    kind = detect.text_kind(source, ext)
    limit = opts.max_report_chars * _MARKUP_FACTOR.get(kind, 0)
    if limit and len(source) > limit:  # one report, far too long: do not parse it at all
        return Parsed.rejected("too_large", f"holds {len(source):,} characters, more than "
                                            f"nkviz reads as one report")
    if kind in (detect.TEXT, detect.MARKDOWN):
        return text.read_text(source, is_markdown=kind == detect.MARKDOWN, hint=hint)
    if kind == detect.HTML:
        return html.read_html(source, hint=hint)
    if kind == detect.FEED:
        return feeds.read_feed(source)
    if kind == detect.JSON:
        return records.read_json(source, opts)
    if kind == detect.JSONL:
        return records.read_jsonl(source, opts)
    if kind in (detect.CSV, detect.TSV):
        return records.read_csv(source, opts, delimiter="\t" if kind == detect.TSV else None)
    if kind == detect.MHTML:
        return office.read_mhtml(data, hint)
    root = feeds.parse_xml(source)
    name = f" <{feeds.local(root)}>" if root is not None else ""
    return Parsed.rejected("unsupported", f"is an XML document{name}, not an RSS/Atom feed "
                                          "or a web page")


def read_sidecar(data: bytes) -> tuple[Meta, str]:
    """Metadata from a sidecar NAME.json, and a problem sentence if it could not be read."""
    try:
        obj = json.loads(decode(data).text)
    except (InputError, ValueError, RecursionError) as err:
        return Meta(), f"is not valid JSON ({err}), so its metadata was ignored"
    if not isinstance(obj, dict):
        return Meta(), "is not a JSON object of metadata, so it was ignored"
    meta, problems = meta_from(obj, map_columns(obj.keys()))
    return meta, "; ".join(problems)
