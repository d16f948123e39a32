import csv
import json

import pandas as pd
import pytest

from nkviz import tables
from nkviz.errors import ConfigError
from nkviz.schema import COL


@pytest.mark.parametrize("suffix", ["csv", "parquet", "jsonl", "geojson"])
def test_round_trip_gives_the_same_frame(events, tmp_path, suffix):
    path = tables.write_events(events, tmp_path / f"events.{suffix}")
    back = tables.read_events(path)
    pd.testing.assert_frame_equal(back, events)


def test_csv_joins_lists_with_semicolons(events, tmp_path):
    path = tables.write_events(events, tmp_path / "e.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(events)
    assert rows[0][COL.THEMES] == ";".join(events.loc[0, COL.THEMES])
    dated = events[COL.DATE].notna().idxmax()
    assert rows[dated][COL.DATE] == events.loc[dated, COL.DATE].strftime("%Y-%m-%d")


def test_geojson_keeps_every_event_points_only_where_known(events, tmp_path):
    data = json.loads(tables.write_events(events, tmp_path / "e.geojson").read_text())
    assert len(data["features"]) == len(events)
    with_point = [f for f in data["features"] if f["geometry"]]
    assert len(with_point) == events[COL.LAT].notna().sum()
    lon, lat = with_point[0]["geometry"]["coordinates"]
    assert 120 < lon < 135 and 35 < lat < 45


def test_unknown_extension_lists_the_choices(events, tmp_path):
    with pytest.raises(ConfigError, match=r"\.csv, \.parquet, \.jsonl, \.geojson"):
        tables.write_events(events, tmp_path / "e.xls")


def test_empty_frame_round_trips(tmp_path):
    from nkviz import schema

    back = tables.read_events(tables.write_events(schema.empty_frame(), tmp_path / "e.jsonl"))
    assert back.empty and tuple(back.columns) == schema.EVENT_COLUMNS
