"""Boilerplate: captions, credits, bylines, bios and related links never reach the text."""

import pytest

from nkviz.readers import patterns as P
from nkviz.readers.boilerplate import clean_text, unwrap

BODY = ("Security officials in Onsong held a meeting on Tuesday about people who call "
        "relatives in South Korea, a source in the county said.")
MORE = ("The source said three families had already been questioned and one man was taken "
        "to the county security office for a week.")


def cleaned(*parts: str) -> str:
    return clean_text("\n".join(parts))


@pytest.mark.parametrize("line", [
    "Image: Daily NK",
    "Photo: Yonhap",
    "Photo by Jane Roe",
    "Credit: Example Images",
    "Images source: © Example Images | 2019 Example Images",
    "(Yonhap)",
    "Getty Images",
    "Soldiers on the river bank. Photo: AFP",
    "A guard post near the river in 2019. Image: Daily NK",
    "© 2021 Example News. All rights reserved.",
    "Source: Example Agency",
    "[사진=연합뉴스]",
    "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
    "KCNA via Example Images",
])
def test_credit_lines(line):
    assert P.is_credit(line)


@pytest.mark.parametrize("line", [
    "The photo he sent showed soldiers on the bank of the river.",
    "Yonhap reported on Monday that three people were detained.",
    "A source said the images had been taken last week.",
])
def test_prose_is_not_a_credit(line):
    assert not P.is_credit(line)


def test_caption_with_credit_in_same_line_is_dropped():
    text = cleaned("Guard post in North Pyongan Province in 2019. Image: Daily NK", "",
                   BODY, "", MORE)
    assert "Guard post" not in text and BODY in text and MORE in text


def test_caption_without_period_before_credit_is_dropped():
    text = cleaned(BODY, "", "Traders at a market in Hyesan in 2016", "Photo: Example",
                   "", MORE)
    assert "Traders at a market" not in text and "Photo" not in text
    assert text == BODY + "\n\n" + MORE


def test_caption_after_credit_is_dropped():
    text = cleaned(BODY, "", "Photo: Example Agency", "A checkpoint near Musan in 2018", "",
                   MORE)
    assert "checkpoint near Musan" not in text


def test_doubled_caption_credit_and_byline_are_dropped():
    text = cleaned(BODY, "", "Kim Jong Un at a rally in Pyongyang.",
                   "Kim Jong Un at a rally in Pyongyang.",
                   "Images source: © Example Images | 2019 Example Images",
                   "Maria Novak", "", MORE)
    assert text == BODY + "\n\n" + MORE


def test_prose_next_to_a_credit_survives():
    text = cleaned(BODY, "Photo: Example", MORE)
    assert BODY in text and MORE in text


@pytest.mark.parametrize("line", [
    "By Lee Sang Yong", "by Jane Roe and John Doe", "BY JANE ROE", "Jane Roe | Daily NK",
    "Lee Sang Yong", "Maria Novak", "Written by Kim Min-ji", "김철수 기자",
    "By Jane Roe, Seoul", "Posted by Editor",
])
def test_bylines(line):
    assert P.is_byline(line)


@pytest.mark.parametrize("line", [
    "By now, you have probably seen the reports from the border.",
    "By the end of the month the market had closed.",
    "North Korea", "Ministry of State Security", "Related Content", "Kim Jong Un visited.",
    "The Party Congress", "Breaking News",
])
def test_not_bylines(line):
    assert not P.is_byline(line)


def test_byline_at_head_is_dropped_but_by_now_prose_survives():
    text = cleaned("By Jane Roe", "", "By now, people in the county know who the informants "
                   "are, a resident said, and they avoid speaking in front of them.")
    assert text.startswith("By now,")


