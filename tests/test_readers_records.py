"""CSV, TSV, JSON, JSONL and XLSX records: one report per row, columns found by name."""

import datetime as dt
import io
import json

import pytest

from nkviz.errors import ConfigError
from nkviz.readers import read_bytes

T1 = "Security officials in Onsong questioned four families on Tuesday, a source said."
T2 = "Rice prices in Hoeryong rose by a third in March as fewer goods crossed the river."
T3 = "Factory workers in Chongjin were ordered to attend weekly lectures on foreign films."


def read(name: str, data, **kw):
    if isinstance(data, str):
        data = data.encode("utf-8")
    reports, ingest = read_bytes(name, data, **kw)
    assert ingest.balanced()
    return reports, ingest


def csv_text(rows, header) -> str:
    import csv

    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("header", [
    ("title", "published", "source", "url", "text"),
    ("Headline", "pubDate", "Outlet", "Link", "Body"),
    ("headline", "published_at", "publisher", "permalink", "full_text"),
    ("제목", "날짜", "출처", "링크", "본문"),
    ("Title ", " Date", "SOURCE", "URL", "Content"),
])
def test_csv_columns_found_by_name(header):
    rows = [("Families questioned", "2020-05-06", "rfa", "https://www.rfa.org/a", T1),
            ("Rice prices rise", "Mar 3, 2021", "", "https://www.dailynk.com/b", T2)]
    reports, ingest = read("export.csv", csv_text(rows, header))
    assert [r.report_id for r in reports] == ["export#1", "export#2"]
    assert [r.record for r in reports] == ["row 1", "row 2"]
    a, b = reports
    assert (a.title, a.published, a.source, a.url, a.text) == (
        "Families questioned", dt.date(2020, 5, 6), "Radio Free Asia", "https://www.rfa.org/a", T1)
    assert (b.published, b.source) == (dt.date(2021, 3, 3), "Daily NK")  # outlet from URL


def test_text_column_priority_and_explicit_names():
    data = csv_text([("A short summary of it.", T3, T1)], ("summary", "notes", "body"))
    (r,), _ = read("e.csv", data)
    assert r.text == T1  # body outranks summary
    (r,), _ = read("e.csv", data, text_field="notes")
    assert r.text == T3  # an explicit column wins over any name


def test_field_map_overrides():
    data = csv_text([("Headline A", "2019-01-02", T1)], ("Nom", "Quand", "Texte"))
    (r,), _ = read("e.csv", data, text_field="Texte",
                   field_map={"title": "Nom", "published": "Quand"})
    assert (r.title, r.published, r.text) == ("Headline A", dt.date(2019, 1, 2), T1)


def test_unknown_field_map_key_is_a_config_error():
    with pytest.raises(ConfigError, match="choose from"):
        read_bytes("e.csv", b"text\nabc def ghi", field_map={"headline": "x"})


def test_no_text_column_names_the_columns():
    reports, ingest = read("e.csv", csv_text([("a", "b")], ("id", "count")))
    (entry,) = ingest.entries
    assert entry.reason == "no_text_column" and entry.record == ""
    assert "'id', 'count'" in entry.detail


def test_missing_explicit_column():
    _, ingest = read("e.csv", csv_text([(T1,)], ("text",)), text_field="body")
    assert ingest.entries[0].reason == "no_text_column"
    assert "'body'" in ingest.entries[0].detail


def test_empty_rows_are_rejected_one_by_one():
    data = csv_text([("A", T1), ("B", ""), ("", "   "), ("D", T2)], ("title", "text"))
    reports, ingest = read("e.csv", data)
    assert [r.report_id for r in reports] == ["e#1", "e#4"]
    rejected = ingest.rejected()
    assert [(e.record, e.reason) for e in rejected] == [("row 2", "empty"), ("row 3", "empty")]
    assert ingest.counts()["records"] == 4


@pytest.mark.parametrize("data, reason", [
    ("", "empty"), ("title,text\n", "empty"), ("\n\n", "empty"),
])
def test_empty_files(data, reason):
    _, ingest = read("e.csv", data)
    assert ingest.entries[0].reason == reason


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_other_delimiters(sep):
    data = f"title{sep}text\nA{sep}{T1}\nB{sep}{T2}\n"
    reports, _ = read("e.csv", data)
    assert [r.text for r in reports] == [T1, T2]


def test_excel_sep_line():
    reports, _ = read("e.csv", f"sep=;\ntitle;text\nA;{T1}\n")
    assert reports[0].text == T1 and reports[0].title == "A"


