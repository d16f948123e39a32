"""Seeded synthetic event frames: realistic stand-ins for a corpus, at any size.

Tests and benchmarks need canonical frames of 1,000 to 100,000 events whose shape looks
like the real thing: most events in the five border provinces, a precision mix in which
many dates are only known to the month or year and many places only to the province,
several agencies and themes per event, aligned cues, evidence sentences and the reports
behind them. :func:`events` and :func:`dataset` build them from the vocabulary
(:mod:`nkviz.vocab`) and, when it is installed, the gazetteer's places. Same seed, same
frame. Every sentence is generated from this module's own templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from . import schema, vocab
from .schema import COL

SOURCES = ("Daily NK", "Radio Free Asia", "NK News", "Asia Press", "One Free Korea", "Yonhap")
SOURCE_WEIGHTS = (0.38, 0.27, 0.14, 0.09, 0.07, 0.05)
SYNTH_URL = "https://example.org/nkviz-synthetic/"  # reserved domain: never a real report

# Shares of each precision code among events (ordered as schema.DATE_PRECISIONS / GEO_...).
DATE_MIX = (0.52, 0.28, 0.12, 0.08)
GEO_MIX = (0.42, 0.33, 0.08, 0.12, 0.05)

# Relative weight of each province: reporting concentrates on the border.
PROVINCE_WEIGHT = {
    "North Hamgyong": 20, "Ryanggang": 20, "North Pyongan": 12, "Chagang": 5, "Rason": 3,
    "Pyongyang": 10, "South Pyongan": 7, "South Hamgyong": 7, "South Hwanghae": 4,
    "North Hwanghae": 4, "Kangwon": 4, "Nampo": 2, "Kaesong": 2,
}
AGENCY_WEIGHT = {
    "Ministry of State Security": 30, "Ministry of Social Security": 22,
    "Workers' Party of Korea": 12, "Border Guard": 10, "Korean People's Army": 8,
    "Group 109": 6, "Military Security Command": 3, "Central Public Prosecutors Office": 3,
    "Inminban": 3, "Socialist Patriotic Youth League": 2, "National Intelligence Service": 1,
    "China Ministry of Public Security": 2,
}
THEME_WEIGHT = {
    "crackdown_arrest": 20, "defection_border": 14, "surveillance_informants": 10,
    "markets_trade": 9, "punishment_execution": 7, "information_media": 7,
    "smuggling_brokers": 6, "food_livelihood": 6, "ideology_campaign": 5,
    "corruption_bribery": 5, "covid_quarantine": 3, "prison_camp": 3, "overseas_labor": 3,
    "elite_purge": 2, "military_morale": 2, "protest_resistance": 2, "sanctions_diplomacy": 2,
    "russia_alliance": 1,
}
# Words an extractor might have matched, per theme (our own short cue phrases).
THEME_CUE = {
    "crackdown_arrest": "arrested", "defection_border": "crossed the river",
    "surveillance_informants": "informants", "markets_trade": "market",
    "punishment_execution": "public trial", "information_media": "South Korean dramas",
    "smuggling_brokers": "smugglers", "food_livelihood": "food shortage",
    "ideology_campaign": "study sessions", "corruption_bribery": "bribes",
    "covid_quarantine": "quarantine", "prison_camp": "labour camp",
    "overseas_labor": "workers dispatched abroad", "elite_purge": "purged",
    "military_morale": "deserted", "protest_resistance": "protested",
    "sanctions_diplomacy": "sanctions", "russia_alliance": "troops sent to Russia",
}
ACTION = {  # what the sentence says happened, by first theme
    "crackdown_arrest": "arrested {n} residents",
    "defection_border": "caught {n} people crossing the river",
    "surveillance_informants": "recruited {n} new informants",
    "markets_trade": "shut {n} market stalls",
    "punishment_execution": "held a public trial of {n} people",
    "information_media": "seized {n} USB sticks with foreign dramas",
    "smuggling_brokers": "detained {n} smugglers",
    "food_livelihood": "cut rations for {n} households",
    "ideology_campaign": "ordered {n} study sessions",
    "corruption_bribery": "took bribes from {n} traders",
    "covid_quarantine": "sealed {n} villages for quarantine",
    "prison_camp": "sent {n} people to a labour camp",
    "overseas_labor": "sent {n} workers abroad",
    "elite_purge": "purged {n} local cadres",
    "military_morale": "hunted {n} deserters",
    "protest_resistance": "faced {n} protesting traders",
    "sanctions_diplomacy": "discussed sanctions with {n} officials",
    "russia_alliance": "sent {n} soldiers to Russia",
}
KOREAN_ACTION = "주민 {n}명을 체포했다"  # "arrested {n} residents", for a few Korean reports


@dataclass(frozen=True)
class SynthPlace:
    name: str
    admin1: str
    admin1_code: str
    country: str
    lat: float
    lon: float


@cache
def places() -> tuple[SynthPlace, ...]:
    """Places with coordinates from the gazetteer (empty until it is installed)."""
    try:
        from .geo.gazetteer import Gazetteer
        found = Gazetteer.default().places()
    except (ImportError, LookupError, OSError):
        return ()
    out = []
    for p in found:
        if getattr(p, "lat", None) is None or getattr(p, "precision", "place") != "place":
            continue
        country = {"KP": "North Korea", "CN": "China", "RU": "Russia"}.get(p.country_code)
        if country:
            out.append(SynthPlace(p.name, p.admin1 if country == "North Korea" else "",
                                  p.admin1_code if country == "North Korea" else "",
                                  country, float(p.lat), float(p.lon)))
    return tuple(out)


def events(n: int, *, seed: int = 0) -> pd.DataFrame:
    """A canonical event frame of ``n`` synthetic events (deterministic for a seed)."""
    return dataset(n, seed=seed)[0]


def dataset(n: int, *, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(events, reports)``: ``n`` synthetic events and the synthetic reports behind them."""
    if n <= 0:
        return schema.empty_frame(), schema.reports_frame([])
    rng = np.random.default_rng(seed)
    per_report = rng.choice([1, 1, 1, 2, 2, 3, 4, 6], size=n)
    report_of = np.repeat(np.arange(len(per_report)), per_report)[:n]
    n_reports = int(report_of.max()) + 1
    reports = _reports(rng, n_reports)
    rows = _event_columns(rng, n, report_of, reports)
    frame = schema.coerce(pd.DataFrame(rows))
    return frame, _report_texts(frame, reports)


