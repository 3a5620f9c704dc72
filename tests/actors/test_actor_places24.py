"""Institutions named by a place, session 24: the nouns of divisions' bodies, a division's word
choosing the division, namesakes abroad, English and lower-level division names, and an
organisation's name before its officer's title. Phrases written for these tests."""
from __future__ import annotations

import pytest

from detente.actors import resolve_actor
from detente.places.divisions import division_country, load_divisions

CASES = [
    # bodies of divisions: assemblies, municipalities, commissioners
    ("the Tamil Nadu assembly", ("IND", "LEG")),
    ("the Nakuru county assembly", ("KEN", "LEG")),
    ("the Sabah state assembly", ("MYS", "LEG")),  # "Sabah" is also a given name
    ("the Kumasi Metropolitan Assembly", ("GHA", "GOV")),
    ("the Hebron municipality", ("PSE", "GOV")),
    ("the Dar es Salaam regional commissioner", ("TZA", "GOV")),
    ("the Penang state government", ("MYS", "GOV")),
    # a division's word picks the division over a city namesake abroad
    ("the governor of Zulia", ("VEN", "GOV")),  # El Zulia, a Colombian town
    ("the Ontario provincial police", ("CAN", "COP")),  # Ontario, California
    ("the Yala provincial governor", ("THA", "GOV")),  # not a short form of a person's name
    # namesakes abroad at least three times smaller
    ("police in Limerick", ("IRL", "COP")),
    ("a Geneva court", ("CHE", "JUD")),
    ("the mayor of Flint", ("USA", "GOV")),
    ("police in Valparaíso", ("CHL", "COP")),
    ("Gulu University", ("UGA", "EDU")),
    ("the New York police commissioner", ("USA", "COP")),  # not York, England
    ("the mayor of Salvador", ("BRA", "GOV")),  # a given name, after "of" in an institution pattern
    # English and lower-level ISO 3166-2 names of divisions
    ("the Lombardy regional government", ("ITA", "GOV")),
    ("the state government of Bavaria", ("DEU", "GOV")),
    ("the governor of Lower Shabelle", ("SOM", "GOV")),
    ("the governor of Sulu", ("PHL", "GOV")),
    ("the Maguindanao provincial police", ("PHL", "COP")),
    ("police in Cebu", ("PHL", "COP")),
    # an organisation's name with "of" before its officer's title
    ("Reserve Bank of India Governor Raghuram Rajan", ("IND", "GOV")),
    ("the Bank of England governor", ("GBR", "GOV")),
    ("University of Texas President Jane Doe", ("USA", "EDU")),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_an_institution_named_by_a_place(text, expected):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is not None and (actor.country, actor.sector) == expected


def test_the_officer_after_an_organisation_keeps_the_name():
    actor = resolve_actor("Bank of England Governor Mark Carney", date="2015-06-01")
    assert (actor.country, actor.sector, actor.name) == ("GBR", "GOV", "Mark Carney")


NOT_ACTORS = ["the outskirts of Lombardy", "a village in Sulu", "the Lower Shabelle floods",
              "the Kumasi traffic", "the road to Penang", "the Geneva skyline", "Bavaria"]


@pytest.mark.parametrize("text", NOT_ACTORS)
def test_a_division_outside_an_institution_pattern_is_no_actor(text):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is None or (actor.country is None and actor.sector is None)


@pytest.mark.parametrize("text", ["the governor of Punjab", "the mayor of Salamanca"])
def test_names_of_several_countries_give_none(text):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is not None and actor.country is None


def test_a_city_named_by_a_division_word_without_a_division_stays_a_city():
    # "the mayor of" is no division's word: the city namesake rule decides
    assert resolve_actor("the mayor of Zulia").country is None


def test_the_divisions_table():
    table = load_divisions()
    assert division_country("Lower Shabelle") == "SOM" and division_country("Kent") == "GBR"
    assert division_country("Limburg") is None  # Belgium and the Netherlands
    assert division_country("Central") is None and "central" not in table  # an English word
    assert all(v == "" or len(v) == 3 for v in table.values())


def test_the_assembly_alone_is_no_actor():
    assert resolve_actor("the assembly") is None
    actor = resolve_actor("freedom of assembly")
    assert actor is None or actor.sector is None


@pytest.mark.parametrize("text, expected", [("the governor of khost province", ("AFG", "GOV")),
                                             ("police in maiduguri", ("NGA", "COP")),
                                             ("the mayor of flint", (None, "GOV")),  # an English word
                                             ("the police in charge", (None, "COP"))])
def test_a_lower_case_phrase_names_a_place_only_in_an_institution_pattern(text, expected):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is not None and (actor.country, actor.sector) == expected


@pytest.mark.parametrize("text, expected", [("the Bavarian state parliament", ("DEU", "LEG")),
                                             ("the Flemish government", ("BEL", "GOV")),
                                             ("the Tuscan regional council", ("ITA", "GOV"))])
def test_a_division_adjective_before_an_institution_noun(text, expected):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is not None and (actor.country, actor.sector) == expected


@pytest.mark.parametrize("text", ["Basque separatists", "Sicilian wine", "Corsican nationalists"])
def test_a_division_adjective_elsewhere_gives_no_country(text):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is None or actor.country is None


@pytest.mark.parametrize("text, expected", [
    ("police in Ciudad del Este", ("PRY", "COP")),  # not Este, Italy
    ("police in Mar del Plata", ("ARG", "COP")),
    ("police in Bobo-Dioulasso", ("BFA", "COP")),  # a hyphenated name
    ("police in Umm al-Fahm", ("ISR", "COP")),
    ("the Galle magistrate's court", ("LKA", "JUD")),  # a possessive between the name and the noun
    ("the Michoacán state police", ("MEX", "COP")),  # "Michoacán de Ocampo"
    ("the Cumbria police", ("GBR", "COP")),  # a division's English name over a city's alternate
    ("the Tasmanian government", ("AUS", "GOV")),
    ("Bank of Korea Governor Lee Ju-yeol", ("KOR", "GOV")),
])
def test_longer_and_hyphenated_names(text, expected):
    actor = resolve_actor(text, date="2017-06-01")
    assert actor is not None and (actor.country, actor.sector) == expected


def test_a_particle_english_word_glues_no_name():
    # "of" is a place particle ("Isle of Man") but also the joiner of an institution pattern
    assert resolve_actor("the mayor of Salvador").country == "BRA"
    assert resolve_actor("the sheriff").sector == "COP"


def test_a_name_before_a_hyphenated_lower_case_word_is_still_read():
    # "-based", "-style" end the name; a capitalised word after the hyphen continues it
    assert resolve_actor("the Lagos-based police").country == "NGA"
    assert resolve_actor("police in Bobo-Dioulasso").country == "BFA"
