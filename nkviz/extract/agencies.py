"""Agencies named in report text, mapped to the canonical names of the taxonomy.

All aliases, exclusions and conditions are data (``data/vocab/agencies.yaml``, whose header
explains each key). One Aho-Corasick pass finds every alias; the longest match wins, so
"South Korean police" (an exclusion) swallows "police", "Ministry of People's Security"
beats "People's Security", "the Military Security Command" is not "the military",
"soldiers guarding the border" are the Border Guard, not the army, and "police in Dandong"
(a local force named with a Chinese place) is China's Ministry of Public Security.
Conditions then drop aliases in the wrong company ("Russian soldiers", "the Democratic
Party", "NSA" next to "U.S."), anaphors ("the Ministry") take the nearest earlier ministry,
and shared acronyms are resolved:

"MSS" means the Ministry of State Security, or since 2020 also the Ministry of Social
Security. It is read, in order, from the report's own expansion ("Ministry of Social
Security (MSS)"), from the only full name present in the report (or the nearest preceding
one when both are), from the publication date (before 2020 only State Security used the
acronym), from cue words around it (informants, spies, political -> State Security; police,
traffic, theft -> Social Security), and otherwise as State Security, its older and still
more common reading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .. import vocab
from .phrases import Hit, PhraseMatcher, fold, fold_cased, longest_first, lower, spelled_out

NEAR = 150  # characters either side searched for context words
# a sentence end in the case-kept folded text: not "U.S. " (folding made line breaks spaces)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'”’])[.!?](?=\s)|[.!?]?[\"”’](?=\s)|[。다요][.]?(?=\s)|  ")
_NAME_OK = {"The", "A", "An", "In", "Of", "And", "By", "For", "To", "On", "At", "Ruling"}


@dataclass(frozen=True)
class AgencyFinding:
    """An agency mention: ``text[start:end] == text``; ``agency`` is the canonical name."""

    start: int
    end: int
    text: str
    agency: str


@dataclass(frozen=True)
class _Entry:
    agency: str
    stop: bool = False
    cased: str | None = None  # the exact form required, folded with case kept
    not_after: tuple[str, ...] = ()
    unless_near: tuple[str, ...] = ()
    only_near: tuple[str, ...] = ()
    after_name: bool = True
    refers_back: bool = False


@dataclass(frozen=True)
class _Acronym:
    agency: str
    expansions: tuple[str, ...]
    since: dt.date | None
    cues: tuple[str, ...]


def _low(words) -> tuple[str, ...]:
    return tuple(fold(str(w)) for w in words or ())


def _entries(row: dict):
    name = row["name"]
    yield from spelled_out(row.get("aliases"), _Entry(name))
    local = row.get("local") or {}
    for word in local.get("words") or ():  # "police in Dandong", "Dandong police"
        for place in local.get("places") or ():
            yield f"{word} in {place}", _Entry(name)
            yield f"{place} {word}", _Entry(name)
    for alias in row.get("cased") or ():
        yield alias, _Entry(name, cased=fold_cased(alias))
    yield from spelled_out(row.get("not"), _Entry(name, stop=True))
    for rule in row.get("rules") or ():
        alias = rule["alias"]
        yield alias, _Entry(name, cased=fold_cased(alias) if rule.get("cased") else None,
                            not_after=_low(rule.get("not_after")), unless_near=_low(rule.get("unless_near")),
                            only_near=_low(rule.get("only_near")), after_name=rule.get("after_name", True),
                            refers_back=bool(rule.get("refers_back")))


@cache
def _vocabulary() -> tuple[PhraseMatcher, dict[str, list[_Acronym]], dict[str, int]]:
    rows = vocab.table("agencies")
    matcher = PhraseMatcher(pair for row in rows for pair in _entries(row))
    acronyms: dict[str, list[_Acronym]] = {}
    for row in rows:
        for acr, spec in (row.get("acronyms") or {}).items():
            acronyms.setdefault(fold(acr), []).append(_Acronym(
                row["name"], _low(spec.get("expansions")), spec.get("since"), _low(spec.get("cues"))))
    order = {row["name"]: i for i, row in enumerate(rows)}
    return matcher, acronyms, order


class _Context:
    """The text in its folded forms, shared by the checks of one call."""

    def __init__(self, text: str, published: dt.date | None):
        self.text, self.cased = text, fold_cased(text)
        self.folded = lower(self.cased)
        self.published = published.date() if isinstance(published, dt.datetime) else published
        self._memo: dict = {}

    def memo(self, key, compute):
        """Per-call cache: expansions are searched once per text, not once per mention."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def near(self, hit: Hit, words: tuple[str, ...]) -> bool:
        """Whether any of ``words`` occurs in the sentence around the hit (at most NEAR
        characters either side)."""
        lo = max(0, hit.start - NEAR)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.cased, lo, hit.start)]
        hi_m = _SENTENCE_END.search(self.cased, hit.end, hit.end + NEAR)
        window = self.folded[ends[-1] if ends else lo:hi_m.start() + 1 if hi_m else hit.end + NEAR]
        return any(w in window for w in words)

    def after(self, hit: Hit, words: tuple[str, ...]) -> bool:
        before = self.folded[max(0, hit.start - 30):hit.start].rstrip()
        return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
                   for w in words)

    def after_name(self, hit: Hit) -> bool:
        m = re.search(r"(\S+)\s+$", self.text[max(0, hit.start - 40):hit.start])
        word = m.group(1) if m else ""
        return word[:1].isupper() and word not in _NAME_OK and not word.endswith(("'s", "’s"))


