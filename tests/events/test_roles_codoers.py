"""Conjoined doers of a one-sided act of force done to a place or thing no actor names did it together:
neither is the other's target (``roles._object_named``, ``roots.codoer`` of ``policy.yaml``); a named
target, or a mutual act, is unchanged."""
from __future__ import annotations


def _pairs(ms, trigger):
    return sorted((m.source.actor.country if m.source else None, m.target.actor.country if m.target else None)
                  for m in ms if m.trigger == trigger)


def test_two_air_forces_bombing_a_province_are_doers_together(code_default):
    ms = code_default("Syrian and Russian jets bombed the province on Sunday.")
    assert _pairs(ms, "bombed") == [("RUS", None), ("SYR", None)]


def test_two_armies_launching_an_offensive_on_a_town_are_doers_together(code_default):
    ms = code_default("The Kenyan and Ugandan armies launched an offensive on the border town.")
    pairs = _pairs(ms, "offensive")
    assert pairs and all(t is None for _, t in pairs)


def test_a_named_target_of_two_doers_stays(code_default):
    ms = code_default("Kenyan and Ugandan troops attacked al-Shabaab fighters near the border.")
    pairs = _pairs(ms, "attacked")
    assert pairs and all(t not in ("KEN", "UGA") for _, t in pairs)


def test_a_mutual_act_still_pairs_its_doers(code_default):
    ms = code_default("Peru and Ecuador signed a border treaty in Lima.")
    assert any({s, t} == {"PER", "ECU"} for s, t in _pairs(ms, "signed"))


def test_tanks_and_troops_pushing_into_a_camp_keep_their_event(code_default):
    ms = code_default("Israeli tanks and troops pushed into the refugee camp on Wednesday.")
    assert any(m.trigger == "pushed" and m.source is not None for m in ms)
