"""Listing pages: a blog's category or archive page saved as text, many posts in one file.

Shape: an optional header ("Category: Resistance"), then posts, each a headline line, an
optional date/byline line, and an excerpt paragraph, often cut off with "...", "[…]" or
"Read more". A normal article can also alternate short and long paragraphs (subheadings),
so a split needs more than the shape: at least three posts covering most of the file and
*listing evidence*: most excerpts truncated, or date lines under most headlines, or a
listing header (category, tag, archive, search results).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .metadata import Published, search_date

MIN_POSTS = 3
MIN_COVERAGE = 0.75  # share of the file's characters inside the posts
MIN_EXCERPT_WORDS = 12
_HEADER = re.compile(r"^(?:category|categories|tag|tags|tagged|archives?|author|posts? "
                     r"(?:tagged|in|by|from)|search results?|results for|topic|section|"
                     r"latest(?: news| posts| stories)?|all posts|blog|카테고리|태그|분류)\b",
                     re.I)
_META_START = re.compile(r"^(?:posted|published|by|written|updated|filed)\b", re.I)
_READ_MORE = re.compile(r"^(?:read more|continue reading|more|read the rest|full story)"
                        r"\W*$", re.I)


@dataclass
class Post:
    title: str
    text: str
    published: Published | None = None


@dataclass
class _Unit:
    text: str
    head: bool = False  # could be a post's headline
    meta: bool = False  # a date or byline line under a headline
    more: bool = False  # a "Read more" line


def find_posts(lines: list[str]) -> list[Post] | None:
    """The posts of a listing page, or None when the text is not one."""
    if not _has_evidence(lines):
        return None
    units = _units(lines)
    total = sum(len(u.text) for u in units) or 1
    # runs[i]: the longest chain of posts starting at unit i (computed from the end)
    runs: list[list[tuple[int, int, Post, bool, bool]]] = [[] for _ in range(len(units) + 1)]
    for i in range(len(units) - 1, -1, -1):
        post = _post_at(units, i)
        if post:
            runs[i] = [post, *runs[post[1]]]
    best = max(runs, key=len)
    if len(best) < MIN_POSTS:
        return None
    covered = sum(len(u.text) for u in units[best[0][0]:best[-1][1]])
    if covered < MIN_COVERAGE * total:
        return None
    truncated = sum(r[3] for r in best)
    dated = sum(r[4] for r in best)
    header = any(_HEADER.match(u.text) for u in units[:best[0][0]] if len(u.text) < 80)
    if truncated * 2 >= len(best) or dated * 2 >= len(best) or header:
        return [r[2] for r in best]
    return None


# Something from every truncation marker (P.TRUNCATED) and "Read more" line.
_MARKER_BITS = ("...", "…", "more", "reading", "»", "→", "rest", "story")
_QUICK_DATE = re.compile(r"\b(?:19|20)\d\d\b|\d{4}[-./]\d{1,2}")


def _has_evidence(lines: list[str]) -> bool:
    """A cheap look for listing evidence before the full analysis (most files have none)."""
    marked = dated = 0
    for line in lines:
        if not line:
            continue
        tail = line[-20:].lower()
        if any(m in tail for m in _MARKER_BITS) and (P.TRUNCATED.search(line[-40:])
                                                    or _READ_MORE.match(line)):
            marked += 1
        elif len(line) < 120 and (_META_START.match(line) or _QUICK_DATE.search(line)):
            dated += 1
        if marked >= MIN_POSTS // 2 + 1 or dated >= MIN_POSTS // 2 + 1:
            return True
    head = [line for line in lines[:12] if line][:3]
    return any(_HEADER.match(line) for line in head)


def _post_at(units: list[_Unit], i: int) -> tuple[int, int, Post, bool, bool] | None:
    """The post starting at unit i: (start, end, post, truncated, dated), or None."""
    if not units[i].head:
        return None
    j, published = i + 1, None
    if j < len(units) and units[j].meta:
        published = search_date(units[j].text)
        j += 1
    if j >= len(units) or not _excerpt_for(units[i], units[j]):
        return None
    excerpt = units[j].text
    truncated = bool(P.TRUNCATED.search(excerpt[-40:]))
    j += 1
    if j < len(units) and units[j].more:
        truncated, j = True, j + 1
    return (i, j, Post(units[i].text, _strip_marker(excerpt), published), truncated,
            published is not None)


def _excerpt_for(head: _Unit, unit: _Unit) -> bool:
    n = len(unit.text.split())
    return n >= MIN_EXCERPT_WORDS and n >= 1.5 * len(head.text.split()) and not unit.more


def _strip_marker(excerpt: str) -> str:
    for _ in range(3):  # "... Read more »" holds several markers
        stripped = P.TRUNCATED.sub("", excerpt).rstrip()
        if stripped == excerpt:
            break
        excerpt = stripped
    return excerpt


def _units(lines: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line:
            paragraph.append(line)
            continue
        if paragraph:
            units.extend(_split_paragraph(paragraph))
            paragraph = []
    return units


def _split_paragraph(par: list[str]) -> list[_Unit]:
    """A paragraph is one unit, or a headline (+ meta line) glued to its excerpt."""
    if len(par) >= 2 and _is_head(par[0]):
        head = [_unit(par[0])]
        rest = par[1:]
        if len(rest) >= 2 and _is_meta(rest[0]):
            head.append(_unit(rest[0]))
            rest = rest[1:]
        body = _unit(" ".join(rest), single=False)
        if _excerpt_for(head[0], body):
            return [*head, body]
    return [_unit(" ".join(par), single=len(par) == 1)]


def _unit(text: str, single: bool = True) -> _Unit:
    return _Unit(text, head=single and _is_head(text), meta=single and _is_meta(text),
                 more=bool(_READ_MORE.match(text)))


def _is_head(line: str) -> bool:
    return (P.headline_like(line, allow_period=True) and not line.endswith(":")
            and not _READ_MORE.match(line))


def _is_meta(line: str) -> bool:
    return (len(line.split()) <= 15 and not line.endswith("?")
            and bool(_META_START.match(line) or search_date(line)))
