"""Agency mentions mapped to canonical names: aliases, romanisations, Korean, history, the
MSS clash, and look-alikes that are not North Korean agencies."""

from __future__ import annotations

import datetime as dt

import pytest

from nkviz import vocab
from nkviz.extract.agencies import find_agencies

MSS_STATE, MSS_SOCIAL = "Ministry of State Security", "Ministry of Social Security"
KPA, WPK, BG = "Korean People's Army", "Workers' Party of Korea", "Border Guard"
MSC, G109, PROS = "Military Security Command", "Group 109", "Central Public Prosecutors Office"
YL, INM, NIS, CMPS = "Socialist Patriotic Youth League", "Inminban", "National Intelligence Service", "China Ministry of Public Security"

# (sentence, published, [(words, agency), ...])
CASES = [
    ("Agents of the Ministry of State Security searched the house.", None, [("Ministry of State Security", MSS_STATE)]),
    ("The State Security Department ran the camp.", None, [("State Security Department", MSS_STATE)]),
    ("SSD officers questioned her.", None, [("SSD", MSS_STATE)]),
    ("He feared the Bowibu more than hunger.", None, [("Bowibu", MSS_STATE)]),
    ("Locals call it the bowisŏng.", None, [("bowisŏng", MSS_STATE)]),
    ("A state security agent took his phone.", None, [("state security agent", MSS_STATE)]),
    ("The secret police came at night.", None, [("secret police", MSS_STATE)]),
    ("국가보위성은 주민 감시를 강화했다.", None, [("국가보위성", MSS_STATE)]),
    ("보위부가 그를 데려갔다.", None, [("보위부", MSS_STATE)]),
    ("국가안전보위부 시절의 일이다.", None, [("국가안전보위부", MSS_STATE)]),
    ("Endangering state security is a crime there.", None, []),
    ("The Ministry of People's Security (MPS) set up checkpoints.", None,
     [("Ministry of People's Security", MSS_SOCIAL), ("MPS", MSS_SOCIAL)]),
    ("Officers from the People\u2019s Safety Agency fined traders.", None, [("People\u2019s Safety Agency", MSS_SOCIAL)]),
    ("Police officers stopped the truck.", None, [("Police officers", MSS_SOCIAL)]),
    ("The anjeonbu in Hyesan held him.", None, [("anjeonbu", MSS_SOCIAL)]),
    ("안전원들이 장마당을 단속했다.", None, [("안전원", MSS_SOCIAL)]),
    ("인민보안성 포고가 나왔다.", None, [("인민보안성", MSS_SOCIAL)]),
    ("사회안전성은 새 규정을 내렸다.", None, [("사회안전성", MSS_SOCIAL)]),
    ("South Korean police arrested a broker in Seoul.", None, []),
    ("Chinese police caught three women near Yanji.", None, [("Chinese police", CMPS)]),
    ("Chinese authorities repatriated the women.", None, [("Chinese authorities", CMPS)]),
    ("Chinese authorities published trade data.", None, []),
    ("중국 공안이 탈북민을 체포했다.", None, [("중국 공안", CMPS)]),
    ("KPA soldiers stole corn from the fields.", None, [("KPA soldiers", KPA)]),
    ("Soldiers of the Korean People's Army were deployed.", None,
     [("Soldiers", KPA), ("Korean People's Army", KPA)]),
    ("Russian soldiers trained them.", None, []),
    ("조선인민군 병사들이 탈영했다.", None, [("조선인민군", KPA), ("병사들", KPA)]),
    ("Border guards took bribes at the river.", None, [("Border guards", BG)]),
    ("국경경비대원이 총을 쐈다.", None, [("국경경비대원", BG)]),
    ("Chinese border guards detained them.", None, [("Chinese border guards", CMPS)]),
    ("The Military Security Command investigated the officers.", None, [("Military Security Command", MSC)]),
    ("The bowisaryeongbu took over the case.", None, [("bowisaryeongbu", MSC)]),
    ("보위국이 사건을 맡았다.", None, [("보위국", MSC)]),
    ("The Workers' Party of Korea held a plenum.", None, [("Workers' Party of Korea", WPK)]),
    ("The Party ordered a new campaign.", None, [("The Party", WPK)]),
    ("The provincial party committee met.", None, [("provincial party committee", WPK)]),
    ("He spoke at the Central Committee.", None, [("Central Committee", WPK)]),
    ("The OGD reviewed the cadres.", None, [("OGD", WPK)]),
    ("The Democratic Party criticised the deal.", None, []),
    ("A party of tourists arrived.", None, []),
    ("조선로동당 중앙위원회 전원회의가 열렸다.", None, [("조선로동당", WPK), ("중앙위원회", WPK)]),
    ("Group 109 inspected homes for DVDs.", None, [("Group 109", G109)]),
    ("The grouppa confiscated USB sticks.", None, [("grouppa", G109)]),
    ("A non-socialist inspection group arrived.", None, [("non-socialist inspection group", G109)]),
    ("109상무가 집을 뒤졌다.", None, [("109상무", G109)]),
    ("Prosecutors opened a case.", None, [("Prosecutors", PROS)]),
    ("South Korean prosecutors indicted him.", None, []),
    ("검찰소에 넘겨졌다.", None, [("검찰소", PROS)]),
    ("The Youth League mobilised students.", None, [("Youth League", YL)]),
    ("청년동맹 간부들이 모였다.", None, [("청년동맹", YL)]),
    ("The inminban leader reports visitors.", None, [("inminban leader", INM)]),
    ("People's units must report guests.", None, [("People's units", INM)]),
    ("인민반장이 신고했다.", None, [("인민반장", INM)]),
    ("The NIS told lawmakers.", None, [("NIS", NIS)]),
    ("South Korea's spy agency said so.", None, [("South Korea's spy agency", NIS)]),
    ("국정원은 이렇게 밝혔다.", None, [("국정원", NIS)]),
    ("The U.S. National Security Agency intercepts calls.", None, []),
    ("Organised by the Ministry of State Security, the meeting ended. The Ministry urged vigilance.", None,
     [("Ministry of State Security", MSS_STATE), ("The Ministry", MSS_STATE)]),
    ("The Ministry urged vigilance.", None, []),
    # border guards are not the army; local police abroad; event names are not actors
    ("Soldiers guarding the border were told to hold their fire.", None, [("Soldiers guarding the border", BG)]),
    ("Troops patrolling the Yalu caught two women.", None, [("Troops patrolling the Yalu", BG)]),
    ("The border guard battalion met on Friday.", None, [("border guard", BG)]),
    ("The man, a former soldier, ran a stall.", None, []),
    ("국경경비대 군인 3명이 체포됐다.", None, [("국경경비대 군인", BG)]),
    ("Police in Dandong held two North Koreans.", None, [("Police in Dandong", CMPS)]),
    ("Yanji police searched the guesthouse.", None, [("Yanji police", CMPS)]),
    ("Police in Hyesan held two traders.", None, [("Police", MSS_SOCIAL)]),
    ("Police in Russia detained the workers.", None, []),
    ("국회 정보위원회에서 보고가 있었다.", None, []),
    ("Markets were shut ahead of the Party Congress.", None, []),
    ("The provincial security bureau ordered a search.", None, [("provincial security bureau", MSS_STATE)]),
    ("The county safety bureau fined the drivers.", None, [("county safety bureau", MSS_SOCIAL)]),
    ("도 보위국이 주민들을 조사했다.", None, [("도 보위국", MSS_STATE)]),
    ("The Party ordered markets shut.", None, [("The Party", WPK)]),
    # the MSS clash, both ways
    ("Ministry of State Security (MSS) informants multiplied. The MSS pays them.", dt.date(2022, 3, 1),
     [("Ministry of State Security", MSS_STATE), ("MSS", MSS_STATE), ("MSS", MSS_STATE)]),
    ("The MSS (Ministry of Social Security) set traffic rules. MSS officers fined drivers.", dt.date(2022, 3, 1),
     [("MSS", MSS_SOCIAL), ("Ministry of Social Security", MSS_SOCIAL), ("MSS", MSS_SOCIAL)]),
    ("The Ministry of Social Security issued an order. Later the MSS enforced it.", dt.date(2021, 3, 1),
     [("Ministry of Social Security", MSS_SOCIAL), ("MSS", MSS_SOCIAL)]),
    ("MSS agents arrested a man at a traffic checkpoint.", dt.date(2018, 3, 1), [("MSS", MSS_STATE)]),
    ("MSS agents arrested a man at a traffic checkpoint.", dt.date(2022, 3, 1), [("MSS", MSS_SOCIAL)]),
    ("MSS agents recruited informants to catch spies.", dt.date(2022, 3, 1), [("MSS", MSS_STATE)]),
    ("MSS agents arrested a man.", None, [("MSS", MSS_STATE)]),
    # plain soldiers next to border guards are the guards; soldiers' families are not the army
    ("Soldiers stole corn from the farm.", None, [("Soldiers", KPA)]),
    ("Border guards and their soldiers patrol the river at night.", None, [("Border guards", BG)]),
    ("The platoon leader was led away from the guard post in front of his soldiers.", None, []),
    ("병사들이 농장을 털었다.", None, [("병사들", KPA)]),
    ("경비대 소대장이 병사들에게 총을 쏘라고 했다.", None, [("경비대", BG)]),
    ("Families of soldiers sent abroad were told to keep quiet.", None, []),
    ("군인들의 가족에게 쌀을 나눠 주었다.", None, []),
    # police abroad are not North Korea's police
    ("Police in northern Laos detained nine people.", None, []),
    ("The group was handed to Thai immigration police.", None, []),
    # a former officer is a source, and service long ago a life story: no agency acting
    ("A former bowibu officer who fled in 2015 said the practice is common.", None, []),
    ("A former police officer said bribes are routine.", None, []),
    ("Police officers questioned a former police officer.", None,
     [("Police officers", MSS_SOCIAL)]),
    ("He served in the army in the 1990s before he became a trader.", None, []),
    ("전직 보위원은 이런 일이 흔하다고 말했다.", None, []),
    ("A source affiliated with the police in Hyesan said the order came on Monday.", None, []),
    ("A defector who served in the State Security Department said the camps have grown.", None, []),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_agencies(text, published, expected):
    found = find_agencies(text, published=published)
    assert [(f.text, f.agency) for f in found] == expected
    for f in found:
        assert text[f.start:f.end] == f.text


def test_every_finding_uses_a_canonical_name():
    text = " ".join(c[0] for c in CASES)
    names = set(vocab.agency_names())
    assert {f.agency for f in find_agencies(text)} <= names


def test_both_expansions_present_the_nearest_preceding_wins():
    text = ("The Ministry of State Security watches spies. The Ministry of Social Security directs traffic. "
            "The MSS also checks papers.")
    assert find_agencies(text, published=dt.date(2022, 1, 1))[-1].agency == MSS_SOCIAL


def test_vocabulary_names_match_the_taxonomy():
    assert vocab.agency_names() == [MSS_STATE, MSS_SOCIAL, KPA, BG, MSC, WPK, G109, PROS, YL, INM, NIS, CMPS]
