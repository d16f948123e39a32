"""The line patterns readers recognise: credits, bylines, bios, tail markers, UI lines.

Kept apart from the rules that use them (``boilerplate``, ``text``, ``listing``) so the
vocabulary of boilerplate is in one place and easy to extend for a new outlet's habits.
All tests are on single, whitespace-normalised lines or paragraphs.
"""

from __future__ import annotations

import re

import ahocorasick

ENDS_SENTENCE = re.compile(r"[.!?。…][\"'”’»)\]]*$")
LIST_ITEM = re.compile(r"^(?:[-*•·▪]\s|\d{1,3}[.)]\s)")
TRUNCATED = re.compile(
    r"(?:\.\.\.|…|\[\s*(?:…|\.\.\.)\s*\]|\(more…?\)|read more\W*|continue reading\W*"
    r"|more\s*»|»|→)\s*$", re.I)

_CREDIT = re.compile(
    r"^\W{0,2}(?:images?|photos?|photographs?|pictures?|pics?|credits?|photo credits?|"
    r"image credits?|images? sources?|photos? sources?|illustrations?|graphics?|videos?|"
    r"sources?|courtesy(?: of)?|file photo|사진|자료사진)\s*(?:by\b|[:：|=])"
    r"|(?:^|[\s(\[|/–—-])(?:images?|photos?|photographs?|pictures?|credits?)\s*[:：|]\s*\S"
    r"|\b(?:photo|image|picture|photograph)\s+(?:by|courtesy of|credit)\b"
    r"|©|ⓒ|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b"
    r"|\bgetty\s*images\b|\bshutterstock\b|\balamy\b|\bistock(?:photo)?\b|\bap photo\b"
    r"|\b(?:afp|epa|reuters|yonhap|kcna|xinhua|newsis|news1)\s*(?:photo|via|/|$)"
    r"|\((?:afp|yonhap|reuters|kcna)(?: photo)?\)\s*$|/\s*(?:afp|yonhap|reuters|kcna)\b"
    r"|\bvia kcna\b|\[사진|사진\s*제공|/\s*연합뉴스\s*$|무단\s*전재|재배포\s*금지",
    re.I)


# Words one of which every credit line holds: a cheap test before the big pattern, which
# is slow on long lines (every alternative is tried at every position).
_CREDIT_WORDS = ("image", "photo", "picture", "pics", "credit", "source:", "sources:",
                 "courtesy", "illustration", "graphic", "video", "©", "ⓒ", "(c)", "copyright",
                 "reserved", "getty", "shutterstock", "alamy", "istock", "afp", "epa",
                 "reuters", "yonhap", "kcna", "xinhua", "newsis", "news1", "ap photo", "사진",
                 "연합뉴스", "무단", "재배포")
_CREDIT_HINT = ahocorasick.Automaton()  # one pass finds any of them
for _word in _CREDIT_WORDS:
    _CREDIT_HINT.add_word(_word, _word)
_CREDIT_HINT.make_automaton()


def is_credit(line: str) -> bool:
    """An image credit or copyright line (callers check it is short)."""
    hint = next(_CREDIT_HINT.iter(line.casefold()), None)
    return hint is not None and bool(_CREDIT.search(line))


# A name: 2-4 capitalised words or initials, optionally with a particle ("bin", "van").
_NAME = (r"(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:(?:van|von|de|der|bin|al|da|del)\s+)?"
         r"(?:[A-Z][\w'’.-]*|[A-Z]\.)){1,3}")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
BY_PREFIX = re.compile(r"^(?:by|written by|reported by|posted by|words by|story by|"
                       r"text by|byline)[:\s]+", re.I)
_ONE_OR_MORE_NAMES = (r"(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:(?:van|von|de|der|bin|al|da|del)"
                      r"\s+)?(?:[A-Z][\w'’.-]*|[A-Z]\.)){0,3}")
_BY_LINE = re.compile(
    r"^(?i:by|written by|reported by|posted by|words by|story by|text by|byline)[:\s]+"
    rf"{_ONE_OR_MORE_NAMES}(?:\s*(?:,|and|&)\s*{_ONE_OR_MORE_NAMES})*"
    r"(?:\s*[,|/–—-].{0,60})?$")
