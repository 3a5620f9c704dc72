"""What a warning foretells where the parse hides it (events/foretold.py, read by content.revise): a
"that" clause hung on a noun of the warning's phrase, a passive done by another party. Our own
sentences; each warning is tried as the learned model would propose it, a threat (138)."""
from __future__ import annotations

import pytest
from events_helpers import revised

from detente.events import content, foretold
from detente.events.candidate import Candidate

MODAL = frozenset({"will", "would", "could", "may", "might", "can"})



def _revised(nlp, resources, text: str, cameo: str = "138") -> Candidate:
    return revised(nlp, resources, text, word="warned", cameo=cameo)


HUNG = "The Kazakh president warned soon after the Kyrgyz announcement that the decision would bring new conflicts."


def test_a_that_clause_hung_on_the_warnings_phrase_is_what_it_warns_of(nlp):
    doc = nlp(HUNG)
    warned = next(t for t in doc if t.text == "warned")
    clause = foretold.warned_clause(warned, MODAL)
    assert clause is not None and clause.text == "bring"


def test_a_clause_of_the_verb_itself_comes_first(nlp):
    doc = nlp("The Kazakh president warned that the decision would bring new conflicts.")
    warned = next(t for t in doc if t.text == "warned")
    assert foretold.warned_clause(warned, MODAL).text == "bring"


@pytest.mark.parametrize("text", [
    "The Kazakh president warned after the Kyrgyz announcement that the report was inaccurate.",  # no modal
    "The Kazakh president warned after the announcement that followed the vote.",  # a relative clause
])
def test_no_clause_is_taken_that_foretells_nothing(nlp, text):
    doc = nlp(text)
    warned = next(t for t in doc if t.text == "warned")
    assert foretold.warned_clause(warned, MODAL) is None


@pytest.mark.parametrize("text", [
    HUNG,
    "The Kazakh president warned that the new airfield could be used by the Kyrgyz army.",
])
def test_a_warning_of_another_partys_act_is_a_pessimistic_comment(nlp, resources, text):
    assert _revised(nlp, resources, text).cameo == "012"


@pytest.mark.parametrize("text", [
    "The Kazakh president warned after the vote that the government would respond with force.",
    "The Kazakh government warned that protesters who blocked the roads would be arrested.",
    "The Kazakh government warned that the smugglers would be hunted down by Kazakh troops.",
])
def test_the_speakers_own_act_stays_a_threat(nlp, resources, text):
    assert _revised(nlp, resources, text).cameo == "138"


def test_the_us_is_no_first_person(nlp, resources):
    """"the US president's decision": "US" is a country, not the speaker's "us"."""
    text = "The Turkish president warned that the US president's decision would cause instability."
    assert _revised(nlp, resources, text).cameo == "012"
