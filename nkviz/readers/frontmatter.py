"""Metadata blocks at the top of text files: YAML, TOML, Pandoc and "Key: value" headers.

Returns the metadata as a plain dict and the rest of the text. A block that is clearly
meant as metadata but cannot be parsed still leaves the text (so the report is kept) and
a problem sentence (so the user learns why its title or date is missing).
"""

from __future__ import annotations

import re
import tomllib

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY_LINE = re.compile(r"^\s*([A-Za-z][\w -]{0,30}|[가-힣]{1,8})\s*[:：]\s*(.*)$")
# Keys that make a leading "Key: value" block a metadata header rather than prose.
_HEADER_KEYS = {"title", "date", "published", "source", "url", "link", "language", "lang",
                "publisher", "outlet", "pubdate", "headline", "제목", "날짜", "출처"}
_OTHER_KEYS = {"author", "authors", "byline", "tags", "category", "categories",
               "description", "summary", "slug", "id", "updated", "modified", "keywords",
               "section", "type", "layout", "draft", "excerpt", "image", "site", "기자"}
MAX_LINES = 200


def split(text: str) -> tuple[dict, str, str]:
    """(metadata, body, problem) of a text that may open with a metadata block."""
    stripped = text.lstrip("\ufeff\n\r\t ")
    lines = stripped.split("\n")
    first = lines[0].rstrip() if lines else ""
    if first == "---":
        return _delimited(lines, ("---", "..."), _yaml)
    if first == "+++":
        return _delimited(lines, ("+++",), _toml)
    if first.startswith("% "):
        return _pandoc(lines)
    return _key_values(lines, text)


def _delimited(lines: list[str], closers: tuple[str, ...], parse) -> tuple[dict, str, str]:
    for i in range(1, min(len(lines), MAX_LINES)):
        if lines[i].rstrip() in closers:
            block, body = "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
            meta, problem = parse(block)
            return meta, body, problem
    return {}, "\n".join(lines), ""  # no closing line: a horizontal rule, not metadata


# A line YAML would read as the same plain string: "key: text" with no quoting, flow,
# anchors, tags, block scalars, comments or further ": " (most front matter looks so).
_PLAIN_LINE = re.compile(r"^([A-Za-z][\w-]{0,30}):[ \t]+([^\s'\"\[\]{}&*!|>%@`#,?:-][^\n]*)$")
_PLAIN_TRAPS = re.compile(r":\s|\s#|^(?:true|false|yes|no|on|off|null|~)$", re.IGNORECASE)


def _yaml(block: str) -> tuple[dict, str]:
    fast = _plain(block)
    if fast is not None:
        return fast, ""
    try:
        meta = yaml.load(block, Loader=_YAML_LOADER)
    except yaml.YAMLError as err:
        loose = _loose(block)
        if loose:  # e.g. an unquoted title with a colon in it
            return loose, ""
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        return {}, f"its front matter is not valid YAML{where}, so its metadata was ignored"
    if meta is None:
        return {}, ""
    if not isinstance(meta, dict):
        return {}, "its front matter is not a list of 'key: value' lines, so it was ignored"
    return {str(k): v for k, v in meta.items()}, ""


def _plain(block: str) -> dict | None:
    """The block read without YAML when every line is a plain ``key: text`` pair, else None.

    Values stay strings (YAML would turn ``2018-11-05`` into a date and ``2018`` into an
    int; the metadata readers accept all three), which is all the readers need and much
    faster than a YAML parse per file."""
    meta = {}
    for line in block.split("\n"):
        m = _PLAIN_LINE.match(line.rstrip())
        if m is None or _PLAIN_TRAPS.search(m.group(2)):
            return None
        meta[m.group(1)] = m.group(2)
    return meta or None


def _toml(block: str) -> tuple[dict, str]:
    try:
        return tomllib.loads(block), ""
    except tomllib.TOMLDecodeError as err:
        return {}, f"its TOML front matter could not be read ({err}), so it was ignored"


def _loose(block: str) -> dict:
    """'key: value' lines read literally, for front matter YAML refuses."""
    meta = {}
    for line in block.split("\n"):
        m = _KEY_LINE.match(line)
        if m and not line[:1].isspace():
            meta[m.group(1).strip()] = m.group(2).strip().strip("'\"")
        elif line.strip():
            return {}  # nested or odd YAML: too unclear to read literally
    return meta


def _pandoc(lines: list[str]) -> tuple[dict, str, str]:
    """Pandoc title block: '% title', '% author(s)', '% date'."""
    head = []
    while len(head) < 3 and len(head) < len(lines) and lines[len(head)].startswith("%"):
        head.append(lines[len(head)][1:].strip())
    meta = {k: v for k, v in zip(("title", "author", "date"), head) if v}
    return meta, "\n".join(lines[len(head):]), ""


def _key_values(lines: list[str], text: str) -> tuple[dict, str, str]:
    """A leading 'Title: ...' / 'Date: ...' block followed by a blank line."""
    meta = {}
    for i, line in enumerate(lines[:30]):
        if not line.strip():
            known = {k.casefold() for k in meta} & _HEADER_KEYS
            if known and i > 0:
                return meta, "\n".join(lines[i + 1:]), ""
            return {}, text, ""
        m = _KEY_LINE.match(line)
        if not m or m.group(1).strip().casefold() not in _HEADER_KEYS | _OTHER_KEYS:
            return {}, text, ""
        meta[m.group(1).strip()] = m.group(2).strip()
    return {}, text, ""
