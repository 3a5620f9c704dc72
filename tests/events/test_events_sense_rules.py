"""Senses of one lemma that the train writers code alike in one syntactic frame (session 30, sense30):
over the train writers (w24-w25 and dev held out), each gold event whose trigger the rules also code was
tabulated by (lemma, frame), gold root against the rules' root, and the cells where the rules' root
disagreed with the writers' in at least 5 rows and 70% of them were given a rule keyed on that frame.
Each rule is tested where it leads and on a look-alike of another sense. Sentences are our own."""
from __future__ import annotations

import pytest

from detente.events.matcher import matches_for


def _matches(nlp, resources, text: str, word: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return matches_for(tok, resources.lexicon)[0]


def _fired(nlp, resources, text: str, word: str) -> list[str]:
    return [m.rule.id for m in _matches(nlp, resources, text, word)]


@pytest.mark.parametrize("text, word, rule", [
    ("The ministry accused the militia of shelling the port, a charge the militia denied.", "denied", "deny.v"),
    ("The embassy denied that its staff had met the rebels.", "denied", "deny.v"),
    ("The agency reported a secret test, a report the government dismissed as fiction.", "dismissed", "dismiss.claim"),
    ("A court in the capital convicted the former mayor of bribery on Tuesday.", "convicted", "convict.plain"),
    ("Two activists were sentenced to three years in prison on Friday.", "sentenced", "convict.plain"),
    ("Prosecutors charged three officials with fraud over the port contract.", "charged", "charge.legal"),
    ("Riot police beat and detained dozens of students near the university.", "beat", "beat.police"),
    ("The militia vowed revenge for the killing of its commander.", "vowed", "vow.revenge"),
    ("The government swore a harsh response to the ambush.", "swore", "vow.response"),
    ("Striking students occupied the ministry of education for a week.", "occupied", "occupy.protest"),
    ("Insurgents blew up a bridge on the main highway overnight.", "blew", "blow_up.property"),
    ("The two navies fought a brief exchange of fire near the islands.", "exchange", "exchange.fire"),
    ("The rebels freed two engineers in exchange for five prisoners.", "exchange", "exchange.release"),
    ("The two countries completed a prisoner exchange on the border.", "exchange", "exchange.prisoners"),
    ("The opposition insisted on a recount of the ballots.", "insisted", "insist.on"),
    ("Donors said they were reviewing their aid to the government.", "reviewing", "review.policy"),
])
def test_sense_rules_lead(nlp, resources, text, word, rule):
    """The rule fires, and the leading rule on the word gives its code (another rule of the same code may lead)."""
    fired = _matches(nlp, resources, text, word)
    ids = [m.rule.id for m in fired]
    assert rule in ids, (text, ids)
    assert fired[0].rule.cameo == next(m.rule.cameo for m in fired if m.rule.id == rule), (text, ids)


@pytest.mark.parametrize("text, word, rule", [
    ("The border guards denied the journalists entry.", "denied", "deny.v"),  # a request denied: deny.request leads
    ("The minister dismissed the army chief on Friday.", "dismissed", "dismiss.claim"),  # an official removed
    ("The junta held a referendum, a vote the opposition dismissed as a farce.", "dismissed", "dismiss.claim"),  # a vote
    ("The phone company charged customers with a new fee.", "charged", "charge.legal"),  # no person
    ("The home side beat the visitors in the final.", "beat", "beat.police"),  # no security force
    ("The president vowed support for the farmers.", "vowed", "vow.revenge"),  # a promise
    ("Troops occupied the hills above the town.", "occupied", "occupy.protest"),  # soldiers, not protesters
    ("The children blew up balloons for the party.", "blew", "blow_up.property"),
    ("The ministers held an exchange of views on trade.", "exchange", "exchange.fire"),  # a meeting
    ("The rebels offered a truce in exchange for aid.", "exchange", "exchange.release"),  # no person freed
    ("Reporters reviewed the film before its release.", "reviewed", "review.policy"),
])
def test_sense_rules_keep_off_lookalikes(nlp, resources, text, word, rule):
    fired = _fired(nlp, resources, text, word)
    assert not fired or fired[0] != rule, (text, fired)


@pytest.mark.parametrize("text, word, rule", [
    ("The spokesman denied that the army had shelled the village.", "denied", "reject.v"),  # a denial, not 120
    ("The ministry insisted that the drills were routine.", "insisted", "demand.v"),  # a claim, not a demand
    ("The court convicted the general of war crimes.", "convicted", "arrest.v"),  # a verdict, not an arrest
    ("The court sentenced the colonel to ten years in prison.", "sentenced", "arrest.v"),
])
def test_old_senses_no_longer_fire(nlp, resources, text, word, rule):
    assert rule not in _fired(nlp, resources, text, word), text


def test_dismissed_with_its_own_object_is_still_a_rejection(nlp, resources):
    fired = _fired(nlp, resources, "The cabinet dismissed the peace proposal as naive.", "dismissed")
    assert "dismiss.claim" not in fired and "reject.v" in fired
