"""Criticism and rejection of a thing are aimed at whom the thing is by (``events/sides.py`` step
``author``, roots ``author`` in ``policy.yaml``, words ``naming_preps`` and ``leading_participles`` in
``words/events.yaml``): the ``by`` phrase of what the act names its object as, the agent of a
participle on the object, the doer of the clause a relative clause's antecedent is the object of."""
from __future__ import annotations


def _one(mentions, trigger):
    found = [m for m in mentions if m.trigger == trigger]
    assert found, [(m.cameo, m.trigger) for m in mentions]
    return found


def test_the_by_phrase_of_what_a_criticism_calls_its_object(code_default):
    for text, trigger, country in (
            ("Belgrade called the footage a crude forgery by Pristina.", "called", "XKX"),
            ("The Ecuadorian president described the vote as a coup by the Colombian army.", "described", "COL"),
            ("Tehran dismissed the video as a fabrication staged by Israel.", "dismissed", "ISR")):
        [m, *_] = _one(code_default(text), trigger)
        assert m.target is not None and m.target.actor.country == country, (text, m.target)


def test_the_agent_of_a_participle_on_what_is_rejected(code_default):
    [m, *_] = _one(code_default("Bolivia turned down the aid package offered by Chile."), "turned")
    assert m.target is not None and m.target.actor.country == "CHL"


def test_a_leader_of_a_group_is_not_its_author(code_default):
    ms = code_default("Myanmar blocked a monitoring mission led by a Japanese diplomat from entering Rakhine.")
    assert all(m.target is None or m.target.actor.country != "JPN" for m in ms if m.trigger == "blocked")


def test_a_relative_clause_on_a_thing_reacts_to_its_doer(code_default):
    for text, trigger, country in (
            ("Pakistan began naval exercises in the Arabian Sea, which India condemned as a provocation.",
             "condemned", {"PAK"}),
            ("The Serbian president proposed a new border plan, which Pristina rejected.", "rejected", {"SRB"})):
        ms = _one(code_default(text), trigger)
        assert {m.target.actor.country for m in ms if m.target is not None} & country, (text, ms)


def test_a_thing_the_critic_itself_did_is_no_author(code_default):
    # the relative clause's antecedent is the critic's own object: no target from it
    ms = code_default("Hungary vetoed the sanctions package, which Budapest defended as necessary.")
    assert all(m.target is None or m.target.actor.country != "HUN" for m in ms if m.trigger == "defended")
