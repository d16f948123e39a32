"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one report per item or entry.

The item text is the fullest one given (``content:encoded`` or Atom ``content`` before
``description``/``summary``), reduced from HTML to prose. Dates come from ``pubDate``
(RFC 822), ``dc:date``, Atom ``published`` then ``updated``. The outlet comes from the
item's or channel's link, else the channel title. The XML parser never resolves entities
or fetches anything (no XXE, no billion laughs) and recovers what it can from broken XML.
"""

from __future__ import annotations

import re

from lxml import etree

from .base import Meta, Parsed, Piece, Rejected
from .html import fragment_text
from .metadata import normalise_language, parse_date
from .outlets import canonical_outlet, outlet_from_url
from .records import clean_cell

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_TEXT_FIELDS = ("encoded", "content", "description", "summary", "abstract")
_DATE_FIELDS = ("pubDate", "date", "published", "issued", "created", "updated", "modified")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(source: str):
    """The root element of an XML text, or None. Safe against entity tricks."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    data = _XML_DECL.sub("", source, count=1).strip().encode("utf-8", "replace")
    if not data:
        return None
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def is_feed_root(root) -> bool:
    return root is not None and local(root) in ("rss", "feed", "RDF")


def read_feed(source: str) -> Parsed:
    """Pieces of a feed file: one per item/entry."""
    root = parse_xml(source)
    if not is_feed_root(root):
        return Parsed.rejected("unreadable", "is not an RSS or Atom feed nkviz can parse")
    channel = next((el for el in root.iter() if local(el) == "channel"), root)
    feed_link = _link(channel)
    feed_source = outlet_from_url(feed_link) or canonical_outlet(_child_text(channel, "title"))
    language = normalise_language(_child_text(channel, "language") or root.get(_XML_LANG))
    items = [el for el in root.iter() if local(el) in ("item", "entry")]
    if not items:
        return Parsed.rejected("empty", "is a feed with no items")
    parsed = Parsed(note=f"feed with {len(items)} items")
    for n, item in enumerate(items, 1):
        parsed.items.append(_item(item, n, feed_source, language, parsed))
    return parsed


def _item(item, n: int, feed_source: str, language: str, parsed: Parsed) -> Piece | Rejected:
    where = f"item {n}"
    title = " ".join(_child_text(item, "title").split())
    url = _link(item) or _guid_url(item)
    published = None
    for name in _DATE_FIELDS:
        raw = _child_text(item, name)
        if raw:
            published = parse_date(raw)
            if published is None:
                parsed.problem(where, "bad_metadata",
                               f"its {name} {raw[:60]!r} is not a date nkviz can read")
            break
    meta = Meta(title=title, url=url, published=published,
                source=outlet_from_url(url) or feed_source,
                language=normalise_language(item.get(_XML_LANG)) or language)
    body = clean_cell(_item_text(item), meta)
    if not body.strip():
        return Rejected("empty", f"{where} ({title[:60]!r}) has a title but no text", where, n)
    return Piece(body, meta, where, n)


def _child(el, name: str):
    return next((c for c in el if local(c) == name), None)


def _child_text(el, name: str) -> str:
    child = _child(el, name)
    return "".join(child.itertext()).strip() if child is not None else ""


def _item_text(item) -> str:
    """The longest of the item's text fields, as plain text."""
    best = ""
    for name in _TEXT_FIELDS:
        child = _child(item, name)
        if child is None:
            continue
        if (child.get("type") or "").lower() == "xhtml" or len(child):
            raw = "".join(etree.tostring(c, encoding="unicode") for c in child)
            raw = (child.text or "") + raw
        else:
            raw = child.text or ""
        value = fragment_text(raw) if "<" in raw else raw
        if len(value.strip()) > len(best.strip()):
            best = value
    return best


def _link(el) -> str:
    """RSS <link>text</link>, or Atom <link rel="alternate" href=...>."""
    links = [c for c in el if local(c) == "link"]
    for c in links:
        href = c.get("href")
        if href and (c.get("rel") or "alternate") == "alternate":
            return href.strip()
    for c in links:
        if c.text and c.text.strip():
            return c.text.strip()
    return ""


def _guid_url(item) -> str:
    guid = _child(item, "guid")
    guid = guid if guid is not None else _child(item, "id")
    text = (guid.text or "").strip() if guid is not None else ""
    return text if text.startswith(("http://", "https://")) and (
        guid.get("isPermaLink") or "true").lower() != "false" else ""
