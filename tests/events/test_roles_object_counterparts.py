"""The party an act's object goes to or is shared with (``events/counterparts.py``): "froze transfers
to X", "lift restrictions on exports to X", "suspended cooperation with X". Sentences are our own."""
from __future__ import annotations


def _at(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger]


def _target(got):
    return got[0].target.actor.country if got and got[0].target is not None else None


def test_the_party_a_frozen_transfer_goes_to_is_the_target(code_default):
    got = _at(code_default("Norway froze its aid transfers to the Palestinian Authority on Monday."), "froze")
    assert got and got[0].cameo.startswith("16") and _target(got) == "PSE", got


def test_the_party_through_a_noun_the_object_governs_is_the_target(code_default):
    got = _at(code_default("Japan will lift its restrictions on exports of chemicals to South Korea."), "lift")
    assert _target(got) == "KOR", got


def test_the_prepositions_and_the_roots_left_out_are_data():
    from detente.events.counterparts import PREPS, SKIP_ROOTS, THROUGH

    # the data: destination and company; statements, appeals and force are left to their own finders
    assert {"to", "with"} <= PREPS and "in" not in THROUGH and {"01", "02", "19"} <= SKIP_ROOTS


def test_an_attack_with_foreign_weapons_is_not_aimed_at_their_maker(code_default):
    got = _at(code_default("The militia shelled the village with Iranian rockets on Sunday."), "shelled")
    assert got and all(m.target is None or m.target.actor.country != "IRN" for m in got), got
