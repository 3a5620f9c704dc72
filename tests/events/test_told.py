"""An act a sentence tells as fact, dropped only by the confidence floor, is kept in place of the plain
statement that carries it (``events/told.py``). Sentences of our own."""
from __future__ import annotations

from detente.events.candidate import Candidate
from detente.events.lexicon import Rule
from detente.events.matcher import Match
from detente.events.modality import Modality
from detente.events.roles import Roles
from detente.events.told import revive, told_policy
from detente.model import Actor, ActorMention

FLOORED = "confidence 0.35 below the coder's 0.5"


def _on(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger and m.modality == "asserted"]


def test_an_act_told_in_a_relative_clause_is_coded_instead_of_the_statement(code_default):
    mentions = code_default("Zambian police, who raided the offices of an opposition newspaper on Monday, "
                            "said the editor had fled.")
    assert [m.cameo[:2] for m in _on(mentions, "raided")] == ["17"]
    assert not _on(mentions, "said")


def test_an_act_told_in_the_subject_of_the_said_clause(code_default):
    mentions = code_default("The rocket that killed three soldiers at a Latvian border post on Monday was probably "
                            "launched from a Belarusian truck, Latvian officials said.")
    assert [m.cameo[:2] for m in _on(mentions, "killed")] == ["19"]
    assert not _on(mentions, "said")


def _cand(doc, trigger, code, dropped=FLOORED, learned=None, sides=True, modality="asserted", conf=0.35):
    tok = next(t for t in doc if t.text == trigger)
    rule = Rule(id="x.v", lemmas=(tok.lemma_,), pos="verb", cameo=code, source=(), target=(), confidence=0.5)
    cand = Candidate(match=Match(rule=rule, trigger=tok, anchors=(tok,), consumed=frozenset({tok.i})), cameo=code,
                     learned_prob=learned, modality=Modality(modality), confidence=conf)
    if sides:
        cand.roles = Roles(sources=(ActorMention(0, 2, 0, 2, "x", Actor(country="ZMB", sector="COP")),))
    cand.dropped = dropped
    return cand


def test_revive_keeps_the_floored_act_of_highest_confidence(nlp):
    doc = nlp("Zambian police, who raided the offices on Monday and arrested the editor, said he had fled.")
    said = _cand(doc, "said", "010", dropped=None, conf=0.4)
    raided, arrested = _cand(doc, "raided", "170", conf=0.3), _cand(doc, "arrested", "173", conf=0.45)
    assert revive([raided, arrested], said) is arrested and arrested.dropped is None
    assert raided.dropped == FLOORED and any("an act told" in n for n in arrested.notes)


def test_what_is_not_revived(nlp):
    doc = nlp("Zambian police, who raided the offices on Monday, said the raid had ended.")
    said = _cand(doc, "said", "010", dropped=None, conf=0.4)
    floor = told_policy().floor
    for cand in (_cand(doc, "raided", "170", dropped="learned: no event here (p=0.95)"),  # the veto, not the floor
                 _cand(doc, "raided", "170", learned=0.6),  # the learned model's own event
                 _cand(doc, "raided", "170", sides=False),  # no party to it
                 _cand(doc, "raided", "170", modality="hypothetical"),
                 _cand(doc, "raided", "170", conf=floor - 0.01),
                 _cand(doc, "raided", "100"),  # a demand: a speech act, the statement's own reading
                 _cand(doc, "raid", "170")):  # an event noun names what is spoken of
        assert revive([cand], said) is None and cand.dropped is not None, (cand.trigger.text, cand.cameo)
    act = _cand(doc, "raided", "170")
    assert revive([act, _cand(doc, "ended", "190", dropped=None)], said) is None  # another event is asserted
    for statement in (_cand(doc, "said", "120", dropped=None),  # the statement read as a refusal is its own event
                      _cand(doc, "said", "010", dropped=None, modality="negated")):
        assert revive([act], statement) is None
    quoted = _cand(doc, "said", "010", dropped=None)
    quoted.said = quoted.trigger  # a quotation's sentence: told by its speaker's words
    assert revive([act], quoted) is None
    assert revive([act], said) is act


def test_an_act_asked_about_is_not_told(nlp):
    doc = nlp("Zambian police said: who raided the offices on Monday?")
    said = _cand(doc, "said", "010", dropped=None, conf=0.4)
    assert revive([_cand(doc, "raided", "170")], said) is None
