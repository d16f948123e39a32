"""Event assembly: which sentences become events, and where and when they happen."""

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkviz.extract.events import extract_events
from nkviz.schema import Report

PUB = dt.date(2020, 5, 10)


def events_of(text, published=PUB, precision="day", title=""):
    report = Report("r", text, title=title, published=published,
                    published_precision=precision if published else "unknown")
    return extract_events(report)


# (text, expected list of (admin1, country) per event)
WHERE = [
    ("A source in Dandong, China, said state security agents in Sinuiju arrested two "
     "traders on May 3.", [("North Pyongan", "North Korea")]),
    ("Pyongyang has ordered police in Chongjin to search homes for foreign films.",
     [("North Hamgyong", "North Korea")]),
    ("Police in Pyongyang detained a dozen street vendors on May 2.",
     [("Pyongyang", "North Korea")]),
    ("North Korean workers at a seafood plant in Dandong went on strike last week over "
     "unpaid wages.", [("", "China")]),
    ("A defector living in Seoul said bowibu agents in Hyesan arrested her brother on May 1.",
     [("Ryanggang", "North Korea")]),
    ("Smuggled goods coming in from China were seized in Manpo on May 4.",
     [("Chagang", "North Korea")]),
    ("Border guards in Onsong caught two people crossing the Tumen on May 2. In a separate "
     "case, police in Haeju arrested a man on May 6 for selling South Korean films.",
     [("North Hamgyong", "North Korea"), ("South Hwanghae", "North Korea")]),
    ("State security agents searched homes across North Pyongan Province in early May.",
     [("North Pyongan", "North Korea")]),
]


@pytest.mark.parametrize("text,expected", WHERE)
def test_where_events_happen(text, expected):
    got = [(e.admin1, e.country) for e in events_of(text)]
    assert got == expected


def test_province_level_events_get_no_point():
    (e,) = events_of("Police across Ryanggang Province arrested dozens of smugglers on May 5.")
    assert e.geo_precision == "province" and e.admin1 == "Ryanggang"
    assert e.lat is None and e.lon is None


def test_place_level_events_get_a_point_and_border_distance():
    (e,) = events_of("Border guards in Hoeryong shot a man crossing the river on May 2.")
    assert e.geo_precision == "place" and e.place == "Hoeryong"
    assert 42 < e.lat < 43 and e.border_region
    assert e.border_km is not None and e.border_km < 20


@pytest.mark.parametrize("text", [
    "Sanctions alone will never change the regime's behaviour.",
    "Kim Jong Un ordered a crackdown on defections after taking power in 2011.",
    "Defectors have long said that bribes decide everything in the border towns.",
])
def test_commentary_and_background_give_no_event(text):
    assert events_of(text) == []


def test_continuation_sentences_lend_agency_and_date():
    text = ("Three women were arrested in Hyesan for selling Chinese phones. "
            "The local bowibu, which is holding them, took them in on May 2.")
    (e,) = events_of(text)
    assert "Ministry of State Security" in e.agencies
    assert e.date == dt.date(2020, 5, 2)
    assert "bowibu" in e.evidence


def test_when_the_source_spoke_is_not_when_it_happened():
    (e,) = events_of("Police in Musan detained five traders, a source said on Monday.")
    assert e.date_basis == "published" and e.date == PUB


def test_no_date_is_invented_without_publication_date():
    (e,) = events_of("Police in Musan detained five traders on May 2.", published=None)
    assert e.date is None and e.date_precision == "unknown" and e.date_basis == "unknown"


def test_undated_event_takes_the_publication_period():
    (e,) = events_of("Police in Musan detained five traders.", dt.date(2020, 5, 1), "month")
    assert (e.date, e.date_end) == (dt.date(2020, 5, 1), dt.date(2020, 5, 31))
    assert e.date_precision == "month" and e.date_basis == "published"


def test_title_enriches_the_lead_event():
    (e,) = events_of("Residents of Hyesan were told to attend on May 3.",
                     title="Public execution held in Hyesan")
    assert "punishment_execution" in e.themes
    assert e.admin1 == "Ryanggang"


