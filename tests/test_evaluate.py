"""Extraction quality on the hand-labelled sets, with floors that only ever go up.

Four sets (tests/data/LABELLING.md): two for development, two held out and never tuned
on. Each has its own floors in tests/data/labelled_floors.json; a held-out set's floor
guards against regressions without making it a tuning target. The scores are printed at
the end of every test run (see conftest.py). When a change raises a score, raise its
floor in the same commit; never lower one: a drop is a regression to fix.
"""

import json

import pytest

from nkviz.evaluate import FIELDS, evaluate, load_labelled

from conftest import REPO

DATA = REPO / "tests" / "data"


FLOORS = json.loads((DATA / "labelled_floors.json").read_text())
SETS = sorted(FLOORS)


@pytest.fixture(scope="session")
def scores():
    return {name: evaluate(load_labelled(DATA / name)) for name in SETS}


@pytest.mark.parametrize("name", SETS)
def test_scores_stay_above_their_floors(scores, name):
    fallen = [f"{field} {measure} fell to {scores[name]['fields'][field][measure]} "
              f"(floor {floor})"
              for field, floors in FLOORS[name].items() for measure, floor in floors.items()
              if scores[name]["fields"][field][measure] < floor]
    assert not fallen, f"{name}: " + "; ".join(fallen)


def test_floors_cover_every_set_and_field():
    assert set(SETS) == {p.name for p in DATA.glob("labelled*.yaml")}
    for name in SETS:
        assert set(FLOORS[name]) == set(FIELDS), name
        assert all(set(m) == {"precision", "recall"} for m in FLOORS[name].values())


def test_scorer_counts_a_perfect_answer_as_perfect():
    item = {"id": "x", "published": "2020-05-10", "text": "Police in Musan detained five "
            "traders on May 2.", "events": []}
    from nkviz.evaluate import gold_sets, predicted_sets, report_of
    from nkviz.extract.events import extract_events

    events = extract_events(report_of(item))
    item["events"] = [{"date": "2020-05-02", "admin1": "North Hamgyong",
                       "country": "North Korea", "agencies": list(events[0].agencies),
                       "themes": list(events[0].themes)}]
    result = evaluate([item])
    assert all(s["f1"] == 1.0 for s in result["fields"].values())
    assert gold_sets(item)["admin1"] == predicted_sets(events, gold_sets(item))["admin1"]


def test_a_day_matches_its_own_gold_day_before_a_gold_month():
    import datetime as dt

    from nkviz.evaluate import predicted_sets
    from nkviz.schema import Event

    gold = {"date": {"2019-06-11", "2019-06"}, "events": set(), "admin1": set(),
            "country": set(), "agencies": set(), "themes": set()}
    events = [Event("r:1", "r", date=dt.date(2019, 6, 11), date_precision="day"),
              Event("r:2", "r", date=dt.date(2019, 6, 10), date_precision="day")]
    assert predicted_sets(events, gold)["date"] == {"2019-06-11", "2019-06"}
