"""The shipped map layers."""

from __future__ import annotations

import json

import pytest

from nkviz import vocab
from nkviz.geo.boundaries import (DRAWN_AS_DISC, border_geojson, context_geojson,
                                  province_at, provinces_geojson)
from nkviz.paths import data_file


def test_one_feature_per_province_keyed_by_canonical_name():
    fc = provinces_geojson()
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == vocab.province_names()
    for f in fc["features"]:
        props = f["properties"]
        assert props["name"] == f["id"]
        assert props["code"].startswith("KP-") and props["korean"]
        assert props["drawn_as"] == ("disc" if f["id"] in DRAWN_AS_DISC else "area")
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_rings_are_closed_and_file_is_small():
    for f in provinces_geojson()["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for rings in polys:
            for ring in rings:
                assert ring[0] == ring[-1] and len(ring) >= 4
    assert data_file("geo", "provinces.geojson").stat().st_size < 60_000


def test_population_is_not_double_counted():
    # 2008 census: civilians 23,349,859 (+ 702,372 in military quarters = 24,052,231).
    pops = [f["properties"]["population"] for f in provinces_geojson()["features"]]
    assert sum(pops) == 23_349_859


@pytest.mark.parametrize("name,lat,lon", [
    ("Pyongyang", 39.034, 125.754), ("Sinuiju", 40.10, 124.45), ("Chongjin", 41.796, 129.776),
    ("Hamhung", 39.918, 127.536), ("Haeju", 38.041, 125.715), ("Wonsan", 39.153, 127.444),
    ("Kanggye", 40.969, 126.585), ("Sariwon", 38.507, 125.756), ("Rajin", 42.256, 130.283),
    ("Nampo", 38.737, 125.408), ("Kaesong", 37.971, 126.554), ("Hyesan", 41.402, 128.178),
])
def test_capitals_fall_in_their_province(name, lat, lon):
    expected = {"Sinuiju": "North Pyongan", "Chongjin": "North Hamgyong",
                "Hamhung": "South Hamgyong", "Haeju": "South Hwanghae", "Wonsan": "Kangwon",
                "Kanggye": "Chagang", "Sariwon": "North Hwanghae", "Rajin": "Rason",
                "Hyesan": "Ryanggang"}.get(name, name)
    assert province_at(lat, lon, slack_deg=0.02) == expected


def test_south_korean_islands_are_left_out():
    assert province_at(37.96, 124.67) == ""  # Baengnyeong
    assert province_at(37.67, 125.70) == ""  # Yeonpyeong
    assert province_at(37.57, 126.98) == ""  # Seoul


def test_context_and_border_layers():
    ctx = context_geojson()
    neighbours = {f["properties"].get("neighbour") for f in ctx["features"]}
    assert {"China", "Russia", "South Korea"} <= neighbours
    assert any(f["id"] == "coastline" for f in ctx["features"])
    border = border_geojson()
    assert [f["id"] for f in border["features"]] == ["China", "Russia"]


def test_copies_are_independent():
    a = provinces_geojson()
    a["features"].clear()
    assert provinces_geojson()["features"]
    json.dumps(context_geojson())
