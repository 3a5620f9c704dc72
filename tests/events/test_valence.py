"""Evaluative language about another party (``events/valence.py``) and the disapproval it gates in the
statement-content stage (``speech.revise``): sentences of our own."""
from __future__ import annotations

import numpy as np
import pytest
from events_helpers import gazetteer_mentions

from detente.events import speech, valence
from detente.events.index import ActorIndex
from detente.events.learned import Prediction
from detente.events.roles import Roles
from tests.events.statement_stub import Statement


def test_vader_s_lexicon_is_read_from_its_package():
    words = valence.vader()
    assert len(words) > 7000
    assert words["reckless"] < -1 and words["shameful"] < -1 and words["hope"] > 1
    assert all(w.isalpha() for w in words)  # emoticons and phrases left out


def _found(nlp, resources, text):
    doc = nlp(text)
    mentions = gazetteer_mentions(doc)
    verb = next(t for t in doc if t.lemma_ in ("say", "tell"))
    own = {mentions[0].actor.country}
    pol = speech.policy().evaluation.words
    return valence.evaluation(speech.reported(verb, verb), verb, own, ActorIndex(mentions), resources.lexicon, pol)


@pytest.mark.parametrize("text, kind, country", [
    ("The Kazakh foreign minister said Kyrgyzstan's reckless policy had ruined the border talks.", "verdict", "KGZ"),
    ("The Kazakh foreign minister said the decision of Kyrgyzstan was shameful.", "verdict", "KGZ"),
    ("The Kazakh foreign minister said Kyrgyzstan had behaved irresponsibly at the border.", "verdict", "KGZ"),
    ("The Kazakh foreign minister said Kyrgyzstan had deceived the mediators.", "charge", "KGZ"),
])
def test_a_negative_word_about_another_party_is_found(nlp, resources, text, kind, country):
    found = _found(nlp, resources, text)
    assert found is not None and found.kind == kind and found.valence < 0
    assert found.target is not None and found.target.actor.country == country


@pytest.mark.parametrize("text", [
    "The Kazakh foreign minister said the situation in the border villages was dreadful.",  # no party judged
    "The Kazakh foreign minister said any Kyrgyz move would be reckless.",  # a warning, not a verdict
    "The Kazakh foreign minister said the decision of Kyrgyzstan was not shameful.",  # a defence
    "The Kazakh foreign minister said the reaction of Kazakhstan had been reckless.",  # the speaker's own side
    "The Kazakh foreign minister said Kyrgyz troops had attacked the border villages.",  # an act: an event word
    "The Kazakh foreign minister said the Kyrgyz delegates were afraid of the vote.",  # a feeling
    "The Kazakh foreign minister said Kyrgyz criminal courts had ruled on the case.",  # a kind, not a verdict
    "The Kazakh foreign minister said Kyrgyzstan had lost its patience.",  # what befell it, not its act
    "The Kazakh foreign minister said that if Kyrgyzstan deceived the mediators, the talks would end.",  # supposed
])
def test_no_verdict_where_nothing_judges_another_party(nlp, resources, text):
    assert _found(nlp, resources, text) is None


def _revised(nlp, resources, monkeypatch, text, probs):
    classes = tuple(probs)
    p = np.array([probs[c] for c in classes])
    monkeypatch.setattr(speech, "predict", lambda model, feats: Prediction(classes, p, p))
    doc = nlp(text)
    mentions = gazetteer_mentions(doc)
    said = next(t for t in doc if t.lemma_ in ("say", "tell"))
    cand = Statement(said, Roles(sources=(mentions[0],)))
    speech.revise(cand, ActorIndex(mentions), resources.lexicon)
    return cand


PLAIN = {"010": 0.8, "111": 0.1, speech.OTHER: 0.1}


def test_a_statement_judging_another_party_is_a_criticism_aimed_at_it(nlp, resources, monkeypatch):
    cand = _revised(nlp, resources, monkeypatch,
                    "The Kazakh foreign minister said Kyrgyzstan's reckless policy had ruined the border talks.", PLAIN)
    assert cand.cameo == "111" and "verdict 'reckless'" in cand.notes[0]
    assert [t.actor.country for t in cand.roles.targets] == ["KGZ"]
    cand = _revised(nlp, resources, monkeypatch,
                    "The Kazakh foreign minister said Kyrgyzstan had deceived the mediators.", PLAIN)
    assert cand.cameo == "112" and [t.actor.country for t in cand.roles.targets] == ["KGZ"]


def test_a_plain_report_stays_a_statement(nlp, resources, monkeypatch):
    cand = _revised(nlp, resources, monkeypatch,
                    "The Kazakh foreign minister said the Kyrgyz delegation had arrived in Astana.", PLAIN)
    assert cand.cameo == "010" and not cand.roles.targets


def test_the_model_s_disapproval_needs_a_word_that_judges(nlp, resources, monkeypatch):
    """The content model's 11 recodes (to its own code) only where the content holds a negative word
    that judges and names another party, the target."""
    sure = {"010": 0.2, "112": 0.6, speech.OTHER: 0.2}
    cand = _revised(nlp, resources, monkeypatch,
                    "The Kazakh foreign minister said Kyrgyzstan was part of an evil plan against the region.", sure)
    assert cand.cameo == "112" and any("'evil'" in n for n in cand.notes)
    assert [t.actor.country for t in cand.roles.targets] == ["KGZ"]
    cand = _revised(nlp, resources, monkeypatch,
                    "The Kazakh foreign minister said Kyrgyzstan was part of a new plan for the region.", sure)
    assert cand.cameo == "010" and "kept 010" in cand.notes[0]  # no word that judges: only noted


@pytest.mark.parametrize("text, index, expected", [
    ("We will not accept the terms, the minister said.", 0, True),
    ("The envoy said the US had broken its word.", 3, False),   # the country, not the pronoun
    ("They told us the talks were over.", 2, True),
    ("Our forces have left the valley.", 0, True),
])
def test_first_person_is_a_pronoun_of_the_speaker_not_the_country(nlp, text, index, expected):
    assert valence.first_person(nlp(text)[index]) is expected
