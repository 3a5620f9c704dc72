"""The statement-content model (``events/speech.py``): a plain statement or an intent told with a verb
of saying is recoded by what its reported clause says when the model is sure; the rule coder is
left alone; ``explain`` shows the model's decision and score."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from tests.events.statement_stub import Statement
from detente.events import speech
from detente.events.learned import Prediction
from detente.settings import Settings


def _pred(probs: dict[str, float]) -> Prediction:
    classes = tuple(probs)
    p = np.array([probs[c] for c in classes])
    return Prediction(classes, p, p)


def test_the_verb_of_saying_of_a_reported_clause(nlp):
    doc = nlp("The Kenyan minister said that Nairobi would push the fighters out of the border towns.")
    push = next(t for t in doc if t.text == "push")
    verb = speech.speech_verb(push, frozenset({"say"}))
    assert verb is not None and verb.text == "said"
    assert [c.text for c in speech.reported(verb)] == ["push"]
    assert speech.speech_verb(doc[0], frozenset({"say"})) is None


def test_features_read_the_clause_not_the_names(nlp):
    doc = nlp("The Kenyan minister told Uganda to withdraw its troops from the border.")
    told = next(t for t in doc if t.text == "told")
    feats = speech.content_features(told, speech.reported(told, told), told)
    assert "sv=tell" in feats and "c=withdraw" in feats and "svo=dobj:<GPE>" in feats
    assert not any("uganda" in f for f in feats)  # names are their entity type
    doc = nlp("The minister said: do not burden us with your refugees.")
    said = next(t for t in doc if t.text == "said")
    feats = speech.content_features(said, speech.reported(said, said), said)
    assert "imperative" in feats and "you" in feats and "neg" in feats


def test_features_carry_what_the_lexicon_knows_of_the_words(nlp, resources):
    doc = nlp("The minister said the shelling of the villages was a crime.")
    said = next(t for t in doc if t.text == "said")
    feats = speech.content_features(said, speech.reported(said, said), said, resources.lexicon)
    assert any(f.startswith("lr=") for f in feats) and any(f.startswith("cls=") for f in feats)


def test_a_sure_root_recodes_a_statement_and_an_unsure_one_does_not():
    pol = dataclasses.replace(speech.policy(), threshold=0.7, apply=True)
    sure = _pred({"010": 0.1, "111": 0.5, "112": 0.3, speech.OTHER: 0.1})  # root 11: 0.8, its best code 111
    assert speech.decide(sure, "010", pol) == ("111", "11", pytest.approx(0.8))
    unsure = _pred({"010": 0.35, "111": 0.35, "112": 0.2, speech.OTHER: 0.1})
    assert speech.decide(unsure, "010", pol) is None
    assert speech.decide(_pred({"010": 0.1, speech.OTHER: 0.9}), "010", pol) is None  # an act reported: kept
    assert speech.decide(_pred({"030": 0.9, "111": 0.1}), "030", pol) is None  # the same root: kept
    assert speech.decide(_pred({"190": 0.95, "010": 0.05}), "010", pol) is None  # not a speech act's root


def test_a_clause_that_tells_no_act_announces_nothing(nlp):
    doc = nlp("The Kenyan minister said any such move would be unacceptable.")
    be = next(t for t in doc if t.text == "be")
    assert not speech._acts(be)
    doc = nlp("The Kenyan minister said Nairobi would push the fighters out.")
    assert speech._acts(next(t for t in doc if t.text == "push"))


def test_the_packaged_policy_and_model_load():
    pol = speech.policy()
    assert 0.5 <= pol.threshold < 1 and pol.recoded == {"010", "030"}
    model = speech.load_speech_model()
    assert model is not None and speech.MODEL in model.models
    assert speech.OTHER in model.models[speech.MODEL].classes


@pytest.fixture(scope="module")
def ensemble():
    from detente.resources import load_resources

    return load_resources(Settings(coder="ensemble"))


def test_explain_shows_the_content_model_s_decision_and_score(nlp, ensemble):
    from detente.events.explain import explain

    result = explain("The Kenyan foreign minister said the talks in Nairobi had gone well.", ensemble, nlp,
                     date="2022-02-01")
    notes = [n for c in result.candidates for n in c.notes if n.startswith("speech content")]
    assert notes and "p=" in notes[0]


def test_the_rule_coder_is_left_alone(nlp, resources):
    from detente.events.explain import explain

    # the ``resources`` fixture has the rule coder: no learned component reads the statement
    result = explain("The Kenyan foreign minister said the talks in Nairobi had gone well.", resources, nlp,
                     date="2022-02-01")
    assert not [n for c in result.candidates for n in c.notes if n.startswith("speech content")]


def _statement(nlp, text):
    from events_helpers import gazetteer_mentions

    from detente.events.index import ActorIndex
    from detente.events.roles import Roles

    doc = nlp(text)
    mentions = gazetteer_mentions(doc)
    said = next(t for t in doc if t.lemma_ in ("say", "tell"))
    return Statement(said, Roles(sources=(mentions[0],))), ActorIndex(mentions)


def _revised(nlp, resources, monkeypatch, text, probs, apply=True, cameo="010"):
    """The statement of ``text`` (coded ``cameo``) revised with the model's reading ``probs``."""
    pol = dataclasses.replace(speech.policy(), apply=apply)
    monkeypatch.setattr(speech, "policy", lambda: pol)
    monkeypatch.setattr(speech, "predict", lambda model, feats: _pred(probs))
    cand, index = _statement(nlp, text)
    cand.cameo = cameo
    speech.revise(cand, index, resources.lexicon)
    return cand


