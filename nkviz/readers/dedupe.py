"""Duplicate reports: the same URL or the same text, counted once.

URLs are compared after normalisation (scheme, ``www.``/``m.``, trailing slash, fragment,
tracking parameters, parameter order); texts after folding case, punctuation and spacing,
so a copy re-saved with different line breaks or curly quotes is still a copy. The first
copy seen wins; later ones are reported as duplicates of it.
"""

from __future__ import annotations

import hashlib
import re
import string
from urllib.parse import parse_qsl, urlencode, urlsplit

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|"
                       r"yclid|_ga|_gl|ref|ref_src|ref_url|cmpid|ocid|src|source|"
                       r"share|amp|output|s|at_\w+|ito|spm|from)$", re.I)
# Punctuation that differs between copies of one text (straight or curly quotes, dashes).
_PUNCTUATION = {ord(c): " " for c in string.punctuation
                + "“”‘’„‚«»‹›—–―‐…·•¡¿、。，！？：；（）「」『』《》〈〉【】"}


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the page ('' for anything that is not a web URL).

    >>> normalise_url("https://www.dailynk.com/english/x/?utm_source=tw#top")
    'dailynk.com/english/x'
    """
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if not host or "." not in host:
        return ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    path = re.sub(r"/+", "/", parts.path or "/").rstrip("/")
    path = re.sub(r"/(?:amp|index\.html?|index\.php)$", "", path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    return host + path + ("?" + urlencode(query) if query else "")


def clean_url(url: str) -> str:
    """The URL as given, without tracking parameters and fragment (for display)."""
    url = (url or "").strip()
    if "?" not in url and "#" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    return parts._replace(query=urlencode(query), fragment="").geturl()


def text_key(text: str) -> str:
    """A fingerprint of the words of a text (case, punctuation and spacing ignored)."""
    words = " ".join(text.casefold().translate(_PUNCTUATION).split())
    return hashlib.blake2b(words.encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest() if words else ""


class Deduper:
    """Remembers the reports seen so far; says which earlier report a new one repeats."""

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    def check(self, report_id: str, url: str, text: str) -> tuple[str, str] | None:
        """('same url' | 'same text', first report_id) if a duplicate, else None (and the
        report is remembered)."""
        u, t = normalise_url(url), text_key(text)
        if u and u in self._urls:
            return "same url", self._urls[u]
        if t and t in self._texts:
            return "same text", self._texts[t]
        if u:
            self._urls[u] = report_id
        if t:
            self._texts[t] = report_id
        return None
