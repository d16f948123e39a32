"""Distances to the China/Russia border and the border-region flag."""

from __future__ import annotations

import math

import pytest

from nkviz.geo.border import (BORDER_REGION_KM, border_distance_km, in_border_region,
                              nearest_border_point)


@pytest.mark.parametrize("name,lat,lon,low,high", [
    ("Sinuiju", 40.1006, 124.3981, 0.0, 5.0),
    ("Hyesan", 41.4017, 128.1778, 0.0, 3.0),
    ("Hoeryong", 42.4411, 129.7460, 0.0, 5.0),
    ("Kanggye", 40.9695, 126.5851, 15.0, 45.0),
    ("Chongjin", 41.7956, 129.7758, 45.0, 90.0),
    ("Pyongyang", 39.0339, 125.7543, 140.0, 200.0),
    ("Kaesong", 37.9708, 126.5544, 260.0, 340.0),
])
def test_distances(name, lat, lon, low, high):
    assert low <= border_distance_km(lat, lon) <= high, name


def test_nearest_point_is_on_the_line_near_hyesan():
    lat, lon = nearest_border_point(41.4017, 128.1778)
    assert abs(lat - 41.40) < 0.05 and abs(lon - 128.18) < 0.05


@pytest.mark.parametrize("lat,lon", [(None, 128.0), (41.0, None), (math.nan, 1.0)])
def test_no_coordinates_gives_nan(lat, lon):
    assert math.isnan(border_distance_km(lat, lon))


@pytest.mark.parametrize("admin1,km,expected", [
    ("Ryanggang", None, True),
    ("Rason", 40.0, True),
    ("North Pyongan", 120.0, True),
    ("South Hamgyong", 20.0, True),
    ("South Hamgyong", BORDER_REGION_KM + 1, False),
    ("Pyongyang", 160.0, False),
    ("Kangwon", None, False),
    ("", math.nan, False),
])
def test_in_border_region(admin1, km, expected):
    assert in_border_region(admin1, km) is expected
