"""Timeline charts: stacked bars, honest imprecise dates, the event strip, reference moments."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from nkviz import moments, schema, synth
from nkviz.charts import CHARTS, note, timeline

from dashboard_fixtures import small_frame

MOMENTS = pd.DataFrame({
    "date": pd.to_datetime(["2019-06-12", "2020-01-22"]),
    "date_end": pd.to_datetime(["2019-06-12", "2020-12-31"]),
    "label": ["A summit <b>", "Border closed"], "kind": ["summit", "border"],
    "source_url": ["https://example.org/1", "https://example.org/2"],
})


@pytest.fixture
def small():
    return small_frame()


def test_bars_per_month_leave_out_year_dated(small):
    fig = timeline.events_over_time(small, granularity="month")
    assert len(fig.data) == 1 and fig.data[0].type == "bar"
    assert sum(fig.data[0].y) == 4  # three day-dated and one month-dated event
    assert "1 dated only to the year, 1 with no date" in note(fig)
    assert fig.layout.xaxis.rangeslider.visible


def test_bars_per_week_say_month_dated_are_left_out(small):
    fig = timeline.events_over_time(small, granularity="week")
    assert sum(fig.data[0].y) == 3
    assert "1 dated only to the month" in note(fig) and "weekly bars" in note(fig)


def test_bars_per_year_count_every_dated_event(small):
    fig = timeline.events_over_time(small, granularity="year", range_slider=False)
    assert sum(fig.data[0].y) == 5
    assert note(fig) == "Not in the yearly bars: 1 with no date. Choose a coarser period to count them."
    assert not fig.layout.xaxis.rangeslider.visible


def test_coloured_by_theme_uses_labels_and_stacks(small):
    fig = timeline.events_over_time(small, granularity="year", by="theme", top=2)
    names = [t.name for t in fig.data]
    assert names[:2] == ["Crackdowns & arrests", "Defection & border crossing"]  # ties by name
    assert names[-1] == "Other"
    assert fig.layout.barmode == "stack"
    assert {t.customdata[0] for t in fig.data} >= {"crackdown_arrest", "Other"}
    colours = [t.marker.color for t in fig.data]
    assert len(set(colours[:-1])) == len(colours) - 1 and colours[-1] == "#9A9A9A"


def test_moments_are_labelled_lines_in_a_band(small):
    fig = timeline.events_over_time(small, granularity="month", moments=MOMENTS)
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    spans = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(lines) == 2 and len(spans) == 1  # the closure lasts a year: a shaded span
    labels = [a.text for a in fig.layout.annotations]
    assert labels == ["A summit &lt;b&gt;", "Border closed"]  # escaped
    assert fig.layout.yaxis.domain[1] < 1


def test_no_moments_no_band(small):
    fig = timeline.events_over_time(small, moments=moments.empty_frame())
    assert not fig.layout.shapes and fig.layout.yaxis.domain is None


def test_strip_draws_days_as_dots_and_months_years_as_spans(small):
    fig = timeline.event_strip(small, by="province")
    dots = [t for t in fig.data if t.type == "scattergl" and t.name == "dated to the day"]
    spans = [t for t in fig.data if t.mode == "lines"]
    mids = [t for t in fig.data if t.name == "dated to a month or year"]
    assert len(dots) == 1 and len(dots[0].x) == 3
    assert len(mids) == 1 and len(mids[0].x) == 2
    xs = [x for t in spans for x in t.x if x is not None]
    assert {"2019-03-01", "2019-03-31", "2019-01-01", "2019-12-31"} <= set(xs)
    assert "1 undated events are not drawn" in note(fig)


def test_strip_hover_is_escaped_and_complete(small):
    fig = timeline.event_strip(small)
    text = " ".join(t for tr in fig.data if tr.text is not None for t in tr.text)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "2019-03 (month only)" in text and "2019 (year only)" in text
    assert "2019-03-04</b>" in text and "Hyesan (place)" in text and "Daily NK" in text


def test_strip_is_capped_and_says_so():
    events = synth.events(3000, seed=3)
    fig = timeline.event_strip(events, cap=500)
    drawn = sum(len(t.x) for t in fig.data if t.mode == "markers")
    assert drawn == 500
    assert "random sample of 500" in note(fig)


@pytest.mark.parametrize("name", ["timeline", "strip"])
def test_empty_frame_draws_an_empty_figure(name):
    fig = CHARTS[name](schema.empty_frame())
    assert isinstance(fig, go.Figure)


def test_input_untouched_and_figure_json_small():
    events = synth.events(20000, seed=5)
    before = events.copy()
    for name, kwargs in (("timeline", {"by": "theme", "granularity": "week"}), ("strip", {})):
        fig = CHARTS[name](events, **kwargs)
        assert len(json.dumps(fig.to_plotly_json(), default=str)) < 1_000_000
    pd.testing.assert_frame_equal(events, before)
