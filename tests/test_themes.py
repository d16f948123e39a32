"""Theme cues: each taxonomy theme from realistic phrasing, and look-alikes that are not."""

from __future__ import annotations

import pytest

from nkviz import vocab
from nkviz.extract.phrases import expand
from nkviz.extract.themes import find_themes, theme_ids

# (sentence, {theme: [cue words, ...]}) -- every theme found must be listed, with its cues
CASES = [
    ("The security services doubled the number of informants in Hyesan.",
     {"surveillance_informants": ["informants"]}),
    ("Phones are wiretapped and radio wave detectors sweep the streets.",
     {"surveillance_informants": ["wiretapped", "radio wave detectors"]}),
    ("Neighbours are told to keep tabs on each other.", {"surveillance_informants": ["keep tabs on"]}),
    ("Three defectors crossed the Tumen at night.", {"defection_border": ["defectors", "crossed the Tumen"]}),
    ("The women were forcibly repatriated from Shenyang.", {"defection_border": ["repatriated"]}),
    ("A broker helped the family flee to China.",
     {"defection_border": ["broker", "flee to China"], "smuggling_brokers": ["broker"]}),
    ("Police arrested two traders and detained their relatives.",
     {"crackdown_arrest": ["arrested", "detained"], "markets_trade": ["traders"]}),
    ("Inspection teams raided homes in a new crackdown.",
     {"crackdown_arrest": ["Inspection", "raided", "crackdown"]}),
    ("Families were banished from Pyongyang to the mountains.", {"crackdown_arrest": ["banished"]}),
    ("Two men were executed by firing squad after a public trial.",
     {"punishment_execution": ["executed by firing squad", "public trial"]}),
    ("He was sentenced to ten years and tortured.", {"punishment_execution": ["sentenced", "tortured"]}),
    ("She spent three years in a kyohwaso before the kwanliso.", {"prison_camp": ["kyohwaso", "kwanliso"]}),
    ("He was sent to a labor camp in Chongjin.", {"prison_camp": ["labor camp"]}),
    ("Workers went on strike and scrawled graffiti on a wall.",
     {"protest_resistance": ["went on strike", "graffiti"]}),
    ("Vendors protested against the new fees.",
     {"protest_resistance": ["protested"], "markets_trade": ["Vendors"]}),
    ("Rice prices jumped at the jangmadang.", {"markets_trade": ["Rice prices", "jangmadang"], "food_livelihood": ["Rice"]}),
    ("The exchange rate fell against the yuan.", {"markets_trade": ["exchange rate"]}),
    ("Smuggling across the Yalu resumed.", {"smuggling_brokers": ["Smuggling"]}),
    ("Remittance brokers take a 30 percent cut.",
     {"smuggling_brokers": ["Remittance brokers"], "defection_border": ["brokers"]}),
    ("Youths passed around South Korean dramas on USB sticks.",
     {"information_media": ["South Korean dramas", "USB sticks"]}),
    ("He listened to foreign radio broadcasts on a Chinese phone.",
     {"information_media": ["foreign radio", "Chinese phone"]}),
    ("Food shortages worsened and some villagers starved.", {"food_livelihood": ["Food shortages", "starved"]}),
    ("Farmers said the harvest was poor.", {"food_livelihood": ["Farmers", "harvest"]}),
    ("Overseas workers in Russia received no wages.",
     {"overseas_labor": ["Overseas workers"], "food_livelihood": ["wages"]}),
    ("Dispatched workers at a seafood processing plant went unpaid.",
     {"overseas_labor": ["Dispatched workers", "seafood processing"]}),
    ("The vice-minister was purged and later demoted.", {"elite_purge": ["purged", "demoted"]}),
    ("Cadres sent for revolutionization returned thin.", {"elite_purge": ["revolutionization"]}),
    ("Desertion rose as malnourished soldiers stole corn.",
     {"military_morale": ["Desertion", "malnourished soldiers"], "food_livelihood": ["malnourished", "corn"]}),
    ("New sanctions followed the failed summit.", {"sanctions_diplomacy": ["sanctions", "summit"]}),
    ("Thousands of troops were sent to Kursk.", {"russia_alliance": ["Kursk"]}),
    ("Artillery shells to Russia left by rail.", {"russia_alliance": ["Artillery shells to Russia"]}),
    ("Guards demanded bribes and extorted traders.",
     {"corruption_bribery": ["demanded bribes", "extorted"], "markets_trade": ["traders"]}),
    ("A lockdown followed the COVID-19 outbreak.", {"covid_quarantine": ["lockdown", "COVID-19"]}),
    ("Shoot-on-sight orders were issued along the buffer zone.",
     {"covid_quarantine": ["Shoot-on-sight", "buffer zone"]}),
    ("Residents sat through study sessions on reactionary thought.",
     {"ideology_campaign": ["study sessions", "reactionary thought"]}),
    ("Lectures warned against anti-socialist behaviour.", {"ideology_campaign": ["Lectures", "anti-socialist"]}),
    # Korean
    ("보위부가 정보원을 늘려 감시를 강화했다.", {"surveillance_informants": ["정보원", "감시"]}),
    ("탈북민 단속과 공개재판이 이어졌다.",
     {"defection_border": ["탈북민"], "crackdown_arrest": ["단속"], "punishment_execution": ["공개재판"]}),
    ("장마당에서 밀수품이 팔렸다.", {"markets_trade": ["장마당"], "smuggling_brokers": ["밀수"]}),
    ("한국 드라마를 본 청년들이 처벌받았다.", {"information_media": ["한국 드라마"], "punishment_execution": ["처벌"]}),
    # negatives
    ("The executive board met on Tuesday.", {}),
    ("The party was fun and the weather mild.", {}),
    ("According to Radio Free Asia, the weather was mild.", {}),
    ("The fish market opened a new branch in Busan.", {"markets_trade": ["market"]}),
    ("He gave a talk about the desert climate.", {}),
    ("The plan's execution of the budget was smooth.", {}),
    ("국가정보원은 이같이 밝혔다.", {}),
    ("The deal was brokered by a neighbour.", {}),
]


def _by_theme(text):
    found = {}
    for f in find_themes(text):
        assert text[f.start:f.end] == f.text
        found.setdefault(f.theme, []).append(f.text)
    return found


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_themes(text, expected):
    assert _by_theme(text) == expected


def test_theme_ids_are_taxonomy_ids_in_order():
    text = " ".join(c[0] for c in CASES)
    ids = theme_ids(text)
    assert ids == [t for t in vocab.theme_ids() if t in ids]
    assert set(ids) == set(vocab.theme_ids())  # the table covers every theme


def test_every_theme_has_cues():
    assert all(len(t.cues) >= 10 for t in vocab.themes())


@pytest.mark.parametrize("cue, forms", [
    ("execut{e|ed|ion}", ["execute", "executed", "execution"]),
    ("monitor{|s} {people|calls}", ["monitor people", "monitor calls", "monitors people", "monitors calls"]),
    ("plain", ["plain"]),
])
def test_expand(cue, forms):
    assert sorted(expand(cue)) == sorted(forms)
