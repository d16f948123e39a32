"""Spellings of Korean place names, generated from the Korean script.

Reports write one place many ways: McCune–Reischauer with or without breves and
apostrophes (Hoeryŏng, Hoeryong), North Korea's own system (Phyongyang, Jagang), Revised
Romanization (Hoeryeong, Byeokdong), and loose mixtures (Hamkyung, Yangkang, Chungjin).
Rather than listing each by hand, :func:`spellings` romanises the Hangul name along a few
independent axes (consonant style, vowel style, aspiration mark, initial ㄹ/ㄴ, sound
changes) and returns every combination, folded for matching by :func:`fold`.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

INITIALS = "g kk n d tt r m b pp s ss _ j jj ch k t p h".split()
MEDIALS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
FINALS = ["", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt", "lp",
          "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"]

# Vowel spellings by style: McCune-Reischauer without breves, Revised, and loose.
_VOWELS = {
    "mr": {"eo": "o", "yeo": "yo", "eu": "u", "ui": "ui"},
    "rr": {},
    "loose": {"eo": "u", "yeo": "yu", "eu": "u", "ui": "ui", "oe": "oi"},
}
_ASPIRATES = {"k", "t", "p", "ch"}
_VOICED_FINALS = {"", "n", "l", "m", "ng"}
_FINAL_SOUND = {"g": "k", "kk": "k", "gs": "k", "lg": "k", "n": "n", "nj": "n", "nh": "n",
                "d": "t", "s": "t", "ss": "t", "j": "t", "ch": "t", "t": "t", "h": "t",
                "l": "l", "lm": "m", "lb": "l", "ls": "l", "lt": "l", "lp": "p", "lh": "l",
                "m": "m", "b": "p", "bs": "p", "p": "p", "ng": "ng", "k": "k"}
_APOSTROPHES = "'’‘ʼʻ`´"
_DELETE = _APOSTROPHES + "\u00ad\u200b\u200c\u200d\ufeff"
_SPACES = "-‐‑‒–—―_/\t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f\u3000"


def _translation_table() -> dict[int, str]:
    """One character to one: accented Latin letters to their base letter, dashes and odd
    spaces to a space, characters to delete to NUL (removed afterwards)."""
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base.isascii() and base != chr(code):
            table[code] = base.lower()
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord(c): "\0" for c in _DELETE})
    table.update({code: "\0" for code in range(0x300, 0x370)})  # combining marks
    return table


_TABLE = _translation_table()
# Runs to squeeze: deleted characters (NUL), and two or more spaces. Two patterns that each
# open with a literal are searched several times faster than one alternation.
_DELETED = re.compile("\0\0*")
_SPACE_RUN = re.compile("   *")


def fold_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """Fold ``text`` for matching and keep the way back to original offsets.

    Lower case, accents off (ŏ -> o), apostrophes and combining marks removed, dashes and
    runs of white space as one space. Returns ``(folded, starts, origins)``: the folded
    character at ``i`` came from ``origins[k] + i - starts[k]`` in ``text``, where ``k`` is
    the last segment with ``starts[k] <= i`` (see :func:`original_offset`).
    """
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) lower to two characters
        low = "".join(ch.lower()[0] for ch in text)
    t = low.translate(_TABLE)
    pieces, starts, origins = [], [0], [0]
    pos = n = 0
    for m in _squeezed_runs(t):
        keep = 1 if m.group()[0] == " " else 0
        pieces.append(t[pos:m.start() + keep])
        n += m.start() + keep - pos
        pos = m.end()
        starts.append(n)
        origins.append(pos)
    pieces.append(t[pos:])
    return "".join(pieces), starts, origins


def _squeezed_runs(t: str) -> list[re.Match]:
    """Runs of NUL and runs of two or more spaces, in text order (they never overlap)."""
    runs = list(_SPACE_RUN.finditer(t))
    if "\0" in t:
        runs = sorted([*runs, *_DELETED.finditer(t)], key=re.Match.start)
    return runs


def original_offset(i: int, starts: list[int], origins: list[int]) -> int:
    """Offset in the original text of folded position ``i`` (see :func:`fold_with_map`)."""
    k = bisect.bisect_right(starts, i) - 1
    return origins[k] + i - starts[k]


def fold(text: str) -> str:
    """The matching form of a name (``P'yŏngan-bukto`` -> ``pyongan bukto``)."""
    return fold_with_map(text)[0].strip()


def syllables(hangul: str) -> list[tuple[str, str, str]]:
    """(initial, medial, final) in Revised-Romanization letters for each Hangul syllable."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            raise ValueError(f"not a Hangul syllable: {ch!r} in {hangul!r}")
        out.append((INITIALS[code // 588], MEDIALS[(code % 588) // 28], FINALS[code % 28]))
    return out


_LIAISON = {"gs": ("g", "s"), "nj": ("n", "j"), "nh": ("n", "_"), "lg": ("l", "g"),
            "lm": ("l", "m"), "lb": ("l", "b"), "ls": ("l", "s"), "lt": ("l", "t"),
            "lp": ("l", "p"), "lh": ("l", "_"), "bs": ("b", "s"), "h": ("", "_"),
            "l": ("", "r")}


def _sound_changes(sy: list[list[str]]) -> None:
    """Liaison, nasalisation and lateralisation across syllable edges, in place."""
    for a, b in zip(sy, sy[1:]):
        fin, ini = a[2], b[0]
        if fin and fin != "ng" and ini == "_":
            a[2], b[0] = _LIAISON.get(fin, ("", fin))
        elif _FINAL_SOUND.get(fin) in {"k", "t", "p"} and ini in {"n", "m", "r"}:
            a[2] = {"k": "ng", "t": "n", "p": "m"}[_FINAL_SOUND[fin]]
            if ini == "r":
                b[0] = "n"
        elif fin in {"m", "ng"} and ini == "r":
            b[0] = "n"
        elif (fin == "n" and ini == "r") or (fin == "l" and ini == "n"):
            a[2], b[0] = "l", "l"


def _consonant(ini: str, prev_final: str, first: bool, style: str, asp: str) -> str:
    """Spelling of an initial consonant in ``style``: mr, nk (mr with j), rr or plain."""
    if ini == "_":
        return ""
    if ini in {"k", "t", "p", "ch"}:
        return ini + asp if ini != "ch" else "ch" + ("" if asp == "h" else asp)
    if ini == "r":
        return "r" if first or prev_final != "l" else "l"
    if ini in {"g", "d", "b", "j"}:
        voiced = not first and prev_final in _VOICED_FINALS
        if style == "rr":
            return ini
        if style == "plain":
            return {"g": "k", "d": "t", "b": "p", "j": "ch"}[ini]
        if ini == "j":
            return "j" if style == "nk" or voiced else "ch"
        return ini if voiced else {"g": "k", "d": "t", "b": "p"}[ini]
    if ini == "jj":
        return "jj" if style == "rr" else "tch"
    return ini


def romanise(hangul: str, *, consonants: str = "mr", vowels: str = "mr", asp: str = "",
             initial_drop: bool = False, changes: bool = True) -> str:
    """One romanisation of a Hangul name along the chosen axes (lower case, no spaces)."""
    sy = [list(s) for s in syllables(hangul)]
    if changes:
        _sound_changes(sy)
    parts = []
    for i, (ini, med, fin) in enumerate(sy):
        first = i == 0
        prev_final = sy[i - 1][2] if i else ""
        if first and initial_drop and ini in {"r", "n"}:
            ini = "_" if med[0] in "iy" or (ini == "n" and med == "i") else "n"
        cons = _consonant(ini, prev_final, first, consonants, asp)
        vowel = _VOWELS[vowels].get(med, med)
        final = _final(fin, consonants)
        parts.append(cons + vowel + final)
    return "".join(parts)


def _final(fin: str, style: str) -> str:
    if not fin:
        return ""
    sound = _FINAL_SOUND[fin]
    if style == "rr":
        return {"k": "k", "t": "t", "p": "p"}.get(sound, sound)
    return sound


_VOWEL_CHOICES = {"eo": ("o", "eo", "u"), "yeo": ("yo", "yeo", "yu"), "eu": ("u", "eu"),
                  "oe": ("oe", "oi"), "ui": ("ui", "eui")}


def spellings(hangul: str) -> set[str]:
    """Every generated spelling of ``hangul`` (folded), including 'shi' for initial 'si'.

    The axes are crossed for the whole name; vowels are also mixed syllable by syllable
    ("Myongchun": 명 as McCune–Reischauer, 천 loosely), with the common consonant styles.
    """
    out = set()
    first_initial = syllables(hangul)[0][0]
    axes = itertools.product(("mr", "nk", "rr", "plain"), ("mr", "rr", "loose"), ("", "h"),
                             (False, True), (True, False))
    for cons, vow, asp, drop, changes in axes:
        if drop and first_initial not in {"r", "n"}:
            continue
        out.add(romanise(hangul, consonants=cons, vowels=vow, asp=asp, initial_drop=drop,
                         changes=changes))
    out |= _mixed_vowels(hangul)
    out |= {"shi" + s[2:] for s in out if s.startswith("si")}
    out |= {s.replace("oe", "oi") for s in out if "oe" in s}
    return out


def _mixed_vowels(hangul: str) -> set[str]:
    """Spellings with each syllable's vowel chosen on its own (MR and NK consonants)."""
    sy = syllables(hangul)
    options = [_VOWEL_CHOICES.get(med, (med,)) for _, med, _ in sy]
    if len(sy) < 2 or all(len(o) == 1 for o in options):
        return set()
    out = set()
    for cons in ("mr", "nk"):
        base = romanise(hangul, consonants=cons, vowels="rr")  # vowels spelled in full
        for combo in itertools.product(*options):
            out.add(_respell(hangul, cons, combo) if combo else base)
    return out


def _respell(hangul: str, cons: str, vowels: tuple[str, ...]) -> str:
    """``romanise`` with a given vowel spelling per syllable."""
    sy = [list(s) for s in syllables(hangul)]
    _sound_changes(sy)
    parts = []
    for i, (ini, med, fin) in enumerate(sy):
        prev_final = sy[i - 1][2] if i else ""
        parts.append(_consonant(ini, prev_final, i == 0, cons, "") + vowels[i]
                     + _final(fin, cons))
    return "".join(parts)


def simple_spellings(name: str) -> set[str]:
    """Spellings of a McCune–Reischauer name without Korean script: breve vowels as
    o/eo/u and u/eu, apostrophes dropped or as 'h'."""
    base = name.lower()
    for ch in _APOSTROPHES:
        base = base.replace(ch, "'")
    forms = {base}
    for old, news in (("ŏ", ("o", "eo", "u")), ("ŭ", ("u", "eu")), ("'", ("", "h"))):
        forms = {f.replace(old, new) for f in forms for new in news}
    return {fold(f) for f in forms}
