"""An act done in answer to another party's act is aimed at that party, when it names no target of
its own (``events/answered.py``; words ``response_nouns``, ``answer_verbs`` of ``words/events.yaml``)."""
from __future__ import annotations


def _targets(mentions, trigger):
    found = [m for m in mentions if m.trigger == trigger]
    assert found, [(m.cameo, m.trigger) for m in mentions]
    return {m.target.actor.country if m.target is not None else None for m in found}


def test_a_statement_responding_to_a_partys_demands(code_default):
    ms = code_default("Responding to Russia's demands, the Kazakh president said the border would stay open.")
    assert _targets(ms, "said") == {"RUS"}


def test_a_statement_responding_to_a_party(code_default):
    ms = code_default("Responding to the Kyrgyz president, the Kazakh foreign minister said the talks had failed.")
    assert _targets(ms, "said") == {"KGZ"}


def test_an_act_in_response_to_an_attack_by_a_party(code_default):
    ms = code_default("Kazakhstan closed the crossing in response to the attack by Kyrgyz militants.")
    assert _targets(ms, "closed") == {"KGZ"}


def test_the_victims_of_the_act_answered_are_no_target(code_default):
    # "the killing of X": X suffered the act answered, it did not do it
    ms = code_default("Kazakhstan closed the crossing in response to the killing of three Kyrgyz soldiers.")
    assert "KGZ" not in _targets(ms, "closed")


def test_the_answering_side_is_not_its_own_target(code_default):
    ms = code_default("Responding to Kazakh criticism, the Kazakh foreign minister said the talks had failed.")
    assert "KAZ" not in _targets(ms, "said")


def test_a_warning_whose_said_act_answers_a_party(code_default):
    ms = code_default("The Kazakh president warned that troops would be sent in response to the attack by Kyrgyz militants.")
    assert _targets(ms, "warned") == {"KGZ"}
