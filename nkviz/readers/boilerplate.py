"""Remove what is not the report: captions, credits, bylines, author bios, related links.

Captions are the dangerous part: they carry dates and places ("Guard post in North Pyongan
Province in 2019. Image: Daily NK") that would become false events. The rules are
structural, so they hold for outlets nobody here has seen:

- a *credit* is a short line with an image/photo/credit label, a copyright sign or an
  agency photo tag; a *caption* is a short line without a final period next to a credit,
  or a short line printed twice in a row (pages repeat the alt text and the caption);
- a *byline* is a line that is only a name ("By X", "X | Outlet", "Jane Doe") at the head
  of the text or right after a caption;
- an *author bio* is a final paragraph introducing the author ("X is a reporter ...",
  "can be reached at");
- a *tail marker* ("Related content", "Read more", "Share this", a newsletter call) cuts
  the text from there on when it comes after most of the text;
- interface lines (share buttons, breadcrumbs, "Advertisement") are dropped anywhere.

Text is handled as a list of lines with "" between paragraphs.
"""

from __future__ import annotations

import re

from . import patterns as P

SHORT_WORDS = 40  # credits and captions are never longer than this
CAPTION_WORDS = 30
REPEAT_WORDS = 15  # a doubled paragraph longer than this is left alone
BIO_WORDS = 90


def clean_lines(lines: list[str]) -> list[str]:
    """The lines without boilerplate (paragraph breaks kept as ""); ``lines`` come from
    :func:`normalise_lines` (stripped, single spaces)."""
    lines = cut_tail(lines)
    lines = drop_bios(lines)
    lines = drop_captions_and_bylines(lines)
    lines = [line for line in lines if not line or not P.is_ui_line(line)]
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:  # a wire byline glued to the first sentence
        lines[first] = P.KOREAN_WIRE_PREFIX.sub("", lines[first])
    return lines


def words(line: str) -> int:
    """Words of a normalised line (single spaces, stripped)."""
    return line.count(" ") + 1 if line else 0


def ends_sentence(line: str) -> bool:
    return bool(P.ENDS_SENTENCE.search(line[-8:]))


def _nonblank(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line]


def cut_tail(lines: list[str]) -> list[str]:
    """Cut at the first tail marker that comes after most of the text.

    A marker near the top (a "Related" box saved before the article) only loses itself
    and the link titles under it, so the article that follows survives.
    """
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        if line and P.is_tail_marker(line):
            if seen >= 0.4 * total:
                return _strip_blank_end(lines[:i])
            return lines[:i] + _skip_link_titles(lines[i + 1:])
        seen += len(line)
    return lines


def _skip_link_titles(lines: list[str]) -> list[str]:
    """Drop the short headline lines under an early 'Related' marker."""
    for i, line in enumerate(lines):
        if line and (words(line) > 15 or ends_sentence(line)):
            return lines[i:]
    return []


def _strip_blank_end(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


def drop_bios(lines: list[str]) -> list[str]:
    """Drop author bios, contact lines and e-mail addresses at the end of the text."""
    lines = _strip_blank_end(lines)
    while lines:
        start = len(lines) - 1
        while start > 0 and lines[start - 1]:
            start -= 1
        paragraph = " ".join(lines[start:])
        if not paragraph or words(paragraph) > BIO_WORDS or not P.is_bio(paragraph):
            # bios are often the last *line* of a paragraph
            if lines and P.is_bio(lines[-1]) and words(lines[-1]) <= BIO_WORDS:
                lines = _strip_blank_end(lines[:-1])
                continue
            return lines
        lines = _strip_blank_end(lines[:start])
    return lines


def drop_captions_and_bylines(lines: list[str]) -> list[str]:
    """Drop credits, the captions beside them, doubled lines and bylines."""
    idx = _nonblank(lines)
    n_words = [words(lines[i]) for i in idx]
    drop: set[int] = set()
    anchors: list[int] = []  # positions in idx of credits and doubled lines
    for k, i in enumerate(idx):
        if n_words[k] > SHORT_WORDS:
            continue
        line = lines[i]
        if P.is_credit(line):
            drop.add(i)
            anchors.append(k)
        if k + 1 < len(idx) and _same(line, lines[idx[k + 1]]) and (
                n_words[k] <= REPEAT_WORDS or idx[k + 1] == i + 1):
            drop.update((i, idx[k + 1]))  # alt text and caption printed twice
            anchors += [k, k + 1]
    for k in sorted(set(anchors)):  # one hop out from each credit or doubled caption
        for j in (k - 1, k + 1):
            if 0 <= j < len(idx) and idx[j] not in drop and n_words[j] <= CAPTION_WORDS:
                line = lines[idx[j]]
                if not ends_sentence(line) or P.is_byline(line):
                    drop.add(idx[j])
    drop.update(_head_bylines(lines, idx, n_words))
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


def _same(a: str, b: str) -> bool:
    return len(a) == len(b) and a.casefold() == b.casefold()


def _head_bylines(lines: list[str], idx: list[int], n_words: list[int]) -> set[int]:
    """Bylines and date lines among the first few lines, and "By X" at the very end."""
    found = set()
    for k, i in enumerate(idx[:4]):
        if n_words[k] > 14:
            break
        if P.is_byline(lines[i]):
            found.add(i)
    for i in idx[-2:]:
        if P.BY_PREFIX.match(lines[i]) and P.is_byline(lines[i]):
            found.add(i)
    return found


def unwrap(lines: list[str]) -> str:
    """Join the lines of each paragraph back into prose; paragraphs joined by a blank line.

    Hard-wrapped text (most lines 40-120 characters) is joined with spaces; otherwise a
    line break is kept unless the sentence plainly runs on (no final punctuation and the
    next line starts in lower case).
    """
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(_join(current))
            current = []
    return "\n\n".join(paragraphs)


def _join(lines: list[str]) -> str:
    if len(lines) == 1:
        return lines[0]
    body = lines[:-1]
    wrapped = sum(40 <= len(line) <= 120 for line in body) >= 0.6 * len(body)
    if wrapped and not any(P.LIST_ITEM.match(line) for line in lines):
        return " ".join(lines)
    out = lines[0]
    for line in lines[1:]:
        runs_on = not ends_sentence(out) and not out.endswith(":") and line[:1].islower()
        out += (" " if runs_on else "\n") + line
    return out


# Runs of spacing that are not a single plain space (so ordinary text is left untouched).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}"
                     r"|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise_lines(text: str) -> list[str]:
    """Split text into stripped lines: unify newlines, drop invisible characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    elif "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return [line.strip() for line in text.split("\n")]


def clean_text(text: str) -> str:
    """Plain text in, the report's prose out (boilerplate removed, paragraphs kept)."""
    return unwrap(clean_lines(normalise_lines(text)))
