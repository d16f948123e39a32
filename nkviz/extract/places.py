"""Place names in report text, resolved to gazetteer places.

One Aho–Corasick pass over the folded text finds every name, alias and generated spelling
(Korean included); matches inside words, in lower case, or that are weapon designations
("Hwasong-15") are dropped; overlapping matches keep the longest. A name several places
share ("Unsan" in two provinces, "Gangwon"/"Kangwon" on both sides of the DMZ) is resolved
by what the same sentence names (a province, a country, "sources in"), then by what the
whole report names, then by the gazetteer's default. Offsets refer to the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..geo.gazetteer import Gazetteer, Key, Place
from ..geo.romanize import fold_with_map, original_offset

# Words that may start a match in lower case ("the Yalu", "border with China").
LOWER_OK = {"the", "border", "with", "of", "river", "bridge", "county", "city", "province",
            "camp", "north", "south", "mainland", "mt", "mount", "kwanliso", "kyohwaso",
            "political", "prison", "no", "new", "n", "s", "st", "saint", "sino", "inter",
            "maritime", "west", "east", "sea", "korean", "chinese", "russian", "demilitarized",
            "demilitarised", "military", "total", "control", "zone", "truce", "village",
            "joint", "security", "area", "internment", "concentration", "detention",
            "center", "centre", "collection", "holding", "customs", "station", "port",
            "island", "mountain", "mountains", "peninsula", "region", "workers", "district"}
_APOSTROPHES = "'’‘ʼʻ`´"
_WORDS = re.compile(r"[^\W\d_]+")
# Weapons named after places: "Hwasong-15", "M-1989 Koksan howitzers", "Musudan missile".
_WEAPON_AFTER = re.compile(r"[-‐‑–]\s?\d|\s+(?:self-propelled|howitzers?|missiles?|rockets?|"
                           r"ICBMs?|IRBMs?|launchers?|artillery|tanks?|multiple)\b",
                           re.IGNORECASE)
_WEAPON_BEFORE = re.compile(r"\b[A-Z]{1,3}-?\d{2,4}\s+$")
# (the lookahead, the characters a match can start with, only makes the search faster)
_SENTENCE_END = re.compile(r"(?=[.!?。\n])(?:[.!?。]+[\"'”’)\]]*\s+|\n\s*\n)")
# Sentence cues for North Korea's side of a shared name ("a source in Gangwon Province").
_KP_CUE = re.compile(r"\b(North Korean?|DPRK|N\. Korea|sources? (?:in|from)|residents? of|"
                     r"told Daily NK|Daily NK)\b|북한|북조선")
_KR_CUE = re.compile(r"\b(South Korean?|ROK|S\. Korea)\b|남한|대한민국")
SAME_SENTENCE, SAME_REPORT, COUNTRY_CUE = 3.0, 1.0, 2.0
# What may follow a Korean place name: particles, type words and nouns that go with places.
# Anything else means the syllables belong to another word (해주다, 무산됐다, 원산지).
KOREAN_AFTER = (
    "에서", "에는", "에도", "에게", "에", "의", "은", "는", "이", "가", "을", "를", "으로", "로",
    "과", "와", "도", "만", "까지", "부터", "쪽", "지역", "일대", "일원", "시", "군", "읍", "리",
    "구역", "로동자구", "노동자구", "출신", "주민", "시내", "장마당", "시장", "세관", "국경",
    "소식통", "인근", "근처", "방향", "방면", "내", "등", "행", "발", "특별시", "직할시")


@dataclass(frozen=True)
class PlaceFinding:
    """A place named in a text: ``text[start:end]`` is the name as written."""

    start: int
    end: int
    text: str
    place: Place


@dataclass
class _Match:
    start: int  # original offsets
    end: int
    key: str
    candidates: list[Key]
    sentence: int = 0
    place: Place | None = None


def find_places(text: str, *, gazetteer: Gazetteer | None = None) -> list[PlaceFinding]:
    """Every place named in ``text``, in text order, non-overlapping (longest wins)."""
    if not text:
        return []
    gaz = gazetteer or Gazetteer.default()
    matches = _longest(_raw_matches(text, gaz))
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for m in matches:
        m.sentence = bisect.bisect_right(ends, m.start)
    _resolve(matches, text, ends)
    return [PlaceFinding(m.start, m.end, text[m.start:m.end], m.place) for m in matches]


def _raw_matches(text: str, gaz: Gazetteer) -> list[_Match]:
    folded, starts, origins = fold_with_map(text)
    out = []
    for end, key in gaz.automaton.iter(folded):
        s, e = end - len(key) + 1, end + 1
        hangul = "\uac00" <= key[0] <= "\ud7a3"
        o_start = original_offset(s, starts, origins)
        o_end = original_offset(e - 1, starts, origins) + 1
        if not _edges_ok(folded, s, e, text, o_start, o_end, hangul):
            continue
        cands = gaz.candidates(key)
        if not hangul:
            cands = [c for c in cands if _case_ok(text[o_start:o_end], c.caps)]
        if cands and not _weapon(text, o_start, o_end) and not _in_url(text, o_start):
            out.append(_Match(o_start, o_end, key, cands))
    return out


def _edges_ok(folded: str, s: int, e: int, text: str, o_start: int, o_end: int,
              hangul: bool) -> bool:
    """Whole words only (Korean names may carry particles after them: 혜산에서)."""
    before = folded[s - 1] if s > 0 else " "
    if hangul:
        return not _is_hangul(before) and _korean_end_ok(folded, e)
    if before.isalnum() and not (o_start > 0 and text[o_start - 1] in _APOSTROPHES):
        return False
    after = folded[e] if e < len(folded) else " "
    return not after.isalnum() or (o_end < len(text) and text[o_end] in _APOSTROPHES)


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _korean_end_ok(folded: str, e: int, depth: int = 0) -> bool:
    """A particle, type word or the end of the word follows (one level deep:
    혜산시에서 yes, 무산시키다 no)."""
    if e >= len(folded) or not _is_hangul(folded[e]):
        return True
    for after in KOREAN_AFTER:
        if folded.startswith(after, e):
            if len(after) > 1 or depth:
                return True
            if _korean_end_ok(folded, e + 1, depth + 1):
                return True
    return False


def _case_ok(written: str, caps: bool) -> bool:
    """Proper nouns are capitalised: the first significant word must start upper case."""
    first = written[:1]
    if not caps and first.isupper() and first.isalpha():  # the common case: "Hyesan"
        return True
    letters = [ch for ch in written if ch.isalpha()]
    if caps:
        return all(ch.isupper() for ch in letters)
    words = _WORDS.findall(written)
    for w in words:
        if not w.isascii() or w[0].isupper():
            return True
        if w.lower() not in LOWER_OK:
            return False
    return any(ch.isupper() for ch in letters)


def _weapon(text: str, start: int, end: int) -> bool:
    return bool(_WEAPON_AFTER.match(text, end)
                or _WEAPON_BEFORE.search(text, max(0, start - 12), start))


def _in_url(text: str, start: int) -> bool:
    """Inside a web address, a path or an e-mail address ("Amnok/Yalu" is fine)."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token = text[left:start]
    return ("://" in token or "www." in token or "@" in token or token.startswith("/")
            or token.count("/") >= 2)


