"""What the format readers hand back: pieces of report text with metadata, or rejections.

Each format reader (text, HTML, records, feeds) turns one decoded file into a
:class:`Parsed`: a list of :class:`Piece` (a report to be) and :class:`Rejected` (a
record or the whole file that cannot be one, with the reason), plus metadata problems
that do not stop a report. The package entry point turns pieces into
:class:`~nkviz.schema.Report` objects, numbers them and keeps the accounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .metadata import Published

MAX_REPORT_CHARS = 1_000_000
_LETTER = re.compile(r"[^\W\d_]")  # a report longer than this is a book, not a report


@dataclass
class Meta:
    """Metadata of a report as a file states it (empty strings / None when not stated)."""

    title: str = ""
    source: str = ""
    url: str = ""
    published: Published | None = None
    language: str = ""

    def over(self, fallback: Meta) -> Meta:
        """This metadata, with gaps filled from ``fallback``."""
        return Meta(self.title or fallback.title, self.source or fallback.source,
                    self.url or fallback.url, self.published or fallback.published,
                    self.language or fallback.language)


@dataclass
class Piece:
    """The text of one report and what the file says about it."""

    text: str
    meta: Meta = field(default_factory=Meta)
    record: str = ""  # "" for a whole file; "row 3", "item 2", "post 5"
    index: int = 0  # n of ``stem#n``; 0 for a whole file


@dataclass
class Rejected:
    """A whole file (index 0) or one record that cannot become a report, and why."""

    reason: str  # a key of nkviz.ingest_report.REASONS
    detail: str  # a sentence for the user, without the file name
    record: str = ""
    index: int = 0


@dataclass
class Parsed:
    items: list[Piece | Rejected] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # record, reason, detail
    note: str = ""  # how the file was read, e.g. "CSV, 12 rows, decoded as cp949"

    @classmethod
    def rejected(cls, reason: str, detail: str) -> Parsed:
        return cls([Rejected(reason, detail)])

    def problem(self, record: str, reason: str, detail: str) -> None:
        self.problems.append((record, reason, detail))


@dataclass(frozen=True)
class Options:
    """Caller's choices that apply to every file of a load."""

    text_field: str | None = None  # column or key holding the report text
    field_map: tuple[tuple[str, str], ...] = ()  # (report field, column) overrides
    max_bytes: int = 64 * 2**20  # larger files are rejected as too_large
    max_report_chars: int = MAX_REPORT_CHARS


def check_text(text: str, max_chars: int) -> tuple[str, str] | None:
    """(reason, detail) when a report text cannot be accepted, else None."""
    if not text.strip():
        return "empty", "holds no text"
    if len(text) > max_chars:
        return "too_large", (f"its text has {len(text):,} characters, more than the "
                             f"{max_chars:,} nkviz reads as one report")
    if not _LETTER.search(text):
        return "not_a_report", "holds no words, only digits or symbols"
    if len(text.split()) < 3 and len(text) < 12:
        return "not_a_report", f"holds only {text.strip()[:40]!r}, too little to be a report"
    return None
