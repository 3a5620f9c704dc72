"""The word test of a verdict (issue 10): ``verdicts.py`` (the content rule) judges a predicate with the
hand list (``valence.supplied``: ``verdict_word``, ``verdict_event_word``), whatever it is said of, and
with VADER's negative words (``valence.judging_word``, the evaluation gate's test: no event word, no
feeling) said of a party of another country. Sentences of our own."""
from __future__ import annotations

import pytest
from events_helpers import revised

from detente.events import speech, valence


def _word(nlp, resources, text: str, word: str, predicate: bool = False) -> bool:
    """The word judges: VADER's, or (in a predicate: "were baseless", not "the propaganda films") supplied."""
    tok = next(t for t in nlp(text) if t.text == word)
    return valence.judging_word(tok, resources.lexicon, speech.policy().evaluation.words) is not None or (
        predicate and valence.supplied(tok, resources.lexicon))


def test_the_hand_list_s_event_words_are_event_words(resources):
    events = resources.lexicon.words("verdict_event_word")
    assert events and all(resources.lexicon.rules_for(w) for w in events)  # the gate would leave them out
    assert not resources.lexicon.words("verdict_word") & events


@pytest.mark.parametrize("text, word, predicate, judges", [
    ("The Kyrgyz policy was cruel.", "cruel", False, True),  # VADER's
    ("The Kyrgyz claims were baseless.", "baseless", True, True),  # not in VADER: the hand list
    ("The Kyrgyz propaganda films were shown.", "propaganda", False, False),  # ... elsewhere it names
    ("The Kyrgyz herders were afraid.", "afraid", False, False),  # a feeling
    ("The Kyrgyz herders were sad.", "sad", False, False),  # a feeling VADER scores negative
    ("The Kyrgyz raid was a violation of the truce.", "violation", True, True),  # an event word as a predicate
    ("The violation of the truce angered Kyrgyzstan.", "violation", False, False),  # ... naming the topic
])
def test_a_word_judges_by_vader_or_by_what_it_cannot_supply(nlp, resources, text, word, predicate, judges):
    assert _word(nlp, resources, text, word, predicate) is judges


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said the Kyrgyz blockade of the valley was cruel.",
    "The Kazakh foreign minister said the Kyrgyz border policy was incompetent and dangerous.",
    "The Kazakh president said the Kyrgyz raid on the valley was a violation of the truce.",
    "The Kazakh foreign minister said the plan was a sign of the selfish policy of Kyrgyzstan.",  # the hand list's
])
def test_a_predicate_vader_or_the_supplement_judges_criticises_the_party(nlp, resources, text):
    cand = revised(nlp, resources, text, "said", "010")
    assert cand.cameo == "111"
    assert [t.actor.country for t in cand.roles.targets][:1] == ["KGZ"]


def test_a_claim_called_baseless_is_rebutted_not_criticised(nlp, resources):
    """The train writers code a claim called false as a denial (016; events/rebuttals.py, session 30)."""
    cand = revised(nlp, resources, "The Kazakh president said the Kyrgyz accusations against Kazakhstan were baseless.",
                    "said", "010")
    assert cand.cameo == "016"
    assert [t.actor.country for t in cand.roles.targets][:1] == ["KGZ"]


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said the Kyrgyz herders in the valley were sad and afraid.",  # their feeling
    "The Kazakh foreign minister said the Kyrgyz blockade of the valley was not cruel.",  # a defence
    "The Kazakh foreign minister said a Kyrgyz blockade of the valley would be cruel.",  # a warning
    "The Kazakh foreign minister said his own policy had been incompetent.",  # the speaker's side
    "The Kazakh foreign minister said the situation in the flooded valley was dreadful.",  # no party judged
    "The Kazakh foreign minister said the loss of the harvest was painful for the villages.",
])
def test_a_feeling_a_negated_or_supposed_verdict_or_the_speakers_own_is_none(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


def test_a_word_of_the_hand_list_judges_whatever_it_is_said_of(nlp, resources):
    text = "The Kazakh foreign minister said it was deplorable to close the valley to herders."
    assert revised(nlp, resources, text, "said", "010").cameo == "111"


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said it was cruel to close the valley to herders.",  # no party named
    "The Kazakh opposition leader said the Kazakh government's plan was cruel.",  # the speaker's country
    "The Kazakh foreign minister said the Kyrgyz plan was a response to the cruel drought.",  # deep in it
])
def test_a_word_of_vader_s_judges_only_another_party(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said the Kyrgyz militia was a terror group.",
    "The Kazakh foreign minister said the Kyrgyz militia was the armed wing of a terror organisation.",
])
def test_a_party_called_a_terror_group_is_criticised(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "111"
