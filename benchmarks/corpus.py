"""A synthetic corpus of varied reports, built from the project's own templates and gazetteer.

Used by the loader benchmark (and handy for load tests): ``build(folder, n)`` writes ``n``
Markdown reports with front matter. Texts mix the spellings, agencies, dates (absolute and
relative), themes and places the loader must handle; every sentence pattern is our own.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from nkviz import vocab
from nkviz.geo.gazetteer import Gazetteer

OUTLETS = ["Daily NK", "Radio Free Asia", "NK News", "Asia Press", "Yonhap", "One Free Korea"]
AGENCY_WORDS = [
    "the Ministry of State Security", "state security agents", "the bowibu", "the SSD",
    "the Ministry of People's Security", "local police", "the People's Safety Agency",
    "border guards", "Group 109 inspectors", "the provincial party committee",
    "the inminban chief", "military security officers", "prosecutors",
]
INCIDENTS = [
    "arrested {n} residents accused of using Chinese mobile phones",
    "detained a broker who had helped {n} people cross the river",
    "held a public trial at the local stadium and sentenced {n} smugglers",
    "raided homes looking for USB sticks with South Korean dramas",
    "recruited {n} new informants among market traders",
    "sent {n} families to a labour camp after a relative defected",
    "clashed with traders protesting new market restrictions",
    "ordered study sessions on the law against reactionary thought",
    "demanded bribes from people seeking travel permits",
    "tightened watch over soldiers after {n} deserted their unit",
]
DATE_PHRASES = [
    "on {month} {day}", "on {month} {day}, {year}", "last month", "on Monday", "late last month",
    "earlier this year", "in mid-{month}", "in {month} {year}", "last week", "{month} {day}-{day2}",
]
OPENINGS = [
    "Sources inside the country say that {agency} in {place} {incident} {date}.",
    "In {place}, {agency} {incident} {date}, a source told {outlet}.",
    "{agency_cap} {incident} in {place} {date}, according to a resident.",
]
FOLLOWUPS = [
    "People in {province} are said to be more careful about what they say on the phone.",
    "Rice prices in the local jangmadang rose after the measures, traders said.",
    "A second source in {province} confirmed the account but gave no numbers.",
    "Officials reportedly warned that anyone caught would face harsh punishment.",
    "The measures follow orders from the central authorities to stop defections.",
    "It was not possible to verify the report independently.",
]


def _places(gazetteer: Gazetteer) -> list:
    kinds = {"city", "county", "town", "district"}
    return [p for p in gazetteer.places() if p.country_code == "KP" and p.kind in kinds]


def report_text(rng: random.Random, published: dt.date, places: list) -> str:
    place = rng.choice(places)
    spelling = rng.choice(gazetteer_aliases(place) or [place.name])
    month = rng.choice(["January", "March", "May", "July", "September", "November", "Nov.", "Feb."])
    day = rng.randint(1, 27)
    date = rng.choice(DATE_PHRASES).format(month=month, day=day, day2=day + 1,
                                           year=published.year)
    agency = rng.choice(AGENCY_WORDS)
    fields = dict(agency=agency, agency_cap=agency[0].upper() + agency[1:],
                  incident=rng.choice(INCIDENTS).format(n=rng.randint(2, 40)),
                  place=f"{spelling}, {place.admin1} Province", date=date,
                  outlet=rng.choice(OUTLETS), province=place.admin1)
    sentences = [rng.choice(OPENINGS).format(**fields)]
    sentences += [s.format(**fields) for s in rng.sample(FOLLOWUPS, rng.randint(2, 5))]
    return "\n\n".join(" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2))


def gazetteer_aliases(place) -> list[str]:
    return [a for a in getattr(place, "aliases", ()) if a.isascii() and len(a) > 3][:6]


def build(folder: Path, n: int = 10_000, *, seed: int = 7) -> list[Path]:
    """Write ``n`` reports under ``folder`` and return their paths."""
    rng = random.Random(seed)
    places = _places(Gazetteer.default())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    start = dt.date(2008, 1, 1)
    for i in range(n):
        published = start + dt.timedelta(days=rng.randint(0, 6900))
        text = report_text(rng, published, places)
        front = (f"---\ntitle: Report {i} on {rng.choice(vocab.theme_ids()).replace('_', ' ')}\n"
                 f"published: {published.isoformat()}\nsource: {rng.choice(OUTLETS)}\n"
                 f"url: https://example.org/reports/{i}\n---\n")
        path = folder / f"{published.isoformat()}-report-{i:05d}.md"
        path.write_text(front + text + "\n", encoding="utf-8")
        paths.append(path)
    return paths
