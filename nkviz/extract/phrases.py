"""Whole-word phrase matching for vocabularies (agencies, themes): one Aho-Corasick
automaton per vocabulary, offsets into the original text.

Text is folded without changing its length, so offsets carry over: lowercase, curly quotes
to ``'``, dashes to ``-``, McCune-Reischauer breves dropped ("ŏ" -> "o"), any whitespace to
one space character. Latin phrases need word boundaries on both sides; a phrase ending in
``*`` matches any word ending ("smuggl*"); Korean phrases may sit inside a longer word
(Korean glues particles and suffixes on: "보위부가", "탈북민").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import product
import re
from typing import NamedTuple

import ahocorasick

_FOLD = str.maketrans({
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "＇": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "ŏ": "o", "Ŏ": "O", "ŭ": "u", "Ŭ": "U", "ă": "a", "Ă": "A", "é": "e", "É": "E",
    "\n": " ", "\t": " ", "\r": " ", "\xa0": " ", "\u3000": " ", "\f": " ", "\v": " ",
})
_BRACES = re.compile(r"\{([^{}]*)\}")


_FOLD_RE = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")


def _fold_char(m: re.Match) -> str:
    return _FOLD[ord(m.group())]


def fold_cased(text: str) -> str:
    """Length-preserving folding that keeps case (for acronyms and "the Party"). A regex
    touches only the characters to fold: much faster than ``str.translate`` on non-ASCII."""
    return _FOLD_RE.sub(_fold_char, text)


def fold(text: str) -> str:
    """Length-preserving folding, lowercased. Characters whose lowercase is longer than one
    character (rare: "İ") are left as they are so offsets stay valid."""
    return lower(fold_cased(text))


def lower(folded: str) -> str:
    """:func:`fold` of a text already passed through :func:`fold_cased`."""
    low = folded.lower()
    if len(low) == len(folded):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def expand(cue: str) -> list[str]:
    """Spell out ``{a|b}`` alternatives: "execut{e|ed|ion}" -> execute, executed, execution."""
    parts = _BRACES.split(cue)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return ["".join(c) for c in product(*choices)]


def spelled_out(phrases: Iterable | None, payload) -> Iterator[tuple[str, object]]:
    """(form, payload) for every spelled-out form of every vocabulary phrase."""
    for phrase in phrases or ():
        for form in expand(str(phrase)):
            yield form, payload


def _latin(c: str) -> bool:
    """A character that continues a Latin-script word (Hangul and CJK do not)."""
    return c.isalnum() and ord(c) < 0x1100


class Hit(NamedTuple):
    """A phrase occurrence (a named tuple: several per sentence, so cheap to make)."""

    start: int
    end: int
    payloads: tuple


class PhraseMatcher:
    """Finds vocabulary phrases in folded text. Each phrase carries payloads (whatever the
    caller attached); the same phrase may carry several."""

    def __init__(self, phrases: Iterable[tuple[str, object]]):
        table: dict[str, tuple[list, list]] = {}  # word -> (exact payloads, "word*" payloads)
        for phrase, payload in phrases:
            key = " ".join(fold(phrase).split())
            if key.rstrip("*"):
                table.setdefault(key.rstrip("*"), ([], []))[key.endswith("*")].append(payload)
        self._automaton = ahocorasick.Automaton()
        for word, (exact, prefix) in table.items():
            # what iter_hits checks, decided once per phrase: its length, whether a Latin
            # letter before it or after it would put it inside a longer word
            self._automaton.add_word(word, (len(word), _latin(word[0]), _latin(word[-1]),
                                            tuple(exact), tuple(prefix)))
        self.size = len(table)
        if table:
            self._automaton.make_automaton()

    def iter_hits(self, folded: str) -> Iterator[Hit]:
        """Every phrase occurrence that respects word boundaries (overlaps included). A word
        listed both plain and with ``*`` gives a hit for each reading that fits."""
        if not self.size:
            return
        n = len(folded)
        for last, (size, open_start, open_end, exact, prefix) in self._automaton.iter(folded):
            start, end = last - size + 1, last + 1
            if open_start and start > 0:
                c = folded[start - 1]
                if c.isalnum() and c < "\u1100":  # inline _latin: this loop is hot
                    continue
            if prefix:
                stop = end
                while stop < n and folded[stop].isalnum() and folded[stop] < "\u1100":
                    stop += 1
                yield Hit(start, stop, prefix)
            inside = open_end and end < n and folded[end].isalnum() and folded[end] < "\u1100"
            if exact and not inside:
                yield Hit(start, end, exact)


def longest_leftmost(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, preferring the one that starts first, then the longest."""
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen


def longest_first(hits: Iterable[Hit], text: str = "") -> list[Hit]:
    """Non-overlapping hits, longest first (ties: leftmost), returned in text order. Unlike
    :func:`longest_leftmost`, a short early phrase cannot hide a longer one it overlaps
    ("the military" in "the Military Security Command"). With ``text``, a hit that starts
    a word beats one starting inside a word ("조선로동당 중앙위원회" is not "당 중앙위원회")."""
    def mid_word(h: Hit) -> bool:
        return bool(text) and h.start > 0 and text[h.start - 1].isalnum()

    chosen: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (mid_word(h), h.start - h.end, h.start)):
        span = range(hit.start, hit.end)
        if taken.isdisjoint(span):
            chosen.append(hit)
            taken.update(span)
    return sorted(chosen, key=lambda h: h.start)
