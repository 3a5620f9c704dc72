"""training.augment: names masked in the coder's features; name-swapped copies of annotated sentences."""
from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from detente.events import features
from training.augment import masked_table, names_masked, swapped_sentence
from training.corpus import Ann, Sentence
from training.train import Examples, joined

# Maria Kowalski met envoys of Pelham in Tarvin, and Kowalski thanked them.
WORDS = ["Maria", "Kowalski", "met", "envoys", "of", "Pelham", "in", "Tarvin", ",", "and", "Kowalski",
         "thanked", "them", "."]
POS = ["PROPN", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB",
       "PRON", "PUNCT"]
ENTS = [(0, 2, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE"), (10, 11, "PERSON")]


def _doc() -> Doc:
    nlp = spacy.blank("en")
    spaces = [i + 1 < len(WORDS) and WORDS[i + 1] not in {",", "."} for i in range(len(WORDS))]
    doc = Doc(nlp.vocab, words=WORDS, spaces=spaces, pos=POS, lemmas=[w.lower() for w in WORDS])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ENTS]
    return doc


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _sentence(doc: Doc) -> Sentence:
    text = doc.text
    met = Ann(cameo="040", modality="asserted", time="current", trigger=_span(text, "met"),
              source=_span(text, "Maria Kowalski"), target=_span(text, "envoys of Pelham"))
    thanked = Ann(cameo="051", modality="asserted", time="current", trigger=_span(text, "thanked"),
                  source=(text.rindex("Kowalski"), text.rindex("Kowalski") + len("Kowalski")), target=None)
    return Sentence(id="w99-001-001", text=text, published="2020-01-01", style="wire", events=(met, thanked),
                    writer="w99")


def test_the_copy_swaps_the_names_and_its_spans_cover_the_same_words():
    doc = _doc()
    sent = _sentence(doc)
    for seed in range(20):
        new = swapped_sentence(sent, doc, random.Random(seed), 1)
        assert new.id == "w99-001-001~a1" and new.writer == "w99"
        assert "Kowalski" not in new.text and "Pelham" not in new.text and "Tarvin" not in new.text
        met, thanked = new.events
        assert new.text[slice(*met.trigger)] == "met" and new.text[slice(*thanked.trigger)] == "thanked"
        assert new.text[slice(*met.target)].startswith("envoys of ")
        assert met.cameo == "040" and thanked.cameo == "051"
        # the person named again by surname: the span is the new name, right before its verb
        assert new.text[slice(*thanked.source)] and new.text[thanked.source[1]:].startswith(" thanked them")
        assert new.text[:met.source[1]] + " met" == new.text[:met.trigger[1]]


def test_a_name_that_a_span_only_partly_covers_is_kept():
    doc = _doc()
    sent = _sentence(doc)
    start = sent.text.index("Kowalski")  # the source is the surname alone inside "Maria Kowalski"
    sent = Sentence(id=sent.id, text=sent.text, published=sent.published, style=sent.style, writer=sent.writer,
                    events=(Ann(cameo="040", modality="asserted", time="current", trigger=_span(sent.text, "met"),
                                source=(start, start + len("Kowalski")), target=None),))
    new = swapped_sentence(sent, doc, random.Random(0), 1)
    assert new.text.startswith("Maria Kowalski met") and "Pelham" not in new.text
    assert new.text[slice(*new.events[0].source)] == "Kowalski"


def test_a_sentence_naming_no_one_gets_no_copy():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Troops", "withdrew", "."], spaces=[True, False, False])
    sent = Sentence(id="w99-1", text=doc.text, published="2020-01-01", style="wire", writer="w99",
                    events=(Ann(cameo="0874", modality="asserted", time="current", trigger=(7, 15), source=None,
                                target=None),))
    assert swapped_sentence(sent, doc, random.Random(0), 1) is None


def test_proper_nouns_are_masked_by_entity_type_in_the_models_features_only():
    doc = _doc()
    met = doc[2]
    plain = features.token_features(met, doc[:])
    assert "n-1=kowalski" in plain and "sl=pelham" in plain
    with names_masked():
        masked = features.token_features(met, doc[:])
        assert features.doc_table(doc) is masked_table(doc)
    assert "n-1=<PERSON>" in masked and "sl=<GPE>" in masked and "sl=met" in masked
    assert not any("kowalski" in f or "pelham" in f for f in masked)
    assert features.doc_table(doc).lemma[1] == "kowalski"  # the parse's own table is untouched


def test_joined_examples_renumber_the_second_sets_triggers():
    a = Examples(feats=[["x"], ["y"]], dense=[None, None], label=["none", "040"], fired=[False, True],
                 writer=["w01", "w01"], trig=[1], modality=["asserted"], time=["current"], lemmas=["meet"])
    b = Examples(feats=[["z"]], dense=[None], label=["051"], fired=[True], writer=["w02"], trig=[0],
                 modality=["asserted"], time=["current"], lemmas=["thank"])
    both = joined(a, b)
    assert both.label == ["none", "040", "051"] and both.trig == [1, 2] and both.lemmas == ["meet", "thank"]
    assert a.trig == [1]  # the first set is not changed
