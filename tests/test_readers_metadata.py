"""Metadata values: publication dates, URL and file-name dates, outlets, languages."""

import datetime as dt

import pytest

from nkviz.readers.language import detect_language
from nkviz.readers.metadata import (date_from_filename, date_from_url, normalise_language,
                                    parse_date)
from nkviz.readers.outlets import canonical_outlet, outlet_from_url, source_for

D = dt.date


@pytest.mark.parametrize("value, expected", [
    ("2018-11-19", (D(2018, 11, 19), "day")),
    ("2018-11", (D(2018, 11, 1), "month")),
    ("2018", (D(2018, 1, 1), "year")),
    (2018, (D(2018, 1, 1), "year")),
    (D(2018, 11, 19), (D(2018, 11, 19), "day")),
    (dt.datetime(2018, 11, 19, 23, 59), (D(2018, 11, 19), "day")),
    ("2018-11-19T23:30:00-05:00", (D(2018, 11, 19), "day")),  # the date as written
    ("2018-11-19 08:00:00", (D(2018, 11, 19), "day")),
    ("2018/11/19", (D(2018, 11, 19), "day")),
    ("2018.11.19", (D(2018, 11, 19), "day")),
    ("20181119", (D(2018, 11, 19), "day")),
    ("Nov 19, 2018", (D(2018, 11, 19), "day")),
    ("Nov. 19, 2018", (D(2018, 11, 19), "day")),
    ("November 19th 2018", (D(2018, 11, 19), "day")),
    ("Monday, November 19, 2018", (D(2018, 11, 19), "day")),
    ("19 November 2018", (D(2018, 11, 19), "day")),
    ("19th of November, 2018", (D(2018, 11, 19), "day")),
    ("Mon, 19 Nov 2018 10:00:00 +0000", (D(2018, 11, 19), "day")),
    ("19.11.2018", (D(2018, 11, 19), "day")),  # dots: day first
    ("11/19/2018", (D(2018, 11, 19), "day")),  # slashes: month first ...
    ("19/11/2018", (D(2018, 11, 19), "day")),  # ... unless the first number is > 12
    ("November 2018", (D(2018, 11, 1), "month")),
    ("Nov. 2018", (D(2018, 11, 1), "month")),
    ("2018년 11월 19일", (D(2018, 11, 19), "day")),
    ("2018년 11월", (D(2018, 11, 1), "month")),
    ("2018년", (D(2018, 1, 1), "year")),
    (1542585600, (D(2018, 11, 19), "day")),  # epoch seconds
    ("1542585600000", (D(2018, 11, 19), "day")),  # epoch milliseconds
    ("Posted on Nov 19, 2018 by admin", (D(2018, 11, 19), "day")),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "sometime last week", "2018-13-40", "Feb 30, 2019", "1850", "3000-01-01",
    True, float("nan"), "x" * 500, "12345",
])
def test_parse_date_refuses_non_dates(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("url, expected", [
    ("https://freekorea.us/2018/12/10/some-post-title/", (D(2018, 12, 10), "day")),
    ("http://freekorea.us/2017/06/25524/", (D(2017, 6, 1), "month")),
    ("https://freekorea.us/2016/04/report-title", (D(2016, 4, 1), "month")),
    ("https://example.org/news/2018-11-19-title", (D(2018, 11, 19), "day")),
    ("https://2018.example.com/a", None),  # the host is not a date
    ("https://www.dailynk.com/english/title-of-article/", None),
    ("", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("stem, expected", [
    ("2018-11-05-some-title", (D(2018, 11, 5), "day")),
    ("20181105_x", (D(2018, 11, 5), "day")),
    ("report_2018_11_05", (D(2018, 11, 5), "day")),
    ("2018-11_border", (D(2018, 11, 1), "month")),
    ("2018_annual", (D(2018, 1, 1), "year")),
    ("000_82bc69583280a9ea", None),
    ("report-20181340", None),  # not a real date
    ("notes", None),
])
def test_date_from_filename(stem, expected):
    assert date_from_filename(stem) == expected


@pytest.mark.parametrize("value, expected", [
    ("en-US", "en"), ("en_GB", "en"), ("ko", "ko"), ("ko-KR", "ko"), ("English", "en"),
    ("Korean", "ko"), ("한국어", "ko"), ("kor", "ko"), ("", ""), (None, ""), ("???", ""),
])
def test_normalise_language(value, expected):
    assert normalise_language(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.dailynk.com/english/x/", "Daily NK"),
    ("https://www.rfa.org/english/news/korea/x.html", "Radio Free Asia"),
    ("https://www.nknews.org/2022/08/x/", "NK News"),
    ("https://freekorea.us/2018/12/10/x", "One Free Korea"),
    ("http://www.asiapress.org/rimjin-gang/x", "Asia Press"),
    ("https://en.yna.co.kr/view/AEN2018", "Yonhap"),
    ("https://m.yna.co.kr/view/AKR2018", "Yonhap"),
    ("https://koreajoongangdaily.joins.com/2020/x", "Korea JoongAng Daily"),
    ("https://www.koreaherald.com/view.php?ud=1", "The Korea Herald"),
    ("https://www.bbc.co.uk/news/world-asia-1", "BBC"),
    ("https://www.reuters.com/world/asia-pacific/x", "Reuters"),
    ("https://apnews.com/article/x", "Associated Press"),
    ("https://www.38north.org/2021/01/x/", "38 North"),
    ("https://www.hrw.org/news/2020/10/19/x", "Human Rights Watch"),
    ("https://www.amnesty.org/en/latest/x", "Amnesty International"),
    ("rfa.org/korean", "Radio Free Asia"),
    ("https://example.com/a", ""),
    ("not a url", ""),
    ("http://[broken", ""),
])
def test_outlet_from_url(url, expected):
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize("name, expected", [
    ("RFA", "Radio Free Asia"), ("rfa", "Radio Free Asia"), ("Daily NK English", "Daily NK"),
    ("DailyNK", "Daily NK"), ("Yonhap News Agency", "Yonhap"), ("연합뉴스", "Yonhap"),
    ("BBC News 코리아", "BBC"), ("nknews.org", "NK News"),
    ("Guardian Angels Blog", "Guardian Angels Blog"),  # prefix of a name is not enough
    ("  Some   Blog ", "Some Blog"), ("", ""),
])
def test_canonical_outlet(name, expected):
    assert canonical_outlet(name) == expected


def test_source_prefers_declared_then_url():
    assert source_for("RFA", "https://www.dailynk.com/x") == "Radio Free Asia"
    assert source_for("", "https://www.dailynk.com/x") == "Daily NK"
    assert source_for("  ", "") == ""


@pytest.mark.parametrize("text, expected", [
    ("Border guards in Hyesan were told to watch the river at night.", "en"),
    ("북한 당국이 국경 지역에서 단속을 강화했다고 소식통이 전했다.", "ko"),
    ("국가보위성(MSS)은 혜산에서 NGO 관련자를 조사했다고 RFA가 전했다.", "ko"),
    ("Las autoridades de Corea del Norte han aumentado la vigilancia en la frontera, "
     "según una fuente de la provincia.", "es"),
    ("Власти Северной Кореи усилили контроль на границе.", "ru"),
    ("北朝鮮の国境地帯で監視が強化されたと報じられている。", "ja"),
    ("朝鲜边境地区的监视据报道已经加强。", "zh"),
    ("12345 !!! ---", ""),
    ("", ""),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected
