"""A named private person's nationality (a student, a reporter) places no state: it is not the one
country a countryless office or police force takes from its article (``coref._nearby``) or its
sentence (``localize.sentence_country``; ``private_person_sectors`` of ``data/words/events.yaml``).
The sentences are written for these tests."""
from __future__ import annotations

from events_helpers import find


def test_police_are_not_of_a_foreign_students_country(code_default):
    text = ("Marco Bellini, an Italian student, vanished in May. "
            "Police said they had arrested the men who kidnapped Bellini.")
    ms = find(code_default(text), "17")
    assert ms and all(m.source is None or m.source.actor.country != "ITA" for m in ms)


def test_police_still_take_the_one_country_of_a_state_named_nearby(code_default):
    text = "The Italian government demanded answers in May. Police said they had arrested the men who attacked the embassy."
    ms = find(code_default(text), "17")
    assert ms and any(m.source is not None and m.source.actor.country == "ITA" for m in ms)
