"""The party a place is taken from held it: with a country of its own it is the target of the taking in
the place's stead, and it is the target of taking a place no actor names (``holders.held_by``,
``taking_verbs`` of ``words/events.yaml``)."""
from __future__ import annotations

from events_helpers import find


def _target(mentions, root):
    found = find(mentions, root)
    assert found, root
    return found[0].target.text if found[0].target is not None else None


def test_a_place_taken_from_a_party_is_taken_from_that_party(code_default):
    assert _target(code_default("Malian troops recaptured the city of Gao from Chadian forces."), "19") \
        == "Chadian forces"
    assert _target(code_default("Syrian troops recaptured Aleppo from Turkish forces."), "19") == "Turkish forces"


def test_taking_a_place_no_actor_names_from_a_party(code_default):
    assert _target(code_default("The Malian army liberated the town from the rebels."), "19") == "the rebels"
    assert _target(code_default("The Iraqi army retook Ramadi from Isis in December."), "19") == "Isis"


def test_a_party_of_no_country_leaves_the_place_and_its_country(code_default):
    # the writers code the place of "the city was retaken from Islamic State"
    assert _target(code_default("The Iraqi army retook the city of Ramadi from Isis in December."), "19") == "Ramadi"


def test_a_place_taken_from_no_party_stays(code_default):
    assert _target(code_default("Malian troops recaptured the town of Gao on Monday."), "19") == "Gao"
