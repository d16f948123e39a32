import datetime as dt

import pandas as pd
import pytest

from nkviz import schema
from nkviz.errors import ConfigError, SchemaError
from nkviz.schema import COL


def test_empty_frame_has_every_column_with_canonical_dtypes():
    df = schema.empty_frame()
    assert tuple(df.columns) == schema.EVENT_COLUMNS
    assert str(df[COL.DATE].dtype) == "datetime64[ns]"
    assert list(df[COL.GEO_PRECISION].cat.categories) == list(schema.GEO_PRECISIONS)
    schema.validate(df)


def test_to_frame_accepts_events_and_dicts(events):
    rows = events.to_dict(orient="records")
    again = schema.to_frame(rows)
    pd.testing.assert_frame_equal(again, events)


def test_validate_rejects_duplicate_ids_and_reversed_ranges():
    e = schema.Event("a:1", "a", date=dt.date(2020, 5, 2), date_end=dt.date(2020, 5, 1))
    with pytest.raises(SchemaError, match="date_end before date"):
        schema.validate(schema.to_frame([e]))
    dup = [schema.Event("a:1", "a"), schema.Event("a:1", "a")]
    with pytest.raises(SchemaError, match="not unique"):
        schema.validate(schema.to_frame(dup))


def test_coerce_reads_semicolon_lists_and_rejects_missing_columns():
    df = schema.empty_frame().astype(object)
    df.loc[0] = [None] * len(df.columns)
    df.loc[0, COL.THEMES] = "crackdown_arrest; prison_camp"
    out = schema.coerce(df)
    assert out.loc[0, COL.THEMES] == ("crackdown_arrest", "prison_camp")
    with pytest.raises(SchemaError, match="missing event columns"):
        schema.coerce(df.drop(columns=[COL.THEMES]))


def test_precision_at_least_is_ordered(events):
    mask = schema.precision_at_least(events[COL.DATE_PRECISION], "month")
    assert set(events.loc[mask, COL.DATE_PRECISION].astype(str)) <= {"day", "month"}
    with pytest.raises(ConfigError, match="choose one of"):
        schema.precision_at_least(events[COL.DATE_PRECISION], "week")


def test_report_content_hash_changes_with_text_and_metadata():
    a = schema.Report("r", "text", published=dt.date(2020, 1, 1))
    assert a.content_hash == schema.Report("r", "text", published=dt.date(2020, 1, 1)).content_hash
    assert a.content_hash != schema.Report("r", "text!", published=dt.date(2020, 1, 1)).content_hash
    assert a.content_hash != schema.Report("r", "text", published=dt.date(2020, 1, 2)).content_hash