def _keep(entry: _Entry, hit: Hit, ctx: _Context) -> bool:
    if entry.cased is not None and ctx.cased[hit.start:hit.end] != entry.cased:
        return False
    if entry.not_after and ctx.after(hit, entry.not_after):
        return False
    if entry.unless_near and ctx.near(hit, entry.unless_near):
        return False
    if entry.only_near and not ctx.near(hit, entry.only_near):
        return False
    return entry.after_name or not ctx.after_name(hit)


def _candidates(hit: Hit) -> tuple[list[str], bool]:
    """Agencies this occurrence may name (in vocabulary order) and whether it refers back."""
    kept = hit.payloads  # already filtered by _keep
    stopped = {e.agency for e in kept if e.stop}
    names = list(dict.fromkeys(e.agency for e in kept if not e.stop and e.agency not in stopped))
    return names, any(e.refers_back for e in kept if not e.stop)


def _select(hits: list[Hit], folded: str) -> list[Hit]:
    """Longest hits first; anaphors ("the Ministry") only where no name overlaps them,
    so "the Ministry of People's Security" is read as the full name."""
    weak = [h for h in hits if all(e.refers_back for e in h.payloads if not e.stop)
            and not all(e.stop for e in h.payloads)]
    strong = longest_first((h for h in hits if h not in weak), folded)
    fill = [h for h in weak if not any(h.start < s.end and s.start < h.end for s in strong)]
    return sorted(strong + longest_first(fill, folded), key=lambda h: h.start)


def find_agencies(text: str, *, published: dt.date | None = None) -> list[AgencyFinding]:
    """Every agency mention in ``text``, in text order, with canonical names.
    ``published`` dates the report for reading acronyms whose meaning changed ("MSS")."""
    matcher, acronyms, order = _vocabulary()
    ctx = _Context(text, published)
    hits = []
    for h in matcher.iter_hits(ctx.folded):
        kept = tuple(e for e in h.payloads if _keep(e, h, ctx))
        if kept:
            hits.append(Hit(h.start, h.end, kept))
    found: list[AgencyFinding] = []
    for hit in _select(hits, ctx.folded):
        names, refers_back = _candidates(hit)
        if refers_back:
            agency = next((f.agency for f in reversed(found) if f.agency in names), None)
        elif len(names) > 1:
            agency = _resolve_clash(hit, names, acronyms.get(ctx.folded[hit.start:hit.end], []), ctx, order)
        else:
            agency = names[0] if names else None
        if agency:
            found.append(AgencyFinding(hit.start, hit.end, text[hit.start:hit.end], agency))
    return found


def _expansion_positions(acr: str, spec: _Acronym, ctx: _Context) -> tuple[list[int], bool]:
    """Where the agency's full names occur, and whether one is tied to the acronym
    ("Ministry of State Security (MSS)", "MSS (Ministry of Social Security)", "... or MSS")."""
    positions, explicit = [], False
    for exp in spec.expansions:
        for m in re.finditer(re.escape(exp), ctx.folded):
            positions.append(m.start())
            tail = ctx.folded[m.end():m.end() + 12]
            if re.match(rf"\s*(?:\(|\[|,|or\b|or the\b)\s*(?:the\s+)?{acr}\b", tail):
                explicit = True
        if re.search(rf"\b{acr}\s*[(\[]\s*(?:the\s+)?{re.escape(exp)}", ctx.folded):
            explicit = True
    return sorted(positions), explicit


def _resolve_clash(hit: Hit, names: list[str], specs: list[_Acronym], ctx: _Context, order: dict) -> str:
    specs = [s for s in specs if s.agency in names]
    if not specs:
        return min(names, key=order.__getitem__)
    acr = re.escape(ctx.folded[hit.start:hit.end])
    found = {s.agency: ctx.memo((acr, s.agency), lambda s=s: _expansion_positions(acr, s, ctx)) for s in specs}
    explicit = [a for a, (_, exp) in found.items() if exp]
    present = explicit or [a for a, (pos, _) in found.items() if pos]
    if len(present) == 1:
        return present[0]
    if present:  # both full names appear: the nearest one before this mention, else after
        before = {a: max((p for p in found[a][0] if p < hit.start), default=-1) for a in present}
        if max(before.values()) >= 0:
            return max(before, key=before.__getitem__)
        return min(present, key=lambda a: found[a][0][0])
    if ctx.published is not None:
        dated = [s for s in specs if s.since is None or s.since <= ctx.published]
        if len(dated) == 1:
            return dated[0].agency
        specs = dated or specs
    scores = {s.agency: sum(ctx.near(hit, (cue,)) for cue in s.cues) for s in specs}
    best = max(scores.values())
    winners = [a for a, v in scores.items() if v == best]
    return min(winners, key=order.__getitem__)
