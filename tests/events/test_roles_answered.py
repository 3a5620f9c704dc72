"""An act done in answer to another party's act is aimed at that party, when it names no target of
its own (``events/answered.py``; words ``response_nouns``, ``answer_verbs`` of ``words/events.yaml``)."""
from __future__ import annotations

from events_helpers import targets_at as _targets


def test_a_statement_responding_to_a_partys_demands(code_default):
    ms = code_default("Responding to Russia's demands, the Kazakh president said the border would stay open.")
    assert _targets(ms, "said") == {"RUS"}


def test_a_statement_responding_to_a_party(code_default):
    ms = code_default("Responding to the Kyrgyz president, the Kazakh foreign minister said the talks had failed.")
    assert _targets(ms, "said") == {"KGZ"}


def test_an_act_in_response_to_an_attack_by_a_party(code_default):
    ms = code_default("Kazakhstan closed the crossing in response to the attack by Kyrgyz militants.")
    assert _targets(ms, "closed") == {"KGZ"}


def test_no_target_from_the_victims_of_the_act_answered_nor_the_answering_side(code_default):
    # "the killing of X": X suffered the act answered, it did not do it; and no answer to oneself
    for text, trigger, country in (
            ("Kazakhstan closed the crossing in response to the killing of three Kyrgyz soldiers.", "closed", "KGZ"),
            ("Responding to Kazakh criticism, the Kazakh foreign minister said the talks had failed.", "said", "KAZ")):
        assert country not in _targets(code_default(text), trigger)


def test_a_warning_whose_said_act_answers_a_party(code_default):
    ms = code_default("The Kazakh president warned that troops would be sent in response to the attack by Kyrgyz militants.")
    assert _targets(ms, "warned") == {"KGZ"}
