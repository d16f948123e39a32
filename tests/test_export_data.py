"""The filtered events as files: CSV, Excel (with its columns and filters sheets), GeoJSON,
and the ingest report. Rows equal the filtered events; text stays text."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest
from conftest import make_events
from export_fixtures import scope_of
from openpyxl import load_workbook

from nkviz import schema, tables
from nkviz.errors import ConfigError, ExportError
from nkviz.export import data, data_bytes
from nkviz.filters import Filters
from nkviz.ingest_report import Entry, IngestReport
from nkviz.schema import COL

CHOSEN = Filters(years=(2011, 2022), themes=("crackdown_arrest", "prison_camp", "markets_trade"))


@pytest.fixture
def scope():
    events = make_events(80, seed=11)
    events.loc[0, COL.TITLE] = '=HYPERLINK("http://evil.example","click")'
    events.loc[1, COL.EVIDENCE] = "A sentence with a bell \x07 and a form feed \x0c inside, 혜산."
    events.loc[2, COL.PLACE] = "@Hyesan"
    ingest = IngestReport([Entry("a.txt", report_id="a", events=2)])
    return scope_of(events, Filters(), ingest=ingest, label="test events")


def _read(fmt: str, payload: bytes, tmp_path) -> pd.DataFrame:
    path = tmp_path / f"events.{fmt}"
    path.write_bytes(payload)
    return tables.read_events(path)


def _same_events(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_csv_rows_are_the_filtered_events(scope, tmp_path):
    filtered = scope_of(scope.events, CHOSEN)
    assert 0 < len(filtered.events) < len(scope.events)
    got = _read("csv", data_bytes(filtered, "csv"), tmp_path)
    _same_events(data.undefused(got), filtered.events)


def test_csv_opens_in_spreadsheets(scope):
    raw = data_bytes(scope, "csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 mark: Korean text reads right in Excel
    frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    assert frame.loc[0, COL.TITLE] == "'" + '=HYPERLINK("http://evil.example","click")'
    assert frame.loc[2, COL.PLACE] == "'@Hyesan"
    assert frame.loc[1, COL.AGENCIES] == ";".join(scope.events.loc[1, COL.AGENCIES])


def test_xlsx_events_sheet_equals_the_filtered_events(scope, tmp_path):
    filtered = scope_of(scope.events, CHOSEN)
    got = _read("xlsx", data_bytes(filtered, "xlsx"), tmp_path)
    _same_events(got, filtered.events)


def test_xlsx_keeps_formula_like_text_as_text_and_drops_control_characters(scope):
    wb = load_workbook(io.BytesIO(data_bytes(scope, "xlsx")))
    sheet = wb["events"]
    header = [c.value for c in sheet[1]]
    title = sheet.cell(row=2, column=header.index(COL.TITLE) + 1)
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    evidence = sheet.cell(row=3, column=header.index(COL.EVIDENCE) + 1).value
    assert "\x07" not in evidence and "혜산" in evidence
    date = sheet.cell(row=2, column=header.index(COL.DATE) + 1)
    assert date.is_date or date.value is None


def test_xlsx_documents_every_column(scope):
    wb = load_workbook(io.BytesIO(data_bytes(scope, "xlsx")))
    assert wb.sheetnames == ["events", "columns", "filters"]
    rows = list(wb["columns"].iter_rows(values_only=True))
    assert rows[0] == ("column", "in this file", "meaning", "schema type")
    documented = {r[0]: r for r in rows[1:]}
    assert list(documented) == list(schema.EVENT_COLUMNS)
    assert all(r[2] and len(r[2]) > 8 for r in documented.values())
    assert "items joined with ';'" in documented[COL.THEMES][1]
    assert documented[COL.EVIDENCE_END][2] == documented[COL.EVIDENCE_START][2]


def test_xlsx_filters_sheet(scope):
    filtered = scope_of(scope.events, CHOSEN, label="test events")
    wb = load_workbook(io.BytesIO(data_bytes(filtered, "xlsx")))
    rows = dict(wb["filters"].iter_rows(min_row=2, values_only=True))
    n = len(filtered.events)
    assert rows["description"].startswith(f"{n} events, 2011–2022, Crackdowns & arrests")
    assert rows["years"] == "2011–2022"
    assert rows["themes"].startswith("Crackdowns & arrests (crackdown_arrest); ")
    assert rows["provinces"] == "all (no restriction)"
    assert rows["events"] == str(n) and rows["generated"] == "2026-11-22"
    assert rows["source line"].endswith("nkviz, generated 2026-11-22")
    assert rows["dashboard link"].startswith("?years=2011&years=2022&themes=")
    assert rows["data"] == "test events"


def test_xlsx_content_is_reproducible(scope):
    def members(raw: bytes) -> dict:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return {n: z.read(n) for n in z.namelist()}

    assert members(data_bytes(scope, "xlsx")) == members(data_bytes(scope, "xlsx"))
    core = members(data_bytes(scope, "xlsx"))["docProps/core.xml"]
    # created and modified both carry the export's date, never the clock's seconds
    assert core.count(b"2026-11-22T00:00:00Z") == 2


def test_geojson_has_a_feature_per_event_and_points_where_known(scope):
    filtered = scope_of(scope.events, CHOSEN)
    collection = json.loads(data_bytes(filtered, "geojson"))
    features = collection["features"]
    assert [f["id"] for f in features] == filtered.events[COL.EVENT_ID].tolist()
    for f, (_, e) in zip(features, filtered.events.iterrows()):
        if pd.isna(e[COL.LAT]):
            assert f["geometry"] is None
        else:
            assert f["geometry"] == {"type": "Point", "coordinates": [e[COL.LON], e[COL.LAT]]}


def test_ingest_report(scope):
    assert json.loads(data_bytes(scope, "ingest")) == json.loads(scope.ingest.to_json())
    without = scope_of(scope.events)
    with pytest.raises(ExportError, match="no ingest report"):
        data_bytes(without, "ingest")


def test_unknown_format_lists_the_choices(scope):
    with pytest.raises(ConfigError, match="csv, xlsx, geojson, ingest"):
        data_bytes(scope, "ods")


def test_empty_view_gives_headers_only(scope, tmp_path):
    empty = scope_of(scope.events, Filters(text="nothing matches this"))
    for fmt in ("csv", "xlsx"):
        assert len(_read(fmt, data_bytes(empty, fmt), tmp_path)) == 0
    assert json.loads(data_bytes(empty, "geojson"))["features"] == []


@pytest.mark.parametrize("cell, names", [
    ("lat, lon", ["lat", "lon"]),
    ("evidence_start/end", ["evidence_start", "evidence_end"]),
    ("published_precision", ["published_precision"]),
])
def test_column_names_from_the_schema_table(cell, names):
    assert data._names(cell) == names
