"""An act named as what a verbal act of dispute is about ranks below that act (``events/ranked.py``):
the dispute leads the sentence, the disputed act stays an event of its own. What a statement
reports as fact, a relative clause's act and a nominal object are left alone. Sentences of our own."""
from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.evaluate import top_event
from detente.events import ranked


def _asserted(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger and m.modality == "asserted"]


@pytest.mark.parametrize("text, governor, nested", [
    ("The two governments have clashed over the arrest of a journalist by the border police.", "clashed", "arrest"),
    ("The foreign ministry criticised Russia on Monday for shelling the port of Odesa.", "criticised", "shelling"),
])
def test_the_dispute_leads_and_the_disputed_act_is_kept(code_default, text, governor, nested):
    mentions = code_default(text)
    top = top_event(mentions)
    assert top is not None and top.trigger == governor and top.cameo[:2] == "11", text
    [inner] = _asserted(mentions, nested)
    assert inner.confidence < top.confidence


def test_a_reported_act_stated_as_fact_is_still_the_event(code_default):
    """CAMEO's convention: "officials said the town was shelled" is the shelling."""
    top = top_event(code_default("Ukrainian officials said the town of Kupiansk was shelled by Russian forces on Sunday."))
    assert top is not None and top.trigger == "shelled" and top.cameo[:2] == "19"


@pytest.mark.parametrize("text, word, governor", [
    ("The two governments have clashed over the arrest of a journalist.", "arrest", "clashed"),
    ("The minister complained about the expulsion of the envoy.", "expulsion", "complained"),
    ("The army was criticised for shelling the port.", "shelling", "criticised"),
    ("Rebels who attacked the base killed twenty soldiers.", "attacked", None),  # a relative clause
    ("The president condemned the attack on the embassy.", "attack", None),  # a nominal object
    ("Troops were killed in an air strike near the border.", "strike", None),  # "in": no preposition of topic
])
def test_topic_governor(nlp, text, word, governor):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    found = ranked.topic_governor(tok, ranked.load_policy())
    if governor is None:
        assert found is None
    else:
        assert found is not None and found.text == governor


def test_policy_is_read_and_checked(monkeypatch):
    policy = ranked.load_policy()
    assert "11" in policy.governor_roots and "over" in policy.topic_preps and 0 < policy.margin < 1
    ranked.load_policy.cache_clear()
    monkeypatch.setattr(ranked, "POLICY_FILE", "data/no_such_ranking.yaml")
    try:
        with pytest.raises(DataFileError):
            ranked.load_policy()
    finally:
        monkeypatch.undo()
        ranked.load_policy.cache_clear()
