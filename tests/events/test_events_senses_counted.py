"""Lexicon senses of lexicon/senses_counted.yaml (session 31, gaps31): frames the train writers code as an act
(criticism drawn from a party, a request with a noun object, an act defended, chanting crowds, a place
retaken, arms supplied with "with", a handshake) that no rule covered. Each rule is tested where it fires and
on a look-alike of another sense where it must not. Sentences are our own."""
from __future__ import annotations

import pytest
from events_helpers import rules_fired


@pytest.mark.parametrize("text, word, rule", [
    ("The missile test drew condemnation from Seoul and Tokyo.", "condemnation", "criticism.drawn"),
    ("The new border law has attracted sharp criticism from the neighbours.", "criticism", "criticism.drawn"),
    ("Lima formally requested the extradition of the former minister.", "requested", "request.v"),
    ("The premier defended his refusal to join the embargo.", "defended", "defend.act"),
    ("The report prompted a rebuke by the foreign minister.", "rebuke", "criticism.drawn"),
    ("Tehran has supplied the militia with drones and rockets.", "supplied", "supply_with.military"),
    ("The two presidents shook hands in front of the cameras.", "shook", "shake_hands.v"),
    ("Students chanted slogans against the ruling council outside the parliament.", "chanted", "chant.v"),
    ("Government troops retook the river port from the insurgents on Sunday.", "retook", "retake.v"),
])
def test_gap31_rules_fire(nlp, resources, text, word, rule):
    assert rule in rules_fired(nlp, resources, text, word), text


@pytest.mark.parametrize("text, word, rule", [
    ("The minister faced criticism over the budget.", "criticism", "criticism.drawn"),  # faced, not drawn: left out
    ("The minister requested anonymity because he was not allowed to speak.", "requested", "request.v"),
    ("Marines defended the airport for three days.", "defended", "defend.act"),  # a place held by force
    ("The family requested that reporters leave them alone.", "requested", "request.v"),  # a that-clause
    ("Attempts to retake the valley have failed.", "retake", "retake.v"),  # not yet an act
    ("The shop supplied the village with bread.", "supplied", "supply_with.military"),  # no arms
    ("The earthquake shook the capital at dawn.", "shook", "shake_hands.v"),  # no hands
    ("Fans chanted the name of the striker.", "chanted", "chant.v"),  # a crowd at a match
    ("The champion retook the lead in the final lap.", "retook", "retake.v"),  # sport
    ("Riot police retook the square from the protesters.", "retook", "retake.v"),  # repression, not occupation
])
def test_gap31_rules_hold_back(nlp, resources, text, word, rule):
    assert rule not in rules_fired(nlp, resources, text, word), text
