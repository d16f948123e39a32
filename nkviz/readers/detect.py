"""What kind of file this is, from its bytes first and its extension second.

Extensions lie (an RSS export saved as .txt, a page saved as .php, a text saved as
.html), so strong content signs win: magic numbers for binary formats, an RSS/Atom root,
an HTML doctype or tags, JSON that parses. The extension decides between weak signs
(CSV or text, Markdown or plain text).
"""

from __future__ import annotations

import json
import re

TEXT, MARKDOWN, HTML, FEED, XML, JSON, JSONL, CSV, TSV = (
    "text", "markdown", "html", "feed", "xml", "json", "jsonl", "csv", "tsv")
ZIP, GZIP, XLSX, DOCX, MHTML, PDF = "zip", "gzip", "xlsx", "docx", "mhtml", "pdf"

MD_EXT = {"md", "markdown", "mdown", "mkd", "mkdn", "rmd"}
TEXT_EXT = {"txt", "text", ""}
HTML_EXT = {"html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp"}
FEED_EXT = {"rss", "atom", "xml", "rdf"}
JSONL_EXT = {"jsonl", "ndjson", "jsonlines"}
# Files that are never reports; named so the rejection says what they are.
NOT_REPORTS = {
    "css": "a style sheet", "js": "a script", "mjs": "a script", "ts": "source code",
    "py": "source code", "java": "source code", "c": "source code", "h": "source code",
    "cpp": "source code", "rb": "source code", "go": "source code", "rs": "source code",
    "sh": "a shell script", "bat": "a batch file", "ps1": "a script", "ini": "a settings file",
    "cfg": "a settings file", "toml": "a settings file", "yaml": "a settings file",
    "yml": "a settings file", "lock": "a lock file", "map": "a source map",
    "svg": "an SVG image", "ico": "an icon", "woff": "a font", "woff2": "a font",
    "ttf": "a font", "otf": "a font", "log": "a log file", "sql": "a database dump",
    "db": "a database", "sqlite": "a database", "exe": "a program", "dll": "a library",
    "so": "a library", "bin": "binary data", "pyc": "compiled code", "class": "compiled code",
    "doc": "an old Word document (save as .docx)",
    "xls": "an old Excel workbook (save as .xlsx or .csv)", "ppt": "a slide deck",
    "pptx": "a slide deck", "odt": "an OpenDocument file (save as .docx or text)",
    "epub": "an e-book", "rtf": "an RTF document (save as text)",
}
_MAGIC = (
    (b"PK\x03\x04", ZIP), (b"PK\x05\x06", ZIP), (b"\x1f\x8b", GZIP),
    (b"%PDF-", PDF), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (save as .docx, .xlsx or .csv)"),
    (b"7z\xbc\xaf", "a 7-Zip archive (unpack it or use .zip)"),
    (b"Rar!", "a RAR archive (unpack it or use .zip)"), (b"\x7fELF", "a program"),
    (b"SQLite format 3", "a database"), (b"ID3", "an MP3 file"), (b"OggS", "an audio file"),
    (b"BZh", "a bzip2 archive (unpack it or use .zip)"), (b"\xfd7zXZ", "an xz archive"),
    (b"wOFF", "a font"), (b"wOF2", "a font"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"{\\rtf", "an RTF document (save as text)"),
)
_MAGIC_BY_FIRST_BYTE: dict[bytes, list[tuple[bytes, str]]] = {}
for _magic, _kind in _MAGIC:
    _MAGIC_BY_FIRST_BYTE.setdefault(_magic[:1], []).append((_magic, _kind))
_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]", re.I)
_HTML_SIGN = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>",
                        re.I)
_TAG = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|ul|li|table|img|strong|em)"
                  r"[\s>/]", re.I)
_MHTML = re.compile(r"^(?:From:|Snapshot-Content-Location:|Subject:|Date:|MIME-Version:)"
                    r".*?\bmultipart/related", re.I | re.S)


def binary_kind(data: bytes, ext: str) -> str | None:
    """A container kind (zip, gzip, xlsx, docx) or a description of an unsupported binary
    format, from magic numbers; None for data that may be text."""
    head = data[:16]
    for magic, kind in _MAGIC_BY_FIRST_BYTE.get(head[:1], ()):
        if head.startswith(magic):
            if kind == ZIP and ext in ("xlsx", "xlsm"):
                return XLSX
            if kind == ZIP and ext == "docx":
                return DOCX
            if kind == ZIP and ext in NOT_REPORTS:
                return NOT_REPORTS[ext]
            return kind
    if data[4:8] == b"ftyp":
        return "a video or image file"
    return None


def text_kind(text: str, ext: str) -> str:
    """The format of a decoded file."""
    head = text[:8192].lstrip("\ufeff \t\r\n")
    if ext in JSONL_EXT:
        return JSONL
    if ext in ("mht", "mhtml") or _MHTML.match(head[:4096]):
        return MHTML
    if head.startswith("<"):
        lower = head[:2048].lower()
        if _FEED_ROOT.search(head[:2048]) and "<html" not in lower:
            return FEED
        if _HTML_SIGN.search(head) or len(_TAG.findall(head)) >= 2:
            return HTML
        if head.startswith("<?xml") or ext in FEED_EXT:
            return XML
    if head.startswith(("{", "[")) and (ext == "json" or ext not in MD_EXT | HTML_EXT):
        found = _json_kind(text)
        if found:
            return found
    if ext == "json":
        return JSON  # not valid JSON: the JSON reader says where it breaks
    if ext == "csv":
        return CSV
    if ext in ("tsv", "tab"):
        return TSV
    if ext in HTML_EXT:
        return HTML if _TAG.search(head) else TEXT
    if ext in FEED_EXT and _FEED_ROOT.search(head[:2048]):
        return FEED
    if ext in MD_EXT:
        return MARKDOWN
    return _table_kind(head) or TEXT


def _json_kind(text: str) -> str | None:
    try:
        json.loads(text)
        return JSON
    except (ValueError, RecursionError):
        pass
    lines = [line for line in text.split("\n", 20)[:20] if line.strip()]
    parsed = 0
    for line in lines[:-1] or lines:  # the last of the first 20 lines may be cut
        try:
            parsed += isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            return None
    return JSONL if parsed and parsed == len(lines[:-1] or lines) else None


_TEXT_COLUMN = re.compile(r"(?:^|[,;\t|\"'])\s*(?:text|body|content|article|full_?text|"
                          r"description|summary|본문|내용)\s*(?:[,;\t|\"']|$)", re.I)


def _table_kind(head: str) -> str | None:
    """A CSV/TSV without its extension: a header naming a text column, same shape below."""
    lines = head.split("\n", 3)
    if len(lines) < 2 or not _TEXT_COLUMN.search(lines[0]):
        return None
    for delimiter, kind in (("\t", TSV), (",", CSV), (";", CSV), ("|", CSV)):
        if lines[0].count(delimiter) >= 1 and lines[1].count(delimiter) >= 1:
            return kind
    return None
