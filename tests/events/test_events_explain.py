"""explain(): the parse, the actors, every rule tried and why it fired or not, the decisions."""
from __future__ import annotations

import json

import pytest

from detente.events.explain import explain


@pytest.fixture(scope="module")
def result(resources, nlp):
    return explain("Kazakhstan threatened to impose sanctions on Kyrgyzstan.", resources, nlp, date="2022-02-01")


def test_parse_and_actors(result):
    assert [t.text for t in result.tokens][:2] == ["Kazakhstan", "threatened"]
    assert {a.actor.country for a in result.actors} >= {"KAZ", "KGZ"}


def test_rules_tried_with_reasons(result):
    outcomes = {(t.token, t.rule): t.outcome for t in result.trials}
    assert outcomes[("threatened", "threaten.v")] == "fired"
    assert "preposition" in outcomes[("threatened", "threaten.force")]


def test_decisions_show_carried_events(result):
    rows = {c.rule: c for c in result.candidates}
    assert rows["threaten.v"].cameo == "1312"
    assert rows["impose_sanctions.v"].dropped.startswith("carried by")
    assert any("threaten of 'impose'" in n for n in rows["threaten.v"].notes)


def test_events_and_json(result):
    assert [e.cameo for e in result.events] == ["1312"]
    data = json.loads(json.dumps(result.to_dict()))
    assert data["events"][0]["source"]["country"] == "KAZ"
    assert data["trials"] and data["candidates"]


def test_the_events_shown_are_the_given_stages(resources, nlp):
    # given the orchestrator's stages (the CLI passes Pipeline.code_doc), explain shows what they
    # make of the text, not the events stage's own mentions
    from detente.model import CodedArticle

    seen = []

    def stages(doc, article):
        seen.append(doc.text)
        return CodedArticle(article=article)

    out = explain("Kazakhstan threatened to impose sanctions on Kyrgyzstan.", resources, nlp, stages=stages)
    assert seen == ["Kazakhstan threatened to impose sanctions on Kyrgyzstan."] and out.events == []
    assert [c.rule for c in out.candidates if c.dropped is None] == ["threaten.v"]
