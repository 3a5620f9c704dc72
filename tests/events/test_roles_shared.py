"""Sides the role slots read wrong in three kinds of language (session 21): a verb that shares the
object of the verb coordinated after it (``parts.shared_objects``, roots ``shared_object`` of
``policy.yaml``), an act of force whose own countryless phrase names only its means (``roles``,
``means_modifiers`` of ``words/events.yaml``), and the antecedent of a relative clause whose subject
it owns ("whose militias", ``sides._relative_gap``). All sentences are our own."""
from __future__ import annotations


def _at(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger]


def test_a_verb_shares_the_object_of_the_verb_after_it(code_default):
    for text, trigger, country in (
            ("Kyrgyz police arrested and tortured three Uzbek activists on Monday.", "arrested", "UZB"),
            ("The minister condemned and rejected the Russian decision.", "condemned", "RUS")):
        ms = _at(code_default(text), trigger)
        assert ms and all(m.target is not None and m.target.actor.country == country for m in ms), text


def test_no_shared_object_for_a_verb_that_is_often_intransitive(code_default):
    # a withdrawal (08) followed by an attack: the rebels attacked are not what the army withdrew
    ms = _at(code_default("The army withdrew and attacked the rebels."), "withdrew")
    assert all(m.target is None or "rebels" not in m.target.text for m in ms)


def test_no_shared_object_when_the_second_verb_has_its_own_subject(code_default):
    ms = _at(code_default("Kyrgyz police arrested the men and Uzbek courts charged the women."), "arrested")
    assert all(m.target is None or "women" not in m.target.text for m in ms)


def test_a_strike_named_by_its_means_is_no_doer(code_default):
    for text in ("Two Uzbek smugglers lost their lives to one drone strike last winter.",
                 "Missile strikes hit the airbase overnight."):
        ms = [m for m in code_default(text) if m.cameo.startswith("19")]
        assert all(m.source is None or m.trigger not in m.source.text for m in ms), text


def test_a_strike_named_by_its_doer_keeps_it(code_default):
    ms = [m for m in code_default("Coalition airstrikes hit the town overnight.") if m.cameo.startswith("19")]
    assert ms and all(m.source is not None and "Coalition" in m.source.text for m in ms)


def test_the_owner_of_a_relative_clauses_doers_is_not_its_target(code_default):
    ms = code_default("Kazakhstan, whose soldiers are fighting alongside Uzbek troops, promised to honour the truce.")
    assert all(m.target is None or m.target.actor.country != "KAZ" for m in ms if m.cameo.startswith("19"))