_NAME_OUTLET = re.compile(rf"^{_NAME}\s*[|/–—,]\s*[\w .’'-]{{2,40}}$")
_KOREAN_BYLINE = re.compile(r"^(?:\(.{1,20}\)\s*)?[가-힣]{2,4}\s*(?:기자|특파원|통신원)"
                            r"(?:\s*[\w.+-]+@[\w.-]+)?\s*=?$")
# Capitalised words that start headlines and labels, never names.
_NOT_NAMES = frozenset("""
the a an north south korea korean koreans news daily ministry state security party province
city update related photo image share read more breaking exclusive analysis opinion video
kim's pyongyang china chinese russia russian us u.s. un world politics economy society
inside home latest top report reports editorial feature features how why what when where
who is are was new border army police people's workers' central supreme leader military
now then that this these those late early mid last next it its all some many most one
human rights court trade market markets food life culture sports weather day week month
""".split())


# "(서울=연합뉴스) 김철수 기자 = " before a Korean wire story's first sentence.
KOREAN_WIRE_PREFIX = re.compile(r"^\([가-힣]{1,10}\s*=\s*[^)]{1,20}\)\s*(?:[가-힣]{2,4}\s*"
                                r"(?:기자|특파원)\s*=\s*)?")


def is_byline(line: str) -> bool:
    """A line that is only an author credit: 'By X', 'X | Outlet', 'Jane Doe', '홍길동 기자'."""
    if len(line) > 120 or len(line.split()) > 14:
        return False
    if _BY_LINE.match(line) or _KOREAN_BYLINE.match(line):
        return not _starts_with_non_name(BY_PREFIX.sub("", line))
    if _NAME_ONLY.match(line) or _NAME_OUTLET.match(line):
        return not _starts_with_non_name(line) and not ENDS_SENTENCE.search(line)
    return False


def _starts_with_non_name(text: str) -> bool:
    name = re.split(r"\s*[|/–—,]\s*", text, maxsplit=1)[0]
    return any(w.casefold().strip(".,") in _NOT_NAMES for w in name.split())


_BIO_PHRASES = ("can be reached", "can be contacted", "can be emailed", "reach him at",
                "reach her at", "reach them at")
_BIO_START = re.compile(
    r"^(?:follow (?:him|her|them) on|contact the author|email the author|about the author)"
    rf"|^{_NAME}\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,5}}?(?:reporter|editor|"
    r"editor-in-chief|correspondent|journalist|writer|columnist|contributor|analyst|"
    r"researcher|fellow|intern|producer|author|founder|director|professor|freelancer|"
    r"blogger|photographer)\b"
    r"|^[\w.+-]+@[\w-]+\.[\w.]+$|^[가-힣]{2,4}\s*(?:기자|특파원)\s*[\w.+-]+@"
    r"|^(?:reported|translated|written|edited|produced|compiled)(?: in \w+)? by\b",
    re.I)


def is_bio(paragraph: str) -> bool:
    """An author bio or contact line (checked on final paragraphs only)."""
    low = paragraph.casefold()
    return any(p in low for p in _BIO_PHRASES) or bool(_BIO_START.match(paragraph))


_TAIL_EXACT = frozenset("""
related content|related contents|related articles|related article|related stories|related news
|related posts|related|related links|related reading|related coverage|more on this story
|more stories|read more|read next|recommended|recommended for you|you may also like
|you might also like|also read|see also|most read|most popular|most viewed|popular posts
|trending|trending now|latest news|latest stories|top stories|share this|share this article
|share this story|share this post|share on|tags|topics|filed under|categories|subscribe
|newsletter|subscribe to our newsletter|comments|leave a comment|leave a reply
|post a comment|join the conversation|like this|about the author|more in this category
|관련기사|관련 기사|많이 본 뉴스|많이 본 기사|인기 기사|추천 기사|이 기사를 공유합니다|댓글
""".replace("\n", "").split("|"))
_TAIL_PATTERN = re.compile(
    r"^(?:more (?:stories |news |articles )?(?:from|in|on|about) .{1,40}"
    r"|sign up (?:for|to) .{0,80}|subscribe (?:to|for) .{0,80}"
    r"|(?:tags?|filed under|categories|topics|keywords)\s*:.*|related\s*:.*)$", re.I)


