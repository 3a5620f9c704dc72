"""Sides read from where an event happened (``events/placed.py``, ``data/state_acts.yaml``): a state's act
of coercion or justice with no doer is the state's where its clause places it, such an act's target is the
person acted on, not a town, and a group named by its backer is of the country where it acts."""
from __future__ import annotations

import pytest

from detente.events.placed import sides_from_places
from detente.model import Actor, ActorMention, EventMention, Location
from detente.places.types import GeoPlace, PlaceMention


def _span(doc, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    return span.start, span.end


def _actor(doc, words: str, country: str | None, sector: str | None = None, basis: str = "gazetteer") -> ActorMention:
    s, e = _span(doc, words)
    return ActorMention(s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), words,
                        Actor(country=country, sector=sector, confidence=0.9), basis=basis)


def _place(doc, words: str, country: str, kind: str = "city") -> PlaceMention:
    s, e = _span(doc, words)
    return PlaceMention(s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), words,
                        GeoPlace(words, None, country, None, None, None, kind), why="test")


def _event(doc, trigger: str, cameo: str, place: PlaceMention | None, basis: str = "clause",
           source: ActorMention | None = None, target: ActorMention | None = None) -> EventMention:
    tok = next(t for t in doc if t.text == trigger)
    loc = Location(place.text, place.place.country, basis=basis) if place is not None else None
    return EventMention("t", doc.text, 0, len(doc.text), trigger, tok.idx, cameo, "test", source=source,
                        target=target, trigger_token=tok.i, location=loc)


def _side(m: ActorMention | None) -> tuple | None:
    return (m.actor.country, m.actor.sector, m.basis) if m is not None else None


@pytest.fixture(scope="module")
def placed(nlp):
    def _run(text: str, trigger: str, cameo: str, place: str | None, country: str = "BLR", basis: str = "clause",
             actors: tuple = (), source=None, target=None) -> EventMention:
        doc = nlp(text)
        places = [_place(doc, place, country)] if place else []
        found = [_actor(doc, *a) for a in actors]
        src = _actor(doc, *source) if source else None
        tgt = _actor(doc, *target) if target else None
        event = _event(doc, trigger, cameo, places[0] if places else None, basis, src, tgt)
        [out] = sides_from_places(doc, [event], found + [a for a in (src, tgt) if a], places)
        return out
    return _run


def test_an_arrest_placed_deep_in_its_clause_is_the_police_of_that_state(code_default):
    # the place is not a phrase of the verb itself, so the roles stage's custody rule does not reach it
    [m] = [m for m in code_default("Oskar Lind, a Swedish teacher, was arrested while on holiday in the resort of "
                                   "Kusadasi, near Izmir.") if m.cameo.startswith("17")]
    assert _side(m.source) == ("TUR", "COP", "place")
    assert m.source.text == m.location.name  # the source says which place it was inferred from


def test_a_conviction_is_the_courts(placed):
    m = placed("Ivan Petrov was convicted in the city of Grodno on spying charges.", "convicted", "116", "Grodno")
    assert _side(m.source) == ("BLR", "JUD", "place")


def test_no_scene_in_what_the_person_is_acted_on_for(placed):
    m = placed("Ivan Petrov was convicted of planning an attack on a depot in Grodno.", "convicted", "116", "Grodno")
    assert m.source is None


def test_no_scene_in_the_person_acted_on(placed):
    m = placed("Ivan Petrov, a student at a college in Grodno, was arrested last week.", "arrested", "173", "Grodno")
    assert m.source is None


def test_a_charge_told_by_a_court_word_is_the_courts_whatever_its_code(placed):
    m = placed("Ivan Petrov was charged in the city of Grodno on Monday.", "charged", "173", "Grodno")
    assert _side(m.source) == ("BLR", "JUD", "place")


def test_a_destination_is_not_where_the_act_was_done(placed):
    m = placed("Ivan Petrov was deported to Kharkiv last week.", "deported", "174", "Kharkiv", "UKR")
    assert m.source is None


def test_only_a_place_the_clause_names_not_the_articles_theatre(placed):
    m = placed("Ivan Petrov was arrested last week in Grodno.", "arrested", "173", "Grodno", basis="article")
    assert m.source is None


def test_words_armed_groups_use_as_often_as_states_are_left_alone(placed):
    m = placed("Ivan Petrov was captured last week in Grodno.", "captured", "173", "Grodno")
    assert m.source is None


def test_an_armed_group_in_the_acts_phrase_may_be_its_doer(placed):
    m = placed("Two teachers were detained during the Jund militia's siege of Tabqa.", "detained", "173", "Tabqa",
               "SYR", actors=(("Jund militia", None, "REB"),))
    assert m.source is None


def test_a_named_doer_is_kept(placed):
    m = placed("Ivan Petrov was arrested by border guards in Grodno.", "arrested", "173", "Grodno")
    assert m.source is None


def test_a_town_is_not_the_target_when_the_clause_names_the_person(placed):
    m = placed("Ivan Petrov was arrested in Grodno.", "arrested", "173", "Grodno", target=("Grodno", "BLR", None, "place"))
    assert m.target is None
    assert _side(m.source) == ("BLR", "COP", "place")


def test_the_person_acted_on_takes_the_towns_place(placed):
    m = placed("A Latvian lorry driver was arrested in Grodno.", "arrested", "173", "Grodno",
               actors=(("A Latvian lorry driver", "LVA", "CVL"),), target=("Grodno", "BLR", None, "place"))
    assert _side(m.target) == ("LVA", "CVL", "gazetteer")


def test_the_country_of_the_person_acted_on_stays(placed):
    m = placed("Pakistan expelled India's deputy high commissioner on Wednesday.", "expelled", "174", None,
               source=("Pakistan", "PAK"), target=("India", "IND"))
    assert _side(m.target) == ("IND", None, "gazetteer")


def test_a_group_named_by_its_backer_is_of_the_country_where_it_acts(code_default):
    found = [m for m in code_default("Hundreds of French and Belgian jihadis were captured in Syria by US-backed forces.")
             if m.trigger == "captured"]
    assert found and all(_side(m.source) == ("SYR", "MIL", "place") for m in found)


def test_a_group_acting_in_its_backers_country_takes_nothing(placed):
    m = placed("Iranian-backed militias attacked a convoy in Ahvaz.", "attacked", "190", "Ahvaz", "IRN",
               actors=(("Iranian", "IRN"),), source=("Iranian-backed militias", None, "REB", "title"))
    assert _side(m.source) == (None, "REB", "title")


def test_a_country_its_own_words_give_stays(placed):
    m = placed("Iranian-backed Iraqi militias attacked a convoy in Mayadin.", "attacked", "190", "Mayadin", "SYR",
               source=("Iranian-backed Iraqi militias", "IRQ", "REB", "title"))
    assert _side(m.source) == ("IRQ", "REB", "title")


def test_a_jailing_is_the_courts(placed):
    # a sentence to prison, not an arrest (the develop writers give an agentless jailing JUD, never COP)
    m = placed("Ivan Petrov was jailed last year in the city of Grodno.", "jailed", "173", "Grodno")
    assert _side(m.source) == ("BLR", "JUD", "place")
