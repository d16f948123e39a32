"""Data-quality charts: precision mix and precision by outlet."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from nkviz import schema
from nkviz.charts import quality
from nkviz.errors import ConfigError

from dashboard_fixtures import small_frame


def test_precision_mix_counts_every_event_once():
    hm = quality.precision_mix(small_frame()).data[0]
    z = np.array(hm.z)
    assert z.sum() == 6 and z.shape == (4, 5)
    assert hm.y[0] == "date: day" and hm.x[0] == "geo: place"
    assert z[0][0] == 3  # Hyesan twice, Dandong once: day and place


@pytest.mark.parametrize("kind, codes", [("date", 4), ("geo", 5)])
def test_precision_by_source_shares(kind, codes):
    fig = quality.precision_by_source(small_frame(), kind=kind)
    assert len(fig.data) == codes
    assert np.allclose(np.array([t.x for t in fig.data]).sum(axis=0), 1.0)
    assert fig.data[0].y[0].startswith("Daily NK (4)")


def test_unknown_kind():
    with pytest.raises(ConfigError):
        quality.precision_by_source(small_frame(), kind="time")


def test_empty():
    assert isinstance(quality.precision_mix(schema.empty_frame()), go.Figure)
    assert isinstance(quality.date_precision_by_source(schema.empty_frame()), go.Figure)
