"""Which column or key holds what: report text, title, date, outlet, URL, language.

Spreadsheets, JSON exports, front matter and sidecars name their fields in many ways
("body", "pubDate", "published_at", "본문", "출처"). Names are compared after folding
case and removing spaces, dashes and underscores; within a field, earlier names win.
Callers can name columns explicitly (``text_field``, ``field_map``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Mapping

from .base import Meta
from .metadata import normalise_language, parse_date

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "contents", "article", "fulltext", "articletext",
             "articlebody", "bodytext", "story", "storytext", "maintext", "contentencoded",
             "plaintext", "message", "description", "summary", "abstract", "excerpt",
             "snippet", "본문", "내용", "기사", "기사내용", "기사본문", "텍스트", "요약"),
    "title": ("title", "headline", "heading", "subject", "articletitle",
              "제목", "기사제목"),
    "published": ("published", "date", "pubdate", "publishedat", "publicationdate",
                  "publishdate", "datepublished", "pubdatetime", "publisheddate", "issued",
                  "created", "createdat", "datetime", "timestamp", "time", "updated",
                  "날짜", "일자", "일시", "작성일", "발행일", "게재일", "등록일", "보도일"),
    "source": ("source", "outlet", "publisher", "sitename", "site", "media", "medium",
               "newspaper", "publication", "출처", "언론사", "매체"),
    "url": ("url", "link", "href", "permalink", "canonical", "canonicalurl", "sourceurl",
            "articleurl", "uri", "링크", "주소", "url주소"),
    "language": ("language", "lang", "locale", "언어"),
}
REPORT_FIELDS = tuple(FIELD_NAMES)


_SEPARATORS = re.compile(r"[\s_\-.:]+")


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    return _SEPARATORS.sub("", name.strip().casefold())


def key(name: object) -> str:
    """A column name folded for matching: 'Published_At ' -> 'publishedat'."""
    return _folded(str(name))


def find_field(columns: Iterable[str], field: str, explicit: str | None = None) -> str | None:
    """The column holding ``field`` among ``columns`` (exact name, then folded), or None."""
    columns = list(columns)
    return _find(columns, _by_key(columns), field, explicit)


def _by_key(columns: list[str]) -> dict[str, str]:
    """Folded name -> the first column with that name."""
    folded: dict[str, str] = {}
    for c in columns:
        folded.setdefault(key(c), c)
    return folded


def _find(columns: list[str], folded: dict[str, str], field: str,
          explicit: str | None) -> str | None:
    if explicit is not None:
        return explicit if explicit in columns else folded.get(key(explicit))
    for name in FIELD_NAMES[field]:
        if name in folded:
            return folded[name]
    return None


def map_columns(columns: Iterable[str], text_field: str | None = None,
                field_map: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """Report field -> column, for every field (None where no column matches). The names
    are folded once for all fields: front matter asks this of every report."""
    field_map = dict(field_map or {})
    if text_field is not None:
        field_map["text"] = text_field
    columns = list(columns)
    folded = _by_key(columns)
    return {f: _find(columns, folded, f, field_map.get(f)) for f in REPORT_FIELDS}


def meta_from(mapping: Mapping, columns: Mapping[str, str | None]) -> tuple[Meta, list[str]]:
    """Metadata read from a record, front matter or sidecar; and what could not be read."""
    problems = []

    def value(field: str) -> str:
        col = columns.get(field)
        return as_text(mapping.get(col)) if col is not None else ""

    published = None
    col = columns.get("published")
    raw = mapping.get(col) if col is not None else None
    if raw not in (None, ""):
        published = parse_date(raw)
        if published is None:
            problems.append(f"its {col!r} value {str(raw)[:60]!r} is not a date nkviz "
                            "can read, so its publication date is unknown")
    meta = Meta(title=" ".join(value("title").split()), source=value("source").strip(),
                url=value("url").strip(), published=published,
                language=normalise_language(value("language")))
    return meta, problems


def as_text(value) -> str:
    """A cell or JSON value as text: lists joined as paragraphs, {'rendered': x} unwrapped."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet
        return ""
    if isinstance(value, Mapping):  # WordPress REST: {"rendered": "..."}; {"text": ...}
        for k in ("rendered", "text", "value", "content", "#text", "href", "name"):
            if k in value:
                return as_text(value[k])
        return ""
    if isinstance(value, (list, tuple)):
        return "\n\n".join(t for t in (as_text(v) for v in value) if t)
    return str(value)
