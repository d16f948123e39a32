"""Accounting for every input: what became reports and events, and what did not and why.

Partial failure is data: readers and the loader never drop a file or record silently, they
add an :class:`Entry` for it. The invariant the tests hold: every input file appears in at
least one entry, and ``records == accepted + rejected + duplicates``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

ACCEPTED, REJECTED, DUPLICATE = "accepted", "rejected", "duplicate"

# Reasons for a rejection, with the words shown to users.
REASONS = {
    "unreadable": "could not be read or decoded",
    "empty": "holds no text",
    "no_text_column": "has no column or field with report text",
    "not_a_report": "is not a report (no prose to read)",
    "unsupported": "is of a format nkviz does not read",
    "too_large": "is larger than nkviz reads",
    "bad_metadata": "has metadata that could not be understood",
}


@dataclass
class Entry:
    """One input file or one record inside it, and what became of it."""

    input: str  # path; "archive.zip!member.txt" inside a zip
    record: str = ""  # "" for the whole file, else "row 3", "item 2", "post 5", ...
    status: str = ACCEPTED
    reason: str = ""  # key of REASONS for rejections; "same url"/"same text" for duplicates
    detail: str = ""  # a sentence for the user
    report_id: str = ""
    events: int = 0
    duplicate_of: str = ""  # report_id of the first copy


@dataclass
class Problem:
    """Something that went wrong but did not stop a report (e.g. a geocoder timeout)."""

    input: str
    record: str
    reason: str
    detail: str


@dataclass
class IngestReport:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, entry: Entry) -> Entry:
        self.entries.append(entry)
        return entry

    def extend(self, other: IngestReport) -> None:
        self.entries.extend(other.entries)
        self.problems.extend(other.problems)

    def reject(self, input: str, reason: str, detail: str = "", record: str = "") -> Entry:
        detail = detail or f"{input} {REASONS.get(reason, reason)}"
        return self.add(Entry(input, record, REJECTED, reason, detail))

    @property
    def files(self) -> list[str]:
        return sorted({e.input for e in self.entries})

    def counts(self) -> dict[str, int]:
        by_status = Counter(e.status for e in self.entries)
        return {
            "files": len(self.files),
            "records": len(self.entries),
            "accepted": by_status[ACCEPTED],
            "rejected": by_status[REJECTED],
            "duplicates": by_status[DUPLICATE],
            "events": sum(e.events for e in self.entries),
            "problems": len(self.problems),
        }

    def balanced(self) -> bool:
        c = self.counts()
        return c["records"] == c["accepted"] + c["rejected"] + c["duplicates"]

    def rejected(self) -> list[Entry]:
        return [e for e in self.entries if e.status == REJECTED]

    def duplicates(self) -> list[Entry]:
        return [e for e in self.entries if e.status == DUPLICATE]

    def summary(self) -> str:
        """One line for people: '12 files, 40 records: 37 reports (112 events), ...'."""
        c = self.counts()
        return (f"{c['files']} files, {c['records']} records: {c['accepted']} reports "
                f"({c['events']} events), {c['rejected']} rejected, "
                f"{c['duplicates']} duplicates, {c['problems']} problems")

    def to_dict(self) -> dict:
        return {
            "counts": self.counts(),
            "entries": [asdict(e) for e in self.entries],
            "problems": [asdict(p) for p in self.problems],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
