"""Themes of report text (multi-label), each with the cue words that triggered it.

The cue lists are data (``data/vocab/themes.yaml``): whole-word, case-insensitive phrases
with spelled-out inflections, and per theme the longer phrases that look like a cue but are
not ("Radio Free Asia" is an outlet, "executive" is not an execution). One Aho-Corasick
pass over the text serves all themes; within a theme the longest leftmost match wins, and
different themes may share words ("broker" is both a smuggling and a defection cue).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .. import vocab
from .phrases import Hit, PhraseMatcher, expand, fold, longest_leftmost


@dataclass(frozen=True)
class ThemeFinding:
    """A cue for a theme: ``text[start:end] == text``; ``theme`` is a taxonomy theme id."""

    start: int
    end: int
    text: str
    theme: str


@cache
def _matcher() -> tuple[PhraseMatcher, dict[str, int]]:
    rows = vocab.table("themes")
    pairs = []
    for row in rows:
        for cue in row.get("cues") or ():
            pairs += [(form, (row["id"], False)) for form in expand(str(cue))]
        for phrase in row.get("not") or ():
            pairs += [(form, (row["id"], True)) for form in expand(str(phrase))]
    return PhraseMatcher(pairs), {row["id"]: i for i, row in enumerate(rows)}


def find_themes(text: str) -> list[ThemeFinding]:
    """Every theme cue in ``text``, in text order (ties in taxonomy order)."""
    matcher, order = _matcher()
    by_theme: dict[str, list[Hit]] = defaultdict(list)
    for hit in matcher.iter_hits(fold(text)):
        for theme, stop in set(hit.payloads):
            by_theme[theme].append(Hit(hit.start, hit.end, (stop,)))
    found = [
        ThemeFinding(h.start, h.end, text[h.start:h.end], theme)
        for theme, hits in by_theme.items()
        for h in longest_leftmost(sorted(hits, key=lambda h: not h.payloads[0]))  # stops win ties
        if not h.payloads[0]
    ]
    return sorted(found, key=lambda f: (f.start, order[f.theme]))


def theme_ids(text: str) -> list[str]:
    """The distinct themes of ``text``, in taxonomy order (a convenience for callers that
    need labels, not evidence)."""
    _, order = _matcher()
    return sorted({f.theme for f in find_themes(text)}, key=order.__getitem__)
