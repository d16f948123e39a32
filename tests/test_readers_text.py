"""Plain text and Markdown: front matter, sidecars, file-name dates, titles, Markdown."""

import datetime as dt
import json
from pathlib import Path

import pytest

from nkviz.readers import read_bytes, read_paths
from nkviz.readers.markdown import to_text

DATA = Path(__file__).parent / "data" / "readers"
BODY = ("Security officials in Onsong held a meeting on Tuesday about people who call "
        "relatives in South Korea, a source in the county said.")


def one(name: str, text: str):
    reports, ingest = read_bytes(name, text.encode("utf-8"))
    assert ingest.balanced()
    assert len(reports) == 1, ingest.to_json()
    return reports[0]


@pytest.mark.parametrize("front, published, precision", [
    ("published: 2018-11-19", dt.date(2018, 11, 19), "day"),
    ("date: 2018-11", dt.date(2018, 11, 1), "month"),
    ("published: 2018", dt.date(2018, 1, 1), "year"),
    ("date: Nov 19, 2018", dt.date(2018, 11, 19), "day"),
    ("date: 2018/11/19", dt.date(2018, 11, 19), "day"),
    ("published: 19 November 2018", dt.date(2018, 11, 19), "day"),
    ("published: '2018-11-19T10:00:00+09:00'", dt.date(2018, 11, 19), "day"),
])
def test_yaml_front_matter_dates(front, published, precision):
    r = one("a.md", f"---\ntitle: Meeting in Onsong\n{front}\n---\n\n{BODY}\n")
    assert (r.published, r.published_precision) == (published, precision)
    assert r.title == "Meeting in Onsong" and r.text == BODY


def test_front_matter_fields():
    r = one("a.txt", "---\ntitle: 'Meeting in Onsong'\nsource: rfa\n"
                     "url: https://www.rfa.org/english/x.html\nlanguage: en-US\n---\n" + BODY)
    assert (r.title, r.source, r.url, r.language) == (
        "Meeting in Onsong", "Radio Free Asia", "https://www.rfa.org/english/x.html", "en")


def test_front_matter_title_with_colon_is_read_loosely():
    r = one("a.md", f"---\ntitle: Update: meeting in Onsong\ndate: 2020-01-02\n---\n{BODY}")
    assert r.title == "Update: meeting in Onsong"
    assert r.published == dt.date(2020, 1, 2)


def test_broken_front_matter_keeps_text_and_reports_a_problem():
    reports, ingest = read_bytes("a.md", f"---\ntitle: [unclosed\n  - x: y\n---\n{BODY}".encode())
    assert reports[0].text == BODY
    assert [p.reason for p in ingest.problems] == ["bad_metadata"]


def test_unreadable_date_is_a_problem_not_a_rejection():
    reports, ingest = read_bytes("a.md", f"---\ndate: sometime soon\n---\n{BODY}".encode())
    assert len(reports) == 1 and reports[0].published is None
    assert "not a date" in ingest.problems[0].detail


def test_toml_and_key_value_headers():
    r = one("a.md", f'+++\ntitle = "Meeting"\ndate = 2020-05-06\n+++\n{BODY}')
    assert (r.title, r.published) == ("Meeting", dt.date(2020, 5, 6))
    r = one("a.txt", f"Title: Meeting in Onsong\nDate: 2020-05-06\nSource: Daily NK\n\n{BODY}")
    assert (r.title, r.published, r.source) == ("Meeting in Onsong", dt.date(2020, 5, 6),
                                                "Daily NK")
    assert r.text == BODY


def test_sidecar_json_is_honoured_and_wins(tmp_path):
    (tmp_path / "onsong.txt").write_text(f"---\ntitle: From front matter\n---\n{BODY}")
    (tmp_path / "onsong.json").write_text(json.dumps(
        {"title": "From the sidecar", "published": "2019-03", "source": "NK News"}))
    reports, ingest = read_paths([tmp_path])
    assert ingest.balanced() and len(ingest.entries) == 1  # the sidecar is not a report
    r = reports[0]
    assert (r.title, r.published, r.published_precision, r.source) == (
        "From the sidecar", dt.date(2019, 3, 1), "month", "NK News")


def test_sidecar_with_full_file_name(tmp_path):
    (tmp_path / "onsong.md").write_text(BODY)
    (tmp_path / "onsong.md.json").write_text('{"date": "2019-03-04"}')
    reports, ingest = read_paths([tmp_path])
    assert len(ingest.entries) == 1 and reports[0].published == dt.date(2019, 3, 4)


def test_broken_sidecar_is_a_problem(tmp_path):
    (tmp_path / "onsong.txt").write_text(BODY)
    (tmp_path / "onsong.json").write_text("{not json")
    reports, ingest = read_paths([tmp_path])
    assert len(reports) == 1 and ingest.problems[0].reason == "bad_metadata"
    assert "onsong.json" in ingest.problems[0].detail


def test_stray_json_is_read_as_records(tmp_path):
    (tmp_path / "onsong.txt").write_text(BODY)
    (tmp_path / "export.json").write_text(json.dumps([{"text": BODY.replace("Tuesday",
                                                                            "Friday")}]))
    reports, ingest = read_paths([tmp_path])
    assert sorted(r.report_id for r in reports) == ["export#1", "onsong"]


