"""Date extraction: stated, partial and relative dates in English and Korean sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from nkviz.extract.dates import find_dates

D = dt.date
PUB = D(2018, 11, 19)  # a Monday
PUB_SUMMER = D(2021, 7, 14)  # a Wednesday

# (sentence, published, [(words, date, date_end, precision, basis), ...])
CASES = [
    # full dates, stated
    ("Officers searched the house on November 2, 2018, a trader said.", PUB,
     [("November 2, 2018", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("The order arrived on Nov. 2, 2018 in Hyesan.", None,
     [("Nov. 2, 2018", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("A trial was held on 2 November 2018 at the stadium.", None,
     [("2 November 2018", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("The bulletin is dated 2018-11-02.", None, [("2018-11-02", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("Posted 2018/11/02 by the editors.", None, [("2018/11/02", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("The notice carried the date 11/2/2018.", None, [("11/2/2018", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("A copy is stamped 25/12/2017.", None, [("25/12/2017", D(2017, 12, 25), D(2017, 12, 25), "day", "stated")]),
    ("SEPT. 3, 2018: markets closed early.", None, [("SEPT. 3, 2018", D(2018, 9, 3), D(2018, 9, 3), "day", "stated")]),
    ("On Monday, November 5, 2018, the lecture began.", PUB,
     [("Monday, November 5, 2018", D(2018, 11, 5), D(2018, 11, 5), "day", "stated")]),
    ("The uprising began on May 18, 1980 in Gwangju.", PUB, [("May 18, 1980", D(1980, 5, 18), D(1980, 5, 18), "day", "stated")]),
    # month and day, year from the publication date
    ("The source spoke to us on November 2.", PUB, [("November 2", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("Guards were replaced on Nov. 2nd.", PUB, [("Nov. 2nd", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("It happened on the 2nd of November.", PUB,
     [("2nd of November", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("Arrests followed on December 28.", PUB, [("December 28", D(2017, 12, 28), D(2017, 12, 28), "day", "relative")]),
    ("A rally was staged on the fourth of July.", PUB,
     [("fourth of July", D(2018, 7, 4), D(2018, 7, 4), "day", "relative")]),
    ("The source spoke to us on November 2.", None, []),
    # ranges
    ("A special session was held on November 19-20.", PUB,
     [("November 19-20", D(2018, 11, 19), D(2018, 11, 20), "day", "relative")]),
    ("Inspections ran from Nov. 19 to 20.", PUB, [("Nov. 19 to 20", D(2018, 11, 19), D(2018, 11, 20), "day", "relative")]),
    ("Roads were closed between March and May 2019.", PUB,
     [("March and May 2019", D(2019, 3, 1), D(2019, 5, 31), "month", "stated")]),
    ("The campaign lasted from Nov. 28 to Dec. 2, 2017.", PUB,
     [("Nov. 28 to Dec. 2, 2017", D(2017, 11, 28), D(2017, 12, 2), "day", "stated")]),
    ("Prices climbed from 2016 to 2018.", PUB, [("2016 to 2018", D(2016, 1, 1), D(2018, 12, 31), "year", "stated")]),
    ("The 2016-18 sanctions rounds hurt traders.", PUB, [("2016-18", D(2016, 1, 1), D(2018, 12, 31), "year", "stated")]),
    ("The drive ran from November to February.", PUB,
     [("November to February", D(2017, 11, 1), D(2018, 2, 28), "month", "relative")]),
    # month and year
    ("Smuggling surged in March 2017.", PUB, [("March 2017", D(2017, 3, 1), D(2017, 3, 31), "month", "stated")]),
    ("Smuggling surged in March of 2017.", PUB, [("March of 2017", D(2017, 3, 1), D(2017, 3, 31), "month", "stated")]),
    ("In May 2019 they reopened the market.", PUB, [("May 2019", D(2019, 5, 1), D(2019, 5, 31), "month", "stated")]),
    ("Guards were rotated in March last year.", PUB,
     [("March last year", D(2017, 3, 1), D(2017, 3, 31), "month", "relative")]),
    # bare months after a cue word
    ("Traders complained in March.", PUB, [("March", D(2018, 3, 1), D(2018, 3, 31), "month", "relative")]),
    ("Traders complained last March.", PUB, [("last March", D(2018, 3, 1), D(2018, 3, 31), "month", "relative")]),
    ("Traders complained last November.", PUB, [("last November", D(2017, 11, 1), D(2017, 11, 30), "month", "relative")]),
    ("Fees rose this March.", PUB, [("this March", D(2018, 3, 1), D(2018, 3, 31), "month", "relative")]),
    ("Searches began in December.", PUB, [("December", D(2017, 12, 1), D(2017, 12, 31), "month", "relative")]),
    ("Workers left in early June.", PUB, [("early June", D(2018, 6, 1), D(2018, 6, 10), "month", "relative")]),
    ("Workers left in mid-July.", PUB, [("mid-July", D(2018, 7, 11), D(2018, 7, 20), "month", "relative")]),
    ("Workers left at the end of May.", PUB, [("the end of May", D(2018, 5, 21), D(2018, 5, 31), "month", "relative")]),
    ("Traders complained in March.", None, []),
    # ambiguity guards
    ("They may be sent to a camp.", PUB, []),
    ("Protesters march through the square.", PUB, []),
    ("The March 1 Movement is commemorated in the South.", PUB, []),
    ("Theresa May met the envoy.", PUB, []),
    ("He survived the Arduous March.", PUB, []),
    ("Jan Egeland visited the camp.", PUB, []),
    # weekdays and days
    ("Police raided the market on Monday.", PUB, [("Monday", D(2018, 11, 19), D(2018, 11, 19), "day", "relative")]),
    ("Police raided the market last Tuesday.", PUB, [("last Tuesday", D(2018, 11, 13), D(2018, 11, 13), "day", "relative")]),
    ("Police raided the market on Friday night.", PUB, [("Friday", D(2018, 11, 16), D(2018, 11, 16), "day", "relative")]),
    ("Residents gather on Saturdays for lectures.", PUB, []),
    ("A source said yesterday that fees rose.", PUB, [("yesterday", D(2018, 11, 18), D(2018, 11, 18), "day", "relative")]),
    ("Guards were doubled this past weekend.", PUB,
     [("this past weekend", D(2018, 11, 17), D(2018, 11, 18), "day", "relative")]),
    ("Checkpoints were added over the weekend.", PUB,
     [("over the weekend", D(2018, 11, 17), D(2018, 11, 18), "day", "relative")]),
    ("The raid took place on the 15th.", PUB, [("15th", D(2018, 11, 15), D(2018, 11, 15), "day", "relative")]),
    ("It opened on the 7th Party Congress.", PUB, []),
    ("Two smugglers were caught last week.", PUB, [("last week", D(2018, 11, 12), D(2018, 11, 18), "day", "relative")]),
    ("Two smugglers were caught three days ago.", PUB, [("three days ago", D(2018, 11, 16), D(2018, 11, 16), "day", "relative")]),
    # months and years relative to publication
    ("The order came last month.", PUB, [("last month", D(2018, 10, 1), D(2018, 10, 31), "month", "relative")]),
    ("The order came late last month.", PUB, [("late last month", D(2018, 10, 21), D(2018, 10, 31), "month", "relative")]),
    ("The order came earlier this month.", PUB, [("earlier this month", D(2018, 11, 1), D(2018, 11, 19), "month", "relative")]),
    ("Rations were cut early this year.", PUB, [("early this year", D(2018, 1, 1), D(2018, 4, 30), "year", "relative")]),
    ("Rations were cut earlier this year.", PUB, [("earlier this year", D(2018, 1, 1), D(2018, 11, 19), "year", "relative")]),
    ("Rations were cut late last year.", PUB, [("late last year", D(2017, 9, 1), D(2017, 12, 31), "year", "relative")]),
    ("Rations were cut last year.", PUB, [("last year", D(2017, 1, 1), D(2017, 12, 31), "year", "relative")]),
    ("Rations were cut two years ago.", PUB, [("two years ago", D(2016, 1, 1), D(2016, 12, 31), "year", "relative")]),
    ("Fields flooded this summer.", PUB_SUMMER, [("this summer", D(2021, 6, 1), D(2021, 8, 31), "year", "relative")]),
    ("Fields flooded last winter.", PUB_SUMMER, [("last winter", D(2020, 12, 1), D(2021, 2, 28), "year", "relative")]),
    ("Arrests rose in recent weeks.", PUB, []),
    ("Arrests rose recently.", PUB, []),
    # years, decades
    ("Informant pay was raised in 2016.", PUB, [("2016", D(2016, 1, 1), D(2016, 12, 31), "year", "stated")]),
    ("Fees have grown since 2011.", PUB, [("2011", D(2011, 1, 1), D(2011, 12, 31), "year", "stated")]),
    ("The 2017 border crackdown was harsh.", PUB, [("2017", D(2017, 1, 1), D(2017, 12, 31), "year", "stated")]),
    ("The famine of the 1990s killed many.", PUB, [("1990s", D(1990, 1, 1), D(1999, 12, 31), "year", "stated")]),
    ("It began in the mid-1990s.", PUB, [("mid-1990s", D(1994, 1, 1), D(1996, 12, 31), "year", "stated")]),
    ("Output fell in the first half of 2018.", PUB,
     [("first half of 2018", D(2018, 1, 1), D(2018, 6, 30), "year", "stated")]),
    ("The winter of 2017 was harsh in Musan.", PUB,
     [("winter of 2017", D(2017, 12, 1), D(2018, 2, 28), "year", "stated")]),
    ("About 2,000 workers were sent.", PUB, []),
    ("Officers at guard post No. 2016 were replaced.", PUB, []),
    ("The ministry fined 2019 people.", PUB, []),
    ("It fired M-1989 howitzers.", PUB, []),
    ("A plan for 2035 was announced.", PUB, []),
    ("Targets for 2019 were set.", PUB, [("2019", D(2019, 1, 1), D(2019, 12, 31), "year", "stated")]),
    ("The bulletin North Korea Today reported it.", PUB, []),
    ("Today the market was shut.", PUB, [("Today", D(2018, 11, 19), D(2018, 11, 19), "day", "relative")]),
    ("No rations came since January of the previous year.", PUB,
     [("January of the previous year", D(2017, 1, 1), D(2017, 1, 31), "month", "relative")]),
    ("The village was founded in 1910.", PUB, []),
    # anaphora
    ("On November 2, 2018 police came. The next day they left.", PUB,
     [("November 2, 2018", D(2018, 11, 2), D(2018, 11, 2), "day", "stated"),
      ("The next day", D(2018, 11, 3), D(2018, 11, 3), "day", "stated")]),
    ("The next day they left.", PUB, []),
    # Korean
    ("2018년 11월 2일 보위부가 검열을 시작했다.", PUB, [("2018년 11월 2일", D(2018, 11, 2), D(2018, 11, 2), "day", "stated")]),
    ("소식통은 11월 2일 이같이 전했다.", PUB, [("11월 2일", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("2017년 3월 단속이 강화됐다.", PUB, [("2017년 3월", D(2017, 3, 1), D(2017, 3, 31), "month", "stated")]),
    ("회의는 11월 19~20일 열렸다.", PUB, [("11월 19~20일", D(2018, 11, 19), D(2018, 11, 20), "day", "relative")]),
    ("회의는 11월 19일부터 20일까지 열렸다.", PUB,
     [("11월 19일부터 20일", D(2018, 11, 19), D(2018, 11, 20), "day", "relative")]),
    ("지난달 국경 경비가 강화됐다.", PUB, [("지난달", D(2018, 10, 1), D(2018, 10, 31), "month", "relative")]),
    ("지난해 말 장마당이 폐쇄됐다.", PUB, [("지난해 말", D(2017, 11, 1), D(2017, 12, 31), "year", "relative")]),
    ("올해 초 식량 배급이 끊겼다.", PUB, [("올해 초", D(2018, 1, 1), D(2018, 4, 30), "year", "relative")]),
    ("이달 초 검열이 있었다.", PUB, [("이달 초", D(2018, 11, 1), D(2018, 11, 10), "month", "relative")]),
    ("소식통은 지난 2일 이렇게 말했다.", PUB, [("지난 2일", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("통일부는 2일 브리핑에서 밝혔다.", PUB, [("2일", D(2018, 11, 2), D(2018, 11, 2), "day", "relative")]),
    ("그는 3일 동안 조사를 받았다.", PUB, []),
    ("최근 단속이 심해졌다.", PUB, []),
    ("월요일 오전 안전원들이 들이닥쳤다.", PUB, [("월요일", D(2018, 11, 19), D(2018, 11, 19), "day", "relative")]),
    ("작년 11월 2일 체포됐다.", PUB, [("작년 11월 2일", D(2017, 11, 2), D(2017, 11, 2), "day", "relative")]),
    ("1990년대 고난의 행군 시기였다.", PUB, [("1990년대", D(1990, 1, 1), D(1999, 12, 31), "year", "stated")]),
    ("어제 국경에서 총성이 들렸다.", PUB, [("어제", D(2018, 11, 18), D(2018, 11, 18), "day", "relative")]),
    ("오늘날 북한 사회는 변했다.", PUB, []),
    ("소식통이 7일 전했다.", PUB, [("7일", D(2018, 11, 7), D(2018, 11, 7), "day", "relative")]),
    ("소식통이 5일 전해왔다.", PUB, [("5일", D(2018, 11, 5), D(2018, 11, 5), "day", "relative")]),
    ("7일 전 체포됐다.", PUB, [("7일 전", D(2018, 11, 12), D(2018, 11, 12), "day", "relative")]),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_dates(text, published, expected):
    found = find_dates(text, published=published)
    assert [(f.text, f.date, f.date_end, f.precision, f.basis) for f in found] == expected
    for f in found:
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("precision, expected", [
    ("day", [D(2018, 10, 1)]),
    ("month", [D(2018, 10, 1)]),
    ("year", []),  # "last month" of a report known only to the year is unknown
])
def test_published_precision_limits_relative_dates(precision, expected):
    found = find_dates("The order came last month.", published=D(2018, 11, 1), published_precision=precision)
    assert [f.date for f in found] == expected


def test_weekday_needs_a_publication_day():
    text = "Police raided the market on Monday."
    assert find_dates(text, published=D(2018, 11, 1), published_precision="month") == []
    assert find_dates(text, published=D(2018, 11, 1), published_precision="unknown") == []


def test_year_only_publication_still_reads_month_and_day():
    found = find_dates("The source spoke to us on November 2.", published=D(2018, 1, 1), published_precision="year")
    assert [(f.date, f.basis) for f in found] == [(D(2018, 11, 2), "relative")]


def test_datetime_publication_is_accepted():
    found = find_dates("It happened yesterday.", published=dt.datetime(2018, 11, 19, 23, 30))
    assert found[0].date == D(2018, 11, 18)


def test_korean_hint_without_hangul_changes_nothing_for_english():
    text = "Smuggling surged in March 2017."
    assert find_dates(text, published=PUB, language="ko") == find_dates(text, published=PUB)


def test_findings_are_in_text_order_and_do_not_overlap():
    text = "On Nov. 2 police came; last week guards left; in 2016 and in March 2017 fees rose; 지난달 단속."
    found = find_dates(text, published=PUB)
    assert len(found) == 5
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_the_next_day_reaches_back_across_a_long_quote():
    quote = ("\"She took a share of every transfer that came through her phones, and she had been "
             "doing it for years,\" said the resident, who asked not to be named. \"The agents "
             "came with a detector van and caught her in the middle of a call.\" ") * 2
    text = (f"Agents arrested a woman in Hyesan on Nov. 12.\n\n{quote}\n\n"
            "Her partner was arrested the next day.")
    found = find_dates(text, published=PUB)
    assert [(f.text, f.date) for f in found] == [("Nov. 12", D(2018, 11, 12)),
                                                 ("the next day", D(2018, 11, 13))]
