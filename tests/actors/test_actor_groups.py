"""Demonym or country + noun phrases that are actors (sectors.yaml groups and the phrase reader),
the sector conventions chosen (docs/actors.md), and phrases that stay no actor."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors, resolve_actor
from detente.model import Article

GROUPS = [
    ("a Japanese warship", ("JPN", "MIL")),
    ("a French frigate", ("FRA", "MIL")),
    ("a Russian destroyer", ("RUS", "MIL")),
    ("French experts", ("FRA", None)),  # an expert's sector is the one the phrase gives, else none
    ("Iranian military experts", ("IRN", "MIL")),
    ("Kenya's airlines", ("KEN", "BUS")),
    ("Indian farmers", ("IND", "AGR")),
    ("a major Russian airbase", ("RUS", "MIL")),
    ("the Saudi consulate", ("SAU", "GOV")),
    ("Syria's dictator", ("SYR", "GOV")),
    ("two German boys", ("DEU", "CVL")),
    ("Iraqi insurgents", ("IRQ", "REB")),  # PLOVER: insurgents and guerrillas are rebels
    ("Colombian guerrillas", ("COL", "REB")),
]


@pytest.mark.parametrize("text, expected", GROUPS, ids=[c[0] for c in GROUPS])
def test_nation_and_noun(text, expected):
    actor = resolve_actor(text)
    assert actor is not None and (actor.country, actor.sector) == expected


@pytest.mark.parametrize("text", ["her family", "Canada's position", "the labour market", "French wine",
                                  "Turkey's positions"])
def test_no_group_of_people(text):
    actor = resolve_actor(text)
    assert actor is None or actor.sector is None, actor  # at most the possessor country


def test_the_shelling_of_a_city_is_not_that_citys_military():
    actor = resolve_actor("the shelling of Kharkiv")
    assert actor is None or actor.country is None


def _mentions(nlp, kb_resources, text):
    doc = nlp(text)
    return find_actors(doc, Article(id="g", raw_text=text, published=dt.date(2023, 3, 1)), kb_resources)


def test_capital_as_target_of_force_is_civilian(nlp, kb_resources):
    mentions = _mentions(nlp, kb_resources, "Russian missiles struck Kyiv on Monday. Kyiv accused Moscow of "
                                            "war crimes. The shelling of Kharkiv and Odesa continued.")
    kyiv = [m for m in mentions if m.text == "Kyiv"]
    assert [(m.actor.country, m.actor.sector) for m in kyiv] == [("UKR", "CVL"), ("UKR", "GOV")]
    for city in ("Kharkiv", "Odesa"):
        (m,) = [m for m in mentions if m.text == city]
        assert (m.actor.country, m.actor.sector) == ("UKR", "CVL")
    shelling = [m for m in mentions if "shelling" in m.text]
    assert all(m.actor.country is None for m in shelling)  # not a Ukrainian actor


def test_country_as_target_of_force_keeps_no_sector(nlp, kb_resources):
    mentions = _mentions(nlp, kb_resources, "Russia invaded Ukraine in February.")
    (ukraine,) = [m for m in mentions if m.text == "Ukraine"]
    assert (ukraine.actor.country, ukraine.actor.sector) == ("UKR", None)
