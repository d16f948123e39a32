"""Geocoders: names to places, behind one small interface.

The default, :class:`GazetteerGeocoder`, answers from the offline gazetteer. The optional
:class:`GeopyGeocoder` asks an online service through geopy (Nominatim unless told
otherwise) about names the gazetteer does not know: one request per second at most
(geopy's RateLimiter), a user agent that says who is asking, every answer cached on disk
so no name is asked twice, failures turned into ``None`` plus a recorded
:class:`~nkviz.ingest_report.Problem`, and answers outside the region of interest
rejected. It is off unless the user asks for it (``make_geocoder("nominatim")``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Protocol

from ..errors import ConfigError
from ..ingest_report import Problem
from .boundaries import province_at
from .gazetteer import Gazetteer, Place
from .romanize import fold

USER_AGENT = "nkviz/0.1 (event mapping of North Korea reports; offline-first research tool)"
# Korean peninsula, the Chinese and Russian border area, and the near seas (lat, lon).
REGION = (33.0, 46.5, 119.0, 135.5)
OFFLINE_NAMES = ("offline", "gazetteer")


class Geocoder(Protocol):
    def geocode(self, name: str, context: str = "") -> Place | None: ...


class GazetteerGeocoder:
    """The offline default: the best gazetteer place for a name, helped by the context
    (a province or country named near it decides between places sharing the name)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()
        self.problems: list[Problem] = []

    def geocode(self, name: str, context: str = "") -> Place | None:
        found = self.gazetteer.candidates(fold(name))
        if not found:
            return None
        if context and len(found) > 1:
            from ..extract.places import find_places  # the extractor uses this module too
            named = [f.place for f in find_places(context, gazetteer=self.gazetteer)]
            provinces = {p.admin1 for p in named if p.admin1}
            countries = {p.country_code for p in named if p.country_code}
            for test in (lambda p: p.admin1 in provinces, lambda p: p.country_code in countries):
                hit = next((c.place for c in found if test(c.place)), None)
                if hit is not None:
                    return hit
        return found[0].place


class GeopyGeocoder:
    """An online geocoder through geopy, rate-limited, cached on disk, region-checked.

    ``service`` is a geopy service name ("nominatim", "photon", "arcgis", ...); ``geocoder``
    may pass a ready geopy geocoder object instead (tests pass a fake). ``options`` go to
    the geopy class (API keys, domain, ...).
    """

    def __init__(self, service: str = "nominatim", *, user_agent: str = USER_AGENT,
                 cache_path: str | Path | None = None, min_delay_seconds: float = 1.0,
                 error_wait_seconds: float = 2.0, timeout: float = 10.0, geocoder=None,
                 gazetteer: Gazetteer | None = None, **options):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service
        self.service = service
        if geocoder is None:
            cls = get_geocoder_for_service(service)
            geocoder = cls(user_agent=user_agent, timeout=timeout, **options)
        self.geocoder = geocoder
        # One retry after a service error, then the failure is recorded, not raised.
        self.rate_limiter = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1,
            error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
            swallow_exceptions=False)
        self.cache_path = Path(cache_path) if cache_path else default_cache_path(service)
        self._cache = _read_cache(self.cache_path)
        self.gazetteer = gazetteer or Gazetteer.default()
        self.problems: list[Problem] = []

    def geocode(self, name: str, context: str = "") -> Place | None:
        """The place the service gives for ``name`` (``context``: e.g. "North Korea")."""
        key = f"{self.service}|{fold(name)}|{fold(context)}"
        if key in self._cache:
            hit = self._cache[key]
            return None if hit is None else self._place(name, hit)
        query = f"{name}, {context}" if context else name
        from geopy.exc import GeopyError
        # Nominatim: English names and an address breakdown (for the country check).
        extra = {"language": "en", "addressdetails": True} if self.service == "nominatim" else {}
        try:
            location = self.rate_limiter(query, exactly_one=True, **extra)
        except (GeopyError, OSError, ValueError) as exc:
            self._problem(name, "geocoder_failed", f"{self.service} could not answer for "
                          f"{name!r}: {type(exc).__name__}: {exc}")
            return None  # not cached: a later run may succeed
        answer = None if location is None else _answer(location)
        if answer is not None and not self._in_region(answer, context):
            self._problem(name, "geocoder_out_of_region",
                          f"{self.service} placed {name!r} at {answer['lat']:.3f}, "
                          f"{answer['lon']:.3f} ({answer['address']}), outside the region "
                          "of interest; ignored")
            answer = None
        self._cache[key] = answer
        _write_cache(self.cache_path, self._cache)
        return None if answer is None else self._place(name, answer)

    def drain_problems(self) -> list[Problem]:
        """The problems recorded since the last call (and forget them)."""
        out, self.problems = self.problems, []
        return out

    def _in_region(self, answer: dict, context: str) -> bool:
        south, north, west, east = REGION
        if south <= answer["lat"] <= north and west <= answer["lon"] <= east:
            return True
        wanted = {p.country for p in (self.gazetteer.get(w) for w in _words(context))
                  if p is not None and p.kind == "country"}
        return bool(wanted) and fold(answer["country"]) in {fold(w) for w in wanted}

    def _place(self, name: str, a: dict) -> Place:
        admin1 = province_at(a["lat"], a["lon"], slack_deg=0.02)
        kp = self.gazetteer.province(admin1) if admin1 else None
        country = self.gazetteer.get(a["country"]) if a["country"] else None
        return Place(
            id=f"geocoded:{self.service}:{fold(name).replace(' ', '-')}", name=name,
            kind="geocoded", admin1=admin1, admin1_code=kp.admin1_code if kp else "",
            country="North Korea" if kp else (country.country if country else a["country"]),
            country_code="KP" if kp else (country.country_code if country else ""),
            lat=a["lat"], lon=a["lon"], population=None, precision="place",
            source=f"{self.service}: {a['address']}")

    def _problem(self, name: str, reason: str, detail: str) -> None:
        self.problems.append(Problem(input=f"geocoder:{self.service}", record=name,
                                     reason=reason, detail=detail))


