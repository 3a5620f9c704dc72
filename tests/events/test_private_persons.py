"""Speech acts of private persons (``events/private.py``, session 30 private30 helper): an appeal by the
family of a person the actors stage knows as no party, and an appeal, demand, rejection or threat whose
only doer is a pronoun resolved to no one, aimed at no party, are no event; the kin of a known politician,
and a threat aimed at a state's body, stay. The sentences are written for these tests (each dropped one
is coded by main d2ea777)."""
from __future__ import annotations

import pytest
from events_helpers import find

DROPPED = [
    ("Okafor's family have appealed for his safe return home.", "02"),
    ("Months later she threatened to stab a neighbour who had robbed her brother.", "13"),
    ("In the end they threatened to burn down the shop of a cousin who owed them money.", "13"),
]

KEPT = [
    ("Putin's daughter has appealed for calm.", "02"),
    ("Alexei Navalny was jailed on Monday. Navalny's wife has appealed for calm.", "02"),  # his name inside her phrase
    ("The president's family have appealed for calm.", "02"),
    ("She threatened to attack the Turkish embassy.", "13"),
    ("They threatened to burn the village if the army returned.", "13"),
]


@pytest.mark.parametrize(("text", "root"), DROPPED)
def test_private_persons_speech_acts_are_no_event(code_default, text, root):
    assert not find(code_default(text), root)


@pytest.mark.parametrize(("text", "root"), KEPT)
def test_party_kin_and_acts_aimed_at_parties_stay(code_default, text, root):
    assert find(code_default(text), root)
