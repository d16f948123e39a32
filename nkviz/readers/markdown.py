"""Markdown to readable prose: the words stay, the syntax goes.

Links keep their text, images and their captions go (captions carry dates and places
that are not events), headings stay as lines of text, list markers and emphasis are
removed, code fences and HTML tags are dropped. Deliberately regex-based and line-local:
saved articles use a small subset of Markdown and a full parser would buy nothing.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*|!\[[^\]]*\]\[[^\]]*\]\s*|"
                         r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`+([^`]*)`+")
_TAG = re.compile(r"</?[A-Za-z][^>\n]{0,300}>")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ITALIC_LINE = re.compile(r"^\s*([*_])[^*_].*\1\s*$")
_MARKDOWN_SIGNS = re.compile(r"^\s{0,3}#{1,6}\s|\]\([^)]+\)|^\s*[-*+]\s|\*\*\S|^\s*>\s"
                             r"|^\s{0,3}```", re.M)


_QUICK_SIGNS = re.compile(r"#|\]\(|\*\*|\n[-*+] |\n>|```")


def looks_like_markdown(text: str) -> bool:
    """True when a .txt file uses enough Markdown syntax to be worth stripping."""
    head = text[:20000]
    if not _QUICK_SIGNS.search(head):
        return False
    return len(_MARKDOWN_SIGNS.findall(head)) >= 2


def to_text(markdown: str) -> str:
    """Plain text of a Markdown document (line structure and paragraphs kept)."""
    out: list[str] = []
    in_fence = after_image = False
    for line in markdown.split("\n"):
        if line[:1].isalpha() and not (in_fence or after_image):
            out.append(_inline(line))  # prose: no block syntax starts with a letter
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            continue
        if _IMAGE_LINE.match(line):
            after_image = True  # the next short italic or plain line is its caption
            continue
        if after_image and line.strip() and _is_caption(line):
            after_image = False
            continue
        after_image = after_image and not line.strip()
        if _SETEXT.match(line) and out and out[-1].strip():
            continue  # the underline of a setext heading; the text line stays
        if _RULE.match(line):
            out.append("")
            continue
        out.append(_inline(_block(line)))
        if _LIST.match(line):
            out.append("")  # list items stay apart, not merged into one run-on sentence
    return "\n".join(out)


def _is_caption(line: str) -> bool:
    return bool(_ITALIC_LINE.match(line)) or (len(line.split()) <= 30
                                               and not line.rstrip().endswith("."))


def _block(line: str) -> str:
    if m := _HEADING.match(line):
        return m.group(1)
    line = _BLOCKQUOTE.sub("", line)
    line = _LIST.sub("", line)
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        line = " | ".join(c for c in cells if c)
    return line


_INLINE_SIGNS = frozenset("[]*_`<\\!")


def _inline(line: str) -> str:
    if _INLINE_SIGNS.isdisjoint(line):
        return line  # most prose lines have no inline syntax: skip the substitutions
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _FOOTNOTE_REF.sub("", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis: ***x*** or **_x_**
        line = _EMPHASIS.sub(r"\2", line)
    line = _TAG.sub("", line)
    return line.replace("\\", "") if "\\" in line else line
