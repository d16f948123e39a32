"""Plain-text and Markdown reports: metadata block, title line, date line, clean prose.

Order of evidence for metadata (first wins): the sidecar ``NAME.json`` (the user's own
correction), the file's front matter, then what the text itself shows: a headline-like
first line becomes the title, a date line under it ("Posted on Nov 19, 2018") the
publication date. The file name's date is applied later, only when nothing else gave one.
A listing page (many posts in one file) becomes one piece per post.
"""

from __future__ import annotations

import re

from . import boilerplate, frontmatter, listing, markdown
from . import patterns as P
from .base import Meta, Parsed, Piece
from .fields import map_columns, meta_from
from .metadata import Published, search_date
from .outlets import outlet_from_url

_DATE_LABEL = re.compile(r"^(?:published|posted|date|dated|first published|updated|"
                         r"last updated|modified|입력|등록|게재|작성|발행|수정)\b", re.I)
_UPDATED = re.compile(r"^(?:updated|last updated|modified|수정)\b", re.I)
_LABEL = re.compile(r"^(?:category|section|categories|topics?|tags?|분류)\s*:", re.I)
MAX_LABEL_WORDS = 3


def read_text(text: str, *, is_markdown: bool, hint: Meta) -> Parsed:
    """Pieces of a plain-text or Markdown file (``hint``: metadata from a sidecar)."""
    parsed = Parsed()
    front, body, problem = frontmatter.split(text)
    if problem:
        parsed.problem("", "bad_metadata", problem)
    fm_meta = Meta()
    if front:
        fm_meta, problems = meta_from(front, map_columns(front.keys()))
        for p in problems:
            parsed.problem("", "bad_metadata", "front matter: " + p)
    if is_markdown or markdown.looks_like_markdown(body):
        body = markdown.to_text(body)
    lines = boilerplate.normalise_lines(body)
    known = hint.over(fm_meta)
    posts = None if known.title else listing.find_posts(lines)
    if posts:
        page_source = known.source or outlet_from_url(known.url)  # the listing's outlet
        for n, post in enumerate(posts, 1):
            meta = Meta(title=post.title, published=post.published, source=page_source,
                        language=known.language)
            parsed.items.append(Piece(post.text, meta, f"post {n}", n))
        return parsed
    title, lines = take_title(lines, known.title)
    published, lines = take_date_line(lines)
    text = boilerplate.unwrap(boilerplate.clean_lines(lines))
    parsed.items.append(Piece(text, known.over(Meta(title=title, published=published))))
    return parsed


def take_title(lines: list[str], known: str = "") -> tuple[str, list[str]]:
    """The title and the lines without it (and without labels or repeats around it)."""
    lines = list(lines)
    head = _first_nonblank(lines, 4)
    if len(head) >= 2 and _glued(lines[head[0]], lines[head[1]]):
        lines[head[0]] = ""  # "NewsNorth Korea tightens..." above the real headline
        head = head[1:]
    elif (len(head) >= 3 and _is_label(lines[head[0]]) and P.headline_like(lines[head[1]])
          and not P.headline_like(lines[head[2]])):
        lines[head[0]] = ""  # a section label above the headline
        head = head[1:]
    if known:
        _blank_repeats(lines, known, head)
        return known, lines
    if len(head) < 2 or not P.headline_like(lines[head[0]]):
        return "", lines
    title = lines[head[0]]
    _blank_repeats(lines, title, head)
    return title, lines


def _first_nonblank(lines: list[str], n: int) -> list[int]:
    out = []
    for i, line in enumerate(lines):
        if line:
            out.append(i)
            if len(out) == n:
                break
    return out


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _glued(first: str, second: str) -> bool:
    if not 0 < len(first) - len(second) <= 45:
        return False
    a, b = _fold(first), _fold(second)
    return a != b and a.endswith(b) and len(a) - len(b) <= 40 and P.headline_like(second)


def _is_label(line: str) -> bool:
    return bool(_LABEL.match(line)) or (len(line.split()) <= MAX_LABEL_WORDS
                                        and len(line) <= 25 and P.headline_like(line))


def _blank_repeats(lines: list[str], title: str, head: list[int]) -> None:
    """Blank the title where it is repeated (or glued to a label) in the first lines."""
    folded = _fold(title)
    for i in head:
        if not -5 <= len(lines[i]) - len(title) <= 45:
            continue  # too long or short to be the title, with or without a label
        line = _fold(lines[i])
        if line == folded or (line.endswith(folded) and len(line) - len(folded) <= 40):
            lines[i] = ""


def take_date_line(lines: list[str]) -> tuple[Published | None, list[str]]:
    """A publication date stated on its own line near the top ('Posted on Nov 19, 2018',
    'Lee Sang Yong | 2018.11.19'), and the lines without it. 'Updated' dates lose to
    'published' ones."""
    found: Published | None = None
    found_updated = True
    lines = list(lines)
    for i in _first_nonblank(lines, 3):
        line = lines[i]
        if len(line.split()) > 15:
            break
        date = search_date(line)
        if date is None or not _is_date_line(line):
            continue
        updated = bool(_UPDATED.match(line))
        if found is None or (found_updated and not updated):
            found, found_updated = date, updated
        lines[i] = ""
    return found, lines


_DATE_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)?|[/.:,\-–|]+|[년월일]")
_DATE_WORDS = re.compile(r"\b(?:am|pm|kst|utc|gmt|est|edt|on|at|by|(?:jan|feb|mar|apr|may|jun|"
                         r"jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)(?!\w)",
                         re.I)


def _is_date_line(line: str) -> bool:
    if _DATE_LABEL.match(line):
        return True
    leftover = _DATE_WORDS.sub(" ", _DATE_DIGITS.sub(" ", line)).split()
    # what is left must be a name (a byline), not the words of a sentence
    return len(leftover) <= 5 and all(w[:1].isupper() or not w[:1].isascii()
                                      for w in leftover)