BETRAYED = "The Kazakh foreign minister said Kyrgyzstan had betrayed its neighbours."


def test_an_applied_reading_recodes_the_statement_and_aims_it(nlp, resources, monkeypatch):
    cand = _revised(nlp, resources, monkeypatch, BETRAYED, {"010": 0.1, "111": 0.8, speech.OTHER: 0.1})
    assert cand.cameo == "111" and "p=0.80" in cand.notes[0]
    assert [t.actor.country for t in cand.roles.targets] == ["KGZ"]  # the party the content names


def test_a_reading_not_applied_is_only_noted(nlp, resources, monkeypatch):
    cand = _revised(nlp, resources, monkeypatch, BETRAYED, {"010": 0.1, "111": 0.8, speech.OTHER: 0.1}, apply=False)
    assert cand.cameo == "010" and "not applied" in cand.notes[0] and not cand.roles.targets


def test_an_intent_is_no_threat_when_its_clause_tells_no_act(nlp, resources, monkeypatch):
    cand = _revised(nlp, resources, monkeypatch, "The Kazakh foreign minister said any such move would be unacceptable.",
                    {"030": 0.1, "138": 0.8, speech.OTHER: 0.1}, cameo="030")
    assert cand.cameo == "030" and "no act" in cand.notes[0]


def test_an_announced_act_of_force_is_a_threat_not_an_intent(nlp, resources):
    """``announced_act``: a generic intent (030) whose reported clause is an act the lexicon codes
    takes that act's intent code when it is a threat (derive.yaml: force -> 138x)."""
    cand, _ = _statement(nlp, "The Kazakh army said it would liberate the border town from the militants.")
    cand.cameo, cand.intended = "030", None
    speech.announced_act(cand, resources.lexicon)
    assert (cand.cameo[:2], cand.intended[:2]) == ("13", "19")
    for text in ("The Kazakh army said it would degrade the militia's capabilities.",  # no rule codes the act
                 "The Kazakh army said it would not liberate the border town.",  # a refusal, not this
                 "The Kazakh president said Astana would send food to the flood victims.",  # no threat
                 "The Kazakh president said the army had liberated the border town."):  # no announcement
        cand, _ = _statement(nlp, text)
        cand.cameo, cand.intended = "030", None
        speech.announced_act(cand, resources.lexicon)
        assert cand.cameo == "030", text


def test_the_ensemble_codes_an_announced_liberation_as_a_threat():
    from detente.pipeline import Pipeline

    pipe = Pipeline(Settings())
    found = [m for m in pipe.code_text("The Kenyan army said it would liberate the town from the Somali militants.",
                                       published="2022-02-01") if m.modality == "asserted"]
    assert [m.cameo[:2] for m in found] == ["13"]
