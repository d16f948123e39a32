"""Saved web pages: find the article body, turn it into clean prose, read the page metadata.

The body is the first of: ``itemprop=articleBody``; an element with a known article-body
class or id (WordPress ``entry-content``, ``article-body``, RFA ``storytext``, ...); the
largest ``<article>``; ``<main>``; else the block with the most paragraph text (the
readability idea). Inside it, page furniture is dropped by tag (nav, aside, figure, ...)
and by class words (share, related, caption, byline, ...), unless such an element holds
most of the text. The text then goes through the same title, date-line and boilerplate
rules as plain text. A category page with several short ``<article>`` blocks becomes one
piece per post.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from . import boilerplate, text
from .base import Meta, Parsed, Piece, Rejected
from .htmlmeta import page_meta
from .metadata import parse_date

SKIP_TAGS = frozenset("""script style noscript template svg math canvas iframe object embed
form button select input textarea nav header footer aside figure figcaption picture video
audio source map dialog menu head title link meta""".split())
_BLOCK = frozenset("""p div section article main h1 h2 h3 h4 h5 h6 ul ol blockquote pre table
dl address hr center body""".split())
_LINE = frozenset("li tr dt dd br caption".split())
# A class or id *part* ("td-post-sharing" -> "sharing") with one of these words is furniture.
_FURNITURE_PARTS = frozenset("""share sharing social sharedaddy addtoany related relatedposts
newsletter subscribe subscription comments disqus byline breadcrumb breadcrumbs advert
advertisement adsbygoogle sponsored cookie cookies gdpr caption credit credits sidebar
masthead pagination navbar popup modal outbrain taboola promo recirc author tags tagcloud
trending mostread mostpopular""".split())
# Whole class or id tokens that are furniture (their parts alone are too common).
_FURNITURE_TOKENS = frozenset("""nav navigation menu header footer meta entry-meta post-meta
article-meta widget widgets ad ads banner toolbar screen-reader-text sr-only
visually-hidden skip-link print post-navigation nav-links site-header site-footer most-read
read-more more-stories wp-caption-text comment-respond respond gallery""".split())
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search",
                    "dialog", "alert", "menu", "menubar"}
_BODY_TOKENS = ("articlebody", "article-body", "article_body", "article__body",
                "entry-content", "post-content", "article-content", "article__content",
                "story-body", "storytext", "story-content", "td-post-content", "post-body",
                "news-content", "content-body", "field-name-body", "field--name-body",
                "body-text", "text-body", "articlebodycontents", "dic_area", "article-text",
                "single-content", "the-content", "post-entry", "c-article-body",
                "caas-body", "news_body", "article_txt", "view_con", "cont_view",
                "news_text", "art_txt", "entry-body", "story__body", "rich-text",
                "story-news", "article-view-content-div", "article_view", "news_view",
                "view_text", "newsct_article", "article-txt", "post-text")
_SPLIT = re.compile(r"[-_]")
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
MOST_OF_TEXT = 0.6
MIN_POSTS = 3
MAX_EXCERPT_CHARS = 3000  # a post on a listing page is a teaser, not a whole article


def read_html(source: str, *, hint: Meta) -> Parsed:
    """Pieces of a saved web page (``hint``: metadata from a sidecar, which wins)."""
    doc = parse(source)
    if doc is None:
        return Parsed.rejected("unreadable", "is not an HTML page nkviz can parse")
    meta = hint.over(page_meta(doc))
    posts = find_posts(doc, meta)
    if posts:
        return posts
    lines = boilerplate.normalise_lines(element_text(find_body(doc)))
    title, lines = text.take_title(lines, meta.title)
    published, lines = text.take_date_line(lines)
    body = boilerplate.unwrap(boilerplate.clean_lines(lines))
    return Parsed([Piece(body, meta.over(Meta(title=title, published=published)))])


def find_posts(doc, page: Meta) -> Parsed | None:
    """A category or archive page: three or more short <article> blocks with headings."""
    articles = [a for a in doc.iter("article") if not _inside_furniture(a)
                and not any(p.tag == "article" for p in a.iterancestors())]
    if len(articles) < MIN_POSTS:
        return None
    lengths = [len(a.text_content()) for a in articles]
    if max(lengths) > max(MAX_EXCERPT_CHARS, 0.5 * sum(lengths)):
        return None  # one article dominates: an article page with teasers around it
    heads = [next(a.iter("h1", "h2", "h3", "h4"), None) for a in articles]
    if sum(h is not None for h in heads) < 0.8 * len(articles):
        return None
    parsed = Parsed()
    for n, (article, head) in enumerate(zip(articles, heads), 1):
        parsed.items.append(_post(article, head, page, n))
    return parsed


def _post(article, head, page: Meta, n: int) -> Piece | Rejected:
    title = " ".join(head.text_content().split()) if head is not None else ""
    link = next((a.get("href") for a in (head.iter("a") if head is not None else ())
                 if a.get("href")), "")
    url = urljoin(page.url, link) if page.url else link
    when = next((t.get("datetime") or t.text_content() for t in article.iter("time")), "")
    lines = boilerplate.normalise_lines(element_text(article))
    _, lines = text.take_title(lines, title)
    published, lines = text.take_date_line(lines)
    body = boilerplate.unwrap(boilerplate.clean_lines(lines))
    body = re.sub(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)$", "", body)
    if not body.strip():
        return Rejected("empty", f"post {n} ({title[:60]!r}) has a title but no text",
                        f"post {n}", n)
    meta = Meta(title=title, url=url if url.startswith(("http://", "https://")) else "",
                published=parse_date(when) if when else published,
                source=page.source, language=page.language)
    return Piece(body, meta, f"post {n}", n)


def parse(source: str):
    """An lxml.html document, or None for text lxml cannot make a page of."""
    source = _CONTROL.sub("", _XML_DECL.sub("", source, count=1))
    if not source.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True,
                                      no_network=True)
        return lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def _tokens(el) -> list[str]:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()


def is_furniture(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in SKIP_TAGS or el.get("hidden") is not None:
        return True
    if (el.get("role") or "").lower() in _FURNITURE_ROLES or (el.get("aria-hidden") == "true"):
        return True
    if "display:none" in (el.get("style") or "").replace(" ", "").lower():
        return True
    for token in _tokens(el):
        if token in _FURNITURE_TOKENS or any(p in _FURNITURE_PARTS for p in _SPLIT.split(token)):
            return True
    return False


def find_body(doc):
    """The element holding the article text (the whole body as a last resort)."""
    marked = doc.xpath('//*[@itemprop="articleBody" or @itemprop="articlebody"]')
    known = [el for el in doc.iter() if isinstance(el.tag, str) and el.tag not in SKIP_TAGS
             and any(t in _BODY_TOKENS for t in _tokens(el))]
    for group in (marked, known, list(doc.iter("article")), list(doc.iter("main"))):
        # Teasers in a sidebar are not the article, but when *every* candidate sits in
        # "furniture", the furniture guess is wrong (a wrapper class like "with-sidebar").
        group = [el for el in group if not _inside_furniture(el)] or group
        if group:
            best = max(group, key=_text_length)
            if _text_length(best) >= 200:
                return best
    return _densest(doc)


def _inside_furniture(el) -> bool:
    return any(is_furniture(a) for a in el.iterancestors() if a.tag not in ("html", "body"))


def _text_length(el) -> int:
    return sum(len(p.text_content()) for p in el.iter("p")) or len(el.text_content()) // 3


def _densest(doc, skip_furniture: bool = True):
    """The block whose paragraphs hold the most text (links count for little)."""
    scores: dict = {}
    for p in doc.iter("p", "pre", "td", "blockquote"):
        text_len = len(p.text_content().strip())
        if text_len < 25 or (skip_furniture and _inside_furniture(p)):
            continue
        link_len = sum(len(a.text_content()) for a in p.iter("a"))
        score = text_len - 2 * link_len
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        if skip_furniture:
            return _densest(doc, skip_furniture=False)
        return doc.find("body") if doc.find("body") is not None else doc
    return max(scores, key=scores.get)


def element_text(root) -> str:
    """Text of an element with block breaks as blank lines and <br>/<li> as line breaks;
    furniture inside it skipped unless it holds most of the text."""
    total = max(len(root.text_content()), 1)
    out: list[str] = []
    skipped: set = set()  # elements (kept alive so lxml hands back the same proxy)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el is not root and is_furniture(el) and (
                    el.tag in SKIP_TAGS or len(el.text_content()) < MOST_OF_TEXT * total):
                walker.skip_subtree()
                skipped.add(el)
                continue
            out.append(_break(el.tag))
            if el.text:
                out.append(el.text if el.tag == "pre" else _space(el.text))
            continue
        if el not in skipped:
            out.append(_break(el.tag))
        if el is not root and el.tail:
            out.append(_space(el.tail))
    return "".join(out)


def _break(tag: str) -> str:
    return "\n\n" if tag in _BLOCK else "\n" if tag in _LINE else ""


def _space(s: str | None) -> str:
    return _WS.sub(" ", s) if s else ""


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item, a CSV cell) with paragraphs kept."""
    doc = parse(f"<html><body><div>{html}</div></body></html>")
    return element_text(doc.find("body")) if doc is not None else html
