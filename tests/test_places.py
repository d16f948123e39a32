"""Place finding: the alias table, context, what must not match, offsets, real text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkviz.extract.places import find_places

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


TABLE = _rows("places_table.csv")


def test_alias_table_is_broad():
    assert len(TABLE) >= 150
    provinces = {r["province"] for r in TABLE}
    assert len(provinces) == 13
    families = {r["family"] for r in TABLE}
    assert {"mr-diacritics", "rr", "korean", "misspelling", "old-name", "suffix",
            "initial-drop", "nk-official"} <= families


@pytest.mark.parametrize("row", TABLE, ids=[r["alias"] for r in TABLE])
def test_alias_resolves(row):
    text = f"Reports came from {row['alias']} this week."
    found = find_places(text)
    assert [(f.text, f.place.name, f.place.admin1) for f in found] == [
        (row["alias"], row["place"], row["province"])]


CONTEXT = [
    # shared county names: the province named nearby decides
    ("Unsan County in South Pyongan Province saw arrests.", "Unsan County",
     "South Pyongan"),
    ("Gold miners in Unsan, North Pyongan, were fined.", "Unsan", "North Pyongan"),
    # Kangwon/Gangwon on either side of the DMZ
    ("A source in Gangwon Province said conscripts were hungry.", "Gangwon Province",
     "Kangwon"),
    ("Snow closed roads in Gangwon Province, South Korea, on Friday.", "Gangwon Province", ""),
    ("Kangwon Province officials met in Wonsan.", "Kangwon Province", "Kangwon"),
    ("North Korea's Gangwon Province was hit by floods.", "Gangwon Province", "Kangwon"),
    # Tumen the city and Tumen the river
    ("Traders in Tumen, Jilin Province, buy seafood from the North.", "Tumen", ""),
    # bare two-province regions are regions, not provinces
    ("Hunger is worst in Hamgyong Province this spring.", "Hamgyong Province", ""),
    ("Farmers across Hwanghae planted late.", "Hwanghae", ""),
    ("North Hamgyong Province police arrested him.", "North Hamgyong Province",
     "North Hamgyong"),
]


@pytest.mark.parametrize("text,written,province", CONTEXT)
def test_context_decides(text, written, province):
    found = {f.text: f.place for f in find_places(text)}
    assert found[written].admin1 == province


@pytest.mark.parametrize("text,written,country", [
    ("Snow closed roads in Gangwon Province, South Korea, on Friday.", "Gangwon Province",
     "KR"),
    ("Traders in Tumen, Jilin Province, buy seafood from the North.", "Tumen", "CN"),
    ("Guards waded across the Tumen from Musan at night.", "the Tumen", "KP"),
])
def test_context_picks_country(text, written, country):
    found = {f.text: f.place for f in find_places(text)}
    assert found[written].country_code == country


@pytest.mark.parametrize("text,place,precision", [
    ("Smugglers cross the Yalu at night.", "Yalu River", "region"),
    ("along the Sino-DPRK border", "Sino-North Korean border", "region"),
    ("Crackdowns in the Hamgyong provinces", "Hamgyong", "region"),
    ("Guards in North Hamgyong", "North Hamgyong", "province"),
    ("Police in Hyesan", "Hyesan", "place"),
    ("a broker in Vladivostok", "Vladivostok", "place"),
    ("workers sent to Kuwait", "Kuwait", "country"),
    ("held at Camp 15", "Camp 15", "place"),
    ("at the Sino-Korean Friendship Bridge", "Sino-Korean Friendship Bridge", "place"),
])
def test_precision(text, place, precision):
    (f,) = find_places(text)
    assert (f.place.name, f.place.precision) == (place, precision)


@pytest.mark.parametrize("text", [
    "Peace and unification were discussed in May in the Central Committee.",
    "Hope remains for the Party; the Sea was calm on Nov 3.",
    "the hoeryong market",  # proper nouns are capitalised
    "Washingtonian reporters and Hyesanese traders",  # inside words
    "The Hwasong-15 and Hwasong-17 were paraded.",  # missiles, not the county
    "M-1989 Koksan self-propelled howitzers were shipped by rail.",
    "See https://www.example.org/news/hyesan-market for details.",
    "The Chollima movement and the Paektu bloodline.",
    "Kim Jong Un, Choe Ryong Hae and Ri Sol Ju attended.",
    "Victory Day and Unification Day",
])
def test_no_false_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text,expected", [
    ("혜산시에서 단속이 있었다.", ["혜산시"]),
    ("회령의 장마당에서 쌀값이 올랐다.", ["회령"]),
    ("함경북도 무산군 주민들", ["함경북도", "무산군"]),
    ("일을 해주었다. 계획이 무산됐다. 원산지를 속였다.", []),  # verbs and nouns, not places
    ("국무위원장은 과일 시중 가격을 물었다.", []),
    ("무산시키려는 시도", []),
])
def test_korean_names_and_words(text, expected):
    assert [f.text for f in find_places(text)] == expected


def test_offsets_refer_to_original_text():
    text = "Sources in  P'yŏngan-bukto and Hoeryŏng’s market — and 혜산에서 — said so."
    found = find_places(text)
    assert [f.text for f in found] == ["P'yŏngan-bukto", "Hoeryŏng", "혜산"]
    for f in found:
        assert text[f.start:f.end] == f.text


def test_longest_match_wins_and_order():
    found = find_places("From North Hamgyong Province to Hoeryong City and Camp 16 in Hwasong.")
    assert [f.text for f in found] == ["North Hamgyong Province", "Hoeryong City", "Camp 16",
                                      "Hwasong"]


def test_possessive_and_all_caps():
    found = find_places("HYESAN'S market and the DPRK's border with the US.")
    assert [f.place.name for f in found] == ["Hyesan", "North Korea", "United States"]


def test_labelled_sentences_floor():
    """Province resolution on realistic sentences (the benchmark compares with geotext)."""
    rows = _rows("place_sentences.csv")
    assert len(rows) >= 60
    right = 0
    for r in rows:
        kp = [f for f in find_places(r["text"])
              if f.place.country_code == "KP" and f.place.admin1]
        right += (kp[0].place.admin1 if kp else "") == r["province"]
    assert right / len(rows) >= 0.9


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_reports():
    text = (SEEDS / "002_e85fd032a870de89.txt").read_text(encoding="utf-8")
    found = find_places(text)
    names = {(f.place.name, f.place.admin1) for f in found}
    assert ("Onsong", "North Hamgyong") in names
    assert ("Yalu River", "") in names
    for f in found:
        assert text[f.start:f.end] == f.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Hyesan", "ŏ", "ŭ", "P'", "’", "-", "–", " ", "  ", "혜산",
                                 "에", ".", "\n", "Kaesong", "Camp 14", "s", "North",
                                 "Hamgyong", "\u0306", "İ", "http://x/"]), max_size=30))
def test_never_raises_and_offsets_hold(tokens):
    text = "".join(tokens)
    found = find_places(text)
    ends = [f.end for f in found]
    assert ends == sorted(ends)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for f in found:
        assert text[f.start:f.end] == f.text
