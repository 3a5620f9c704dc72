from __future__ import annotations

import json

import numpy as np
from spacy.tokens import DocBin

from training.corpus import Sentence, cameo_codes, parse_line
from training.neural import at_false_rate, measure, token_labels, write_docbin
from training.parse import nlp


def _sentence(text: str, events: list[dict]) -> Sentence:
    return parse_line(json.dumps({"id": "w99-001-001", "text": text, "published": "2020-01-01",
                                  "style": "wire", "events": events}), cameo_codes(), "w99")


OFFER = {"trigger": "offered", "cameo": "033", "modality": "hypothetical", "time": "current",
         "source": "Mexico", "source_country": "MEX", "source_sector": None, "target": "him",
         "target_country": None, "target_sector": None, "intended_cameo": None}
TEXT = "The president resigned on Sunday after weeks of protests, and Mexico may have offered him asylum."


def test_a_trigger_gets_its_root_other_words_of_its_event_no_label_the_rest_none():
    doc = nlp()(TEXT)
    labels = {tok.text: lab for tok, lab in zip(doc, token_labels(_sentence(TEXT, [OFFER]), doc))}
    assert labels["offered"] == "03"  # not asserted, still its root (as the root model's rows)
    assert labels["asylum"] is None  # another word of the annotated event: no loss either way
    assert labels["protests"] == "none"  # a rule fires, no event annotated
    assert labels["The"] == "none"  # not a candidate token: "none" too


def test_the_docbin_keeps_the_parse_words_and_leaves_unlabelled_tokens_without_a_tag(tmp_path):
    doc = nlp()(TEXT)
    assert write_docbin([(_sentence(TEXT, [OFFER]), doc)], tmp_path / "x.spacy") == 1
    (back,) = DocBin().from_disk(tmp_path / "x.spacy").get_docs(doc.vocab)
    assert [t.text for t in back] == [t.text for t in doc] and back.text == doc.text
    tags = {t.text: t.tag_ for t in back}
    assert tags["offered"] == "03" and tags["asylum"] == "" and tags["The"] == "none"


def test_measure_counts_root_accuracy_on_triggers_and_false_events_on_the_rest():
    classes = ["01", "04", "none"]
    probs = np.array([[0.1, 0.7, 0.2],   # trigger 04: right, sure
                      [0.3, 0.2, 0.5],   # trigger 04: wrong best root
                      [0.5, 0.1, 0.4],   # not a trigger, called 01 at 0.5
                      [0.1, 0.1, 0.8]])  # not a trigger, unsure
    gold = ["04", "04", "none", "none"]
    out = measure(classes, probs, gold)
    assert out["triggers"] == 2 and out["root_acc"] == 0.5
    assert out["right@0.45"] == 0.5 and out["false@0.45"] == 0.5 and out["false@0.6"] == 0.0
    assert at_false_rate(classes, probs, gold, 0.0)["right"] == 0.0


def test_the_linear_model_without_rules_drops_every_feature_the_lexicon_gives():
    from detente.events.features import rule_features

    from training.neural import RULE_FEATURES

    feats = rule_features([("visit.v#1", "042")], 2) + rule_features([], 1)
    assert feats and all(f.startswith(RULE_FEATURES) for f in feats)
