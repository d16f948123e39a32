"""Bytes to text in whatever encoding the file was saved in.

Order of evidence, strongest first: a byte-order mark; strict UTF-8 (nearly every modern
file); UTF-16 without a BOM (NUL bytes in every other position); an encoding the file
declares (HTML ``<meta charset>``, XML declaration); CP949 when it decodes cleanly into
real Korean words (it is a superset of EUC-KR); Windows-1252 for mostly-ASCII Western
text; then charset-normalizer's statistical guess. Binary data raises :class:`InputError`
instead of becoming a report of mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Frequent Korean syllables: real Korean text is full of them, while Japanese or Chinese
# bytes mis-read as CP949 give rare syllables nobody writes.
_COMMON_SYLLABLES = frozenset(
    "이다는의에하고을가를으한지서기사도로리자대일정시적수국있아나어해보부인과전주게들것상"
    "했원성제문니동비장공우마라여면위경만소년때생되중내스화않구었러모조신관결회치방안연계무"
    "개민법말미통없북당단속식탈된며받금까요던명실선거체행입간반발물업합저우건군발표현용오"
    "와설분입세터번후데까지면서며고도더들은또한각등및약월일시분초씨측께께서및")
_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?"""
                       rb"""encoding\s*=\s*["'])\s*([A-Za-z0-9._:-]{2,40})""", re.I)
_KOREAN_CODECS = {"cp949", "euc_kr", "johab", "iso2022_kr"}
MAX_CONTROL_SHARE = 0.02  # more control characters than this means binary data


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False  # some bytes could not be decoded and became U+FFFD


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raise InputError when it is binary or in no known encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_lenient(data[len(bom):], encoding, with_bom=True))
    found = _utf16_without_bom(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8
    if found:
        return _checked(found)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    found = (_declared(data) or _mostly_utf8(data)
             or _korean(data) or _western(data) or _guessed(data))
    if found is None:
        raise InputError("its bytes are not text in any encoding nkviz recognises "
                         "(binary data?)")
    return _checked(found)


def _lenient(data: bytes, encoding: str, *, with_bom: bool = False) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding + ("-bom" if with_bom else ""))
    except UnicodeDecodeError:
        return Decoded(data.decode(encoding, "replace"), encoding, lossy=True)


def _checked(decoded: Decoded) -> Decoded:
    """Reject decodings that are mostly control characters: those are binary files."""
    sample = decoded.text[:8192]
    if _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(
            sample):
        raise InputError("it looks like binary data, not text")
    return decoded


def _utf16_without_bom(data: bytes) -> Decoded | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd > 0.3 and share_even < 0.05:
        return _strict(data, "utf-16-le")
    if share_even > 0.3 and share_odd < 0.05:
        return _strict(data, "utf-16-be")
    return None


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding), encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes) -> Decoded | None:
    """The encoding an HTML or XML file names for itself, if it decodes cleanly."""
    if b"\x00" in data[:4096]:
        return None
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    if name in ("euc_kr", "ks_c_5601-1987", "iso2022_kr"):
        name = "cp949"  # pages labelled EUC-KR are in practice CP949
    return _strict(data, name)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (a truncated download) is still UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text[:20000] if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= max(1, len(text) // 2000) and multibyte >= 3 * bad:
        return Decoded(text, "utf-8", lossy=True)
    return None


def _korean(data: bytes) -> Decoded | None:
    """CP949 when the result reads as Korean: Hangul syllables mostly inside words."""
    if b"\x00" in data:
        return None
    decoded = _strict(data, "cp949")
    if decoded is None:
        return None
    syllables = _HANGUL.findall(decoded.text[:20000])
    common = sum(ch in _COMMON_SYLLABLES for ch in syllables)
    return decoded if len(syllables) >= 2 and common >= 0.3 * len(syllables) else None


_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")


def _western(data: bytes) -> Decoded | None:
    """Windows-1252 for Latin-script text: accents and smart quotes stand alone or in
    pairs between ASCII letters, whereas Cyrillic, Greek or CJK legacy encodings put
    whole words of high bytes together."""
    if b"\x00" in data:
        return None
    sample = data[:20000]
    high = sum(1 for b in sample if b >= 0x80)
    in_runs = sum(len(m) for m in _HIGH_RUN.findall(sample))
    if high > 0.4 * len(sample) or in_runs > 0.05 * high:
        return None
    return _strict(data, "cp1252")


def _guessed(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # import late: slow, rarely needed

    for match in from_bytes(data[:200_000]):  # best first
        # Korean was already tried with a real-words test; a statistical Korean guess
        # that failed it is Japanese or Chinese bytes mis-read.
        if match.encoding and match.encoding not in _KOREAN_CODECS:
            return _strict(data, match.encoding) or _lenient(data, match.encoding)
    return None
