"""A statement that calls another party's claim false is a denial (events/rebuttals.py, read by
content.revise before the verdicts): our own sentences, each statement tried as the learned model
would propose it (010)."""
from __future__ import annotations

import pytest
from events_helpers import gazetteer_mentions

from detente.events import combine as cb
from detente.events import content
from detente.events.candidate import Candidate
from detente.events.index import ActorIndex
from detente.events.roles import find_roles


def _revised(nlp, resources, text: str, word: str = "said", cameo: str = "010") -> Candidate:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    index = ActorIndex(gazetteer_mentions(doc))
    match = cb.generic_match(tok, cameo)
    cand = Candidate(match=match, cameo=cameo, roles=find_roles(match, index, resources.lexicon))
    content.revise(cand, index, resources.lexicon)
    return cand


@pytest.mark.parametrize("text, target", [
    ("The Kazakh government said the Kyrgyz accusations were baseless.", "KGZ"),
    ("The Kazakh foreign minister said the Kyrgyz claims were a lie.", "KGZ"),
    ("The Kazakh foreign minister said the allegations by the Kyrgyz government were fabricated.", "KGZ"),
    ("The Kazakh foreign minister said the accusations of Kyrgyz interference were absurd.", None),
    ("The Kazakh foreign minister said this was an exaggerated account of the Kyrgyz report.", None),
])
def test_a_claim_called_false_is_a_denial(nlp, resources, text, target):
    cand = _revised(nlp, resources, text)
    assert cand.cameo == "016"
    if target is not None:  # the claim's owner; a claim about a party is not that party's
        assert [m.actor.country for m in cand.roles.targets if m.actor is not None][:1] == [target]


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said the Kyrgyz claims were not baseless.",  # negated: no rebuttal
    "The Kazakh foreign minister said our report was inaccurate.",  # the speaker's own claim
    "The Kazakh foreign minister said such claims would be absurd.",  # supposed
    "The Kazakh foreign minister said the Kyrgyz report was long.",  # no word of falsity
])
def test_no_rebuttal(nlp, resources, text):
    assert _revised(nlp, resources, text).cameo != "016"


def test_a_verdict_on_an_act_stays_a_criticism(nlp, resources):
    cand = _revised(nlp, resources, "The Kazakh foreign minister said the Kyrgyz decision was absurd.")
    assert cand.cameo == "111"


def test_a_quoted_rebuttal_is_a_denial_too(code_default):
    mentions = code_default("“The Kyrgyz accusations are baseless,” the Kazakh foreign minister said.")
    assert any(m.cameo == "016" for m in mentions)


def test_the_speakers_own_statement_called_false_is_no_rebuttal(nlp, resources):
    text = "The Kazakh foreign minister said the statement I gave last year was false."
    assert _revised(nlp, resources, text).cameo != "016"
