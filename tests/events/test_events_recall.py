"""Acts the coder missed on held-out writers' sentences (session 14, recall helper): each rule with
sentences written for it, and the neighbours it must leave alone."""
from __future__ import annotations

import pytest
from events_helpers import find


@pytest.mark.parametrize("text, target", [
    ("The Uzbek army placed the Kyrgyz president under house arrest on Monday.", "KGZ"),
    ("Mongolian officials have kept the Kazakh foreign minister under house arrest since May.", "KAZ"),
    ("The Kazakh foreign minister was placed under arrest at the airport.", "KAZ"),
])
def test_placed_under_arrest_is_an_arrest(code, text, target):
    ms = [m for m in code(text) if m.cameo == "173"]
    assert ms and ms[0].rule == "arrest.under"
    assert ms[0].target is not None and ms[0].target.actor.country == target


@pytest.mark.parametrize("text", [
    "The Kazakh president spent ten years under house arrest before the revolution.",
    "Kazakhstan placed its troops under UN command.",
])
def test_under_arrest_needs_a_verb_of_holding_and_arrest(code, text):
    assert not [m for m in code(text) if m.rule == "arrest.under"]


def test_expelled_diplomats_are_an_expulsion_not_broken_relations(code):
    """The writers' convention (training/README.md): expelling diplomats 174, recalling ambassadors 161."""
    assert find(code("Kazakhstan expelled Chinese diplomats on Friday."), "174")
    assert not find(code("Kazakhstan expelled Chinese diplomats on Friday."), "161")
    assert find(code("Kazakhstan recalled its ambassador from Mongolia."), "161")


@pytest.mark.parametrize("text, cameo, rule", [
    # a subject constraint read on the relative pronoun's antecedent
    ("Police in Astana fired tear gas at hundreds of protesters who had blocked the main road.", "144", "block.road"),
    ("Police in Astana dispersed thousands of demonstrators who marched on parliament on Friday.", "141", "demonstrate.v"),
    # an object constraint read on it
    ("Mongolian officials returned the fishing boat, which Kazakhstan had seized near the lake.", "1711", "seize.ship"),
])
def test_a_rule_reads_its_constraint_on_the_antecedent_of_a_relative_pronoun(code, text, cameo, rule):
    assert any(m.rule == rule and m.cameo == cameo for m in code(text))


def test_an_exclusion_is_read_on_the_antecedent_too(code):
    """"supporters, who burned shirts": the rioting rule's crowd, not the destruction of property."""
    text = "Kazakh fans, who burned replica shirts outside the stadium, were angry."
    assert not [m for m in code(text) if m.rule == "destroy.property"]


@pytest.mark.parametrize("text, cameo, rule", [
    ("Kazakhstan tested a new ballistic missile on Tuesday.", "150", "weapons_test.v"),
    ("China's missile tests near Mongolia alarmed Astana.", "150", "weapons_test.n"),
    ("Kazakhstan scrambled two fighter jets on Tuesday to meet the Chinese bombers.", "150", "scramble.jets"),
    ("A Kazakh court issued an arrest warrant for the Kyrgyz president on Monday.", "173", "warrant.n"),
    ("Kyrgyz troops surrounded the parliament building in Bishkek on Monday.", "191", "surround.forces"),
    ("Kazakh and Mongolian warships carried out their first joint patrol on the lake.", "062", "patrol.joint"),
    ("A Chinese destroyer sailed through the Kazakh strait on Wednesday.", "150", "warship_sails.v"),
    ("The Kyrgyz army repelled a rebel offensive on the border town.", "190", "repel.v"),
])
def test_acts_of_force_and_law_the_coder_missed(code, text, cameo, rule):
    assert any(m.rule == rule and m.cameo == cameo for m in code(text))


@pytest.mark.parametrize("text, rule", [
    ("The treaty bans nuclear tests in the atmosphere.", "weapons_test.n"),
    ("Kazakhstan agreed to a moratorium on missile tests.", "weapons_test.n"),
    ("Kazakh officials tested the patience of their Chinese partners.", "weapons_test.v"),
    ("Analysts scrambled to explain the Kazakh decision.", "scramble.jets"),
    ("The Kazakh president has, in a sense, signed a death warrant for the alliance.", "warrant.n"),
    ("Mongolia asked the court to issue an arrest warrant for the Kyrgyz president.", None),
    ("Thousands of protesters surrounded the parliament building in Bishkek.", "surround.forces"),
    ("Kazakh farmers fled the surrounding villages.", "surround.forces"),
    ("Kazakhstan and Mongolia agreed to hold joint patrols on the lake.", None),
    ("The tall ships will sail into the harbour on Saturday to open the festival.", "warship_sails.v"),
    ("The new coating repels water.", "repel.v"),
])
def test_their_neighbours_are_left_alone(code, text, rule):
    ms = code(text)
    if rule is None:  # fired, but nothing asserted: what is asked for or agreed has not happened
        assert not [m for m in ms if m.cameo in ("173", "062") and m.modality == "asserted"]
    else:
        assert not [m for m in ms if m.rule == rule]


def test_a_hyphenated_trigger_is_judged_where_the_model_learned_it(code_default):
    """"sit-in" is split by the tokenizer and its rule fires on "in", where the learned model, trained on
    triggers marked on "sit", reads no event: the model's answers are read on the first part."""
    ms = code_default("Teachers staged a sit-in outside the school on Thursday.")
    assert [m.cameo[:2] for m in ms if m.modality == "asserted"] == ["14"]
