"""Charts dressed for export: captions in words, sizes, hatching, the map's fit, no mutation."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import make_events
from export_fixtures import GENERATED, scope_of

from nkviz import schema
from nkviz.charts import CHARTS
from nkviz.errors import ConfigError
from nkviz.export import (
    SIZES,
    ExportScope,
    chart_figure,
    decorate,
    figures,
    layout,
    scope,
)
from nkviz.filters import Filters

F = Filters


@pytest.fixture
def events():
    return make_events(60, seed=5)


@pytest.mark.parametrize("chosen, expected", [
    (F(), "All years and provinces · {n} events"),
    (F(years=(2016, 2019)), "2016–2019 · {n} events"),
    (F(years=(2016, 2019), provinces=("North Hamgyong", "Ryanggang"),
       agencies=("Ministry of State Security",)),
     "2016–2019 · North Hamgyong and Ryanggang · Ministry of State Security · {n} events"),
    (F(themes=("prison_camp",), text="혜산"), 'Prison camps · matching "혜산" · {n} events'),
    (F(sources=("Daily NK", "NK News")), "From Daily NK or NK News · {n} events"),
])
def test_subtitle_says_the_filters_in_words(events, chosen, expected):
    s = scope_of(events, chosen)
    assert scope.subtitle(s) == expected.format(n=len(s.events))


def test_subtitle_counts_one_event():
    one = make_events(1)
    assert scope.subtitle(scope_of(one)).endswith("· 1 event")


def test_source_line_names_outlets_reports_and_date():
    e = schema.to_frame([
        {"event_id": f"r{i}:1", "report_id": f"r{i}", "source": s}
        for i, s in enumerate(["Daily NK"] * 3 + ["NK News"] * 2 + ["RFA", "Asia Press", ""])])
    line = scope.source_line(ExportScope(e, F(), dt.date(2026, 11, 22)))
    assert line == ("Sources: Daily NK, NK News, Asia Press and 1 more · 8 reports · "
                    "nkviz, generated 2026-11-22")


def _with_precision(codes, column=schema.COL.DATE_PRECISION):
    rows = [{"event_id": f"e{i}", "report_id": "r", column: c} for i, c in enumerate(codes)]
    return schema.to_frame(rows)


@pytest.mark.parametrize("codes, kind, expected", [
    (["day"] * 10, "date", ""),
    (["day"] * 19 + ["month"], "date", ""),  # 5%: does not matter
    (["day"] * 62 + ["month"] * 38, "date", "38% of events dated to the month only."),
    (["day"] * 5 + ["month"] * 3 + ["year"] * 2, "date",
     "30% of events dated to the month only, 20% to the year only."),
    (["place"] * 5 + ["province"] * 4 + ["country"], "geo",
     "40% of events placed only in a province, 10% only in a region or the country."),
])
def test_precision_note_only_when_it_matters(codes, kind, expected):
    column = schema.COL.DATE_PRECISION if kind == "date" else schema.COL.GEO_PRECISION
    assert scope.precision_note(_with_precision(codes, column), kind) == expected


def test_precision_note_empty_view():
    assert scope.precision_note(schema.empty_frame(), "date") == ""


def test_file_name_describes_the_view(events):
    s = scope_of(events, F(years=(2016, 2019), provinces=("North Hamgyong", "Ryanggang")))
    assert scope.file_name(s, "timeline", "png") == (
        "nkviz-timeline-2016-2019-north-hamgyong-and-1-more-2026-11-22.png")


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("size", list(SIZES))
def test_every_chart_exports_at_every_size(events, name, size):
    fig = chart_figure(scope_of(events), name, size=size)
    preset = SIZES[size]
    assert (fig.layout.width, fig.layout.height) == (preset.width, preset.height)
    assert fig.layout.title.text.startswith("<b>")
    footer = fig.layout.annotations[-1].text
    assert "nkviz, generated 2026-11-22" in footer
    m = fig.layout.margin
    assert m.t + m.b < preset.height * 0.75, "captions leave room for the chart"


def test_export_never_changes_the_dashboard_figure(events):
    for name in ("timeline", "map", "agencies", "heatmap"):
        screen = CHARTS[name](events)
        before = screen.to_json()
        decorate(screen, figures.Captions("T", "S", "Sources"), SIZES["slide"])
        assert screen.to_json() == before


def test_colours_are_those_of_the_screen(events):
    screen = CHARTS["timeline"](events, by="theme", granularity="year")
    exported = chart_figure(scope_of(events), "timeline", options={"by": "theme",
                                                                   "granularity": "year"})
    assert [t.marker.color for t in exported.data] == [t.marker.color for t in screen.data]


def test_stacked_series_are_hatched_for_grey_print(events):
    fig = chart_figure(scope_of(events), "timeline", options={"by": "theme"})
    shapes = [t.marker.pattern.shape or "" for t in fig.data]
    assert len(fig.data) > 2
    assert len(set(shapes)) == len(shapes), "each series a different hatch (the first plain)"
    assert all(t.marker.pattern.fillmode in (None, "overlay") for t in fig.data)


def test_captions_are_escaped(events):
    s = scope_of(events, F(text='<script>alert("x")</script>'))
    fig = chart_figure(s, "agencies")
    texts = fig.layout.title.subtitle.text + fig.layout.title.text
    assert "<script>" not in texts and "&lt;script&gt;" in texts
    assert "&quot;" not in texts  # plotly would show it literally; numeric references work


def test_notes_keep_what_the_chart_leaves_out_without_dashboard_advice(events):
    fig = chart_figure(scope_of(events), "timeline", options={"granularity": "week"})
    footer = fig.layout.annotations[-1].text
    assert "Not in the weekly bars" in footer
    assert "Choose a coarser period" not in footer
    assert "of events dated to the month only" in footer


def test_timeline_spans_the_chosen_years(events):
    fig = chart_figure(scope_of(events, F(years=(2012, 2015))), "timeline",
                       options={"granularity": "year"})
    start, end = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert start.year == 2011 and end.year == 2016 and not fig.layout.xaxis.rangeslider.visible


def test_map_is_fitted_framed_and_tile_free(events):
    fig = chart_figure(scope_of(events), "map", size="slide")
    assert fig.layout.map.style == "white-bg"
    x0, x1 = fig.layout.map.domain.x
    assert 0 < x0 < x1 <= 1 and fig.layout.legend.orientation == "v"
    assert fig.layout.shapes[-1].type == "rect"
    narrow = chart_figure(scope_of(events), "map", size="a4-half")
    assert narrow.layout.map.zoom < fig.layout.map.zoom


def test_map_outlines_the_filtered_provinces(events):
    fig = chart_figure(scope_of(events, F(provinces=("Ryanggang",))), "map")
    provinces = fig.data[0]
    widths = dict(zip(provinces.locations, provinces.marker.line.width))
    assert widths["Ryanggang"] == max(widths.values())


def test_options_checked_and_screen_only_ones_dropped(events):
    s = scope_of(events)
    opts = figures.chart_options(s, "map", {"dark": True, "height": 300, "zoom": 4})
    assert "dark" not in opts and "height" not in opts
    with pytest.raises(ConfigError, match="granularity"):
        figures.chart_options(s, "timeline", {"colour": "red"})
    with pytest.raises(ConfigError, match="timeline"):
        figures.chart_options(s, "pie", {})


@pytest.mark.parametrize("years, expected", [((2010, 2025), "year"), ((2016, 2019), "quarter"),
                                             ((2019, 2019), "month")])
def test_auto_granularity_by_span(events, years, expected):
    assert figures.auto_granularity(scope_of(events, F(years=years))) == expected


@pytest.mark.parametrize("text, width, lines", [
    ("short", 500, ["short"]),
    ("one two three four five six seven", 65, ["one two", "three", "four", "five six", "seven"]),
    ("평안북도 신의주시 혜산", 70, ["평안북도", "신의주시", "혜산"]),
])
def test_wrap_by_estimated_width(text, width, lines):
    assert layout.wrap(text, width, 15) == lines


def test_empty_view_still_exports(events):
    s = scope_of(events, F(text="no such words anywhere"))
    for name in ("timeline", "map", "agencies", "themes", "heatmap"):
        fig = chart_figure(s, name)
        assert "0 events" in fig.layout.title.subtitle.text
        json.loads(fig.to_json())


def test_generated_date_is_injected(events):
    s = ExportScope(events, F(), dt.date(2030, 1, 2))
    assert "generated 2030-01-02" in chart_figure(s, "themes").layout.annotations[-1].text
    assert GENERATED.isoformat() not in chart_figure(s, "themes").layout.annotations[-1].text