def _longest(matches: list[_Match]) -> list[_Match]:
    """Non-overlapping matches, longest first (earliest on ties), back in text order."""
    kept: list[_Match] = []
    taken: list[tuple[int, int]] = []  # sorted intervals
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        i = bisect.bisect_left(taken, (m.start, m.end))
        if i > 0 and taken[i - 1][1] > m.start or i < len(taken) and taken[i][0] < m.end:
            continue
        taken.insert(i, (m.start, m.end))
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _resolve(matches: list[_Match], text: str, ends: list[int]) -> None:
    """Give each match its place: unambiguous ones first, then the rest by context."""
    for m in matches:
        if len(m.candidates) == 1 or m.candidates[0].weight > m.candidates[1].weight \
                and not _contested(m):
            m.place = m.candidates[0].place
    report = _evidence(m for m in matches if m.place)
    for m in matches:
        if m.place:
            continue
        same = _evidence(o for o in matches if o.place and o.sentence == m.sentence)
        sentence = _sentence(text, ends, m.sentence)
        cues = {"KP"} if _KP_CUE.search(sentence) else set()
        cues |= {"KR"} if _KR_CUE.search(sentence) else set()
        m.place = max(m.candidates, key=lambda c: _score(c, same, report, cues)).place


def _contested(m: _Match) -> bool:
    """A lighter candidate on the other side of a border can still win on context."""
    countries = {c.place.country_code for c in m.candidates}
    return len(countries) > 1


def _score(c: Key, same: set[str], report: set[str], cues: set[str]) -> float:
    p = c.place
    score = float(c.weight)
    if p.admin1 and p.admin1 in same:
        score += SAME_SENTENCE
    elif p.admin1 and p.admin1 in report:
        score += SAME_REPORT
    if p.country_code in cues or f"country:{p.country_code}" in same:
        score += COUNTRY_CUE
    return score


def _evidence(matches: Iterable[_Match]) -> set[str]:
    """Provinces and countries the given (resolved) matches name."""
    out: set[str] = set()
    for m in matches:
        p = m.place
        out.update(s for s in (p.admin1, *p.spans) if s)
        if p.country_code and p.kind != "sea":
            out.add(f"country:{p.country_code}")
    return out


def _sentence(text: str, ends: list[int], i: int) -> str:
    start = ends[i - 1] if i > 0 else 0
    end = ends[i] if i < len(ends) else len(text)
    return text[start:end]
