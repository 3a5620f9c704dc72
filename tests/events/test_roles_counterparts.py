"""Counterparts of agreements and refusals (``events/sides.py`` ``itself`` and the ``dobj/with`` step,
``events/embedding.py`` ``inherit_target``, ``events/roles.py`` ``_own_or_thing``): no one is their own
target; the "with" party of an accord or of talks named inside the act's object; conjoined doers of
two countries who agree to do something are each other's counterparts, not the thing they agree on.
Sentences are our own."""
from __future__ import annotations


def _at(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger]


def test_a_refusal_of_calls_made_on_the_refuser_is_not_aimed_at_itself(code_default):
    for text in ("Jordan's king rejected calls for early elections on Monday.",
                 "The Chilean president rejected calls for a referendum, saying the vote was settled."):
        got = _at(code_default(text), "rejected")
        assert got and all(m.target is None or m.target.text != m.source.text for m in got), \
            (text, [(m.cameo, m.source, m.target) for m in got])


def test_a_refusal_of_another_partys_demands_keeps_that_party(code_default):
    got = _at(code_default("The Peruvian president rejected Chile's demands for a new border."), "rejected")
    assert got and got[0].target is not None and got[0].target.actor.country == "CHL", got


def test_the_with_party_inside_the_object_of_an_accord_is_the_target(code_default):
    got = _at(code_default("Peru's government signed an accord on water rights with Ecuador in Lima on Friday."), "signed")
    assert got and got[0].target is not None and got[0].target.actor.country == "ECU", got


def test_the_with_party_of_rejected_talks_is_the_target(code_default):
    got = _at(code_default("Serbia rejected an offer of direct talks with Kosovo on Tuesday."), "rejected")
    assert got and got[0].target is not None and got[0].target.actor.country == "XKX", got


def test_a_with_party_directly_on_the_object_is_still_found(code_default):
    got = _at(code_default("Kenya signed a security deal with Ethiopia on Tuesday."), "signed")
    assert got and got[0].target is not None and got[0].target.actor.country == "ETH", got


def test_conjoined_doers_who_agree_to_act_are_each_others_counterparts(code_default):
    for text in ("Chile and Bolivia agreed on Thursday to set up a joint task force to patrol their border.",
                 "Chile and Bolivia agreed on Thursday to pull back troops from a standoff point in the Andes."):
        got = _at(code_default(text), "agreed")
        assert got and {(m.source.actor.country, m.target.actor.country if m.target else None) for m in got} \
            <= {("CHL", "BOL"), ("BOL", "CHL")}, (text, [(m.cameo, m.source, m.target) for m in got])


def test_conjoined_doers_ready_to_act_together_are_not_each_others_counterparts(code_default):
    # "prepared to send troops" is no agreement between them: they would act together
    got = _at(code_default("Britain and France said on Sunday they were prepared to send troops to the region."), "prepared")
    assert all(not (m.target is not None and m.target.actor.country in ("GBR", "FRA")) for m in got), \
        [(m.cameo, m.source, m.target) for m in got]
