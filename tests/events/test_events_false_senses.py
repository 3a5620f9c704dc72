"""Senses the train writers do not code as events (session 31, false31): "ignore" is a rejection only
of something put to the doer to obey or take up (a deadline, an order, a ruling, calls, an offer);
"relocate" is no expulsion; the noun "abuse(s)" is no act of torture; "concede" is no yield; and
"minded to" / "inclined to" announce an intention, not an act. Sentences are our own."""
from __future__ import annotations

import pytest
from events_helpers import rules_fired


@pytest.mark.parametrize("text", [
    "The junta ignored a deadline from the regional bloc to hand back power.",
    "The ministry ignored a court order to reopen the newspaper.",
    "The governor has ignored the ruling for a month.",
    "The rebels ignored calls from the bishops to lay down their arms.",
])
def test_ignoring_what_one_was_told_to_obey_is_a_rejection(nlp, resources, text):
    assert "ignore.order" in rules_fired(nlp, resources, text, "ignored"), text


@pytest.mark.parametrize("text", [
    "The cabinet ignored diplomatic efforts to end the war in the south.",
    "Residents said the council had ignored warnings about the dam.",
    "The report ignored the progress made on schools.",
    "The government ignored opposition motions all year.",
])
def test_ignoring_a_description_or_an_effort_fires_no_rejection(nlp, resources, text):
    fired = rules_fired(nlp, resources, text, "ignored")
    assert not {"ignore.order", "reject.v"} & set(fired), (text, fired)


def test_relocated_fighters_are_not_expelled(nlp, resources):
    fired = rules_fired(nlp, resources, "The militia relocated two hundred fighters from the valley to the coast.", "relocated")
    assert "expel.v" not in fired, fired


def test_expelled_diplomats_still_are(nlp, resources):
    assert "expel.v" in rules_fired(nlp, resources, "The government expelled two diplomats on Monday.", "expelled")


def test_abuses_named_in_a_concern_are_no_torture(nlp, resources):
    fired = rules_fired(nlp, resources, "The union is worried about the regime's abuses of human rights.", "abuses")
    assert "torture.n" not in fired, fired


def test_torture_of_detainees_still_is(nlp, resources):
    fired = rules_fired(nlp, resources, "The torture of detainees by the guards went on for months.", "torture")
    assert "torture.n" in fired, fired


def test_conceding_a_point_is_no_yield(nlp, resources):
    fired = rules_fired(nlp, resources, "As the envoy conceded in a speech last year, the plan had failed.", "conceded")
    assert "yield.v" not in fired, fired


def test_conceding_to_demands_is_still_a_yield(nlp, resources):
    fired = rules_fired(nlp, resources, "The government conceded to the strikers' demands on Friday.", "conceded")
    assert "yield.to_demands" in fired, fired


def test_minded_to_is_an_intention_not_an_act(code):
    mentions = code("Kazakhstan is minded to expel the Mongolian ambassador.")
    assert not [m for m in mentions if m.cameo[:2] == "17" and m.modality == "asserted"], mentions


@pytest.mark.parametrize("text, word", [
    ("The regime hoped the reform would appeal to young voters.", "appeal"),
    ("The defendant pleaded not guilty to the charges.", "pleaded"),
    ("The club said it would appeal to the federation.", "appeal"),
])
def test_an_appeal_that_asks_for_nothing_is_no_appeal(nlp, resources, text, word):
    fired = rules_fired(nlp, resources, text, word)
    assert not {"appeal.v", "plead.v", "ask.for"} & set(fired), (text, fired)


@pytest.mark.parametrize("text, word, rule", [
    ("The governor appealed to the army to protect the refugees.", "appealed", "appeal.v"),
    ("The envoy pleaded with both sides to stop the shelling.", "pleaded", "plead.v"),
    ("The mayor appealed to the capital for more police.", "appealed", "ask.for"),
    ("The prisoner begged the consul for help.", "begged", "ask.for"),
])
def test_an_appeal_for_something_is_still_one(nlp, resources, text, word, rule):
    assert rule in rules_fired(nlp, resources, text, word), text


@pytest.mark.parametrize("text, word", [
    ("The army declared victory over the rebels in the north.", "declared"),
    ("Both parties claimed victory in the election.", "claimed"),
])
def test_declaring_victory_is_a_statement(nlp, resources, text, word):
    assert "declare.victory" in rules_fired(nlp, resources, text, word), text


def test_declared_victory_is_coded_as_a_statement_not_a_fight(code):
    mentions = code("Kazakh troops declared victory over the rebels in the north.")
    assert mentions and all(m.cameo[:2] != "19" for m in mentions), mentions
    assert any(m.cameo == "010" for m in mentions), mentions
