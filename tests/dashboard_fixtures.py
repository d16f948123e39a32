"""A tiny hand-made event frame whose counts the dashboard tests know by heart."""

from __future__ import annotations

import datetime as dt

from nkviz import schema


def navigate_like_the_server(monkeypatch) -> None:
    """Make AppTest run the entry first, in st.navigation mode, as a server process does
    after its first request (Streamlit otherwise runs a page file alone)."""
    from streamlit.runtime.pages_manager import PagesManager

    init = PagesManager.__init__

    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", patched)


def ev(i, *, date=None, prec="day", end=None, admin1="", themes=(), agencies=(), source="Daily NK",
       place="", lat=None, lon=None, country="North Korea", geo="province", evidence=None):
    full = {c: None for c in schema.EVENT_COLUMNS}  # every column given: no dtype guessing
    return full | dict(event_id=f"r{i}:0", report_id=f"r{i // 2}", source=source, date=date,
                       date_end=end or date, date_precision=prec if date else "unknown",
                       admin1=admin1, themes=themes, agencies=agencies, place=place, lat=lat,
                       lon=lon, country=country, geo_precision=geo,
                       evidence=evidence or f"sentence {i}", url=f"https://example.org/r{i // 2}",
                       title=f"Report {i // 2}")


def small_frame():
    """Six events: two in Hyesan, one month-dated, one year-dated, one undated, one abroad."""
    d = dt.date
    return schema.to_frame([
        ev(0, date=d(2019, 3, 4), admin1="Ryanggang", themes=("crackdown_arrest", "markets_trade"),
           agencies=("Ministry of State Security",), place="Hyesan", lat=41.4, lon=128.18, geo="place",
           evidence='Agents <script>alert("x")</script> & others arrested traders in Hyesan.'),
        ev(1, date=d(2019, 3, 20), admin1="Ryanggang", themes=("crackdown_arrest",),
           agencies=("Ministry of State Security", "Border Guard"), place="Hyesan", lat=41.4,
           lon=128.18, geo="place"),
        ev(2, date=d(2019, 3, 1), end=d(2019, 3, 31), prec="month", admin1="North Hamgyong",
           themes=("defection_border",), agencies=("Border Guard",)),
        ev(3, date=d(2019, 1, 1), end=d(2019, 12, 31), prec="year", admin1="Pyongyang",
           themes=("elite_purge",), source="NK News"),
        ev(4, themes=("markets_trade",), source=""),
        ev(5, date=d(2020, 7, 9), themes=(), agencies=(), place="Dandong", lat=40.13, lon=124.39,
           country="China", geo="place"),
    ])