def test_tsv_and_csv_without_extension():
    reports, _ = read("e.tsv", f"title\ttext\nA\t{T1}\n")
    assert reports[0].text == T1
    reports, _ = read("export", f"title,text\nA,\"{T1}\"\nB,\"{T2}\"\n")
    assert [r.text for r in reports] == [T1, T2]


def test_multiline_quoted_cells_and_html_cells():
    body = "<p>" + T3 + "</p><p>" + T2 + "</p><figure><figcaption>A photo</figcaption></figure>"
    data = csv_text([("A", f"{T1}\n\n{T2}"), ("B", body)], ("title", "text"))
    reports, _ = read("e.csv", data)
    assert reports[0].text == f"{T1}\n\n{T2}"
    assert reports[1].text == f"{T3}\n\n{T2}"


def test_cp949_csv_from_excel():
    data = ("제목,본문\n단속 강화,북한 당국이 혜산에서 단속을 강화했다고 소식통이 전했다.\n"
            ).encode("cp949")
    (r,), _ = read("기사.csv", data)
    assert r.language == "ko" and r.text.startswith("북한 당국이")


@pytest.mark.parametrize("doc", [
    [{"text": T1}, {"text": T2}],
    {"items": [{"body": T1}, {"body": T2}]},
    {"data": {"articles": [{"content": T1}, {"content": T2}]}},
    {"meta": {"n": 2}, "whatever": [{"article": T1}, {"article": T2}]},
    {"hits": {"hits": [{"_source": {"text": T1}}, {"_source": {"text": T2}}]}},
    [T1, T2],
])
def test_json_layouts(doc):
    reports, _ = read("dump.json", json.dumps(doc))
    assert [r.text for r in reports] == [T1, T2]
    assert [r.report_id for r in reports] == ["dump#1", "dump#2"]


def test_wordpress_rest_export():
    doc = [{"title": {"rendered": "Families questioned"}, "date": "2020-05-06T09:00:00",
            "link": "https://freekorea.us/2020/05/06/x/",
            "content": {"rendered": f"<p>{T1}</p>\n<p>Related posts</p><p>Other</p>"}}]
    (r,), _ = read("wp.json", json.dumps(doc))
    assert (r.title, r.published, r.source, r.text) == (
        "Families questioned", dt.date(2020, 5, 6), "One Free Korea", T1)


def test_single_json_object_is_one_report():
    (r,), ingest = read("one.json", json.dumps({"headline": "A", "body": T1}))
    assert r.report_id == "one" and r.title == "A" and ingest.entries[0].record == ""


@pytest.mark.parametrize("data, reason", [
    ('{"a": 1, "b": 2}', "no_text_column"),
    ("[1, 2", "unreadable"),
    ("42", "no_text_column"),
])
def test_bad_json(data, reason):
    _, ingest = read("x.json", data)
    assert ingest.entries[0].reason == reason
    assert ingest.entries[0].detail.startswith("x.json ")


def test_json_items_that_are_not_objects():
    reports, ingest = read("x.json", json.dumps([{"text": T1}, 5, None]))
    assert len(reports) == 1
    assert [e.reason for e in ingest.rejected()] == ["not_a_report", "not_a_report"]


def test_jsonl_with_a_broken_line():
    data = "\n".join([json.dumps({"text": T1}), "{broken", "", json.dumps({"text": T2}),
                      "[1,2]"])
    reports, ingest = read("x.jsonl", data)
    assert [r.report_id for r in reports] == ["x#1", "x#3"]
    assert [(e.record, e.reason) for e in ingest.rejected()] == [
        ("line 2", "unreadable"), ("line 5", "not_a_report")]


def test_jsonl_detected_without_extension():
    data = "\n".join(json.dumps({"text": t}) for t in (T1, T2, T3))
    reports, _ = read("export.txt", data)
    assert len(reports) == 3


def test_bad_date_in_a_row_is_a_problem():
    data = csv_text([("A", "not a date", T1)], ("title", "date", "text"))
    (r,), ingest = read("e.csv", data)
    assert r.published is None
    assert ingest.problems[0].record == "row 1" and ingest.problems[0].reason == "bad_metadata"


def test_xlsx_workbook():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Title", "Date", "Text"])
    sheet.append(["Families questioned", dt.datetime(2020, 5, 6), T1])
    sheet.append([None, None, None])
    sheet.append(["Rice prices", "2021-03", T2])
    out = io.BytesIO()
    book.save(out)
    reports, _ = read("sheet.xlsx", out.getvalue())
    assert [(r.title, r.published, r.published_precision) for r in reports] == [
        ("Families questioned", dt.date(2020, 5, 6), "day"),
        ("Rice prices", dt.date(2021, 3, 1), "month")]


def test_damaged_xlsx():
    _, ingest = read("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 100)
    assert ingest.entries[0].status == "rejected"
