"""A statement that calls another party's claim false is a denial (events/rebuttals.py, read by
content.revise before the verdicts): our own sentences, each statement tried as the learned model
would propose it (010)."""
from __future__ import annotations

import pytest
from events_helpers import revised





@pytest.mark.parametrize("text, target", [
    ("The Kazakh government said the Kyrgyz accusations were baseless.", "KGZ"),
    ("The Kazakh foreign minister said the Kyrgyz claims were a lie.", "KGZ"),
    ("The Kazakh foreign minister said the allegations by the Kyrgyz government were fabricated.", "KGZ"),
    ("The Kazakh foreign minister said the accusations of Kyrgyz interference were absurd.", None),
    ("The Kazakh foreign minister said this was an exaggerated account of the Kyrgyz report.", None),
])
def test_a_claim_called_false_is_a_denial(nlp, resources, text, target):
    cand = revised(nlp, resources, text)
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
    assert revised(nlp, resources, text).cameo != "016"


def test_a_verdict_on_an_act_stays_a_criticism(nlp, resources):
    cand = revised(nlp, resources, "The Kazakh foreign minister said the Kyrgyz decision was absurd.")
    assert cand.cameo == "111"


def test_a_quoted_rebuttal_is_a_denial_too(code_default):
    mentions = code_default("“The Kyrgyz accusations are baseless,” the Kazakh foreign minister said.")
    assert any(m.cameo == "016" for m in mentions)


def test_the_speakers_own_statement_called_false_is_no_rebuttal(nlp, resources):
    text = "The Kazakh foreign minister said the statement I gave last year was false."
    assert revised(nlp, resources, text).cameo != "016"