@pytest.mark.parametrize("name, published, precision", [
    ("2018-11-05-meeting-in-onsong.txt", dt.date(2018, 11, 5), "day"),
    ("20181105_onsong.md", dt.date(2018, 11, 5), "day"),
    ("2018-11_onsong.txt", dt.date(2018, 11, 1), "month"),
    ("onsong.txt", None, "unknown"),
])
def test_file_name_date(name, published, precision):
    r = one(name, BODY)
    assert (r.published, r.published_precision) == (published, precision)


def test_file_name_date_loses_to_metadata():
    r = one("2018-11-05-x.txt", f"---\npublished: 2018-11-19\n---\n{BODY}")
    assert r.published == dt.date(2018, 11, 19)


@pytest.mark.parametrize("text, title", [
    (f"Officials question callers in Onsong\n\n{BODY}", "Officials question callers in Onsong"),
    (f"Why are callers questioned?\n{BODY}", "Why are callers questioned?"),
    (f"NewsOfficials question callers\n\nOfficials question callers\n\n{BODY}",
     "Officials question callers"),
    (f"Officials question callers\n\nOfficials question callers\n\n{BODY}",
     "Officials question callers"),
    (f"{BODY}\n\n{BODY.replace('Tuesday', 'Friday')}", ""),  # starts with prose: no title
    (f"The order came on Monday.\n\n{BODY}", ""),  # a sentence, not a headline
])
def test_title_from_first_line(text, title):
    r = one("a.txt", text)
    assert r.title == title
    if title:
        assert title not in r.text


def test_single_line_file_is_text_not_title():
    r = one("a.txt", "Officials question callers in Onsong county")
    assert r.text == "Officials question callers in Onsong county" and r.title == ""


@pytest.mark.parametrize("line, published", [
    ("Posted on March 3, 2021 by editor", dt.date(2021, 3, 3)),
    ("Jane Roe | 2021.03.03 10:00am", dt.date(2021, 3, 3)),
    ("March 3, 2021", dt.date(2021, 3, 3)),
    ("Published: 2021-03-03 Updated: 2021-03-05", dt.date(2021, 3, 3)),
    ("입력 2021.03.03 10:00", dt.date(2021, 3, 3)),
])
def test_date_line_under_title(line, published):
    r = one("a.txt", f"Officials question callers\n{line}\n\n{BODY}")
    assert r.published == published and r.text == BODY


def test_date_in_prose_is_not_a_date_line():
    text = "It happened on March 3, 2021, the source said."
    r = one("a.txt", f"Officials question callers\n\n{text}\n\n{BODY}")
    assert r.published is None and r.text.startswith(text)


@pytest.mark.parametrize("markdown, expected", [
    ("# Heading\n", "Heading\n"),
    ("Text with a [link](https://example.org/a_b) in it.", "Text with a link in it."),
    ("![photo](a.jpg)\n*A caption in italics*\nThe body.", "The body."),
    ("**Bold** and _italic_ and `code` words.", "Bold and italic and code words."),
    ("snake_case_word stays", "snake_case_word stays"),
    ("> A quote.", "A quote."),
    ("- item one\n- item two", "item one\n\nitem two\n"),
    ("1. first\n2. second", "first\n\nsecond\n"),
    ("Setext\n======\nBody.", "Setext\nBody."),
    ("A footnote.[^1]\n\n[^1]: The note.", "A footnote.\n"),
    ("[ref link][1]\n\n[1]: https://example.org", "ref link\n"),
    ("```\ncode block\n```\nAfter.", "After."),
    ("| a | b |\n|---|---|\n| c | d |", "a | b\nc | d"),
    ("Text <span>with</span> tags.", "Text with tags."),
])
def test_markdown_to_text(markdown, expected):
    assert to_text(markdown).strip("\n") == expected.strip("\n")


def test_markdown_fixture():
    reports, ingest = read_paths([DATA / "front_matter.md"])
    r = reports[0]
    assert r.title == "Residents of Sinuiju ordered to report foreign phone use"
    assert (r.published, r.published_precision) == (dt.date(2019, 7, 1), "month")
    assert r.source == "Radio Free Asia"
    assert "street in Sinuiju" not in r.text  # image caption dropped
    assert "Chinese mobile phones" in r.text and "](" not in r.text and "**" not in r.text
    assert "A first offence brings a fine of 500 yuan." in r.text
    assert not r.text.startswith("Residents of Sinuiju ordered")  # heading = title, removed


def test_captions_fixture_loses_every_kind_of_boilerplate():
    reports, _ = read_paths([DATA / "captions_article.txt"])
    r = reports[0]
    assert r.title == "Soldiers ordered to guard riverside fields at harvest"
    for gone in ("Analysis", "A soldier stands", "Photo:", "Maria Novak", "Related content",
                 "Other headline"):
        assert gone not in r.text
    assert r.text.startswith("Army units stationed near the river")
    assert r.text.endswith("in past years.")


def test_sidecar_of_a_file_given_by_name(tmp_path):
    (tmp_path / "onsong.txt").write_text(BODY)
    (tmp_path / "onsong.json").write_text('{"source": "rfa"}')
    reports, ingest = read_paths([tmp_path / "onsong.txt"])
    assert reports[0].source == "Radio Free Asia" and len(ingest.entries) == 1