def _reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Outlet, publication day and language of each synthetic report."""
    # Reporting grows over the years; 2020-21 (border closure) is quieter.
    years = np.arange(2010, 2026)
    weight = np.linspace(1.0, 2.5, len(years))
    weight[(years == 2020) | (years == 2021)] *= 0.6
    year = rng.choice(years, size=n, p=weight / weight.sum())
    day = rng.integers(0, 365, size=n)
    published = pd.to_datetime(year.astype(str), format="%Y") + pd.to_timedelta(day, unit="D")
    published = published.where(published <= pd.Timestamp("2025-12-31"), pd.Timestamp("2025-12-31"))
    ids = [f"synth-{i:06d}" for i in range(n)]
    return pd.DataFrame({
        "report_id": ids,
        "source": rng.choice(SOURCES, size=n, p=SOURCE_WEIGHTS),
        "published": published,
        "language": np.where(rng.random(n) < 0.04, "ko", "en"),
    })


def _event_columns(rng, n: int, report_of: np.ndarray, reports: pd.DataFrame) -> dict:
    rep = reports.iloc[report_of].reset_index(drop=True)
    cols = {COL.EVENT_ID: [f"{r}:{i}" for r, i in zip(rep["report_id"], _rank_within(report_of))],
            COL.REPORT_ID: rep["report_id"].to_numpy(), COL.SOURCE: rep["source"].to_numpy(),
            COL.URL: (SYNTH_URL + rep["report_id"]).to_numpy(),
            COL.PUBLISHED: rep["published"].to_numpy(), COL.PUBLISHED_PRECISION: "day",
            COL.LANGUAGE: rep["language"].to_numpy()}
    cols.update(_dates(rng, n, rep["published"]))
    cols.update(_geo(rng, n))
    cols.update(_labels(rng, n))
    cols[COL.TITLE] = [f"Synthetic report {r[6:]}: {vocab.theme_label(t[0])} in {p or 'North Korea'}"
                       for r, t, p in zip(rep["report_id"], cols[COL.THEMES], cols[COL.ADMIN1])]
    cols[COL.EVIDENCE] = _evidence(rng, cols, rep["language"].to_numpy())
    # The report text joins its sentences with one space: offsets point into it.
    length = np.array([len(e) for e in cols[COL.EVIDENCE]], dtype=np.int64)
    end = pd.Series(length + 1).groupby(report_of).cumsum().to_numpy() - 1
    cols[COL.EVIDENCE_START] = end - length
    cols[COL.EVIDENCE_END] = end
    return cols


def _rank_within(groups: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal values (events of one report)."""
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    ranks = np.arange(len(groups))
    return ranks - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))


