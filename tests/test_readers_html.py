"""Saved web pages: article body, page furniture dropped, metadata read."""

import datetime as dt
from pathlib import Path

import pytest

from nkviz.readers import read_bytes, read_paths

DATA = Path(__file__).parent / "data" / "readers"


def page(name: str):
    reports, ingest = read_paths([DATA / name])
    assert ingest.balanced()
    return reports


@pytest.mark.parametrize("name, title, source, url, published, first, last", [
    ("wordpress_article.html", "Border guards ordered to report every phone call", "Daily NK",
     "https://www.dailynk.com/english/border-guards-report-phone-calls/",
     dt.date(2021, 3, 4), "Border guard units in Ryanggang", "according to the source."),
    ("rfa_story.html", "Farmers in South Hamgyong told to hand over extra grain",
     "Radio Free Asia",
     "https://www.rfa.org/english/news/korea/grain-levy-11122020170000.html",
     dt.date(2020, 11, 12), "Farmers on collective farms", "poor rations last spring."),
    ("nknews_jsonld.html", "Satellite imagery shows new fence along Tumen River section",
     "NK News", "https://www.nknews.org/2022/08/satellite-imagery-shows-new-fence/",
     dt.date(2022, 8, 23), "A new double fence", "spread of COVID-19."),
    ("generic_divs.html", "Market crackdown in Hyesan", "", "", dt.date(2019, 6, 3),
     "Inspectors from the provincial party", "intensified since spring."),
    ("korean_wire_euckr.html", "북한, 국경 지역 밀수 단속 강화", "Yonhap",
     "https://www.yna.co.kr/view/AKR20200616000000504", dt.date(2020, 6, 16),
     "북한 당국이 양강도", "야간 순찰을 늘렸다."),
])
def test_article_pages(name, title, source, url, published, first, last):
    (r,) = page(name)
    assert (r.title, r.source, r.url, r.published) == (title, source, url, published)
    assert r.published_precision == "day"
    assert r.text.startswith(first), r.text
    assert r.text.endswith(last), r.text


@pytest.mark.parametrize("name, gone", [
    ("wordpress_article.html", ["Home", "Facebook", "Yalu River near Sinuiju", "Image:",
                                "file photo from 2017", "Related", "Smugglers arrested",
                                "Han Min-ji", "reached at", "Most read", "All rights"]),
    ("rfa_story.html", ["Kim Ji-su", "Photo: AFP", "2018 file photo", "Translated by",
                        "Related Stories", "Grain prices climb", "Share", "Copyright"]),
    ("nknews_jsonld.html", ["Sign in", "Jane Roe", "newsletter", "Edited by", "Tags",
                            "Other story"]),
    ("generic_divs.html", ["Home", "Archive", "Link one", "editor@example.org", "2019.06.03"]),
    ("korean_wire_euckr.html", ["김철수 기자", "kim@yna.co.kr", "저작권자", "관련 기사",
                                "다른 기사"]),
])
def test_furniture_is_dropped(name, gone):
    (r,) = page(name)
    for words in gone:
        assert words not in r.text, words


def test_languages():
    assert page("korean_wire_euckr.html")[0].language == "ko"
    assert page("wordpress_article.html")[0].language == "en"


def test_category_page_becomes_posts():
    reports = page("category_listing.html")
    assert [r.report_id for r in reports] == [f"category_listing#{n}" for n in range(1, 5)]
    assert reports[0].title == "Satellite photos suggest a camp is expanding"
    assert reports[0].url == "https://freekorea.us/2019/05/01/camp-expansion/"
    assert reports[0].published == dt.date(2019, 5, 1)
    assert reports[0].source == "One Free Korea"
    assert all("Read more" not in r.text and "[…]" not in r.text for r in reports)
    assert reports[3].title == "Was a camp near the border really closed?"


def html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


