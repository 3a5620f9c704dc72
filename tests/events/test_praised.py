"""A statement that says of another party, or of what it did, that it is good is praise (051;
events/praised.py, read by content.revise after the verdicts): our own sentences, each statement
tried as the learned model would propose it (010)."""
from __future__ import annotations

import pytest
from events_helpers import revised





@pytest.mark.parametrize("text, target", [
    ("The Kazakh foreign minister said Kyrgyzstan had been a reliable partner.", "KGZ"),
    ("The Kazakh foreign minister said the Kyrgyz decision was a welcome step.", "KGZ"),
    ("The Kazakh foreign minister said the Kyrgyz government was constructive.", "KGZ"),
    ("The Kazakh foreign minister said the Kyrgyz offer was excellent.", "KGZ"),
    ("The Kazakh foreign minister said it was encouraging that Kyrgyzstan had reopened the border.", "KGZ"),
])
def test_a_good_word_said_of_another_party_is_praise(nlp, resources, text, target):
    cand = revised(nlp, resources, text)
    assert cand.cameo == "051"
    assert [m.actor.country for m in cand.roles.targets if m.actor is not None][:1] == [target]


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said Kazakhstan was a reliable partner.",  # the speaker's own side
    "The Kazakh foreign minister said our decision was a welcome step.",  # the first person
    "The Kazakh foreign minister said the talks had been constructive.",  # no party judged
    "The Kazakh foreign minister said Kyrgyzstan was not a reliable partner.",  # negated
    "The Kazakh foreign minister said Kyrgyzstan would be a reliable partner if it joined.",  # supposed
    "The Kazakh foreign minister said the Kyrgyz capital was safe.",  # a state, not a verdict
    "The Kazakh foreign minister said the Kyrgyz offer was a good excuse for aggression.",  # condemns too
    "The Kazakh foreign minister said it was encouraging that Kazakhstan had reopened the border.",  # its own side
    "The Kazakh foreign minister said it was encouraging that Kyrgyzstan would reopen the border.",  # not yet done
])
def test_no_praise(nlp, resources, text):
    assert revised(nlp, resources, text).cameo != "051"


def test_a_condemning_verdict_stays_a_criticism(nlp, resources):
    assert revised(nlp, resources, "The Kazakh foreign minister said the Kyrgyz decision was reckless.").cameo == "111"


def test_a_quoted_praise_is_praise_too(code_default):
    mentions = code_default("“Kyrgyzstan has been a constructive neighbour,” the Kazakh foreign minister said.")
    assert any(m.cameo == "051" for m in mentions)