def _dates(rng, n: int, published: pd.Series) -> dict:
    """Dates before publication at the mixed precisions: month/year spans, NaT when unknown."""
    precision = rng.choice(schema.DATE_PRECISIONS, size=n, p=DATE_MIX)
    lag = pd.to_timedelta(rng.gamma(1.5, 9.0, size=n).astype(int), unit="D")
    day = (published - lag).dt.normalize().to_numpy()
    start = pd.Series(day)
    end = start.copy()
    month = precision == "month"
    start[month] = start[month].dt.to_period("M").dt.start_time
    end[month] = start[month] + pd.offsets.MonthEnd(0)
    year = precision == "year"
    start[year] = start[year].dt.to_period("Y").dt.start_time
    end[year] = start[year] + pd.offsets.YearEnd(0)
    unknown = precision == "unknown"
    start[unknown] = pd.NaT
    end[unknown] = pd.NaT
    ranged = (precision == "day") & (rng.random(n) < 0.05)  # "November 19-20"
    end[ranged] = start[ranged] + pd.Timedelta(days=1)
    basis = np.where(unknown, "unknown", np.where(rng.random(n) < 0.6, "stated", "relative"))
    basis = np.where(~unknown & (rng.random(n) < 0.1), "published", basis)
    text = np.select([precision == "day", month, year],
                     [start.dt.strftime("on %B %-d").to_numpy(dtype=object),
                      start.dt.strftime("in %B %Y").to_numpy(dtype=object),
                      start.dt.strftime("in %Y").to_numpy(dtype=object)], "")
    text = np.where(basis == "relative", np.select([precision == "day", month, year],
                    ["last Tuesday", "last month", "last year"], ""), text)
    text = np.where(basis == "published", "", text)  # only the publication date was known
    return {COL.DATE: start.to_numpy(), COL.DATE_END: end.to_numpy(), COL.DATE_PRECISION: precision,
            COL.DATE_BASIS: basis, COL.DATE_TEXT: text}


def _geo(rng, n: int) -> dict:
    """Places, provinces and coordinates at the mixed geo precisions."""
    provs = {p.name: p for p in vocab.provinces()}
    names = list(PROVINCE_WEIGHT)
    w = np.array([PROVINCE_WEIGHT[p] for p in names], dtype=float)
    admin1 = rng.choice(names, size=n, p=w / w.sum()).astype(object)
    precision = rng.choice(schema.GEO_PRECISIONS, size=n, p=GEO_MIX).astype(object)
    pts = places()
    by_prov = {}
    for i, p in enumerate(pts):
        by_prov.setdefault(p.admin1 or p.country, []).append(i)
    place, lat, lon = np.full(n, "", object), np.full(n, np.nan), np.full(n, np.nan)
    country = np.full(n, "North Korea", object)
    for i in np.flatnonzero(precision == "place"):
        abroad = rng.random() < 0.06 and ("China" in by_prov or "Russia" in by_prov)
        pool = by_prov.get(rng.choice([c for c in ("China", "Russia") if c in by_prov])
                           if abroad else admin1[i])
        if not pool:
            precision[i] = "province"  # no gazetteer place here: keep the province
            continue
        p = pts[pool[rng.integers(len(pool))]]
        place[i], lat[i], lon[i], country[i], admin1[i] = p.name, p.lat, p.lon, p.country, p.admin1
    vague = np.isin(precision, ["region", "country", "unknown"])
    admin1[vague] = ""
    place[precision == "province"] = admin1[precision == "province"]
    place[precision == "region"] = "the Sino-North Korean border"
    country[precision == "unknown"] = ""
    code = np.array([provs[a].code if a in provs else "" for a in admin1], dtype=object)
    border = np.array([a in provs and provs[a].border_province for a in admin1])
    border |= precision == "region"
    near = np.where(border & ~np.isnan(lat), rng.gamma(2.0, 8.0, size=n), np.nan)
    near = np.where(~np.isnan(lat) & ~border, rng.uniform(40, 250, size=n), near)
    near = np.where(country == "North Korea", near, np.nan)
    return {COL.PLACE: place, COL.PLACE_TEXT: place, COL.ADMIN1: admin1, COL.ADMIN1_CODE: code,
            COL.COUNTRY: country, COL.LAT: lat, COL.LON: lon, COL.GEO_PRECISION: precision,
            COL.BORDER_KM: near, COL.BORDER_REGION: border}