def test_events_keep_their_cues():
    (e,) = events_of("State security agents in Hoeryong arrested two brokers on May 3.")
    assert len(e.themes) == len(e.theme_cues) and len(e.agencies) == len(e.agency_cues)
    assert e.date_text == "May 3" and e.place_text == "Hoeryong"
    for cue in (*e.theme_cues, *e.agency_cues):
        assert cue in e.evidence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, dt.date(2016, 2, 29)]))
def test_arbitrary_text_never_raises_and_stays_consistent(text, published):
    for e in events_of(text, published=published):
        assert text[e.evidence_start:e.evidence_end]
        if e.date is not None:
            assert dt.date(1945, 1, 1) <= e.date <= e.date_end <= dt.date(2030, 12, 31)
        assert e.lat is None or not math.isnan(e.lat)


@pytest.mark.parametrize("text,admin1", [
    # an official who acts in a place is not a source speaking from it
    ("State security officials in Hyesan arrested two women who phoned China, a source "
     "in Yanggang Province said.", "Ryanggang"),
    # a source's own province gives way to the place the sentence is about
    ("The Ryanggang provincial party secretary was removed on May 3, a source in Pyongyang "
     "said.", "Ryanggang"),
    # a specific place beats the province named before it
    ("In North Hamgyong Province, guards in Onsong were arrested on May 2.", "North Hamgyong"),
])
def test_sources_and_officials(text, admin1):
    (e,) = events_of(text)
    assert e.admin1 == admin1


def test_a_country_named_as_owner_is_not_the_place():
    (e,) = events_of("A senior general was executed in late April, South Korea's spy agency said.")
    assert e.country == "North Korea" or e.country == ""


def test_month_ranges_that_only_touch_are_two_events():
    text = ("Guards in Hoeryong were arrested late last month for taking bribes from smugglers. "
            "Early this month a platoon leader in Onsong was taken away on the same charge.")
    assert [e.place for e in events_of(text)] == ["Hoeryong", "Onsong"]


def test_a_place_abroad_in_a_follow_up_sentence_stays_with_the_incident():
    text = ("A cargo ship loaded artillery shells at the port of Rajin on May 4, satellite "
            "images show. The ship has made several runs to a port near Vladivostok.")
    assert [e.admin1 for e in events_of(text)] == ["Rason"]


def test_a_later_event_of_the_same_story_inherits_its_place():
    text = ("Two farm workers were executed in Chongdan County on May 4 for selling films. "
            "They had been arrested on December 12.")
    assert [e.place for e in events_of(text)] == ["Chongdan", "Chongdan"]


def test_an_event_sentence_without_a_place_takes_the_one_just_before():
    text = ("The authorities closed several roads in Sinuiju until further notice. "
            "Officials cited quarantine rules for goods arriving from China.")
    (e,) = events_of(text)
    assert e.place == "Sinuiju" and "covid_quarantine" in e.themes


@pytest.mark.parametrize("text", [
    "A vice premier was executed by firing squad, the ministry said.",
    "Two cadres were arrested for embezzlement, a source said.",
])
def test_national_incidents_told_in_the_past_are_events(text):
    (e,) = events_of(text)
    assert e.geo_precision in ("country", "unknown") and e.admin1 == ""


def test_wire_datelines_are_when_and_where_the_story_was_filed():
    text = ("SEOUL, May 9 (Yonhap) -- A North Korean soldier crossed the border early Monday and "
            "was taken into custody, the military said Thursday.")
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 4) and e.country == "North Korea"


def test_two_towns_of_one_province_with_their_own_dates_are_two_events():
    text = ("Two women were executed in Onsong on May 1 for helping people cross the river. "
            "In Hoeryong, rice prices jumped last week, another source said.")
    assert [e.place for e in events_of(text)] == ["Onsong", "Hoeryong"]


def test_a_separate_case_is_a_separate_event():
    text = ("Police in Hyesan arrested two smugglers on May 3. In a separate case, three "
            "traders were detained for selling South Korean films.")
    events = events_of(text)
    assert len(events) == 2 and events[1].admin1 == "Ryanggang"


