"""An object pronoun of an adverbial -ing clause that the actors stage leaves without a party stands
for what the main verb acted on (``events/pronoun_objects.py``, step "participle object" of
``events/sides.fallback_targets``). Sentences are our own."""
from __future__ import annotations


def _at(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger]


def test_the_party_the_main_act_was_aimed_at(code_default):
    got = _at(code_default("Ukraine's president turned his anger on Hungary, accusing it of blocking the aid package."),
              "accusing")
    assert got and got[0].target is not None and got[0].target.actor.country == "HUN", got


def test_a_pronoun_with_no_agreeing_party_stays_empty(code_default):
    # "them" is plural: the singular country named in the main clause is not what it stands for
    got = _at(code_default("Poland closed its border with Belarus on Monday, accusing them of staging the crossings."),
              "accusing")
    assert all(m.target is None or m.target.actor.country != "BLR" for m in got), got
