"""Guess a report's language from its script, cheaply.

The extractors only need to know Korean from English (and to leave other languages
alone), so a script count is enough: "ko" when Hangul outnumbers Latin letters, "en" for
Latin script (unless a handful of function words clearly say Spanish, French, German or
Polish), and best-effort codes for Cyrillic, Chinese, Japanese and Arabic.
"""

from __future__ import annotations

import re

SAMPLE_CHARS = 3000  # enough to decide; keeps long reports cheap

_SCRIPTS = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
}

# A few very frequent words per Latin-script language (English wins ties).
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "said"},
    "es": {"el", "la", "los", "las", "de", "que", "y", "en", "por", "una", "del"},
    "fr": {"le", "la", "les", "des", "et", "est", "une", "du", "que", "dans", "pour"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "ein", "zu"},
    "pl": {"i", "w", "nie", "na", "się", "jest", "że", "do", "z", "to", "przez"},
}
_WORD = re.compile(r"[^\W\d_]+")
_ANY_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00c0-\u024f]")
_NOT_LATIN = re.compile(r"[\u0370-\u1fff\u3040-\u9fff\uac00-\ud7a3\u3130-\u318f]")
_LANGS_OF_WORD: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _LANGS_OF_WORD[_w] = _LANGS_OF_WORD.get(_w, ()) + (_lang,)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language of ``text``, '' when it has no letters."""
    sample = text[:SAMPLE_CHARS]
    if not _NOT_LATIN.search(sample):  # most reports: skip the script census
        if not _ANY_LETTER.search(sample):
            return ""
        # ASCII letters only: English (other Latin languages need their accents)
        return _latin_language(sample) if _ACCENTED.search(sample) else "en"
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
    if not any(counts.values()):
        return ""
    if counts["hangul"] and counts["hangul"] >= counts["latin"]:
        return "ko"
    script = max(counts, key=counts.get)
    if script == "latin":
        return _latin_language(sample)
    if script in ("han", "kana"):
        return "ja" if counts["kana"] * 5 >= counts["han"] else "zh"
    return {"cyrillic": "ru", "arabic": "ar", "hangul": "ko"}[script]


def _latin_language(sample: str) -> str:
    scores = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _WORD.findall(sample[:800].lower()):
        for lang in _LANGS_OF_WORD.get(word, ()):
            scores[lang] += 1
    best = max(scores, key=scores.get)
    # Another language must clearly beat English: loanwords and names are common.
    if best != "en" and scores[best] >= 3 and scores[best] > 1.5 * scores["en"]:
        return best
    return "en"
