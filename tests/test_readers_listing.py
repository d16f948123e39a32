"""Listing pages split into posts; articles with short paragraphs stay whole."""

import datetime as dt
from pathlib import Path

import pytest

from nkviz.readers import read_bytes, read_paths
from nkviz.readers.boilerplate import normalise_lines
from nkviz.readers.listing import find_posts

DATA = Path(__file__).parent / "data" / "readers"

POSTS = [
    ("Checkpoints added on the road to Musan",
     "Two new checkpoints now stop all traffic on the road to Musan county, and drivers must "
     "show a permit stamped by the security office before they can go on..."),
    ("Why rice is dearer in Hoeryong this spring",
     "Traders in Hoeryong say rice prices rose by a third in March, mostly because fewer "
     "goods are coming across the river from China since the new fence went up […]"),
    ("Lectures on foreign films return",
     "Factory workers have again been ordered to attend weekly lectures on the dangers of "
     "foreign films and songs, a sign that the winter campaign is being stepped up…"),
    ("A market reopens, with fewer stalls.",  # a headline may end with a period
     "After two months behind closed gates, the main market of a northern county opened "
     "again last week, but only half of the stalls were allowed to trade..."),
]


def listing(posts=POSTS, header="Category: Border", sep="\n\n") -> str:
    body = "\n\n".join(f"{t}{sep}{e}" for t, e in posts)
    return f"{header}\n\n{body}\n" if header else body


@pytest.mark.parametrize("sep", ["\n\n", "\n"])  # excerpt in its own paragraph or glued
def test_listing_splits_into_posts(sep):
    reports, ingest = read_bytes("border.txt", listing(sep=sep).encode())
    assert ingest.balanced()
    assert [r.report_id for r in reports] == ["border#1", "border#2", "border#3", "border#4"]
    assert [r.title for r in reports] == [t for t, _ in POSTS]
    assert [r.record for r in reports] == ["post 1", "post 2", "post 3", "post 4"]
    assert reports[0].text.startswith("Two new checkpoints") and "Category" not in \
        reports[0].text
    assert not reports[1].text.endswith("[…]")


def test_posts_take_the_listing_outlet_but_not_its_url_or_date():
    text = "---\nurl: https://freekorea.us/category/border/\ndate: 2021-05-01\n---\n" + listing()
    reports, _ = read_bytes("border.txt", text.encode())
    assert len(reports) == 4
    assert all(r.source == "One Free Korea" and r.url == "" and r.published is None
               for r in reports)


def test_truncated_excerpts_are_enough_without_a_header():
    posts = find_posts(normalise_lines(listing(header="")))
    assert posts and len(posts) == 4


def test_header_is_enough_without_truncation():
    untruncated = [(t, e.rstrip(".…[] ") + ".") for t, e in POSTS]
    assert len(find_posts(normalise_lines(listing(untruncated, header="Tag: markets")))) == 4
    assert find_posts(normalise_lines(listing(untruncated, header=""))) is None


def test_two_posts_are_not_a_listing():
    assert find_posts(normalise_lines(listing(POSTS[:2]))) is None


def test_listing_fixture_with_date_lines_and_read_more():
    reports, ingest = read_paths([DATA / "listing_blog.txt"])
    assert ingest.balanced() and len(reports) == 4
    assert reports[0].title == "Checkpoints multiply on the roads out of Hyesan"
    assert reports[0].published == dt.date(2021, 3, 3)
    assert reports[3].title == 'Lectures on "anti-socialist" behaviour return to factories'
    assert all("Read more" not in r.text and "Posted on" not in r.text for r in reports)
    assert all("Older posts" not in r.text for r in reports)


def test_article_with_subheadings_is_not_split():
    reports, ingest = read_paths([DATA / "article_subheads.txt"])
    assert len(reports) == 1 and reports[0].report_id == "article_subheads"
    assert reports[0].title == "Inside the new rules for border towns"
    assert "Curfew" in reports[0].text and "Penalties" in reports[0].text


def test_article_of_short_paragraphs_is_not_split():
    paragraphs = [
        "Officials questioned four families in Onsong on Tuesday.",
        "Each family has a relative in South Korea, a source said.",
        "One man was held overnight at the county security office.",
        "He was released the next morning after paying a bribe.",
        "Neighbours said the questioning had frightened everyone on the street.",
        "The source said more visits were expected before the holiday.",
        "No one has been charged so far.",
    ]
    text = "Families questioned in Onsong\n\n" + "\n\n".join(paragraphs)
    reports, _ = read_bytes("onsong.txt", text.encode())
    assert len(reports) == 1 and reports[0].title == "Families questioned in Onsong"


def test_interview_with_question_headings_is_not_split():
    qa = [("What happened at the market?",
           "Inspectors arrived early in the morning and checked every stall for Chinese goods, "
           "and anyone selling them had their stock taken away on the spot."),
          ("Who sent the inspectors?",
           "They said they came from the provincial party committee, but people recognised "
           "some of them as local security officers wearing plain clothes."),
          ("What happens next?",
           "Traders expect the fines to be announced at the next neighbourhood meeting, and "
           "many are already selling their remaining stock at a loss.")]
    text = "Interview: a trader on the raids\n\n" + "\n\n".join(f"{q}\n\n{a}" for q, a in qa)
    reports, _ = read_bytes("interview.txt", text.encode())
    assert len(reports) == 1
