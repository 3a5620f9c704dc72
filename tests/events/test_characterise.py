"""A characterisation is coded by what its predicate says (events/characterise.py): a criticism where
it condemns, praise where it commends, nothing where it only describes; and a statement that the
speaker's side is "going to" do something announces it (events/content.py). Sentences of our own."""
from __future__ import annotations

import pytest
from events_helpers import revised

from detente.events import characterise

# the rules of a characterisation are off (docs/evaluation.md, session 28 crit28): what they code is skipped
rules_off = pytest.mark.skipif(not characterise.enabled(), reason="characterisation rules not shipped (session 28)")


def _top(code, text: str):
    events = [e for e in code(text) if e.modality == "asserted"]
    return max(events, key=lambda e: e.confidence) if events else None


@pytest.mark.parametrize("text, word", [
    ("The Kazakh foreign minister described the Kyrgyz blockade as an act of aggression.", "described"),
    ("The Kazakh foreign minister referred to the Kyrgyz militias as bandits and enemies.", "referred"),
    ("The Kazakh president described the Kyrgyz commanders as mercenaries.", "described"),
    ("The Kazakh president called the Kyrgyz decision a provocation.", "called"),
    ("The Kazakh president described the Kyrgyz raid on the villages as a massacre.", "described"),  # a hostile act named
])
def test_a_characterisation_that_condemns_criticises_the_party(nlp, resources, text, word):
    cand = revised(nlp, resources, text, word, "010", step=characterise.recode)
    assert cand.cameo == "111" and cand.dropped is None
    assert [t.actor.country for t in cand.roles.targets] == ["KGZ"]


@pytest.mark.parametrize("text, word", [
    ("The Kazakh president described the Kyrgyz leader as a close friend.", "described"),
    ("The Kazakh president called the Kyrgyz mediation a great success.", "called"),
])
def test_a_characterisation_that_commends_praises_the_party(nlp, resources, text, word):
    cand = revised(nlp, resources, text, word, "111", step=characterise.recode)
    assert cand.cameo == "051"
    assert [t.actor.country for t in cand.roles.targets] == ["KGZ"]


@pytest.mark.parametrize("text, word, cameo", [
    ("The Kazakh president described the Kyrgyz envoy as a former general.", "described", "010"),  # describes
    ("The Kazakh president did not describe the Kyrgyz blockade as an aggression.", "describe", "010"),  # negated
    ("The Kyrgyz blockade was described as an aggression.", "described", "010"),  # a passive, no speaker
    ("The Kazakh president criticised the Kyrgyz envoy as a former general.", "criticised", "111"),  # no naming verb
])
def test_a_description_a_negated_or_passive_one_or_another_verb_is_left_as_it_is(nlp, resources, text, word, cameo):
    cand = revised(nlp, resources, text, word, cameo, step=characterise.recode)
    assert cand.cameo == cameo and cand.dropped is None


@rules_off
def test_the_rules_description_without_a_verdict_is_a_comment(code):
    events = code("The Kazakh president described the Kyrgyz envoy as a former general.")
    assert [e.cameo for e in events if e.trigger == "described"] in ([], ["010"])


@rules_off
def test_the_rules_characterisation_is_the_speakers_criticism(code):
    top = _top(code, "The Kazakh foreign minister referred to the Kyrgyz militias as bandits and enemies.")
    assert top is not None and top.cameo == "111" and top.trigger == "referred"
    assert top.source.actor.country == "KAZ"


def test_a_characterisation_told_by_a_participle_of_saying_is_the_speakers(nlp, resources):
    text = "The Kazakh president said Kyrgyz troops had crossed the border, calling the raid a provocation."
    cand = revised(nlp, resources, text, "calling", "111", step=characterise.recode)
    assert cand.cameo == "111"
    assert [s.actor.country for s in cand.roles.sources] == ["KAZ"]


@pytest.mark.parametrize("text, word, cameo", [
    ("The Kazakh president said Kazakhstan was not going to allow Kyrgyz troops on its soil.", "said", "120"),
    ("\"We are not going to negotiate with the militias,\" the Kazakh president told reporters.", "told", "120"),
])
def test_what_the_speakers_side_is_going_to_do_is_announced(nlp, resources, text, word, cameo):
    assert revised(nlp, resources, text, word, "010").cameo == cameo


@pytest.mark.parametrize("text", [
    "The Kazakh president said it was going to be a difficult winter.",  # no act
    "The Kazakh president said Kyrgyzstan was going to close the border.",  # another party's act
    "The Kazakh president said he was going home.",  # no "to" act
    "The Kazakh president said Kazakhstan was going to keep watching the border.",  # only a refusal is read so
])
def test_going_to_of_no_act_of_the_speakers_side_announces_nothing(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text, cameo", [
    ("\"Our government will not attend the talks in Bishkek,\" the Kazakh president said.", "120"),
    ("\"Our army will reserve its right to respond,\" the Kazakh president said.", "138"),
])
def test_our_side_in_a_quotation_is_the_speakers(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


def test_another_partys_forces_in_a_quotation_are_not_the_speakers(nlp, resources):
    text = "\"The Kyrgyz forces will not leave the valley,\" the Kazakh defence minister said."
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text, cameo", [
    ("The Kazakh foreign minister said the border town would not be returned to Kyrgyzstan.", "120"),
    ("The Kazakh government said Kazakhstan would not be bound by the ruling of the court.", "120"),
    ("The Kazakh foreign minister said the border town would be returned to Kyrgyzstan.", "010"),  # not withheld
    ("The Kazakh foreign minister said the herders would not be affected by the closure.", "010"),  # no withholding verb
    ("The Kazakh foreign minister said the town would not be returned by the Kyrgyz army.", "010"),  # another's act
])
def test_a_negated_passive_of_withholding_rejects(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


def test_a_hostile_act_names_no_verdict_on_what_names_no_party(nlp, resources):
    text = "The Kazakh ministry characterised its objective as the defeat of the militias."
    cand = revised(nlp, resources, text, "characterised", "111", step=characterise.recode)
    assert cand.cameo == "111" and cand.dropped is None  # a learned event left as it is: no rule's


@rules_off
def test_the_rules_characterisation_of_an_objective_as_a_defeat_is_no_criticism(code):
    events = code("The Kazakh ministry characterised its objective as the defeat of the militias.")
    assert [e.cameo for e in events if e.trigger == "characterised"] in ([], ["010"])


@rules_off
@pytest.mark.parametrize("text", [
    "Kyrgyz troops crossed into the valley on Friday in what Kazakhstan described as an act of aggression.",
    "The Kyrgyz herders held a vote that the Kazakh government called illegal.",
])
def test_the_rules_characterisation_in_a_relative_clause_is_background(code, text):
    assert not any(e.cameo == "111" and e.trigger in ("described", "called") for e in code(text))


def test_the_characterisation_is_off_in_the_coder(code):
    events = code("The Kazakh foreign minister referred to the Kyrgyz militias as bandits and enemies.")
    assert characterise.enabled() or not any(e.trigger == "referred" and e.cameo == "111" and e.rule.startswith("characterise")
                                            for e in events)