_TAIL_FIRST_WORDS = {w.split()[0] for w in _TAIL_EXACT if w} | {
    "more", "sign", "subscribe", "tags", "tag", "filed", "categories", "topics", "keywords",
    "related"}
_FIRST_WORD = re.compile(r"[\w가-힣]+")


def _first_word(line: str) -> str:
    m = _FIRST_WORD.search(line[:40])
    return m.group(0).casefold() if m else ""


def is_tail_marker(line: str) -> bool:
    """A heading after which a page holds only links, tags or calls to subscribe."""
    if len(line) > 120 or _first_word(line) not in _TAIL_FIRST_WORDS:
        return False
    key = re.sub(r"[\s:>»›→.!]+$", "", line.strip().casefold()).strip(" :")
    return key in _TAIL_EXACT or bool(_TAIL_PATTERN.match(line.strip()))


_UI_WORDS = frozenset("""
share shares tweet email e-mail print facebook twitter x linkedin whatsapp telegram reddit
pinterest copy link save pocket flipboard kakaotalk kakao naver band line advertisement ad
ads sponsored skip to content back top menu search home close subscribe login log in sign up
listen font size comments comment reply like likes views view follow us more options
""".split())
_UI_PATTERN = re.compile(
    r"^(?:home|news|main)\s*[>»›/|]\s*.{0,120}$"  # breadcrumbs
    r"|^(?:previous|next|prev)\s+(?:article|post|story|page)\b.{0,150}$"
    r"|^(?:listen to|print this|email this|follow us|click here to|skip to|go to top)\b.{0,80}$"
    r"|^loading\W*$|^advertisement\W*$|^continue reading\b.{0,100}$|^\(more…?\)$"
    r"|^the post .{3,300} appeared first on .{2,100}$"  # WordPress feed footer
    r"|^\[?(?:…|\.\.\.)\]?$"
    r"|^(?:기사|글자)\s*(?:크기|공유)|^(?:입력|수정|등록)\s*[:：]?\s*\d{4}[.-]",
    re.I)
_TOKENS = re.compile(r"[\s|·•/,+]+")


_UI_FIRST_WORDS = _UI_WORDS | {
    "home", "news", "main", "previous", "next", "prev", "listen", "print", "email", "follow",
    "click", "skip", "go", "loading", "advertisement", "continue", "more", "the", "기사",
    "글자", "입력", "수정", "등록"}


def is_ui_line(line: str) -> bool:
    """A line of page furniture: share buttons, breadcrumbs, 'Advertisement', counters."""
    if len(line) > 300:
        return False
    first = _first_word(line)
    if first not in _UI_FIRST_WORDS and not first.isdigit() and line[:1] not in "[(….":
        return False
    if _UI_PATTERN.match(line):
        return True
    if line.count(" ") > 12:
        return False
    tokens = [t for t in _TOKENS.split(line.casefold()) if t]
    if not tokens or len(tokens) > 8:
        return False
    return all(t in _UI_WORDS or t.isdigit() for t in tokens) and not all(
        t.isdigit() for t in tokens)


_TITLE_END_BAD = re.compile(r"[.,;:，、]$")


def headline_like(line: str, *, allow_period: bool = False) -> bool:
    """Short, one line, no final period: the shape of a title."""
    n_words = len(line.split())
    if not line or len(line) > 250 or n_words > 30 or not any(c.isalpha() for c in line):
        return False
    if line.endswith("...") or line.endswith("…"):
        return False
    if _TITLE_END_BAD.search(line[-1:]) and not (allow_period and line.endswith(".")):
        return False
    return not (LIST_ITEM.match(line) or is_credit(line) or is_ui_line(line))
