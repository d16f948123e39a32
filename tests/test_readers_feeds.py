"""RSS and Atom feeds: one report per item, HTML stripped, dates parsed."""

import datetime as dt
from pathlib import Path

import pytest

from nkviz.readers import read_bytes, read_paths

DATA = Path(__file__).parent / "data" / "readers"


def test_rss_feed():
    reports, ingest = read_paths([DATA / "feed_rss.xml"])
    assert ingest.balanced()
    a, b = reports
    assert (a.report_id, a.record) == ("feed_rss#1", "item 1")
    assert a.title == "Workers at Chongjin steel mill go unpaid for third month"
    assert a.published == dt.date(2021, 9, 7)  # RFC 822 pubDate
    assert a.url == "https://www.dailynk.com/english/chongjin-steel-unpaid/"  # no utm_*
    assert a.source == "Daily NK" and a.language == "en"
    assert "mill in a 2016 photo" not in a.text and "appeared first" not in a.text
    assert a.text.startswith("Workers at a steel mill in Chongjin, North Hamgyong")
    assert b.published == dt.date(2021, 9, 5)  # dc:date
    (rejected,) = ingest.rejected()
    assert (rejected.record, rejected.reason) == ("item 3", "empty")
    assert ingest.problems[0].reason == "bad_metadata"


def test_atom_feed():
    reports, ingest = read_paths([DATA / "feed_atom.xml"])
    a, b = reports
    assert a.title == "Checkpoints added on road to Musan"
    assert a.url == "https://borderwatch.example.org/2023/04/checkpoints-musan"
    assert a.published == dt.date(2023, 4, 18)  # published before updated
    assert a.text == ("Two new checkpoints now stop all traffic on the road to Musan county, "
                      "residents said.\n\nTravellers must show a permit stamped by the local "
                      "security office.")
    assert b.text == "Prices of rice rose in Hoeryong market in early March, traders said."
    assert b.published == dt.date(2023, 3, 2) and a.source == "Border Watch"


def test_rss_1_rdf():
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old feed</title><link>https://www.nknews.org/</link></channel>
<item><title>One</title><link>https://www.nknews.org/2015/01/one/</link>
<description>Guards at the border were told to shoot at anyone crossing at night.</description>
<dc:date>2015-01-05</dc:date></item>
</rdf:RDF>"""
    (r,), _ = read_bytes("old.rdf", rdf)
    assert (r.source, r.published) == ("NK News", dt.date(2015, 1, 5))


def test_feed_saved_as_txt_is_still_a_feed():
    data = (DATA / "feed_atom.xml").read_bytes()
    reports, _ = read_bytes("feed.txt", data)
    assert len(reports) == 2


def test_entities_are_not_expanded():
    evil = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><title>t</title><item><title>x</title>
<description>Guards were told to shoot at anyone crossing. &x; &b;</description></item>
</channel></rss>"""
    reports, ingest = read_bytes("evil.xml", evil)
    assert ingest.balanced()
    for r in reports:
        assert "root:" not in r.text


@pytest.mark.parametrize("data", [
    b"<rss><channel><item><title>x</title><description>Guards were told",
    b"<?xml version='1.0'?><rss><channel></channel></rss>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
])
def test_broken_feeds_do_not_crash(data):
    _, ingest = read_bytes("x.xml", data)
    assert ingest.balanced() and ingest.entries


def test_xml_that_is_not_a_feed_is_unsupported():
    _, ingest = read_bytes("sitemap.xml", b"<?xml version='1.0'?><urlset><url><loc>"
                                          b"https://example.org/a</loc></url></urlset>")
    (e,) = ingest.entries
    assert e.reason == "unsupported" and "<urlset>" in e.detail
