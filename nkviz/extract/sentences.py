"""Sentence spans of report text, English and Korean, as offsets into the original string.

Events quote their evidence sentence, so the splitter must survive news prose: abbreviations
("No. 10", "Nov. 2", "U.S.", "Gen."), a sentence closed inside quotes ('."'), ellipses,
bracketed elisions ("[...]"), bullet lists and headlines on their own line, and Korean
endings ("다.", "요.", "。"). The abbreviation lists are data: ``data/vocab/abbreviations.yaml``.

Line breaks: a blank line always ends a sentence; a single line break ends one too unless
it looks like hard wrapping inside a paragraph (a long line stopping mid-sentence, followed
by a lowercase word).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from ..paths import VOCAB_DIR

WRAP_MIN = 50  # a line at least this long that stops mid-sentence is taken as hard-wrapped

# The lookahead lists every character a candidate can start with: it changes no match, but
# lets the regex engine pass over the other characters several times faster. (A blank line
# is found from its first line break: only its end is used.)
_CANDIDATE = re.compile(
    r"(?=[\n。！？.…!?])"
    r"(?:(?P<blank>\n(?:[ \t\r\f\v]*\n)+)"
    r"|(?P<cjk>[。！？][」』\"”’)]*)"
    r"|(?P<term>(?:\.{2,}|…|[.!?]+)[)\"'”’»\]]*)(?=\s)"
    r"|(?P<nl>\n))"
)
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.?$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([A-Za-z]+)")
_BULLET = re.compile(r"(?:[-*•·▪‣◦●■]|\d{1,2}[.)])\s+")
_KO_QUOTE_TAIL = re.compile(r"(?:이?라고|이?라며|이?라는|하고|하며|고\s|며\s|는\s|란\s)")
_LINE_END_OPEN = re.compile(r"(?:,|;|-|\b(?:the|a|an|of|and|or|to|in|on|by|for|with|from|that))$", re.I)


@cache
def _abbreviations() -> dict[str, frozenset[str]]:
    data = yaml.safe_load((VOCAB_DIR / "abbreviations.yaml").read_text(encoding="utf-8"))
    return {key: frozenset(str(w) for w in words) for key, words in data.items()}


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


def _ends_at_period(text: str, dot: int, nxt: int) -> bool:
    """Whether the single period at ``dot`` ends a sentence, given what precedes it."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if m is None:
        return True
    word = m.group(1).lower()
    abbr = _abbreviations()
    if word in abbr["always"]:
        return False
    if word in abbr["before_number"]:
        return not text[nxt:nxt + 1].isdigit()
    if "." in word or (len(word) == 1 and m.group(1).isupper()):  # "U.S.", "a.m.", "J."
        return _next_word(text, nxt) in abbr["sentence_starters"]
    return True


def _cut_after_term(text: str, m: re.Match) -> bool:
    nxt = m.end()
    while nxt < len(text) and text[nxt] in " \t\r\f\v\u00a0\u3000":
        nxt += 1
    if nxt >= len(text) or text[nxt] == "\n":
        return True
    c = text[nxt]
    if c.islower() or c in ",;:)]}-–—":
        return False
    if m.start() > 0 and text[m.start() - 1] in "[(":  # "[...]" marks an elision
        return False
    if m.group("term")[-1] in "\"'”’»" and _KO_QUOTE_TAIL.match(text, nxt):
        return False  # '"...다." 라고 말했다': the quote is inside a Korean sentence
    punct = m.group("term").rstrip(")\"'”’»]")
    return punct != "." or _ends_at_period(text, m.start(), nxt)


def _cut_at_newline(text: str, pos: int) -> bool:
    """A single line break ends a sentence unless the text is hard-wrapped there."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos].rstrip()
    after = text[pos + 1:pos + 40].lstrip(" \t")
    if not line or not after or _BULLET.match(after):
        return True
    if line[-1] in ".!?:;\"”’)]。다요":
        return True
    if len(line) < WRAP_MIN:
        return True
    return not (after[0].islower() or _LINE_END_OPEN.search(line))


def _cuts(text: str) -> list[int]:
    cuts = []
    for m in _CANDIDATE.finditer(text):
        kind = m.lastgroup
        if kind in ("blank", "cjk") or (kind == "term" and _cut_after_term(text, m)):
            cuts.append(m.end())
        elif kind == "nl" and _cut_at_newline(text, m.start()):
            cuts.append(m.start())
    return cuts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet and bullet.end() < end and not text[start].isdigit():
        start = bullet.end()
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text``, in order, whitespace and bullet
    markers trimmed: ``text[start:end]`` is one sentence, headline or list item."""
    spans, start = [], 0
    for cut in [*_cuts(text), len(text)]:
        s, e = _trim(text, start, cut)
        if s < e:
            spans.append((s, e))
        start = max(start, cut)
    return spans
