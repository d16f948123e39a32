"""The offline gazetteer: every place nkviz can name, with its province and precision.

Loaded from ``data/gazetteer/places.csv`` (built by ``scripts/build_gazetteer.py`` from
GeoNames and the project's own tables). Matching keys, including the romanisation variants
generated from the Korean script, are made here at load time (:mod:`.aliases`); the
Aho–Corasick automaton over all of them is built on first use. Loaded once per process.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import ahocorasick

from ..errors import GazetteerError
from ..paths import data_file
from .aliases import place_keys
from .romanize import fold

KIND_RANK = {"province": 6, "city": 5, "county": 4, "district": 3, "town": 3, "camp": 3,
             "bridge": 3, "crossing": 3, "post": 3, "site": 3, "mountain": 3, "island": 3,
             "river": 2, "region": 2, "sea": 1, "country": 1}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    ``precision`` is the geo_precision an event located here gets: ``place`` (a point),
    ``province``, ``region`` (a border stretch or a two-province region; ``spans`` lists
    its provinces) or ``country``. Province-level and vaguer places keep a representative
    point for labels, but events at those precisions are not drawn as points.
    """

    id: str
    name: str
    kind: str
    admin1: str
    admin1_code: str
    country: str
    country_code: str
    lat: float | None
    lon: float | None
    population: int | None
    precision: str
    korean: str = ""
    spans: tuple[str, ...] = field(default=())
    border: bool = False  # a stretch of the China/Russia border (Yalu, Tumen, ...)
    source: str = ""


@dataclass(frozen=True)
class Key:
    """One place a folded key can name, with the key's weight for it (2 named, 1 spelled)."""

    place: Place
    weight: int
    caps: bool  # written in capitals only (DPRK, UK): matches only capitals in the text


class Gazetteer:
    """Places, their matching keys, and the automaton over the keys."""

    def __init__(self, places: Iterable[Place], aliases: dict[str, list[str]],
                 never: Iterable[str] = ()):
        self._places = tuple(places)
        self._by_id = {p.id: p for p in self._places}
        self._keys: dict[str, list[Key]] = {}
        never = {fold(n) for n in never}
        cities = {p.name: p.id for p in self._places if p.kind == "city"
                  and p.country_code == "KP"}
        city_names = set(cities)
        aliases = dict(aliases)
        for p in self._places:  # a special city's province aliases go to the city
            if p.kind == "province" and p.name in cities:
                city = cities[p.name]
                aliases[city] = [*aliases.get(city, []), *aliases.get(p.id, []), p.korean]
        for p in self._places:
            names = aliases.get(p.id, [])
            if p.kind == "province" and p.name in city_names:
                continue  # "Pyongyang", "Nampo": the city entries answer for them
            caps = {fold(a) for a in names if _all_caps(a)}
            for k, w in place_keys(p.kind, p.name, p.korean, p.country_code, names).items():
                if k in never or len(k) < (2 if _hangul(k) or k in caps else 3):
                    continue
                self._keys.setdefault(k, []).append(Key(p, w, k in caps))
        for entries in self._keys.values():
            entries.sort(key=lambda e: (-e.weight, -rank(e.place)))

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The shipped gazetteer (loaded once per process)."""
        return cls.from_csv(data_file("gazetteer", "places.csv"),
                            data_file("gazetteer", "sources", "never_match.csv"))

    @classmethod
    def from_csv(cls, path: Path, never_path: Path | None = None) -> Gazetteer:
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            never = []
            if never_path is not None and never_path.exists():
                with open(never_path, encoding="utf-8", newline="") as fh:
                    never = [r["alias"] for r in csv.DictReader(fh)]
        except OSError as exc:
            raise GazetteerError(f"cannot read the gazetteer {path}: {exc}") from exc
        places = [_place(r) for r in rows]
        aliases = {r["id"]: [a for a in r["aliases"].split("|") if a] for r in rows}
        return cls(places, aliases, never)

    def places(self) -> tuple[Place, ...]:
        return self._places

    def keys(self) -> dict[str, list[Key]]:
        return self._keys

    def candidates(self, key: str) -> list[Key]:
        """The places a folded key can name, best first (without context)."""
        return self._keys.get(key, [])

    def get(self, name_or_id: str) -> Place | None:
        """A place by id, or the best place for a name or alias (None if unknown)."""
        if name_or_id in self._by_id:
            return self._by_id[name_or_id]
        found = self.candidates(fold(name_or_id))
        return found[0].place if found else None

    def province(self, name: str) -> Place:
        """The province entry for a canonical name, ISO code or alias of a province."""
        key = fold(name)
        for p in self._places:
            if p.kind == "province" and p.country_code == "KP" and key in (
                    fold(p.name), fold(p.admin1_code), fold(p.korean)):
                return p
        for c in self.candidates(key):
            if c.place.country_code == "KP" and c.place.kind in ("province", "city") \
                    and c.place.admin1 and fold(c.place.name) == fold(c.place.admin1):
                return self.province(c.place.admin1)
            if c.place.kind == "province" and c.place.country_code == "KP":
                return c.place
        valid = ", ".join(p.name for p in self._places
                          if p.kind == "province" and p.country_code == "KP")
        raise GazetteerError(f"{name!r} is not a North Korean province; choose one of {valid}")

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        """Aho–Corasick automaton over every folded key (value: the key)."""
        auto = ahocorasick.Automaton()
        for k in self._keys:
            auto.add_word(k, k)
        auto.make_automaton()
        return auto


def rank(p: Place) -> float:
    """Default preference among places sharing a key: kind, then population."""
    return KIND_RANK.get(p.kind, 2) + math.log10((p.population or 0) + 1) / 10


def _place(r: dict) -> Place:
    return Place(
        id=r["id"], name=r["name"], kind=r["kind"], admin1=r["admin1"],
        admin1_code=r["admin1_code"], country=r["country"], country_code=r["country_code"],
        lat=float(r["lat"]) if r["lat"] else None, lon=float(r["lon"]) if r["lon"] else None,
        population=int(r["population"]) if r["population"] else None,
        precision=r["precision"], korean=r["korean"],
        spans=tuple(s for s in r["spans"].split("|") if s), border=r["border"] == "true",
        source=r["source"])


def _all_caps(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 5


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)
