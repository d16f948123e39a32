"""Sentence splitting of report prose: abbreviations, quotes, lists, Korean."""

from __future__ import annotations

import pytest

from nkviz.extract.sentences import split_sentences

CASES = [
    ("Guards stood at the No. 10 post. Then they left.",
     ["Guards stood at the No. 10 post.", "Then they left."]),
    ("On Nov. 2, Gen. Ri met Mr. Pak near the U.S. Treasury office. Nobody spoke.",
     ["On Nov. 2, Gen. Ri met Mr. Pak near the U.S. Treasury office.", "Nobody spoke."]),
    ("The measures were announced by the U.S. The regime answered.",
     ["The measures were announced by the U.S.", "The regime answered."]),
    ("\"We cannot trust anyone,\" a trader said. \"They listen to everything.\"",
     ["\"We cannot trust anyone,\" a trader said.", "\"They listen to everything.\""]),
    ("She said \u201cit is finished.\u201d The next morning she crossed.",
     ["She said \u201cit is finished.\u201d", "The next morning she crossed."]),
    ("\"Is it safe?\" she asked. Nobody answered.", ["\"Is it safe?\" she asked.", "Nobody answered."]),
    ("It is hard to tell [...] They keep quiet now.", ["It is hard to tell [...] They keep quiet now."]),
    ("Then... Silence. What next? Nobody knows!", ["Then...", "Silence.", "What next?", "Nobody knows!"]),
    ("Border arrests rise\nThe body starts here. It goes on.",
     ["Border arrests rise", "The body starts here.", "It goes on."]),
    ("- Fees doubled\n- Stalls closed\n\u2022 Guards rotated", ["Fees doubled", "Stalls closed", "Guards rotated"]),
    ("First paragraph without a stop\n\nSecond paragraph.", ["First paragraph without a stop", "Second paragraph."]),
    ("A long line of report prose that somebody hard-wrapped at seventy columns\n"
     "continues on the next line without a break. Done.",
     ["A long line of report prose that somebody hard-wrapped at seventy columns\n"
      "continues on the next line without a break.", "Done."]),
    ("Prices rose 3.5 percent. Traders at dailynk.com agreed.", ["Prices rose 3.5 percent.", "Traders at dailynk.com agreed."]),
    ("Ri J. Song was named. John F. Kennedy too.", ["Ri J. Song was named.", "John F. Kennedy too."]),
    ("The meeting began at 9 a.m. The guards left.", ["The meeting began at 9 a.m.", "The guards left."]),
    ("Officials (from the city.) Arrived late.", ["Officials (from the city.)", "Arrived late."]),
    ("e.g. this one, i.e. that one. Next.", ["e.g. this one, i.e. that one.", "Next."]),
    ("See p. 5 and Fig. 2 for details. Thanks.", ["See p. 5 and Fig. 2 for details.", "Thanks."]),
    ("보위부가 감시를 강화했다. 주민들은 불안해한다. 그렇습니다요. 끝",
     ["보위부가 감시를 강화했다.", "주민들은 불안해한다.", "그렇습니다요.", "끝"]),
    ("国境が閉鎖された。市場も閉じた。", ["国境が閉鎖された。", "市場も閉じた。"]),
    ("소식통은 \"단속이 심하다.\" 라고 말했다. 다음 문장.", ["소식통은 \"단속이 심하다.\" 라고 말했다.", "다음 문장."]),
    ("", []),
    ("  \n \n  ", []),
    ("No stop at the end", ["No stop at the end"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] or "empty" for c in CASES])
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_spans_are_ordered_trimmed_and_disjoint(text):
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
