"""Two doers of different countries of a reaction whose object is a thing ("X and Y criticised the
plan") or told by a noun ("X and Y issued a warning") react together: neither is the other's target
(``roles.find_roles``, ``together``); a mutual act's pair still are counterparts."""
from __future__ import annotations

from events_helpers import find


def test_two_critics_of_a_thing_are_not_each_others_target(code_default):
    ms = [m for m in code_default("Iran and Syria criticised the plan to send more troops.") if m.trigger == "criticised"]
    assert ms and all(m.target is None for m in ms)
    assert sorted(m.source.actor.country for m in ms if m.source) == ["IRN", "SYR"]


def test_a_joint_warning_is_of_both(code_default):
    ms = [m for m in find(code_default("Iran and Syria issued a joint warning on Tuesday."), "13") if m.trigger == "warning"]
    assert ms and all(m.target is None or m.target.actor.country not in ("IRN", "SYR") for m in ms)


def test_a_swap_still_pairs_its_two_parties(code_default):
    ms = [m for m in code_default("Russia and Ukraine swapped 35 prisoners on Sunday.") if m.trigger == "swapped"]
    assert ms and {ms[0].source.actor.country, ms[0].target.actor.country} == {"RUS", "UKR"}


def test_two_doers_accusing_each_other_are_still_a_pair(code_default):
    ms = [m for m in code_default("India and China each accused the other of crossing the border.") if m.trigger == "accused"]
    assert ms and any(m.source is not None and m.target is not None for m in ms)
