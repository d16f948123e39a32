"""Geocoders: the offline default and the geopy-backed one, with a fake at geopy's boundary."""

from __future__ import annotations

import json

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.location import Location

from nkviz.errors import ConfigError
from nkviz.geo.geocoders import (USER_AGENT, GazetteerGeocoder, GeopyGeocoder,
                                 candidate_names, make_geocoder)


class FakeGeopy:
    """Stands where a geopy geocoder stands: ``geocode(query, exactly_one=True)``."""

    def __init__(self, answers: dict):
        self.answers = answers
        self.calls: list[str] = []

    def geocode(self, query, exactly_one=True, **kwargs):
        self.calls.append(query)
        answer = self.answers.get(query)
        if isinstance(answer, Exception):
            raise answer
        return answer


def loc(lat, lon, address, country=""):
    raw = {"address": {"country": country}} if country else {}
    return Location(address, (lat, lon), raw)


@pytest.fixture
def make(tmp_path):
    def _make(answers, **kw):
        fake = FakeGeopy(answers)
        geo = GeopyGeocoder("nominatim", geocoder=fake, cache_path=tmp_path / "cache.json",
                            min_delay_seconds=0.0, error_wait_seconds=0.0, **kw)
        return geo, fake
    return _make


def test_rate_limit_and_user_agent_defaults(tmp_path):
    geo = GeopyGeocoder(cache_path=tmp_path / "c.json")  # builds Nominatim, asks nothing
    assert geo.rate_limiter.min_delay_seconds == 1.0
    assert geo.geocoder.headers["User-Agent"] == USER_AGENT
    assert "nkviz" in USER_AGENT and "geopy" not in USER_AGENT.lower()


def test_answer_becomes_a_place_in_its_province(make):
    geo, fake = make({"Sodu County, North Korea":
                      loc(41.65, 129.42, "Sodu, North Hamgyong, North Korea", "North Korea")})
    place = geo.geocode("Sodu County", "North Korea")
    assert (place.admin1, place.admin1_code, place.country_code) == (
        "North Hamgyong", "KP-09", "KP")
    assert place.precision == "place" and place.lat == 41.65
    assert fake.calls == ["Sodu County, North Korea"]


def test_second_ask_does_not_call_and_cache_is_on_disk(make, tmp_path):
    geo, fake = make({"Sodu County": loc(41.65, 129.42, "Sodu, North Korea")})
    geo.geocode("Sodu County")
    geo.geocode("Sodu  county")  # same name once folded
    assert len(fake.calls) == 1
    saved = json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))
    assert list(saved) == ["nominatim|sodu county|"]
    again, fake2 = make({})
    assert again.geocode("Sodu County").lat == 41.65 and fake2.calls == []


def test_not_found_is_cached_as_none(make):
    geo, fake = make({})
    assert geo.geocode("Nowhere-ri") is None
    assert geo.geocode("Nowhere-ri") is None
    assert len(fake.calls) == 1 and geo.problems == []


@pytest.mark.parametrize("error", [GeocoderTimedOut("slow"), GeocoderServiceError("503")])
def test_failure_gives_none_and_a_problem(make, error):
    geo, fake = make({"Sodu County": error})
    assert geo.geocode("Sodu County") is None
    (problem,) = geo.drain_problems()
    assert problem.reason == "geocoder_failed" and problem.record == "Sodu County"
    assert geo.problems == []
    geo.geocode("Sodu County")  # failures are not cached: asked again
    assert len(fake.calls) >= 2


def test_out_of_region_is_rejected(make):
    geo, _ = make({"Sodu County": loc(-33.9, 18.4, "Sodu, Cape Town, South Africa")})
    assert geo.geocode("Sodu County") is None
    assert geo.problems[0].reason == "geocoder_out_of_region"


def test_named_country_is_allowed_outside_the_region(make):
    geo, _ = make({"Kuwait City, Kuwait": loc(29.37, 47.98, "Kuwait City, Kuwait", "Kuwait")})
    place = geo.geocode("Kuwait City", "Kuwait")
    assert place.country_code == "KW" and place.admin1 == ""


def test_make_geocoder_choices():
    assert isinstance(make_geocoder(None), GazetteerGeocoder)
    assert isinstance(make_geocoder("offline"), GazetteerGeocoder)
    with pytest.raises(ConfigError, match="nominatim"):
        make_geocoder("no-such-service")


@pytest.mark.parametrize("name,context,province", [
    ("Unsan", "South Pyongan", "South Pyongan"),
    ("Unsan", "", "North Pyongan"),
    ("Hoiryeong", "", "North Hamgyong"),
])
def test_gazetteer_geocoder(name, context, province):
    assert GazetteerGeocoder().geocode(name, context).admin1 == province


def test_gazetteer_geocoder_unknown():
    assert GazetteerGeocoder().geocode("Sodu County") is None


@pytest.mark.parametrize("text,expected", [
    ("Police in Sodu County arrested him.", ["Sodu County"]),
    ("She came from Kapyong-ri and Tongbong-dong.", ["Kapyong-ri", "Tongbong-dong"]),
    ("Officials in Hoeryong City and Musan County met.", []),
    ("The Party City committee and South Pyongan Province.", []),
])
def test_candidate_names(text, expected):
    found = candidate_names(text)
    assert [p for _, _, p in found] == expected
    for s, e, p in found:
        assert text[s:e] == p


def test_candidate_names_skip_owners_and_known_places():
    text = "Traders in China's Jilin Province and Qatar's Lusail City met."
    assert [p for _, _, p in candidate_names(text)] == ["Lusail City"]