def test_history_after_the_news_is_context():
    text = ("State security agents in Hyesan began sweeping homes for Chinese phones on May 2.\n\n"
            "The law against reactionary thought, adopted in December 2018, made such calls "
            "punishable by years in a labour camp.")
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 2)


def test_a_bare_month_far_before_publication_does_not_date_an_event():
    text = ("Chinese police arrested about forty North Koreans in Shenyang on March 17. "
            "Beijing wants them out of sight before the Olympic Games in August.")
    (e,) = events_of(text, published=dt.date(2008, 3, 22))
    assert e.date == dt.date(2008, 3, 17)


def test_a_release_date_is_not_when_the_figures_happened():
    text = ("Chinese customs figures published last Friday show that exports to North Korea "
            "rose by a third in April.")
    (e,) = events_of(text)
    assert (e.date, e.date_precision) == (dt.date(2020, 4, 1), "month")


@pytest.mark.parametrize("text,expected", [
    ("양강도 혜산시에서 지난달 초부터 밀수 단속이 진행되고 있다고 현지 소식통이 8일 데일리NK에 "
     "알려왔다.", (dt.date(2020, 4, 1), "month")),
    ("함경북도 무산군에서 보안원들이 장마당 상인 다섯 명을 체포했다고 소식통이 7일 전했다.",
     (PUB, "day")),
])
def test_a_korean_source_speaking_on_a_day_does_not_date_the_event(text, expected):
    (e,) = events_of(text)
    assert (e.date, e.date_precision) == expected
    assert e.date_basis == ("published" if expected[0] == PUB else "relative")


def test_a_korean_day_in_a_quote_still_dates_the_event():
    text = "소식통은 \"지난 3일 무산에서 보안원들이 상인 두 명을 체포했다\"고 말했다."
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 3)


def test_figures_for_an_earlier_month_on_another_subject_are_another_event():
    text = ("Guards in Sinuiju shot a man trying to cross the Yalu on May 4, a source said.\n\n"
            "Official customs data show that cross-border trade fell sharply in March.")
    events = events_of(text)
    assert [(e.date, e.date_precision) for e in events] == [
        (dt.date(2020, 5, 4), "day"), (dt.date(2020, 3, 1), "month")]


def test_a_vaguer_date_on_the_same_subject_stays_context():
    text = ("Guards in Sinuiju shot a man trying to cross the Yalu on May 4, a source said.\n\n"
            "Since the border was sealed in March, guards have shot at anyone near the river.")
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 4)


def test_a_city_abroad_continues_an_event_in_its_country():
    text = ("Mongolia sent home its last North Korean workers last week, an official said.\n\n"
            "About 200 of them had worked on building sites in Ulaanbaatar and left on "
            "chartered flights.")
    (e,) = events_of(text)
    assert e.country == "Mongolia" and "overseas_labor" in e.themes


def test_a_hometown_after_a_destination_abroad_is_where_it_began():
    text = ("SEOUL, May 12 (Yonhap) -- Three North Korean fishermen who crossed the sea border "
            "last week want to settle in South Korea, officials said.\n\n"
            "The men left a harbour near Haeju late on May 5 and were picked up the next day.")
    (e,) = events_of(text, published=dt.date(2020, 5, 12))
    assert (e.admin1, e.country) == ("South Hwanghae", "North Korea")
    assert e.date == dt.date(2020, 5, 5)


@pytest.mark.parametrize("text", [
    "A reporting partner in Hyesan described the arrest of two smugglers during a call on "
    "May 8.\n\n\"Police took them on May 2, at the market,\" the partner said.",
    "A source in Hyesan gave an account of the arrest of two smugglers by phone on May 8."
    "\n\n\"Police took them on May 2, at the market,\" the source said.",
])
def test_the_day_of_a_call_is_when_the_source_spoke(text):
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 2) and e.admin1 == "Ryanggang"


def test_as_of_dates_a_state_of_affairs_not_an_incident():
    text = ("Leaflets mocking the leadership were found on a school wall in Kapsan on April 28, a "
            "source said.\n\nAs of this week nobody had been arrested, but several pupils were "
            "still being questioned by state security agents.")
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 4, 28)


