"""Context that decides whether a theme cue tells of something happening.

A cue names a topic; the words around it say whether the report tells of it happening.
LABELLING.md: threats, fears, plans, advice and background are not events. The markers are
data (``data/vocab/theme_context.yaml``, whose header explains each kind) and are found in
the same Aho-Corasick pass as the cues (:mod:`.themes` adds them to its matcher):

- *negators* deny the cue right after them ("nobody was arrested");
- *hedges* (and Korean conditional endings, "걸리면") open a hypothetical scope that runs to
  the end of the clause ("rights groups fear they will face torture"), except that a Korean
  condition whose clause is an order ("... 있으면 즉시 신고하라") states the policy itself;
- *hedges_after* (Korean modal endings, "갈 수 있다") close one: the cue a few syllables
  before them;
- *frames* ("the interviews follow the defection of ...") mark the rest of the sentence as a
  recalled happening, *references* ("since the summit last month, ...") only the few words
  naming it;
- *background* markers ("since Kim Jong Un took power", "잦은 곳") a whole sentence;
- *not* phrases are look-alikes that contain a marker ("would-be", "반면").

A cue in any of these spans is dropped; support words (context, not cues) are kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .. import vocab
from .phrases import spelled_out

MARKER = "~"  # the "theme" of a context marker's payload in the shared matcher
NEG, HEDGE, COND, ORDER, AFTER, FRAME, REFERENCE, BACKGROUND, NOT = (
    "neg", "hedge", "cond", "order", "after", "frame", "reference", "background", "not-marker")
_KEYS = (("negators", NEG), ("hedges", HEDGE), ("conditional_endings", COND), ("orders", ORDER),
         ("hedges_after", AFTER), ("frames", FRAME), ("references", REFERENCE),
         ("background", BACKGROUND), ("not", NOT))

# Where a hypothetical clause ends (in folded text): punctuation or a quotation mark, a comma
# before a conjunction (or before Korean), a conjunction that starts a clause of its own
# ("... planned to cross when they were caught"), the Korean connectives -며/-고/-는데/-지만.
# The regex only finds the candidates; commas and words are checked after.
_CLAUSE_END = re.compile(
    r"[.!?;:\"“”,]|(?:when|after|because|while|whereas|but) |[며고] |는데,? |지만,? ")
_CONJUNCTIONS = ("and ", "but ", "while ", "whereas ", "where ", "when ", "after ", "because ",
                 "although ", "though ", "as ")
_SENTENCE_END = re.compile(r"[.!?。](?=[\"'”’)\]]*\s)")
MAX_SCOPE = 240  # a hedge reaches no further than this many characters
_OPENERS = frozenset((HEDGE, COND, FRAME, REFERENCE))  # kinds whose scope follows them
REFERENCE_REACH = 48  # "since the Pyongyang summit last month," reaches no further
AFTER_REACH = 12  # a Korean modal ending covers the cue this many characters before it


def pairs() -> Iterator[tuple[str, tuple]]:
    """(phrase, (MARKER, kind, 0)) for every spelled-out context marker."""
    table = vocab.table("theme_context") or {}
    unknown = set(table) - {key for key, _ in _KEYS}
    if unknown:
        raise ValueError(f"theme_context.yaml: unknown keys {sorted(unknown)}; "
                         f"valid: {[key for key, _ in _KEYS]}")
    for key, kind in _KEYS:
        yield from spelled_out(table.get(key), (MARKER, kind, 0))


def silenced(markers: dict[str, list[tuple[int, int]]], folded: str,
             starts: list[int]) -> set[int]:
    """The cue ``starts`` (sorted) that their context denies, makes hypothetical or
    background. Each marker looks only at the cues in its reach (a bisect), and a hedge's
    clause is measured only when a cue follows it closely."""
    if NOT in markers:
        markers = _without_look_alikes(markers)
    if sum(map(len, markers.values())) > 1:
        markers = _outermost(markers)
    orders = [a for a, _ in markers.get(ORDER, ())] if COND in markers else ()
    out: set[int] = set()
    for kind, found in markers.items():
        for a, b in found:
            if kind in _OPENERS:
                # the scope takes in the opener's later words ("if caught"), not a cue
                # starting with it ("planned to cross the border" is an attempt, not a plan)
                near = _between(starts, a + 1, b + MAX_SCOPE)
                if near:
                    end = _scope_end(folded, a, b, kind, orders)
                    out.update(s for s in near if s < end)
            elif kind == NEG:  # right before the cue: "were not arrested"
                out.update(s for s in _between(starts, b + 1, b + 3) if folded[b:s].isspace())
            elif kind == AFTER:
                near = _between(starts, a - AFTER_REACH, a)
                if near:
                    lo = _clause_start(folded, a)
                    out.update(s for s in near if s >= lo)
            elif kind == BACKGROUND:
                out.update(_between(starts, _sentence_start(folded, a), _sentence_end(folded, b)))
    return out


def _between(starts: list[int], lo: int, hi: int) -> list[int]:
    return starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def _without_look_alikes(markers: dict[str, list[tuple[int, int]]]) -> dict:
    """The markers that no `not` phrase ("would-be", "반면") overlaps."""
    stops = markers[NOT]
    return {kind: [m for m in found if not any(m[0] < b and a < m[1] for a, b in stops)]
            for kind, found in markers.items() if kind != NOT}


def _outermost(markers: dict[str, list[tuple[int, int]]]) -> dict:
    """The markers not inside a longer one: "for fear of" (a reference to the source's
    reason for anonymity) is not the hedge "fear"."""
    spans = sorted(((a, -b, kind) for kind, found in markers.items() for a, b in found))
    kept: dict[str, list[tuple[int, int]]] = {}
    end = -1
    for a, minus_b, kind in spans:
        if -minus_b <= end and a < end:
            continue  # inside the previous, longer marker
        kept.setdefault(kind, []).append((a, -minus_b))
        end = max(end, -minus_b)
    return kept


def _scope_end(folded: str, a: int, b: int, kind: str, orders: list[int]) -> int:
    """Where the scope opened by the hedge, conditional ending, frame or reference at [a, b)
    ends (at ``a`` when it opens none: a Korean condition that is an order, or none)."""
    if kind == FRAME:
        return _sentence_end(folded, b)
    end = _clause_end(folded, b)
    if kind == REFERENCE:  # the noun phrase after "since": to a comma, a few words at most
        comma = folded.find(",", b, b + REFERENCE_REACH)
        return min(end, comma if comma >= 0 else b + REFERENCE_REACH)
    if kind == COND and (not _ends_korean_word(folded, a, b)
                         or any(b <= o < end for o in orders)):
        return a
    return end


def _ends_korean_word(folded: str, a: int, b: int) -> bool:
    """A conditional ending closes a word glued to a Hangul stem ("걸리면 "), not a word of
    its own (면, a township) nor the inside of a longer word ("면서")."""
    hangul = "\uac00" <= (folded[a - 1] if a else " ") <= "\ud7a3"
    return hangul and not (b < len(folded) and "\uac00" <= folded[b] <= "\ud7a3")


def _clause_end(folded: str, pos: int) -> int:
    for m in _CLAUSE_END.finditer(folded, pos, pos + MAX_SCOPE):
        if _ends_clause(folded, m):
            return m.start()
    return min(len(folded), pos + MAX_SCOPE)


def _clause_start(folded: str, pos: int) -> int:
    lo = max(0, pos - AFTER_REACH)
    ends = [m.end() for m in _CLAUSE_END.finditer(folded, lo, pos) if _ends_clause(folded, m)]
    return ends[-1] if ends else lo


def _ends_clause(folded: str, m: re.Match) -> bool:
    """Punctuation ends a clause; a conjunction does as a word of its own; a comma does
    before a conjunction or Korean."""
    if "a" <= m.group()[0] <= "z":
        return m.start() > 0 and folded[m.start() - 1] == " "
    if m.group() != ",":
        return True
    rest = folded[m.end():m.end() + 11].lstrip(" ")
    return rest.startswith(_CONJUNCTIONS) or "\uac00" <= rest[:1] <= "\ud7a3"


def _sentence_end(folded: str, pos: int) -> int:
    m = _SENTENCE_END.search(folded, pos)
    return m.end() if m else len(folded)


def _sentence_start(folded: str, pos: int) -> int:
    lo = max(0, pos - 600)
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, lo, pos)]
    return ends[-1] if ends else lo
