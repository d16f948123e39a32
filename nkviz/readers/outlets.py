"""News outlets: canonical names, their web domains and the other names they go by.

The source of a report comes from its metadata (site name, publisher, a ``source`` field)
or, failing that, from its URL's domain. Both go through this one table so that the
dashboard's source filter sees "Radio Free Asia" once, not also "RFA" and "rfa.org".
Adding an outlet is adding a row.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# (canonical name, domains, other names). Domains match themselves and their subdomains.
OUTLETS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Daily NK", ("dailynk.com", "dailynk.co.kr"), ("DailyNK", "Daily NK English", "데일리NK")),
    ("Radio Free Asia", ("rfa.org",), ("RFA", "자유아시아방송")),
    ("NK News", ("nknews.org",), ("NKNews", "NK News - North Korea News")),
    ("NK Pro", ("nkpro.com",), ()),
    ("One Free Korea", ("freekorea.us",), ("OFK", "OneFreeKorea")),
    ("Asia Press", ("asiapress.org",), ("ASIAPRESS", "Rimjin-gang", "아시아프레스")),
    ("Yonhap", ("yna.co.kr", "yonhapnews.co.kr", "yonhapnewstv.co.kr"),
     ("Yonhap News Agency", "Yonhap News", "연합뉴스")),
    ("Korea JoongAng Daily", ("koreajoongangdaily.joins.com", "koreajoongangdaily.com"),
     ("JoongAng Daily",)),
    ("JoongAng Ilbo", ("joongang.co.kr", "joins.com"), ("중앙일보",)),
    ("The Korea Herald", ("koreaherald.com",), ("Korea Herald",)),
    ("The Korea Times", ("koreatimes.co.kr",), ("Korea Times",)),
    ("Chosun Ilbo", ("chosun.com",), ("The Chosun Ilbo", "조선일보")),
    ("Dong-A Ilbo", ("donga.com",), ("The Dong-A Ilbo", "동아일보")),
    ("Hankyoreh", ("hani.co.kr",), ("The Hankyoreh", "한겨레")),
    ("KBS", ("kbs.co.kr",), ("KBS News",)),
    ("Voice of America", ("voanews.com", "voakorea.com"), ("VOA", "VOA Korea", "미국의소리")),
    ("BBC", ("bbc.com", "bbc.co.uk"), ("BBC News", "BBC News 코리아")),
    ("Reuters", ("reuters.com",), ()),
    ("Associated Press", ("apnews.com", "ap.org"), ("AP", "AP News")),
    ("AFP", ("afp.com",), ("Agence France-Presse",)),
    ("38 North", ("38north.org",), ("38North",)),
    ("Human Rights Watch", ("hrw.org",), ("HRW",)),
    ("Amnesty International", ("amnesty.org", "amnesty.or.kr"), ("Amnesty",)),
    ("HRNK", ("hrnk.org",), ("Committee for Human Rights in North Korea",)),
    ("NKDB", ("nkdb.org",), ("Database Center for North Korean Human Rights",)),
    ("Transitional Justice Working Group", ("tjwg.org",), ("TJWG",)),
    ("UN OHCHR", ("ohchr.org",), ("OHCHR",)),
    ("United Nations", ("un.org", "news.un.org"), ("UN News",)),
    ("KCNA Watch", ("kcnawatch.org",), ()),
    ("KCNA", ("kcna.kp", "kcna.co.jp"), ("Korean Central News Agency",)),
    ("Rodong Sinmun", ("rodong.rep.kp",), ("로동신문",)),
    ("Ministry of Unification", ("unikorea.go.kr",), ("통일부",)),
    ("North Korean Economy Watch", ("nkeconwatch.com",), ()),
    ("The New York Times", ("nytimes.com",), ("New York Times", "NYT")),
    ("The Washington Post", ("washingtonpost.com",), ("Washington Post",)),
    ("The Wall Street Journal", ("wsj.com",), ("Wall Street Journal", "WSJ")),
    ("The Guardian", ("theguardian.com", "guardian.co.uk"), ("Guardian",)),
    ("CNN", ("cnn.com",), ()),
    ("The Diplomat", ("thediplomat.com",), ("Diplomat",)),
    ("The Economist", ("economist.com",), ("Economist",)),
    ("Financial Times", ("ft.com",), ("FT",)),
    ("Bloomberg", ("bloomberg.com",), ()),
    ("Al Jazeera", ("aljazeera.com",), ()),
    ("NHK", ("nhk.or.jp",), ("NHK World",)),
    ("Kyodo News", ("kyodonews.net",), ("Kyodo",)),
    ("South China Morning Post", ("scmp.com",), ("SCMP",)),
    ("Foreign Policy", ("foreignpolicy.com",), ()),
    ("Foreign Affairs", ("foreignaffairs.com",), ()),
    ("Newsis", ("newsis.com",), ("뉴시스",)),
    ("News1", ("news1.kr",), ("뉴스1",)),
    ("Daily Wrap", ("dailywrap.net",), ()),
)


# Words a site name may add to an outlet's name without naming another outlet.
_EDITION_WORDS = {"english", "korean", "korea", "news", "online", "com", "edition", "world",
                  "international", "global", "service", "코리아", "한국어", "뉴스"}


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    by_domain, by_name = {}, {}
    for name, domains, aliases in OUTLETS:
        for domain in domains:
            by_domain[domain] = name
        for alias in (name, *aliases):
            by_name[_key(alias)] = name
    return by_domain, by_name


def host_of(url: str) -> str:
    """The lower-case host of a URL without ``www.``/``m.``/``amp.``, '' if none."""
    if not url or "." not in url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host.lower())


def outlet_from_url(url: str) -> str:
    """The outlet a URL belongs to ('https://en.yna.co.kr/x' -> 'Yonhap'), '' if unknown."""
    host = host_of(url)
    by_domain = _tables()[0]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = by_domain.get(".".join(parts[i:]))
        if name:
            return name
    return ""


def canonical_outlet(name: str) -> str:
    """A site or publisher name in its canonical spelling when the table knows it
    ('RFA' -> 'Radio Free Asia', 'Daily NK English' -> 'Daily NK'), else tidied as given."""
    name = " ".join(str(name or "").split())
    if not name:
        return ""
    by_name = _tables()[1]
    key = _key(name)
    if key in by_name:
        return by_name[key]
    if name.count(".") and " " not in name:  # a bare domain given as the source
        return outlet_from_url(name) or name
    words = key.split()
    for n in range(len(words) - 1, 0, -1):  # 'Daily NK English' -> 'daily nk'
        if set(words[n:]) <= _EDITION_WORDS and (hit := by_name.get(" ".join(words[:n]))):
            return hit
    return name


def source_for(declared: str, url: str) -> str:
    """The outlet: the declared name (canonicalised) or else the URL's outlet."""
    return canonical_outlet(declared) if declared and declared.strip() else outlet_from_url(url)