@pytest.mark.parametrize("bio", [
    "Lee Min-ho is editor-in-chief of Example NK and previously worked as a correspondent "
    "in China. He can be reached at",
    "Jane Roe is a reporter for Example News covering North Korea.",
    "Jane Roe is a senior correspondent at Example News. Follow her on Twitter.",
    "Reported by Kim Ji-su for Example Radio's Korean Service. Translated by Park Min-ho.",
    "Edited by John Smith",
    "editor@example.org",
    "김철수 기자 kim@example.co.kr",
])
def test_author_bio_at_end_is_dropped(bio):
    assert cleaned(BODY, "", MORE, "", bio) == BODY + "\n\n" + MORE


def test_bio_like_sentence_in_the_middle_survives():
    middle = "Jane Roe is a reporter for a local paper, the source said, and was questioned."
    text = cleaned(BODY, "", middle, "", MORE)
    assert middle in text


@pytest.mark.parametrize("marker", [
    "Related content", "Related Articles", "RELATED STORIES", "Read more", "Share this:",
    "You may also like", "Sign up for our weekly newsletter", "Tags: border, MSS",
    "More from Example News", "관련기사", "Most read",
])
def test_tail_marker_cuts_what_follows(marker):
    text = cleaned(BODY, "", MORE, "", marker, "Another headline about the border",
                   "A third headline")
    assert text == BODY + "\n\n" + MORE


def test_related_box_at_the_top_loses_only_itself():
    text = cleaned("Related articles", "Headline of another story", "Second teaser headline",
                   "", BODY, "", MORE, "", MORE.replace("three", "four"))
    assert text.startswith(BODY) and "another story" not in text


@pytest.mark.parametrize("line", [
    "Share", "Facebook Twitter Email", "Share | Tweet | Print", "Advertisement",
    "Home > News > North Korea", "Home » Politics", "12 Comments", "Skip to content",
    "Previous article", "Next post: Grain prices rise again",
    "The post Workers go unpaid appeared first on Example News.",
    "Continue reading →", "Back to top",
])
def test_ui_lines(line):
    assert P.is_ui_line(line)


@pytest.mark.parametrize("line", [
    "Share prices fell sharply in Seoul after the test.",
    "Print shops in Pyongyang were told to stop making calendars.",
    "2019",
])
def test_prose_is_not_ui(line):
    assert not P.is_ui_line(line)


def test_korean_wire_prefix_is_removed():
    text = clean_text("(서울=연합뉴스) 김철수 기자 = 북한이 국경 경비를 강화했다고 소식통이 "
                      "전했다.\n\nkim@example.co.kr")
    assert text == "북한이 국경 경비를 강화했다고 소식통이 전했다."


def test_unwrap_joins_hard_wrapped_lines():
    wrapped = ["Security officials in Onsong held a meeting on Tuesday about",
               "people who call relatives in South Korea, a source in the county",
               "said on condition of anonymity."]
    assert unwrap(wrapped) == " ".join(wrapped)


def test_unwrap_keeps_short_lines_apart():
    assert unwrap(["Curfew: 8 pm", "Permits: required"]) == "Curfew: 8 pm\nPermits: required"


def test_unwrap_joins_a_sentence_broken_mid_way():
    assert unwrap(["The order came", "from the county office."]) == \
        "The order came from the county office."


def test_korean_article_boilerplate():
    text = clean_text("\n".join([
        "강미진 기자", "",
        "양강도 혜산시의 한 시장 모습", "[사진=데일리NK]", "",
        "양강도 혜산시에서 최근 휴대전화 단속이 강화됐다고 내부 소식통이 전했다.", "",
        "소식통은 \"보위부가 밤마다 순찰을 돌고 있다\"고 말했다.", "",
        "ⓒ 데일리NK, 무단전재 및 재배포 금지", "",
        "mjkang@example.com", "",
        "관련기사", "다른 기사 제목 하나",
    ]))
    assert text == ("양강도 혜산시에서 최근 휴대전화 단속이 강화됐다고 내부 소식통이 전했다.\n\n"
                    "소식통은 \"보위부가 밤마다 순찰을 돌고 있다\"고 말했다.")
