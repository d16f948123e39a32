"""Agency and theme charts: counts with clickable values, heatmap, small multiples, shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from nkviz import schema, synth
from nkviz.charts import CHARTS, breakdowns

from dashboard_fixtures import small_frame


@pytest.fixture
def small():
    return small_frame()


def test_agency_bars_carry_names_and_none_last(small):
    bar = breakdowns.agency_counts(small).data[0]
    assert list(bar.customdata) == ["Border Guard", "Ministry of State Security", "(no agency named)"]
    assert list(bar.x) == [2, 2, 3]
    assert bar.marker.color[-1] == "#9A9A9A"  # "none" is grey, not a category colour


def test_theme_bars_show_labels_but_carry_ids(small):
    bar = breakdowns.theme_counts(small).data[0]
    assert bar.y[0] == "Crackdowns &amp; arrests" and bar.customdata[0] == "crackdown_arrest"
    assert "(no theme)" in list(bar.customdata)


def test_heatmap_agency_by_theme(small):
    hm = breakdowns.agency_theme_heatmap(small).data[0]
    assert hm.type == "heatmap"
    z = pd.DataFrame(hm.z, index=hm.y, columns=hm.x)
    assert z.loc["Ministry of State Security", "Crackdowns &amp; arrests"] == 2
    assert z.loc["Border Guard", "Defection &amp; border crossing"] == 1
    assert "(no agency named)" not in z.index


def test_small_multiples_one_panel_per_theme(small):
    fig = breakdowns.theme_small_multiples(small, granularity="year", top=3)
    assert len(fig.data) == 3
    titles = [a.text for a in fig.layout.annotations]
    assert titles[0] == "Crackdowns &amp; arrests (2)"
    assert fig.data[0].customdata[0] == "crackdown_arrest"


def test_agency_share_rows_add_up_to_one(small):
    fig = breakdowns.agency_share_by_province(small)
    stacked = np.array([t.x for t in fig.data]).sum(axis=0)
    assert np.allclose(stacked, 1.0)
    assert fig.data[0].y[0] == "◆ Ryanggang" or "◆ Ryanggang" in fig.data[0].y


def test_agency_share_groups_the_rest_as_other():
    events = synth.events(4000, seed=9)
    fig = breakdowns.agency_share_by_province(events, top=3)
    assert [t.name for t in fig.data][-1] == "Other" and len(fig.data) == 4


@pytest.mark.parametrize("name", ["agencies", "themes", "heatmap", "small_multiples", "agency_share"])
def test_empty_frame_gives_a_figure(name):
    assert isinstance(CHARTS[name](schema.empty_frame()), go.Figure)


@pytest.mark.parametrize("name", ["agencies", "themes", "heatmap", "small_multiples", "agency_share"])
def test_input_untouched(name):
    events = synth.events(2000, seed=1)
    before = events.copy()
    CHARTS[name](events)
    pd.testing.assert_frame_equal(events, before)
