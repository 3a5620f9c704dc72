"""Armed forces a word puts in a coalition of states ("coalition jets", "coalition warplanes") are of
no one state: they take no country from the place of their act (``beyond_state_force_words``); a
body that is not armed ("the coalition government") still may."""
from __future__ import annotations

from events_helpers import find


def test_coalition_jets_take_no_country_from_the_town_bombed(code_default):
    ms = find(code_default("Coalition warplanes struck militant positions near Raqqa on Tuesday."), "19")
    assert ms and all(m.source is None or m.source.actor.country is None for m in ms)


def test_a_states_own_troops_still_take_the_place(code_default):
    ms = find(code_default("Troops fired on protesters in Baghdad on Friday."), "1")
    assert any(m.source is not None and m.source.actor.country == "IRQ" for m in ms)
