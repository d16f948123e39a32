"""Themes of report text (multi-label), each with the cue words that triggered it.

The cue lists are data (``data/vocab/themes.yaml``, whose header explains each key):
whole-word, case-insensitive phrases with spelled-out inflections. Per theme:

- ``cues`` are strong: each match assigns the theme.
- ``weak`` cues are words that only sometimes mean the theme ("wages", "embassy", "shot at",
  "broker"). A weak cue counts only when its *window* (its own sentence and the sentence
  before it, within one paragraph) also holds confirmation: a strong cue of the same theme
  or of a theme listed in ``related``, or one of the theme's ``support`` words (context
  that is not a cue by itself: "river" confirms "shot at" as a border shooting). Weak cues
  never confirm each other, so they cannot pile up into a theme on their own, and a word
  cannot confirm the weak cue it is part of. A confirmed weak cue is still dropped when
  its window holds a finding of a theme listed in ``yields_to`` (a shooting under the
  pandemic border rules is COVID, not defection; unpaid wages abroad are overseas labour,
  not livelihood).
- ``not`` lists longer phrases that contain a cue but do not mean the theme ("Radio Free
  Asia" is an outlet, not foreign radio); they silence weak cues inside them too.

One Aho-Corasick pass over the text finds every kind of phrase for all themes. Within a
theme, strong cues and stop phrases are chosen first (longest leftmost, a stop phrase
winning a tie), and weak cues only where they overlap neither; different themes may share
words. Sentence ends are looked for only when some weak cue could be confirmed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .. import vocab
from .phrases import PhraseMatcher, expand, fold

CUE, WEAK, STOP, SUPPORT = "cue", "weak", "not", "support"
_KINDS = ((CUE, "cues"), (WEAK, "weak"), (STOP, "not"), (SUPPORT, "support"))


@dataclass(frozen=True)
class ThemeFinding:
    """A cue for a theme: ``text[start:end] == text``; ``theme`` is a taxonomy theme id."""

    start: int
    end: int
    text: str
    theme: str


@dataclass(frozen=True)
class _Vocabulary:
    matcher: PhraseMatcher  # every phrase of every kind: one pass finds them all
    order: dict[str, int]
    confirmers: dict[str, frozenset[str]]  # theme -> themes whose strong cues confirm its weak ones
    yields: dict[str, frozenset[str]]  # theme -> themes whose findings overrule its weak ones
    sentence_end: tuple[re.Pattern, re.Pattern]  # (after punctuation, blank line)


@cache
def _vocabulary() -> _Vocabulary:
    rows = vocab.table("themes")
    ids = {row["id"] for row in rows}
    pairs = dict.fromkeys(_pairs(rows))  # each (phrase, payload) once
    confirmers, yields = {}, {}
    for row in rows:
        related, overruled_by = set(row.get("related") or ()), set(row.get("yields_to") or ())
        if not (related | overruled_by) <= ids:
            raise ValueError(f"themes.yaml: {row['id']} names unknown themes "
                             f"{sorted((related | overruled_by) - ids)}; valid: {sorted(ids)}")
        confirmers[row["id"]] = frozenset(related | {row["id"]})
        yields[row["id"]] = frozenset(overruled_by)
    return _Vocabulary(PhraseMatcher(pairs),
                       {row["id"]: i for i, row in enumerate(rows)}, confirmers, yields,
                       _sentence_end_pattern())


def _pairs(rows: list[dict]):
    """(phrase, (theme, kind, group)) for every spelled-out phrase. Group 0 holds a theme's
    plain weak cues and its `support` words; a weak group (a mapping under `weak`) gets its
    own number, and its support words confirm only its own cues."""
    for row in rows:
        theme = row["id"]
        for kind, key in _KINDS:
            for n, item in enumerate(row.get(key) or (), start=1):
                if isinstance(item, dict) and kind == WEAK:
                    yield from _forms(item.get("cues"), (theme, WEAK, n))
                    yield from _forms(item.get("support"), (theme, SUPPORT, n))
                else:
                    yield from _forms([item], (theme, kind, 0))


def _forms(phrases, payload: tuple):
    for phrase in phrases or ():
        for form in expand(str(phrase)):
            yield form, payload


def _sentence_end_pattern() -> tuple[re.Pattern, re.Pattern]:
    """A sentence end for windows: closing punctuation before a capital or Hangul, or a
    blank line (a paragraph end). Not after titles ("Mr."), dotted abbreviations ("U.S.")
    or initials. Rougher than nkviz.extract.sentences, and much cheaper."""
    titles = ("mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "maj", "sgt", "st",
              "sen", "rep", "gov", "jr", "sr", "vs")  # the common ones: a window may be cut short
    not_after = "".join(rf"(?<!\b(?i:{w})\.)" for w in titles)
    # each pattern starts with a character class, so the regex engine skips ahead fast
    return (re.compile(rf"[.!?。！？]{not_after}(?<!\.[A-Za-z]\.)(?<!\b[A-Z]\.)[.!?]*"
                       r"[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z\uac00-\ud7a3])"),
            re.compile(r"\n[ \t\r]*\n"))


def find_themes(text: str) -> list[ThemeFinding]:
    """Every theme cue in ``text``, in text order (ties in taxonomy order). Weak cues are
    kept only where their window confirms them (see the module docstring)."""
    v = _vocabulary()
    folded = fold(text)
    spans: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
    support: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for hit in v.matcher.iter_hits(folded):
        for theme, kind, group in hit.payloads:
            if kind == SUPPORT:
                support[theme, group].append((hit.start, hit.end))
            else:
                spans[theme].append((hit.start, hit.end, kind, group))
    strong: list[ThemeFinding] = []
    weak: list[tuple[int, int, str, int]] = []
    for theme, found in spans.items():
        if len(found) == 1 and found[0][2] == CUE:  # the common case
            cues, loose = found, ()
        else:
            cues, loose = _select(found)
        strong += [ThemeFinding(a, b, text[a:b], theme) for a, b, _, _ in cues]
        weak += [(a, b, theme, group) for a, b, _, group in loose]
    if weak:
        confirmed = _confirmed(weak, strong, text, support, v)
        strong += [ThemeFinding(a, b, text[a:b], t) for a, b, t in confirmed]
    return sorted(strong, key=lambda f: (f.start, v.order[f.theme]))


def _leftmost(spans) -> list:
    """Non-overlapping spans: the leftmost first, then the longest, then a stop phrase."""
    chosen, end = [], -1
    for h in sorted(spans, key=lambda h: (h[0], -h[1], h[2] != STOP)):
        if h[0] >= end:
            chosen.append(h)
            end = h[1]
    return chosen


def _select(found: list[tuple[int, int, str, int]]):
    """A theme's strong and weak cues. Strong cues and stop phrases are chosen first; a
    weak cue is kept only where it overlaps none of them, so "after paying" cannot hide
    "paying off", and a stop phrase silences the weak cues inside it too."""
    firm = [h for h in found if h[2] != WEAK]
    cues = [h for h in _leftmost(firm) if h[2] == CUE]
    loose = [h for h in found if h[2] == WEAK
             and not any(h[0] < f[1] and f[0] < h[1] for f in firm)]
    return cues, _leftmost(loose)


def _confirmed(weak: list[tuple[int, int, str, int]], strong: list[ThemeFinding], text: str,
               support: dict[tuple[str, int], list[tuple[int, int]]], v: _Vocabulary) -> list[tuple]:
    """The weak cues (start, end, theme, group) whose window holds a strong cue of a
    confirming theme or a support word of their group outside their own words ("across the
    Tumen" is not confirmed by its "Tumen"), unless it also holds a finding of a theme they
    yield to. Returns (start, end, theme)."""
    at: dict[str, list[int]] = defaultdict(list)
    for f in strong:
        at[f.theme].append(f.start)
    candidates = []
    for a, b, theme, group in weak:
        near = [p for t in v.confirmers[theme] for p in at.get(t, ())]
        near += [p for p, q in support.get((theme, group), ()) if q <= a or p >= b]
        if near:
            candidates.append((a, b, theme, near))
    if not candidates:  # nothing anywhere could confirm them: no need for sentence ends
        return []
    ends = _sentence_ends(text, *v.sentence_end)
    kept = []
    for a, b, theme, near in candidates:
        lo, hi = _window(ends, a, len(text))
        if any(lo <= p < hi for p in near):
            kept.append((a, b, theme, lo, hi))
    for a, _, theme, _, _ in kept:
        at[theme].append(a)
    return [(a, b, t) for a, b, t, lo, hi in kept
            if not any(lo <= p < hi for y in v.yields[t] for p in at.get(y, ()))]


def _sentence_ends(text: str, stop: re.Pattern, blank: re.Pattern) -> list[tuple[int, bool]]:
    """(offset, ends a paragraph) of every sentence end, in text order."""
    ends = [(m.end(), False) for m in stop.finditer(text)]
    paragraphs = [(m.end(), True) for m in blank.finditer(text)]
    return sorted(ends + paragraphs) if paragraphs else ends


def _window(ends: list[tuple[int, bool]], pos: int, size: int) -> tuple[int, int]:
    """The span of the sentence holding ``pos`` and the sentence before it, unless a
    paragraph ends between them."""
    i = bisect.bisect_right(ends, (pos, True))
    hi = ends[i][0] if i < len(ends) else size
    if i == 0:
        return 0, hi
    start, para = ends[i - 1]
    if para or i == 1:
        return (start if para else 0), hi
    return ends[i - 2][0], hi


def theme_ids(text: str) -> list[str]:
    """The distinct themes of ``text``, in taxonomy order (a convenience for callers that
    need labels, not evidence)."""
    order = _vocabulary().order
    return sorted({f.theme for f in find_themes(text)}, key=order.__getitem__)
