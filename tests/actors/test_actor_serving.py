"""Persons named by a title and an unknown name, and titles that serve a body outside the state
(``coref._serving``, ``surnames._apposed_title``; ``serving_body`` of ``data/words/actors.yaml``), and groups
from Europe in one-country news (``foreign_modifiers``). The sentences are written for these tests."""
from __future__ import annotations


import pytest


def test_a_surname_is_the_person_its_apposed_title_named(actor_of):
    text = ("Belarus's envoy to Vienna, Pavel Kuzmich, said Minsk had done nothing wrong. "
            "Kuzmich later rejected the charges.")
    actor = actor_of(text, "Kuzmich", 1)
    assert actor is not None and (actor.country, actor.sector) == ("BLR", "GOV")


def test_a_surname_takes_a_title_after_the_name_too(actor_of):
    text = ("Tomas Varga, Slovakia's deputy interior minister, visited the border. "
            "On Tuesday Varga criticised the decision.")
    actor = actor_of(text, "Varga", 1)
    assert actor is not None and actor.country == "SVK"


def test_an_unknown_surname_with_no_title_stays_unresolved(actor_of):
    text = "Pavel Kuzmich arrived in Vienna on Monday. Kuzmich later rejected the charges."
    actor = actor_of(text, "Kuzmich", 1)
    assert actor is None or actor.country is None


@pytest.mark.parametrize("text, word", [
    ("A senior official with Oxfam urged both sides to let convoys through.", "official"),
    ("Marta Lind, an official with Oxfam, described the siege as cruel.", "official"),
])
def test_an_official_with_a_charity_is_of_the_charity(actor_of, text, word):
    actor = actor_of(text, word)
    assert actor is not None and actor.sector == "NGO" and actor.country is None


def test_a_pronoun_takes_the_charity_of_its_official(actor_of):
    text = 'Marta Lind, an official with Oxfam, described the siege as cruel. "It never stops," she said.'
    actor = actor_of(text, "she")
    assert actor is not None and actor.sector == "NGO"


def test_an_official_with_a_state_body_is_not_taken_as_a_body_outside_the_state(actor_of):
    # a state's own body is left to the event stage's serving phrases (events/index.py)
    text = "A senior official with the US delegation urged both sides to let convoys through."
    actor = actor_of(text, "official")
    assert actor is not None and actor.sector == "GOV"


def test_european_envoys_are_not_of_the_one_country_of_the_article(actor_of):
    # coref._domestic / _nearby: "European" is a word of elsewhere like "western"
    text = ("Washington announced new tariffs on steel on Monday. The White House said the tariffs would "
            "start in May. European envoys in Washington said the measures were unfair.")
    actor = actor_of(text, "envoys")
    assert actor is None or actor.country is None


def test_a_title_of_no_country_gives_its_surname_none(actor_of):
    # the title's country would only be borrowed later from the article's last official
    text = ("Russia's ambassador, Ivan Orlov, spoke first. Karim Nasser, an adviser to the information "
            "ministry, spoke next. Nasser denied the reports.")
    actor = actor_of(text, "Nasser", 1)
    assert actor is None or actor.country != "RUS"


def test_a_known_surname_is_not_stopped_by_a_namesake_of_no_actor(actor_of):
    text = ("The Irish foreign minister, Simon Coveney, flew to Tokyo. Coveney's remarks angered Beijing. "
            "Coveney said he wanted talks.")
    actor = actor_of(text, "Coveney", 2)
    assert actor is not None and actor.country == "IRL"
