"""A party named before a participle of holding a place (``Isis-held Mosul``) is an actor of its own,
and the place is the words after it (``actors/stage.py`` ``_held_place``)."""
from __future__ import annotations

import dataclasses

from detente.actors import find_actors
from detente.ingest import make_article


def _mentions(nlp, resources, text):
    doc = nlp(text)
    article = dataclasses.replace(make_article("t", text, published="2016-06-01"), body=text)
    return {m.text: m.actor for m in find_actors(doc, article, resources)}


def test_the_holder_and_the_place_are_two_actors(nlp, resources):
    found = _mentions(nlp, resources, "Iraqi forces advanced on Isis-held Mosul.")
    assert "Isis" in found and found["Isis"].sector == "INS"
    assert found["Mosul"].country == "IRQ"


def test_a_place_without_a_holder_is_one_actor(nlp, resources):
    found = _mentions(nlp, resources, "Iraqi forces advanced on northern Mosul.")
    assert not any("Isis" in t for t in found)
    assert any(a.country == "IRQ" and "Mosul" in t for t, a in found.items())


def test_the_author_before_a_participle_of_authorship_is_an_actor(nlp, resources):
    # "the Russian-sponsored conference": Russia is an actor; a mediator ("French-brokered") is not read so
    found = _mentions(nlp, resources, "The opposition boycotted the Russian-sponsored conference.")
    assert any(a.country == "RUS" for a in found.values())
    found = _mentions(nlp, resources, "Georgia signed the French-brokered ceasefire.")
    assert not any(a.country == "FRA" for a in found.values())
