"""The matching keys of a gazetteer place: its names, aliases and generated spellings.

Each key is a folded string (:func:`nkviz.geo.romanize.fold`) with a weight: 2 for the
place's own name and hand-written or GeoNames aliases (and those with a type word added:
"Hoeryong City", "Pyoktong-gun"), 1 for spellings generated from the Korean script. When
two places share a key, the heavier key wins unless the context says otherwise, so
"Gangwon" (written that way for South Korea's province) and "Kangwon" (the North's) each
default to the right one.
"""

from __future__ import annotations

import re

from .romanize import fold, simple_spellings, spellings

EXPLICIT, GENERATED = 2, 1

# English and romanised type words that follow a name ("Musan County", "Musan-gun").
SUFFIXES = {
    "city": ("city", "si", "shi"),
    "county": ("county", "gun", "kun"),
    "town": ("town", "up", "eup", "ri", "ni", "li", "rodongjagu", "nodongjagu",
             "workers district"),
    "district": ("district", "guyok", "kuyok", "guyeok", "gu"),
}
KOREAN_SUFFIXES = {"city": ("시",), "county": ("군",), "town": ("읍", "리", "로동자구", "노동자구"),
                   "district": ("구역", "구")}
_HANGUL_SUFFIX = re.compile(r"(특별시|직할시|로동자구|노동자구|구역|시|군|읍|리|동|구|도)$")
_ALL_SUFFIX_WORDS = {w for ws in SUFFIXES.values() for w in ws} | {"province", "do"}
_PROVINCE_SUFFIXES = ("province", "do", "provincial")
_NORTH = ("bukto", "pukto", "bukdo", "pukdo", "puk do", "buk do", "bukto province",
          "pukto province")
_SOUTH = ("namdo", "nam do", "namdo province")


def is_hangul(text: str) -> bool:
    return bool(text) and all("\uac00" <= ch <= "\ud7a3" for ch in text)


def korean_base(korean: str) -> str:
    """The Korean name without its type word (평양직할시 -> 평양, 혜산시 -> 혜산)."""
    base = _HANGUL_SUFFIX.sub("", korean)
    return base if len(base) >= 2 else korean


def place_keys(kind: str, name: str, korean: str, country_code: str,
               aliases: list[str]) -> dict[str, int]:
    """Folded key -> weight for one place (see module docstring)."""
    keys: dict[str, int] = {}

    def add(text: str, weight: int) -> None:
        k = fold(text)
        if k and keys.get(k, 0) < weight:
            keys[k] = weight

    for a in (name, *aliases):
        add(a, EXPLICIT)
    if korean:
        add(korean, EXPLICIT)
    generate = country_code == "KP" or (country_code == "KR" and kind in SUFFIXES)
    if kind == "province" and country_code == "KP":
        _province_keys(name, korean, add)
    elif kind in {"region", "river"} and is_hangul(korean):
        _region_keys(kind, korean, add)
    elif generate and is_hangul(korean):
        base = korean_base(korean)
        add(base, GENERATED)
        for s in spellings(base):
            add(s, GENERATED)
    elif generate and kind in SUFFIXES:
        for s in simple_spellings(name):
            add(s, GENERATED)
    if generate and kind in SUFFIXES:
        _suffixed(kind, korean, keys, add)
    return keys


def _suffixed(kind: str, korean: str, keys: dict[str, int], add) -> None:
    """'X City', 'X-si', 'X County', 'X-gun', ... for every Latin key, and 혜산시 etc."""
    for k, w in list(keys.items()):
        if is_hangul(k.replace(" ", "")) or k.split()[-1] in _ALL_SUFFIX_WORDS:
            continue
        for suffix in SUFFIXES[kind]:
            add(f"{k} {suffix}", w)
            if len(suffix) <= 3:
                add(f"{k}{suffix}", w)  # Hyesansi, Musangun
    if is_hangul(korean):
        for suffix in KOREAN_SUFFIXES[kind]:
            add(korean_base(korean) + suffix, EXPLICIT)


def _province_keys(name: str, korean: str, add) -> None:
    """North/South X, X Province, X-bukto, X-namdo, X-do ... for the North's provinces."""
    direction = ""
    base_ko = korean[:-1] if korean.endswith("도") else korean
    if base_ko.endswith(("북", "남")):
        direction = "north" if base_ko.endswith("북") else "south"
        base_ko = base_ko[:-1]
    if not is_hangul(base_ko) or korean.endswith("시"):
        return  # the special cities: their names belong to the city entries
    own = fold(name.split(" ", 1)[1] if direction else name)
    for s in spellings(base_ko) | {own}:
        w = EXPLICIT if s == own else GENERATED
        forms = [s] if not direction else [f"{direction} {s}", f"{direction[0]} {s}"]
        if direction:
            forms += [f"{s} {t}" for t in (_NORTH if direction == "north" else _SOUTH)]
            forms += [f"{s}{t}" for t in (_NORTH if direction == "north" else _SOUTH)
                      if " " not in t]
        for f in forms:
            add(f, w)
            for t in _PROVINCE_SUFFIXES:
                if not f.endswith(("do", "province")):
                    add(f"{f} {t}", w)
            if not direction:
                add(f"{f}do", w)
    add(base_ko + ("북도" if direction == "north" else "남도" if direction else "도"), EXPLICIT)


def _region_keys(kind: str, korean: str, add) -> None:
    """Bare two-province regions (Hamgyong, Pyongan, Hwanghae) and rivers (Amnok, Duman)."""
    if kind == "river" and korean.endswith("강"):
        base = korean[:-1]
        for s in spellings(base):
            for f in (s, f"{s} river", f"{s} gang", f"{s}gang"):
                add(f, GENERATED)
    elif korean.endswith("도"):
        base = korean[:-1]
        add(base, GENERATED)
        for s in spellings(base):
            for f in (s, f"{s} province", f"{s} do", f"{s}do", f"{s} provinces",
                      f"{s} region"):
                add(f, GENERATED)
