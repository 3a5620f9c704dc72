"""A group with no country names its members in an "including" phrase (``member_preps``,
``events/index.py``); a concern about a party's act is aimed at that party (lexicon
``lodge_protest.v``: ``dobj/prep:about/poss``, as ``over``)."""
from __future__ import annotations

from events_helpers import find


def test_a_group_including_a_state_is_that_state(code_default):
    ms = find(code_default("The Kenyan government has called on its partners, including Norway, to take back their citizens."), "02")
    assert ms and any(m.target is not None and m.target.actor.country == "NOR" for m in ms)


def test_a_located_group_keeps_its_own_country(code_default):
    ms = find(code_default("Kenya has called on Ugandan officials, including the minister Tom Okello, to reopen the border."), "02")
    assert ms and all(m.target is None or m.target.actor.country == "UGA" for m in ms)


def test_a_concern_about_a_partys_act_is_aimed_at_it(code_default):
    ms = find(code_default("The Kenyan foreign minister expressed concern about Uganda's military build-up on the border."), "")
    ms = [m for m in ms if m.trigger == "expressed"]  # a pessimism (012) or a protest (114)
    assert ms and any(m.target is not None and m.target.actor.country == "UGA" for m in ms)
