"""The product's vocabulary, declared once as data in ``data/vocab/``.

Provinces, agencies and themes are read from there; every filter, legend and export uses
these canonical labels. Loaded once per process (the files are tiny and immutable).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache

import yaml

from .paths import VOCAB_DIR


@dataclass(frozen=True)
class Province:
    name: str
    code: str
    korean: str
    geonames_admin1: str
    capital: str
    border_province: bool
    borders: str
    population_2008: int
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    cues: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Agency:
    name: str
    short: str
    aliases: tuple[str, ...] = field(default=())


@cache
def provinces() -> tuple[Province, ...]:
    with open(VOCAB_DIR / "provinces.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            Province(
                name=row["name"],
                code=row["code"],
                korean=row["korean"],
                geonames_admin1=row["geonames_admin1"],
                capital=row["capital"],
                border_province=row["border_province"] == "true",
                borders=row["borders"],
                population_2008=int(row["population_2008"]),
                aliases=tuple(a for a in row["aliases"].split("|") if a),
            )
            for row in csv.DictReader(fh)
        )


@cache
def themes() -> tuple[Theme, ...]:
    rows = yaml.safe_load((VOCAB_DIR / "themes.yaml").read_text(encoding="utf-8"))
    return tuple(Theme(r["id"], r["label"], tuple(r.get("cues") or ())) for r in rows)


@cache
def agencies() -> tuple[Agency, ...]:
    rows = yaml.safe_load((VOCAB_DIR / "agencies.yaml").read_text(encoding="utf-8"))
    return tuple(Agency(r["name"], r["short"], tuple(r.get("aliases") or ())) for r in rows)


@cache
def table(name: str):
    """The parsed YAML vocabulary file ``data/vocab/<name>.yaml``, with every key the
    extractors read (cues, aliases, rules), beyond what the dataclasses above carry."""
    return yaml.safe_load((VOCAB_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def date_words() -> dict:
    """Month, weekday and relative-date words (English and Korean) for the date extractor."""
    return table("date_words")


def province_names() -> list[str]:
    return [p.name for p in provinces()]


def border_provinces() -> list[str]:
    """The China/Russia border provinces: the project's "border region"."""
    return [p.name for p in provinces() if p.border_province]


def province_by_name(name: str) -> Province:
    for p in provinces():
        if p.name == name:
            return p
    raise KeyError(name)


def theme_ids() -> list[str]:
    return [t.id for t in themes()]


def theme_label(theme_id: str) -> str:
    return {t.id: t.label for t in themes()}.get(theme_id, theme_id)


def agency_names() -> list[str]:
    return [a.name for a in agencies()]
