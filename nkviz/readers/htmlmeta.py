"""Metadata of a saved web page: title, publication time, outlet, canonical URL, language.

News pages state their metadata several times over (Open Graph, article:* tags, JSON-LD,
<time>, <html lang>) for search engines and social sites. Each field is read from the
most specific statement first; modification times are used only when no publication
time is given.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from .base import Meta
from .metadata import normalise_language, parse_date

_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.created", "citation_publication_date", "article.published", "date",
    "og:published_time", "release_date", "created",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "lastmod",
                  "last-modified", "dcterms.modified")
_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                  "report", "socialmediaposting", "liveblogposting", "webpage"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:»·•]|-{1,2}|::)\s+")


def page_meta(doc) -> Meta:
    """Metadata read from a parsed page (an lxml.html document)."""
    tags = _meta_tags(doc)
    ld = _json_ld(doc)
    url = _page_url(doc, tags, ld)
    site = tags.get("og:site_name") or _ld_name(ld.get("publisher")) or tags.get(
        "application-name", "")
    return Meta(
        title=_title(doc, tags, ld, site),
        source=site.strip(),
        url=url,
        published=_published(doc, tags, ld),
        language=normalise_language(doc.get("lang") or doc.get(
            "{http://www.w3.org/XML/1998/namespace}lang") or tags.get("content-language")
            or tags.get("og:locale") or ld.get("inLanguage")),
    )


def _meta_tags(doc) -> dict[str, str]:
    tags: dict[str, str] = {}
    for m in doc.iter("meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop")
                or m.get("http-equiv") or "").strip().lower()
        content = m.get("content")
        if name and content and name not in tags:
            tags[name] = content.strip()
    return tags


def _json_ld(doc) -> dict:
    """The JSON-LD object describing the article (the first of an article type)."""
    objects = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        objects.extend(_flatten(data))
    for obj in objects:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(str(t).lower() in _ARTICLE_TYPES for t in types) and (
                obj.get("headline") or obj.get("datePublished")):
            return obj
    return {}


def _flatten(data, depth: int = 0) -> list[dict]:
    if depth > 4:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _flatten(item, depth + 1)]
    if isinstance(data, dict):
        return [data, *_flatten(data.get("@graph", []), depth + 1)]
    return []


def _ld_name(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return str(value) if isinstance(value, str) else ""


def _text(el) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def _title(doc, tags: dict, ld: dict, site: str) -> str:
    h1 = next((t for t in (_text(h) for h in doc.iter("h1")) if t), "")
    candidates = [" ".join(c.split()) for c in (
        ld.get("headline"), tags.get("og:title"), tags.get("twitter:title"), h1,
        _text(doc.find(".//title"))) if isinstance(c, str) and c.strip()]
    for c in candidates:  # a headline cut short ("...") loses to a later, whole one
        if not c.endswith(("...", "…")) or c is candidates[-1]:
            return _strip_site(c, site)
    return ""


def _strip_site(title: str, site: str) -> str:
    """'Headline | Daily NK' -> 'Headline' (also '- Site', ':: Site', 'Site | Headline')."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = site.casefold().strip()
    if site_key and parts[-1].casefold().strip() == site_key:
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    if site_key and parts[0].casefold().strip() == site_key:
        return " - ".join(parts[1:])
    if len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 4 and len(parts) == 2 and (
            "|" in title or " - " in title or " – " in title):
        return parts[0]  # a short site name after a long headline
    return title


def _published(doc, tags: dict, ld: dict):
    for value in (*(tags.get(k) for k in _PUBLISHED_KEYS), ld.get("datePublished"),
                  ld.get("dateCreated"), *_time_values(doc),
                  *(tags.get(k) for k in _MODIFIED_KEYS), ld.get("dateModified")):
        if value:
            found = parse_date(value)
            if found:
                return found
    return None


def _time_values(doc) -> list[str]:
    """<time> values: those marked as publication time first."""
    marked, plain = [], []
    for t in doc.iter("time"):
        value = t.get("datetime") or _text(t)
        hint = " ".join((t.get("itemprop") or "", t.get("class") or "", t.get("pubdate")
                         or "")).lower()
        (marked if ("publish" in hint or "pubdate" in hint or hint.strip() == "date")
         else plain).append(value)
    return marked + plain[:1]


def _page_url(doc, tags: dict, ld: dict) -> str:
    base = tags.get("og:url", "")
    candidates = [link.get("href") for link in doc.iter("link")
                  if "canonical" in (link.get("rel") or "").lower().split()]
    main = ld.get("mainEntityOfPage")
    candidates += [base, ld.get("url"), main.get("@id") if isinstance(main, dict) else main,
                   tags.get("twitter:url")]
    for href in candidates:
        if isinstance(href, str) and href.strip():
            url = urljoin(base, href.strip()) if base else href.strip()
            if url.startswith(("http://", "https://")):
                return url
    return ""