def make_geocoder(name: str | None, **options) -> Geocoder:
    """The offline gazetteer for None/"offline"/"gazetteer", else a geopy service by name."""
    from geopy.geocoders import SERVICE_TO_GEOCODER
    if name is None or name.lower() in OFFLINE_NAMES:
        return GazetteerGeocoder(options.get("gazetteer"))
    if name.lower() in SERVICE_TO_GEOCODER:
        return GeopyGeocoder(name.lower(), **options)
    valid = ", ".join([*OFFLINE_NAMES, *sorted(SERVICE_TO_GEOCODER)])
    raise ConfigError(f"unknown geocoder {name!r}; choose one of: {valid}")


def default_cache_path(service: str) -> Path:
    base = os.environ.get("NKVIZ_CACHE") or Path.home() / ".cache" / "nkviz"
    return Path(base) / f"geocode-{service}.json"


def _answer(location) -> dict:
    """What is kept of a geopy Location: point, address and, when known, country."""
    raw = getattr(location, "raw", {}) or {}
    address = str(location.address or "")
    country = (raw.get("address") or {}).get("country") if isinstance(raw, dict) else None
    country = country or (address.rsplit(",", 1)[-1].strip() if "," in address else "")
    return {"lat": float(location.latitude), "lon": float(location.longitude),
            "address": address, "country": country}


def _words(context: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[,;]", context) if p.strip()]
    return parts + [context] if context else []


def _read_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_cache(path: Path, cache: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(cache, ensure_ascii=False, indent=0), encoding="utf-8")
    tmp.replace(path)


_TYPE_WORDS = (r"County|City|Province|District|Town|Village|Township|-gun|-si|-ri|-ni|-li|"
               r"-dong|-tong|-up|-ŭp|-eup|-guyok|-kuyok|-guyŏk|-rodongjagu|-nodongjagu|"
               r"[ -]gun|[ -]ri")
_CANDIDATE = re.compile(
    rf"\b((?:[A-Z][a-zŏŭé'’]+)(?:[ -][A-Z][a-zŏŭé'’]+)?)(\s*(?:{_TYPE_WORDS}))\b")


def candidate_names(text: str, *, gazetteer: Gazetteer | None = None
                    ) -> list[tuple[int, int, str]]:
    """Place-like phrases ("Xyz County", "Xyz-gun", "Xyz City", "Xyz-ri") whose name the
    gazetteer does not know: what an optional online geocoder may be asked about."""
    gaz = gazetteer or Gazetteer.default()
    out = []
    for m in _CANDIDATE.finditer(text):
        start, base = m.start(), m.group(1)
        words = re.split(r"[ -]", base)
        owner = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
        if owner:  # "China's Jilin Province": the place is after the owner
            start += len(" ".join(words[:owner[-1] + 1])) + 1
            words = words[owner[-1] + 1:]
        while words and words[0] in _LEADING:
            start += len(words[0]) + 1
            words = words[1:]
        if not words or any(w in _NOT_NAMES for w in words):
            continue
        base = " ".join(words)
        phrase = text[start:m.end()]
        if gaz.candidates(fold(phrase)) or gaz.candidates(fold(base)):
            continue
        out.append((start, m.end(), phrase))
    return out


_LEADING = {"The", "This", "That", "A", "An", "Each", "Every", "Our", "Its", "Their", "In",
            "At", "From", "Of"}
_NOT_NAMES = {"North", "South", "East", "West", "Party", "Central", "Capital", "Special",
              "Provincial", "Municipal", "Border", "Security", "People", "People's", "Inner",
              "Outer", "New", "Old", "Forbidden", "Same", "Home", "Neighbouring",
              "Neighboring", "Nearby", "Rural", "Industrial", "Free", "Economic"}
