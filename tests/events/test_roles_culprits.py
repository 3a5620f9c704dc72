"""The doer of a nominal act a predicate blames a party for (``events/culprits.py``): "X was
responsible for the kidnapping", "X was behind the bombing"; not under a negation."""
from __future__ import annotations

from events_helpers import find


def _at(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger]


def test_the_party_responsible_for_a_kidnapping_did_it(code_default):
    ms = _at(find(code_default("The Taliban were responsible for the kidnapping of four Canadian aid workers."), "18"),
             "kidnapping")
    assert ms and ms[0].source is not None and "Taliban" in ms[0].source.text


def test_the_party_behind_a_bombing_did_it(code_default):
    ms = _at(code_default("Al-Shabaab was behind the bombing of a hotel in Mogadishu."), "bombing")
    assert ms and ms[0].source is not None and "Shabaab" in ms[0].source.text


def test_a_party_not_responsible_is_no_doer(code_default):
    ms = _at(code_default("Officials said the militia was not responsible for the killing of the journalist."), "killing")
    assert all(m.source is None or "militia" not in m.source.text for m in ms)


def test_a_party_held_accountable_is_not_made_the_doer(code_default):
    ms = code_default("The council said it would hold Cairo and Moscow accountable for any massacres that follow.")
    assert not any(m.trigger == "massacres" and m.source is not None for m in ms)


def test_conjoined_culprits_are_not_each_others_target(code_default):
    ms = _at(code_default("Syria and Iran were behind the bombing of the convoy."), "bombing")
    assert all(m.target is None or m.target.actor.country not in ("SYR", "IRN") for m in ms)
