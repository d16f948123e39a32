"""Property tests: the extractors never raise on arbitrary text, offsets always slice back to
the matched words, dates stay within 1945..published+1 year; and, when the seeds are
present, the real reports give what a reader would expect."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkviz.extract.agencies import find_agencies
from nkviz.extract.dates import ceiling_for, find_dates
from nkviz.extract.sentences import split_sentences
from nkviz.extract.themes import find_themes

# Fragments that steer generated text towards the patterns' edges.
FRAGMENTS = [
    "November", "Nov.", "May", "March", "on Monday", "last", "this", "early", "mid-", "late", "the end of",
    "2018", "1990s", "2,000", "No.", "19-20", "~", "to", "between", "and", "2018-11-02", "11/2/2018", "/",
    "년", "월", "일", "지난", "지난해", "이달", "초", "말", "요일", " ", "\n", "\n\n", ".", "\"", "...", "(",
    "MSS", "Ministry of State Security", "(MSS)", "Ministry of Social Security", "police", "the Party",
    "보위부", "The Ministry", "Chinese", "informants", "execut", "smuggl*", "{", "İ", "ŏ", "’", "–", "\u3000",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
PRECISION = st.sampled_from(["day", "month", "year", "unknown"])
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=TEXT, published=PUBLISHED, precision=PRECISION, language=st.sampled_from(["", "en", "ko"]))
def test_dates_never_raise_and_stay_in_range(text, published, precision, language):
    found = find_dates(text, published=published, published_precision=precision, language=language)
    known = published is not None and precision != "unknown"
    # "published + 1 year": through the end of the year after the publication period
    ceiling = ceiling_for(published, precision) if known else dt.date(2100, 12, 31)
    if known:
        assert ceiling <= dt.date(published.year + 2, 12, 31)
    for f in found:
        assert text[f.start:f.end] == f.text
        assert dt.date(1945, 1, 1) <= f.date <= f.date_end <= ceiling
        assert f.precision in ("day", "month", "year") and f.basis in ("stated", "relative")
        if published is None or precision == "unknown":
            assert f.basis == "stated"
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@FAST
@given(text=TEXT, published=PUBLISHED)
def test_agencies_never_raise_and_slice_back(text, published):
    for f in find_agencies(text, published=published):
        assert text[f.start:f.end] == f.text and f.agency


@FAST
@given(text=TEXT)
def test_themes_never_raise_and_slice_back(text):
    for f in find_themes(text):
        assert text[f.start:f.end] == f.text and f.theme


@FAST
@given(text=TEXT)
def test_sentences_never_raise_and_are_disjoint(text):
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# The seeds are real reports: read at test time, never copied into the repository.
def _seed(seeds_dir, stem):
    path = next(seeds_dir.glob(f"{stem}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {stem} is not present")
    meta = [json.loads(line) for line in (seeds_dir / "seed_meta.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return path.read_text(encoding="utf-8"), [m for m in meta if m["seed_file"] == path.name]


def test_seed_informants_article(seeds_dir):
    text, _ = _seed(seeds_dir, "002")
    agencies = {f.agency for f in find_agencies(text, published=dt.date(2018, 11, 19))}
    assert "Ministry of State Security" in agencies and "Ministry of Social Security" not in agencies
    assert "surveillance_informants" in {f.theme for f in find_themes(text)}
    dates = find_dates(text, published=dt.date(2018, 11, 19))
    assert ("November 2", dt.date(2018, 11, 2), "relative") in [(f.text, f.date, f.basis) for f in dates]


def test_seed_russia_article(seeds_dir):
    text, _ = _seed(seeds_dir, "004")
    assert "russia_alliance" in {f.theme for f in find_themes(text)}
    dates = find_dates(text, published=dt.date(2024, 11, 1), published_precision="month")
    ranges = [(f.date, f.date_end, f.precision) for f in dates if f.text == "November 19-20"]
    assert ranges == [(dt.date(2024, 11, 19), dt.date(2024, 11, 20), "day")]
    assert "Ministry of State Security" in {f.agency for f in find_agencies(text, published=dt.date(2024, 11, 1))}


def test_seed_listing_page_sentences(seeds_dir):
    text, meta = _seed(seeds_dir, "000")
    starts = {s for s, _ in split_sentences(text)}
    plain = text.replace("\u2019", "'")  # same length: offsets still hold
    positions = [plain.find(m["title"]) for m in meta]
    # each post title is on its own line, so a sentence starts where it does
    assert all(p in starts for p in positions if p >= 0)
    assert sum(p >= 0 for p in positions) >= len(meta) - 2