PARA = ("<p>Security officials in Onsong held a meeting on Tuesday about people who call "
        "relatives in South Korea, a source in the county said.</p>")


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2020-01-02T10:00:00Z">',
     dt.date(2020, 1, 2)),
    ('<meta name="pubdate" content="20200102">', dt.date(2020, 1, 2)),
    ('<meta name="DC.date.issued" content="2020-01">', dt.date(2020, 1, 1)),
    ('<meta property="article:modified_time" content="2020-03-04">', dt.date(2020, 3, 4)),
    ('<meta property="article:modified_time" content="2020-03-04">'
     '<meta property="article:published_time" content="2020-01-02">', dt.date(2020, 1, 2)),
    ('<script type="application/ld+json">[{"@type": "BlogPosting", '
     '"datePublished": "2020-01-02"}]</script>', dt.date(2020, 1, 2)),
    ('<script type="application/ld+json">{not json</script>', None),
    ('<link rel="canonical" href="https://example.org/2020/01/02/slug/">', dt.date(2020, 1, 2)),
])
def test_published_time_sources(head, expected):
    (r,) = read_bytes("p.html", html(PARA, head))[0]
    assert r.published == expected


def test_time_element_in_body():
    (r,) = read_bytes("p.html", html(f'<article><time datetime="2020-01-02">Jan 2</time>'
                                     f'{PARA * 3}</article>'))[0]
    assert r.published == dt.date(2020, 1, 2)


@pytest.mark.parametrize("title_tag, site, expected", [
    ("Headline of the story | Example News", "Example News", "Headline of the story"),
    ("Example News - Headline of the story here", "Example News",
     "Headline of the story here"),
    ("A long headline about the border fence - Site", "", "A long headline about the border fence"),
    ("Kim vs. Party: what changed", "", "Kim vs. Party: what changed"),
])
def test_title_site_suffix(title_tag, site, expected):
    head = f"<title>{title_tag}</title>" + (
        f'<meta property="og:site_name" content="{site}">' if site else "")
    (r,) = read_bytes("p.html", html(PARA, head))[0]
    assert r.title == expected


def test_html_saved_as_txt_is_read_as_html():
    (r,) = read_bytes("page.txt", html("<nav>Menu Home</nav><main>" + PARA * 2 + "</main>"))[0]
    assert r.text.startswith("Security officials") and "Menu" not in r.text


def test_text_saved_as_html_is_read_as_text():
    (r,) = read_bytes("page.html", b"Plain headline here\n\nSecurity officials in Onsong "
                                   b"held a meeting on Tuesday, a source said.")[0]
    assert r.title == "Plain headline here"


def test_page_without_text_is_rejected():
    reports, ingest = read_bytes("p.html", html("<nav><a href='/'>Home</a></nav>"))
    assert reports == [] and ingest.rejected()[0].reason in ("empty", "not_a_report")


def test_furniture_class_on_the_main_wrapper_does_not_lose_the_article():
    body = f'<div class="layout has-sidebar"><div class="content">{PARA * 4}</div></div>'
    (r,) = read_bytes("p.html", html(body))[0]
    assert r.text.startswith("Security officials")


@pytest.mark.parametrize("wrapper", ["main-with-sidebar", "layout-sidebar-right"])
def test_article_inside_a_wrapper_named_like_furniture(wrapper):
    body = f'<div class="{wrapper}"><article>{PARA * 3}</article></div>'
    (r,) = read_bytes("p.html", html(body))[0]
    assert r.text.startswith("Security officials")
    (r,) = read_bytes("p.html", html(f'<div class="{wrapper}"><div>{PARA * 3}</div></div>'))[0]
    assert r.text.startswith("Security officials")


def test_deeply_nested_html_does_not_crash():
    body = "<div>" * 5000 + PARA + "</div>" * 5000
    reports, ingest = read_bytes("p.html", html(body))
    assert ingest.balanced()


def test_mhtml_page(tmp_path):
    inner = html("<article>" + PARA * 2 + "</article>",
                 '<meta property="og:title" content="Meeting in Onsong">').decode()
    mhtml = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\n"
             "Subject: Meeting\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
             '\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n------B\r\n'
             "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
             "Content-Location: https://example.org/a\r\n\r\n"
             + inner.replace("=", "=3D") + "\r\n------B--\r\n")
    (r,) = read_bytes("page.mhtml", mhtml.encode())[0]
    assert r.title == "Meeting in Onsong" and r.text.startswith("Security officials")
