"""Actors named by their place (the world gazetteer of the places stage) and the places that give
no country: officials and soldiers abroad, places on their own, ambiguous or word-like names."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors, resolve_actor
from detente.model import Article

PLACED = [
    ("the Lagos police", ("NGA", "COP")),
    ("the Delhi High Court", ("IND", "JUD")),  # Delhi is in GeoNames only, not in the country list
    ("the Lahore High Court", ("PAK", "JUD")),
    ("Kharkiv's mayor", ("UKR", "GOV")),
    ("the mayor of Kharkiv", ("UKR", "GOV")),
    ("a police station in Lagos", ("NGA", "COP")),
    ("a Peshawar court", ("PAK", "JUD")),
    ("police in Lagos", ("NGA", "COP")),
    ("rebels in Darfur", ("SDN", "REB")),
    ("the government in Kabul", ("AFG", "GOV")),  # a seated body takes the place it governs from
    ("the mayor in Kharkiv", ("UKR", "GOV")),
    ("US troops in Syria", ("USA", "MIL")),  # their own country first
    ("British officials in Kabul", ("GBR", "GOV")),
]


@pytest.mark.parametrize("text, expected", PLACED, ids=[c[0] for c in PLACED])
def test_institutions_take_their_place(text, expected):
    actor = resolve_actor(text)
    assert actor is not None and (actor.country, actor.sector) == expected


ABROAD = ["foreign ministers in Brussels", "troops in Syria", "diplomats in Vienna", "officials in Kabul",
          "army officers in Mali"]


@pytest.mark.parametrize("text", ABROAD)
def test_officials_and_soldiers_take_no_country_from_where_they_are(text):
    actor = resolve_actor(text)
    assert actor is not None and actor.sector is not None and actor.country is None


NOT_PLACED = [
    ("Delhi", None),  # a world-gazetteer city alone is no actor
    ("the Punjab police", None),  # Punjab is a division of India and of Pakistan
    ("the Ontario police", None),  # Ontario, California is a city, Ontario a Canadian province
    ("Federal Minister for Interior Aftab Sherpao", "PAK"),  # "Federal" (Argentina) is a word here
    ("a coalition of Gulf states", None),  # "Gulf" (Papua New Guinea) is a word here
]


@pytest.mark.parametrize("text, country", NOT_PLACED, ids=[c[0] for c in NOT_PLACED])
def test_names_that_are_no_place_of_the_actor(text, country):
    actor = resolve_actor(text, date="2005-06-01")
    assert (actor.country if actor else None) == country


def _mentions(nlp, kb_resources, text):
    doc = nlp(text)
    return doc, find_actors(doc, Article(id="p", raw_text=text, published=dt.date(2023, 3, 1)), kb_resources)


def test_stage_reads_a_site_with_its_place(nlp, kb_resources):
    doc, mentions = _mentions(nlp, kb_resources, "Gunmen attacked a police station in Lagos on Monday.")
    station = [m for m in mentions if "station" in m.text]
    assert [(m.text, m.actor.country, m.actor.sector) for m in station] == [
        ("a police station in Lagos", "NGA", "COP")]
    assert not [m for m in mentions if m.text == "Lagos"]  # the place is part of the actor, not one of its own


def test_stage_leaves_ministers_abroad_without_the_host_country(nlp, kb_resources):
    _, mentions = _mentions(nlp, kb_resources, "Foreign ministers gathered in Brussels on Monday.")
    ministers = next(m for m in mentions if m.text == "Foreign ministers")
    assert ministers.actor.country is None and ministers.actor.sector == "GOV"


def test_stage_city_of_the_world_gazetteer_alone_is_no_actor(nlp, kb_resources):
    _, mentions = _mentions(nlp, kb_resources, "The activist was born in Delhi and studied in Pune.")
    assert not [m for m in mentions if m.text in ("Delhi", "Pune")]


def test_stage_court_named_by_its_city(nlp, kb_resources):
    _, mentions = _mentions(nlp, kb_resources, "The Delhi High Court ordered the release of the activist.")
    court = next(m for m in mentions if "Court" in m.text)
    assert (court.actor.country, court.actor.sector) == ("IND", "JUD")


@pytest.mark.parametrize("text, country", [
    ("a senator from New Jersey", "USA"),
    ("the governor of New Mexico", "USA"),
    ("police in New South Wales", "AUS"),
    ("protesters in British Columbia", "CAN"),
    ("police in Northern Ireland", "GBR"),
    ("Jersey police", "JEY"),            # the island itself stays its own
    ("British officials", "GBR"),        # the demonym alone stays the country's
    ("Hong Kong police", "HKG"),         # a designator's subdivision leaves the entry as it is
])
def test_a_subdivision_holding_another_country_name_is_its_own_country(text, country):
    actor = resolve_actor(text, "2018-04-12")
    assert actor is not None and actor.country == country


def test_stage_reads_a_state_named_after_a_country_as_its_own(nlp, kb_resources):
    _, mentions = _mentions(nlp, kb_resources, "A senator from New Mexico criticised the plan on Tuesday.")
    assert {m.actor.country for m in mentions if m.actor.country} == {"USA"}
