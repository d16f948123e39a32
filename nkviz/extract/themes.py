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
- ``yielding`` groups hold cues that count on their own, like strong ones, but give way to
  a finding of a theme in the group's own ``yields_to`` in their window (a Chinese phone in
  a remittance broker's hands is brokerage, not foreign media; an official banished in a
  purge is the purge, not a crackdown).
- ``not`` lists longer phrases that contain a cue but do not mean the theme ("Radio Free
  Asia" is an outlet, not foreign radio); they silence weak cues inside them too. A weak
  cue that holds a strong one is its more specific reading ("since the pandemic began" is
  a date unless a border shooting confirms it).

Context decides the rest (:mod:`.theme_context`): a cue that is denied ("nobody was
arrested"), hypothetical ("they fear the returnees will face torture"), framing ("the
interviews follow the defection of ...") or in a background sentence gives no theme.

One Aho-Corasick pass over the text finds every kind of phrase for all themes, and the
context markers. Within a theme, strong cues and stop phrases are chosen first (longest
leftmost, a stop phrase winning a tie), and weak cues only where they overlap neither;
different themes may share words. Sentence ends are looked for only when some weak cue
could be confirmed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .. import vocab
from . import theme_context as context
from .phrases import PhraseMatcher, fold, spelled_out

CUE, WEAK, STOP, SUPPORT, YIELDING = "cue", "weak", "not", "support", "yielding"
_KINDS = ((CUE, "cues"), (WEAK, "weak"), (STOP, "not"), (SUPPORT, "support"),
          (YIELDING, "yielding"))


class ThemeFinding(NamedTuple):
    """A cue for a theme: ``text[start:end] == text``; ``theme`` is a taxonomy theme id.
    (A named tuple: a report has dozens, and it is the cheapest immutable record.)"""

    start: int
    end: int
    text: str
    theme: str


@dataclass(frozen=True)
class _Vocabulary:
    matcher: PhraseMatcher  # every phrase of every kind: one pass finds them all
    order: dict[str, int]
    confirmers: dict[str, frozenset[str]]  # theme -> themes whose strong cues confirm its weak ones
    yields: dict[tuple[str, int], frozenset[str]]  # (theme, group) -> themes that overrule
    # its weak cues (group >= 0) or the cues of its yielding group (group < 0)
    sentence_end: tuple[re.Pattern, re.Pattern]  # (after punctuation, blank line)
    overriding: dict[str, frozenset[int]]  # theme -> weak groups with phrases holding a strong cue


@cache
def _vocabulary() -> _Vocabulary:
    rows = vocab.table("themes")
    ids = {row["id"] for row in rows}
    pairs = dict.fromkeys([*_pairs(rows), *context.pairs()])  # each (phrase, payload) once
    confirmers, yields = {}, {}
    for row in rows:
        related = set(row.get("related") or ())
        groups = {0: row.get("yields_to")} | {
            -n: g.get("yields_to") for n, g in enumerate(row.get("yielding") or (), start=1)}
        for group, overruled_by in groups.items():
            yields[row["id"], group] = frozenset(overruled_by or ())
        named = related.union(*(yields[row["id"], g] for g in groups))
        if not named <= ids:
            raise ValueError(f"themes.yaml: {row['id']} names unknown themes "
                             f"{sorted(named - ids)}; valid: {sorted(ids)}")
        confirmers[row["id"]] = frozenset(related | {row["id"]})
    matcher = PhraseMatcher(_by_phrase(pairs))
    return _Vocabulary(matcher, {row["id"]: i for i, row in enumerate(rows)}, confirmers, yields,
                       _sentence_end_pattern(), _overriding(matcher, pairs))


def _by_phrase(pairs) -> list[tuple[str, tuple]]:
    """One payload per phrase, sorted once into (support groups, cue payloads, marker kinds)
    so that the hot loop of find_themes touches each kind only where a phrase has it.
    Phrases are keyed as the matcher keys them (folded; "word*" apart from "word")."""
    merged: dict[str, list[tuple]] = {}
    for phrase, payload in pairs:  # (ASCII folds to lower case: a shortcut for start-up time)
        key = " ".join((phrase.lower() if phrase.isascii() else fold(phrase)).split())
        merged.setdefault(key, []).append(payload)
    return [(key, (tuple((t, g) for t, k, g in ps if k == SUPPORT),
                   tuple(p for p in ps if p[1] != SUPPORT and p[0] != context.MARKER),
                   tuple(k for t, k, _ in ps if t == context.MARKER)))
            for key, ps in merged.items()]


def _overriding(matcher: PhraseMatcher, pairs) -> dict[str, frozenset[int]]:
    """The weak groups of each theme that have a phrase holding a whole strong cue of the
    theme ("since the pandemic began" holds "pandemic"): only their cues can override one."""
    over = defaultdict(set)
    for phrase, (theme, kind, group) in pairs:
        if kind != WEAK or group in over[theme]:
            continue
        folded = fold(phrase.rstrip("*"))
        for hit in matcher.iter_hits(folded):
            if hit.end - hit.start < len(folded) and any(
                    t == theme and k in (CUE, YIELDING) for p in hit.payloads for t, k, _ in p[1]):
                over[theme].add(group)
                break
    return {theme: frozenset(groups) for theme, groups in over.items() if groups}


def _pairs(rows: list[dict]):
    """(phrase, (theme, kind, group)) for every spelled-out phrase. Group 0 holds a theme's
    plain weak cues and its `support` words; a weak group (a mapping under `weak`) gets its
    own number, and its support words confirm only its own cues; yielding group n is -n."""
    for row in rows:
        theme = row["id"]
        for kind, key in _KINDS:
            for n, item in enumerate(row.get(key) or (), start=1):
                if kind == YIELDING:
                    yield from spelled_out(item.get("cues"), (theme, YIELDING, -n))
                elif isinstance(item, dict) and kind == WEAK:
                    yield from spelled_out(item.get("cues"), (theme, WEAK, n))
                    yield from spelled_out(item.get("support"), (theme, SUPPORT, n))
                else:
                    yield from spelled_out([item], (theme, kind, 0))


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
    kept only where their window confirms them, and no cue where its context says it did
    not happen (see the module docstring)."""
    v = _vocabulary()
    folded = fold(text)
    spans: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
    support: list[tuple[int, int, tuple]] = []  # support words: (start, end, their groups)
    markers: dict[str, list[tuple[int, int]]] = {}  # context markers, by kind (few reports)
    for start, end, payloads in v.matcher.iter_hits(folded):
        for groups, found, marks in payloads:
            if groups:
                support.append((start, end, groups))
            if found:
                for theme, kind, group in found:
                    spans[theme].append((start, end, kind, group))
            if marks:
                for kind in marks:
                    markers.setdefault(kind, []).append((start, end))
    selected = [(t, found, ()) if _plain(found) else (t, *_select(found, v.overriding.get(t)))
                for t, found in spans.items()]
    quiet = ()  # the starts of cues their context silences
    if markers:
        starts = sorted(h[0] for _, cues, loose in selected for hits in (cues, loose) for h in hits)
        quiet = context.silenced(markers, folded, starts)
    strong: list[ThemeFinding] = []
    weak: list[tuple[int, int, str, int]] = []  # and yielding cues (group < 0)
    for theme, cues, loose in selected:
        for a, b, kind, group in cues:
            if a in quiet:
                continue
            # a yielding cue with nothing in the text to yield to is plainly strong
            if kind == YIELDING and not v.yields[theme, group].isdisjoint(spans):
                weak.append((a, b, theme, group))
            else:
                strong.append(ThemeFinding(a, b, text[a:b], theme))
        weak += [(a, b, theme, group) for a, b, _, group in loose if a not in quiet]
    if weak:
        confirmed = _confirmed(weak, strong, text, support, v)
        strong += [ThemeFinding(a, b, text[a:b], t) for a, b, t in confirmed]
    return sorted(strong, key=lambda f: (f.start, v.order[f.theme]))


def _plain(found: list[tuple[int, int, str, int]]) -> bool:
    """Only strong cues, none overlapping another (hits come in text order): the common
    case, which needs no selection."""
    if len(found) == 1:
        return found[0][2] == CUE
    end = -1
    for a, b, kind, _ in found:
        if kind != CUE or a < end:
            return False
        end = b
    return True


def _leftmost(spans) -> list:
    """Non-overlapping spans: the leftmost first, then the longest, then a stop phrase."""
    chosen, end = [], -1
    for h in sorted(spans, key=lambda h: (h[0], -h[1], h[2] != STOP)):
        if h[0] >= end:
            chosen.append(h)
            end = h[1]
    return chosen


def _select(found: list[tuple[int, int, str, int]], overriding: frozenset[int] | None):
    """A theme's strong (and yielding) cues and its weak cues. Strong cues and stop phrases
    are chosen first; a weak cue is kept only where it overlaps none of them, so "after
    paying" cannot hide "paying off", and a stop phrase silences the weak cues inside it
    too. But a weak cue that holds a whole strong one is its more specific reading."""
    firm = [h for h in found if h[2] != WEAK]
    weak = [h for h in found if h[2] == WEAK]
    over = [w for w in weak if w[3] in overriding] if overriding else ()
    if over and firm:
        firm = [h for h in firm if h[2] == STOP or not any(
            w[0] <= h[0] and h[1] <= w[1] and w[1] - w[0] > h[1] - h[0] for w in over)]
    cues = [h for h in (_leftmost(firm) if len(firm) > 1 else firm) if h[2] != STOP]
    loose = [h for h in weak if not any(h[0] < f[1] and f[0] < h[1] for f in firm)]
    return cues, (_leftmost(loose) if len(loose) > 1 else loose)


def _confirmed(weak: list[tuple[int, int, str, int]], strong: list[ThemeFinding],
               text: str, support: list[tuple[int, int, tuple]],
               v: _Vocabulary) -> list[tuple]:
    """The weak cues (start, end, theme, group) whose window holds a strong cue of a
    confirming theme or a support word of their group outside their own words ("across the
    Tumen" is not confirmed by its "Tumen"), unless it also holds a finding of a theme they
    yield to. Yielding cues (group < 0) need no confirmation but yield the same way.
    Returns (start, end, theme)."""
    at: dict[str, list[int]] = defaultdict(list)  # theme -> starts of its findings
    for f in strong:
        at[f.theme].append(f.start)
    wanted = {(theme, group) for _, _, theme, group in weak if group >= 0}
    support_of: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for p, q, groups in support:
        for key in groups:
            if key in wanted:
                support_of[key].append((p, q))
    candidates = []
    for a, b, theme, group in weak:
        if group < 0:
            candidates.append((a, b, theme, group, (a,)))
            continue
        near = [p for t in v.confirmers[theme] for p in at.get(t, ())]
        near += [p for p, q in support_of.get((theme, group), ()) if q <= a or p >= b]
        if near:
            candidates.append((a, b, theme, 0, near))  # weak cues yield as group 0
    if not candidates:  # nothing anywhere could confirm them: no need for sentence ends
        return []
    ends = _sentence_ends(text, *v.sentence_end)
    kept = []
    for a, b, theme, group, near in candidates:
        lo, hi = _window(ends, a, len(text))
        if any(lo <= p < hi for p in near):
            kept.append((a, b, theme, group, lo, hi))
    for a, _, theme, _, _, _ in kept:
        at[theme].append(a)
    return [(a, b, theme) for a, b, theme, group, lo, hi in kept
            if not any(lo <= p < hi for y in v.yields[theme, group] for p in at.get(y, ()))]


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
