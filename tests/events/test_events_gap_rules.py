"""Lexicon rules for acts the train writers code on words no rule fired on (session 29, lex29): the
gold triggers of the train writers (w24-w25 and dev held out) listed by lemma and code where no rule
fired, and a sense-constrained rule written for those coded alike by several writers. Each rule is
tested where it fires and on a look-alike of another sense where it must not. Sentences are our own."""
from __future__ import annotations

import pytest
from events_helpers import rules_fired


@pytest.mark.parametrize("text, word, rule", [
    ("The regional bloc gave the junta ten days to restore the elected president.", "gave", "give_deadline.v"),
    ("Angry protesters attacked the French embassy in the capital on Friday.", "attacked", "attack_crowd.v"),
    ("Demonstrators threw stones at the police station overnight.", "threw", "throw_stones.v"),
    ("The union called off the general strike after the talks.", "called", "call_off.protest"),
    ("Moldova suspended its participation in the arms treaty on Monday.", "suspended", "suspend_ties.v"),
    ("Kyiv froze all security coordination with the agency.", "froze", "suspend_ties.v"),
    ("Soldiers sealed off the northern district after the blast.", "sealed", "seal_off.v"),
    ("The president dissolved parliament and called early elections.", "dissolved", "dissolve.body"),
    ("The government shut down the internet as the protests spread.", "shut", "internet_cut.v"),
    ("Security forces fired on the marchers in the main square.", "fired", "fire_on_crowd.v"),
    ("Riot police cleared the protesters from the square before dawn.", "cleared", "clear_protest.v"),
    ("The king telephoned the president to offer his condolences.", "telephoned", "telephone.v"),
    ("The rebels looted shops after taking the town.", "taking", "take_place.v"),
    ("The country withdrew from the arms control treaty on Friday.", "withdrew", "withdraw_from_pact.v"),
    ("The prime minister announced his resignation on Monday.", "resignation", "resignation.n"),
])
def test_gap_rules_fire(nlp, resources, text, word, rule):
    assert rule in rules_fired(nlp, resources, text, word), text


@pytest.mark.parametrize("text, word, rule", [
    ("The coach gave his players two days off after the final.", "gave", "give_deadline.v"),  # no deadline object
    ("The opposition attacked the government's budget in parliament.", "attacked", "attack_crowd.v"),  # no crowd
    ("The striker threw the ball into the net.", "threw", "throw_stones.v"),
    ("Fans threw flares onto the pitch.", "threw", "throw_stones.v"),
    ("The minister called off his visit to Paris.", "called", "call_off.protest"),  # a visit, not dissent
    ("The bank suspended trading in the shares.", "suspended", "suspend_ties.v"),
    ("The two leaders sealed a deal on gas.", "sealed", "seal_off.v"),  # no "off": an agreement
    ("The sugar dissolved in the water.", "dissolved", "dissolve.body"),
    ("Workers cut the ribbon at the new internet centre.", "cut", "internet_cut.v"),
    ("The sniper fired on the soldiers from a rooftop.", "fired", "fire_on_crowd.v"),  # armed men: not repression
    ("The army cleared the way for the convoy.", "cleared", "clear_protest.v"),
    ("The villagers phoned for an ambulance.", "phoned", "telephone.v"),
    ("The delegation took the train to the capital.", "took", "take_place.v"),
    ("Protesters took the streets of the capital.", "took", "take_place.v"),
    ("The country withdrew from the race for the games.", "withdrew", "withdraw_from_pact.v"),
    ("The opposition demanded his resignation.", "resignation", "resignation.n"),
    ("The president criticised the US for withdrawing from the nuclear deal.", "withdrawing", "withdraw_from_pact.v"),
])
def test_gap_rules_keep_their_sense(nlp, resources, text, word, rule):
    assert rule not in rules_fired(nlp, resources, text, word), text


def test_soldiers_opening_fire_on_a_crowd_is_repression(nlp, resources):
    """The noun of "opened fire on the crowd" (``fire_on_crowd.n``): repression (175), not a clash."""
    assert "fire_on_crowd.n" in rules_fired(nlp, resources, "Troops opened fire on a crowd of mourners.", "fire")
