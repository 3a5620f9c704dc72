"""Towns and provinces the actor gazetteer does not hold, found by the places stage, as the target
of acts whose place acted on is their target (force, coercion, assault, aid, visits:
``events.index.ActorIndex.place_at``, ``roles._slot_places``, ``sides._places``)."""
from __future__ import annotations

from events_helpers import find


def _target(m):
    return (m.target.actor.country, m.target.basis) if m.target is not None else None


def test_a_town_taken_or_struck_is_the_target(code_default):
    # the rule's object slot names a town no actor mention covers: its country is the target
    [m] = find(code_default("Rebel fighters recaptured Kidal after a week of heavy fighting."), "19")
    assert _target(m) == ("MLI", "place")
    [m] = find(code_default("The army bombed Kidal."), "19")
    assert _target(m) == ("MLI", "place")


def test_a_town_in_the_place_phrase_of_the_act_is_the_target(code_default):
    [m] = find(code_default("Gunmen stormed a hotel in Bouaké on Sunday."), "18")
    assert _target(m) == ("CIV", "place")


def test_a_town_a_thing_is_named_after_is_no_target(code_default):
    # "the Kidal road": the road, not the town, was sealed off
    [m] = find(code_default("Soldiers sealed off the Kidal road on Sunday."), "19")
    assert m.target is None


def test_towns_are_targets_only_of_acts_done_at_a_place(code_default):
    # a threat to a town is no act done at it: the town is no side
    for m in code_default("The rebels threatened Kidal on Sunday."):
        assert m.target is None or m.target.basis != "place"


def test_conjoined_fighters_stay_each_others_targets(code_default):
    # "clashes between X and Y in a town": the two parties, not the town
    for m in find(code_default("Clashes between Turkish forces and American troops in Kidal are now possible."), "19"):
        assert m.target is None or m.target.basis != "place"