def _labels(rng, n: int) -> dict:
    """0-3 agencies and 1-3 themes per event, with aligned cues."""
    known_agencies = set(vocab.agency_names())
    ag_names = [a for a in AGENCY_WEIGHT if a in known_agencies]
    ag_w = np.array([AGENCY_WEIGHT[a] for a in ag_names], dtype=float)
    th_ids = [t for t in THEME_WEIGHT if t in set(vocab.theme_ids())]
    th_w = np.array([THEME_WEIGHT[t] for t in th_ids], dtype=float)
    ag_cue = {a.name: (a.aliases[0] if a.aliases else a.short) for a in vocab.agencies()}
    n_ag = rng.choice([0, 1, 1, 1, 2, 2, 3], size=n)
    n_th = rng.choice([1, 1, 1, 2, 2, 3], size=n)
    ag_pick = rng.choice(len(ag_names), size=(n, 3), p=ag_w / ag_w.sum())
    th_pick = rng.choice(len(th_ids), size=(n, 3), p=th_w / th_w.sum())
    agencies = [tuple(dict.fromkeys(ag_names[j] for j in row[:k])) for row, k in zip(ag_pick, n_ag)]
    themes = [tuple(dict.fromkeys(th_ids[j] for j in row[:k])) for row, k in zip(th_pick, n_th)]
    return {COL.AGENCIES: agencies, COL.AGENCY_CUES: [tuple(ag_cue[a] for a in t) for t in agencies],
            COL.THEMES: themes, COL.THEME_CUES: [tuple(THEME_CUE[x] for x in t) for t in themes]}


def _evidence(rng, cols: dict, language: np.ndarray) -> list[str]:
    """One generated sentence per event naming its agency, action and place."""
    counts = rng.integers(2, 40, size=len(language))
    out = []
    for ag, th, place, lang, k in zip(cols[COL.AGENCIES], cols[COL.THEMES], cols[COL.PLACE],
                                     language, counts):
        if lang == "ko":
            out.append(f"{place or '북한'}에서 보위부가 {KOREAN_ACTION.format(n=k)}.")
            continue
        who = ag[0] if ag else "Local officials"
        where = f" in {place}" if place else ""
        out.append(f"{who} {ACTION[th[0]].format(n=k)}{where}, a source said.")
    return out


def _report_texts(events: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """The reports frame: each report's text is its events' sentences, in order."""
    grouped = events.groupby(COL.REPORT_ID, sort=True)
    first = grouped.first()
    text = grouped[COL.EVIDENCE].agg(" ".join)
    frame = pd.DataFrame({
        "report_id": first.index, "title": first[COL.TITLE].to_numpy(),
        "source": first[COL.SOURCE].to_numpy(), "url": first[COL.URL].to_numpy(),
        "published": first[COL.PUBLISHED].to_numpy(), "published_precision": "day",
        "language": first[COL.LANGUAGE].to_numpy(), "input": "synthetic", "record": "",
        "text": text.to_numpy(),
    })
    return frame.loc[:, list(schema.REPORT_COLUMNS)].reset_index(drop=True)