def test_parts_of_one_month_tell_one_incident():
    text = ("Two aides of a senior official were executed in mid-April, the spy agency told "
            "lawmakers.\n\nThe official was purged and has not been seen in public since early "
            "April, the agency said.")
    (e,) = events_of(text)
    assert (e.date, e.date_precision) == (dt.date(2020, 4, 11), "month")


def test_a_detail_from_elsewhere_does_not_split_the_incident():
    text = ("Three ships were loaded with coal at the port of Nampho in early May in breach of "
            "UN sanctions, a source said."
            "\n\n\"The coal came by train from the mines in Tokchon,\" the source said. \"The "
            "trading company paid the port officials in dollars to keep quiet.\"")
    (e,) = events_of(text)
    assert e.admin1 == "Nampo" and "corruption_bribery" in e.themes


def test_another_scene_after_a_detail_is_another_event():
    text = ("Mongolia sent home its last North Korean workers last week, an official said.\n\n"
            "In Russia, however, a trader in Vladivostok said dozens of North Korean workers "
            "had switched to student visas. \"They are still on the building sites,\" he said.")
    assert [e.country for e in events_of(text)] == ["Mongolia", "Russia"]


def test_the_border_river_in_the_same_paragraph_is_a_detail_of_the_incident():
    text = ("Two smugglers were shot in front of a crowd in Musan on May 3, a resident said. "
            "Police staged the execution to frighten anyone thinking of crossing the Tumen.")
    (e,) = events_of(text)
    assert e.place == "Musan" and e.date == dt.date(2020, 5, 3)


def test_a_date_said_of_the_same_town_in_the_paragraph_before_carries_over():
    text = ("Since May 2, shops and restaurants in Rajin have been told to take only North "
            "Korean won, a source said.\n\n\"The traders in the Rajin market still use yuan "
            "quietly,\" the source said.")
    (e,) = events_of(text)
    assert e.admin1 == "Rason" and e.date == dt.date(2020, 5, 2)


def test_a_dated_crossing_at_the_river_dates_an_undated_arrest_told_before():
    text = ("A platoon leader of the border guard in Onsong was arrested for taking a bribe, a "
            "source said.\n\n\"On May 3 two people were caught at the Tumen and he let them "
            "go for 5,000 yuan,\" the source said.")
    (e,) = events_of(text)
    assert e.place == "Onsong" and e.date == dt.date(2020, 5, 3)


def test_a_year_said_of_a_harvest_is_not_when_the_speaker_spoke():
    (e,) = events_of("The spy agency said this year's harvest in South Hwanghae Province had "
                     "fallen by a tenth because of drought.")
    assert (e.date, e.date_precision) == (dt.date(2020, 1, 1), "year")


def test_one_sentence_with_two_places_and_days_tells_two_incidents():
    text = ("A woman who was arrested by Chinese police in Yanji on April 20 was handed over to "
            "border guards in Onsong on May 4, a source said.")
    got = [(e.date, e.country, e.admin1) for e in events_of(text)]
    assert got == [(dt.date(2020, 4, 20), "China", ""),
                   (dt.date(2020, 5, 4), "North Korea", "North Hamgyong")]


def test_one_sentence_with_two_days_at_one_place_stays_one_incident():
    text = ("Police in Hyesan arrested a broker on April 20 and searched his house on May 4, "
            "a source said.")
    assert len(events_of(text)) == 1


def test_what_went_before_an_incident_in_the_pluperfect_belongs_to_it():
    text = ("Two women were handed over to state security agents in Manpo on May 4, a source "
            "said.\n\nThe two had fled across the Yalu weeks earlier and had been hiding with a "
            "family of Korean-Chinese farmers until Chinese police found them.")
    (e,) = events_of(text)
    assert e.date == dt.date(2020, 5, 4) and e.admin1 == "Chagang"


def test_prices_over_the_month_of_a_trial_are_another_event():
    text = ("A source in Kilju described a public trial held on April 28, where two men who "
            "sold state copper to Chinese smugglers were sentenced to death.\n\n"
            "\"Corn went up by a third at the market in April,\" the source added.")
    got = [(e.date, e.date_precision) for e in events_of(text)]
    assert got == [(dt.date(2020, 4, 28), "day"), (dt.date(2020, 4, 1), "month")]
