"""The border map: offline map traces, provinces shaded, places as points, curves for clicks."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nkviz import schema, synth, vocab
from nkviz.charts import map as map_, note
from nkviz.errors import ConfigError

from dashboard_fixtures import small_frame


@pytest.fixture
def small():
    return small_frame()


def test_map_traces_draw_offline(small):
    fig = map_.province_map(small)
    types = {t.type for t in fig.data}
    assert types <= {"choroplethmap", "scattermap"}
    assert fig.layout.map.style == "white-bg"
    for t in fig.data:  # text mode on map traces makes the browser fetch glyphs
        assert "text" not in (t.mode or "") if t.type == "scattermap" else True
    assert not fig.layout.map.layers


def test_provinces_shaded_by_events_and_per_person(small):
    fig = map_.province_map(small)
    provinces = fig.data[fig.layout.meta["curves"]["provinces"][0]]
    z = dict(zip(provinces.locations, provinces.z))
    assert set(provinces.locations) == set(vocab.province_names())
    assert z["Ryanggang"] == 2 and z["Pyongyang"] == 1 and z["Chagang"] == 0
    per = map_.province_map(small, measure="per_100k").data[0]
    z = dict(zip(per.locations, per.z))
    pop = vocab.province_by_name("Ryanggang").population_2008
    assert z["Ryanggang"] == pytest.approx(round(2 / pop * 100_000, 1))
    assert "per 100,000" in per.colorbar.title.text.replace("<br>", " ")


def test_border_provinces_and_border_line_emphasised(small):
    fig = map_.province_map(small)
    provinces = fig.data[0]
    width = dict(zip(provinces.locations, provinces.marker.line.width))
    assert width["Ryanggang"] > width["Pyongyang"]
    lines = [fig.data[i] for i in fig.layout.meta["curves"]["lines"]]
    border = [t for t in lines if t.name == "border with China and Russia"]
    assert len(border) == 1 and border[0].line.width > max(t.line.width for t in lines if t is not border[0])


def test_selected_province_gets_the_heaviest_outline(small):
    provinces = map_.province_map(small, selected=("Pyongyang",)).data[0]
    width = dict(zip(provinces.locations, provinces.marker.line.width))
    assert width["Pyongyang"] == max(width.values())


def test_places_are_points_province_events_are_not(small):
    fig = map_.province_map(small)
    curves = fig.layout.meta["curves"]
    points = [fig.data[i] for i in curves["places"]]
    home = [t for t in points if t.name == "events at a place"][0]
    abroad = [t for t in points if t.name == "events abroad"][0]
    assert list(home.customdata) == ["Hyesan"] and list(abroad.customdata) == ["Dandong"]
    assert not any("Pyongyang" in str(t.customdata) for t in points)  # province-level: no point
    assert "1 events placed only in a region" in note(fig) and "1 events abroad" in note(fig)


def test_hover_has_counts_themes_agencies_escaped(small):
    fig = map_.province_map(small)
    hover = dict(zip(fig.data[0].locations, fig.data[0].text))["Ryanggang"]
    assert "2 events" in hover and "Crackdowns &amp; arrests (2)" in hover
    assert "Ministry of State Security (2)" in hover and "량강도" in hover
    place = [fig.data[i] for i in fig.layout.meta["curves"]["places"]][0].text[0]
    assert "Hyesan" in place and "2 events" in place


def test_no_places_option_and_dark_background(small):
    fig = map_.province_map(small, places=False, dark=True)
    assert fig.layout.meta["curves"]["places"] == []
    assert isinstance(fig.layout.map.style, dict)  # a style with only a dark background
    assert fig.layout.map.style["sources"] == {}


def test_unknown_measure(small):
    with pytest.raises(ConfigError, match="per_100k"):
        map_.province_map(small, measure="density")


def test_empty_and_large_frames():
    fig = map_.province_map(schema.empty_frame())
    assert fig.data[0].z.max() == 0
    events = synth.events(50000, seed=2)
    before = events.copy()
    fig = map_.province_map(events)
    assert len(json.dumps(fig.to_plotly_json(), default=str)) < 1_000_000
    pd.testing.assert_frame_equal(events, before)
