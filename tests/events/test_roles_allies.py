"""Sides on the doer's own side are no target: a party an ally phrase names in force, doers beside an
ally, and two conjoined doers of one country in a one-sided act (``events/allies.py``; words
``ally_preps``, ``ally_noun_preps``, ``ally_nouns``; roots ``ally`` of ``policy.yaml``)."""
from __future__ import annotations

from events_helpers import find


def _countries(ms, role):
    return {getattr(m, role).actor.country if getattr(m, role) is not None else None for m in ms}


def test_an_ally_in_support_of_is_no_target(code_default):
    for m in find(code_default("The coalition carried out dozens of airstrikes in support of the Kenyan army."), "19"):
        assert m.target is None or m.target.actor.country != "KEN"


def test_a_backer_with_its_backing_is_no_target(code_default):
    ms = find(code_default("The rebel force, with Ethiopian backing, took control of the town after a long battle."), "19")
    assert ms and "ETH" not in _countries(ms, "target")


def test_doers_beside_an_ally_are_not_each_others_target(code_default):
    ms = find(code_default("Chadian soldiers, as well as special forces from Niger, fought alongside the local militia "
                           "to drive Boko Haram out of the town."), "19")
    assert ms and not {"NER", "TCD"} & _countries(ms, "target")


def test_an_adversary_is_still_the_target(code_default):
    ms = find(code_default("Chadian soldiers fought Boko Haram near the border with Cameroonian air support."), "19")
    assert ms and "CMR" not in _countries(ms, "target")
    assert any(m.target is not None and "Boko" in m.target.text for m in ms)


def test_an_ally_country_is_not_the_sentence_country_of_a_countryless_doer(code_default):
    for m in find(code_default("Kurdish fighters attacked the militants with American air support."), "19"):
        assert m.source is None or m.source.actor.country != "USA"


def test_a_mutual_fight_keeps_its_conjoined_doers(code_default):
    ms = find(code_default("Armenian and Azerbaijani troops clashed along the border on Tuesday."), "19")
    assert any(m.source is not None and m.target is not None
               and {m.source.actor.country, m.target.actor.country} == {"ARM", "AZE"} for m in ms)


def test_compatriot_doers_of_a_one_sided_act_are_not_each_others_target(code_default):
    ms = find(code_default("The Kenyan president, William Ruto, and the Kenyan foreign minister rejected the plan."), "12")
    assert ms and all(m.target is None or m.target.actor.country != "KEN" for m in ms)


def test_doers_of_two_countries_still_pair(code_default):
    # the corpus writers pair two doers of different countries of a one-sided act (session 12) ...
    ms = find(code_default("Kenya and Uganda clashed on Monday."), "19")
    assert any(m.target is not None for m in ms)


def test_doers_of_two_countries_reacting_to_a_thing_do_not_pair(code_default):
    # ... but a reaction with a thing for its object is theirs together (session 25, the lead's decision
    # on the doers25 helper's rule: the news audits' judges reject the pairing)
    ms = find(code_default("Kenya and Uganda rejected the plan on Monday."), "12")
    assert ms and all(m.target is None or m.target.actor.country not in ("KEN", "UGA") for m in ms)


def test_a_captive_is_never_the_town_held_in(code_default):
    # codes.captive of policy.yaml: the person held, not the place (events/roles.py, events/sides.py)
    for m in find(code_default("We have lost five now, including the two colleagues kidnapped in Kismayo."), "18"):
        assert m.target is None or m.target.actor.country != "SOM"


def test_a_conviction_in_a_country_is_by_its_courts_not_against_it(code_default):
    for m in find(code_default("The cell's fifth member, Tom Brandt, was convicted on terror charges last year in Belarus."), "1"):
        assert m.target is None or m.target.actor.country != "BLR"


def test_force_backing_a_partys_act_is_aimed_at_whom_that_act_is(code_default):
    # "X, backed by Y's airstrikes, drove Z out": the airstrikes are aimed at Z, not at the ally X
    ms = find(code_default("The rebels, backed by Russian airstrikes, drove Uzbek troops from the town."), "195")
    assert ms and {m.target.actor.country if m.target else None for m in ms} == {"UZB"}


def test_force_backing_the_agent_of_a_passive_is_aimed_at_its_subject(code_default):
    ms = find(code_default("Uzbek troops were driven out of the town by Kyrgyz forces backed by Russian airstrikes."), "195")
    assert ms and {m.target.actor.country if m.target else None for m in ms} == {"UZB"}
