"""Decoding: every common encoding of Korean and English text comes back exactly."""

import codecs

import pytest

from nkviz.errors import InputError
from nkviz.readers import read_bytes
from nkviz.readers.decode import decode

KOREAN = ("북한 당국이 양강도 혜산시에서 휴대전화 단속을 강화했다고 소식통이 전했다. "
          "국경 경비대는 밤마다 순찰을 늘렸다.")
ENGLISH = ("“The café near the market is closed,” she said — it’s the third this year. "
           "Prices rose 20% in Hyesan.")
PLAIN = "Guards on the Yalu were told to report every crossing they see at night."


@pytest.mark.parametrize("text", [KOREAN, ENGLISH, PLAIN])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-32"])
def test_unicode_encodings(text, encoding):
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
def test_korean_legacy_encodings(encoding):
    decoded = decode(KOREAN.encode(encoding))
    assert decoded.text == KOREAN
    assert decoded.encoding == "cp949"


def test_cp949_only_syllables():
    text = "똠방각하 펲시콜라 같은 확장 완성형 글자도 읽힌다. 북한 소식통이 전했다."
    assert decode(text.encode("cp949")).text == text


@pytest.mark.parametrize("text", [ENGLISH, "Café.", "“Hello”", "naïve résumé for José"])
def test_windows_1252(text):
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


@pytest.mark.parametrize("text, encoding", [
    ("北朝鮮の国境地帯で監視が強化されたと報じられている。", "shift_jis"),
    ("朝鲜边境地区的监视据报道已经加强，消息人士说。", "gb18030"),
    ("Власти усилили контроль на границе, сообщает источник в провинции.", "cp1251"),
])
def test_other_scripts_best_effort(text, encoding):
    assert decode(text.encode(encoding)).text == text


def test_declared_html_charset_wins_over_guessing():
    page = '<html><head><meta charset="euc-kr"></head><body><p>단속이 강화됐다</p></body></html>'
    assert "단속이 강화됐다" in decode(page.encode("cp949")).text


def test_damaged_utf8_is_kept_with_replacements():
    data = (KOREAN * 5).encode("utf-8")[:-2]  # cut inside the last character
    decoded = decode(data)
    assert decoded.lossy and decoded.text.startswith(KOREAN)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
])
def test_binary_raises_input_error(data):
    with pytest.raises(InputError):
        decode(data)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp949"])
def test_read_bytes_decodes_korean_files(encoding):
    reports, ingest = read_bytes("기사.txt", ("제목 없는 보도\n\n" + KOREAN).encode(encoding))
    assert ingest.balanced() and len(reports) == 1
    assert reports[0].text == KOREAN and reports[0].language == "ko"


def test_bom_is_not_part_of_the_text():
    reports, _ = read_bytes("a.txt", codecs.BOM_UTF8 + PLAIN.encode())
    assert reports[0].text == PLAIN
