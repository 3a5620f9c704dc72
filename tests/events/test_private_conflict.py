"""Ordinary dealings of parties that are no political actors, in the roots beyond verbal cooperation
(``events/private.py``, session 27 private27 helper): a business, a sports body or player, a school, a
hotel or a restaurant lifting a ban, refusing, demanding or blaming, to no political party, is no event;
protests stay, and so do kin and the working trades (farmers, fishermen, herders) in the confrontational
roots, acts aimed at a state's body, and doers coordinated with a party. The sentences are written for
these tests (each dropped one is coded by main 22c869d)."""
from __future__ import annotations

import pytest
from events_helpers import find

DROPPED = [
    ("The bowls club lifted its ban on mobile phones in the clubhouse on Friday.", "08"),
    ("Ghana's handball federation demanded on Monday that the tournament organisers pay for its hotel rooms.", "10"),
    ("The bakery refused on Wednesday to withdraw its new croissant despite complaints from a rival shop.", "12"),
    ("A Hanoi restaurant rejected an offer by a hotel chain to buy it on Thursday.", "12"),
    ("Peru's volleyball team, which blamed the referee for its defeat, withdrew its appeal on Monday.", "11"),
]

KEPT = [
    ("Farmers who blocked the highway last week have vowed to return if the fuel subsidy is not restored.", "13"),
    ("The parents reject the official account of their son's death and have asked for a new autopsy.", "12"),
    ("Thousands of rice growers marched into the capital to protest against the new import quota.", "14"),
    ("Rebel fighters and their families later surrendered to the army on Sunday.", "08"),  # a party beside the kin
    ("The company threatened to sue the transport ministry over the cancelled contract.", "13"),
]


@pytest.mark.parametrize(("text", "root"), DROPPED)
def test_private_parties_conflicts_of_no_political_party_are_no_event(code_default, text, root):
    assert not find(code_default(text), root)


@pytest.mark.parametrize(("text", "root"), KEPT)
def test_protest_kin_trades_and_political_targets_stay(code_default, text, root):
    assert find(code_default(text), root)
