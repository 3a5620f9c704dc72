"""The statement-content model's neutral rows (``training/speech.py``): verbs of saying whose
reported clause tells no event, the plain reports news is full of."""
from __future__ import annotations

from training.speech import plain_verbs

VERBS = frozenset({"say", "tell"})


def test_a_plain_report_is_a_neutral_verb_of_saying(nlp):
    doc = nlp("The ministry said the hearing would take place on Monday.")
    assert [v.text for v in plain_verbs(doc, set(), VERBS)] == ["said"]


def test_a_verb_of_saying_whose_clause_holds_a_gold_event_is_not(nlp):
    doc = nlp("The ministry said the rebels had shelled the village.")
    shelled = next(t.i for t in doc if t.text == "shelled")
    assert plain_verbs(doc, {shelled}, VERBS) == []


def test_no_statement_is_made_by_a_hedged_or_refused_verb_of_saying(nlp):
    assert plain_verbs(nlp("Nobody can say what the talks will bring."), set(), VERBS) == []
    assert plain_verbs(nlp("The police refused to say where the men were held."), set(), VERBS) == []
