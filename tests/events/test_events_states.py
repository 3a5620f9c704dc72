"""Standing relations told in passing are no event (events/states.py): nouns of support, and relation
verbs in a clause that describes a noun; expressing support, backing an act and armed backing of an
operation as it happens still are."""
from __future__ import annotations

from events_helpers import find


def test_a_noun_of_support_is_a_state(code):
    mentions = code("Kazakhstan's support for the Kyrgyz rebels has angered Mongolia.")
    assert not find(mentions, "05") and not find(mentions, "07")
    mentions = code("The rebels won the town with the backing of Kazakhstan.")
    assert not [m for m in mentions if m.trigger == "backing"]


def test_expressing_support_is_an_event(code):
    mentions = code("Kazakhstan expressed support for Mongolia on Monday.")
    assert [m for m in mentions if m.cameo.startswith("05") and m.modality == "asserted"]


def test_a_relation_verb_describing_a_noun_is_a_state(code):
    mentions = code("Kyrgyz troops backed by Kazakhstan entered the town.")
    assert not [m for m in mentions if m.trigger == "backed"]
    mentions = code("Mongolia criticised Kazakhstan, which has backed the Kyrgyz rebels.")
    assert not [m for m in mentions if m.trigger == "backed"]


def test_backing_an_act_or_with_forces_is_an_event(code):
    mentions = code("Mongolia praised a move backed by Kazakhstan.")
    assert [m for m in mentions if m.trigger == "backed"]
    mentions = code("Kyrgyz troops backed by Kazakh aircraft shelled the town.")
    assert [m for m in mentions if m.trigger == "backed"]


# participles of a lasting activity that describe a noun are no act (states._describing_activity)
def test_a_lasting_activity_describing_a_noun_is_no_act(code):
    mentions = code("Kyrgyz troops fighting beneath the flag of the Uzbek army will leave the zone.")
    assert not [m for m in mentions if m.trigger == "fighting"]
    mentions = code("Mongolia criticised the Kyrgyz militias occupying the valley.")
    assert not [m for m in mentions if m.trigger == "occupying"]


def test_a_past_participle_of_detention_is_still_an_act(code):
    mentions = code("Two Kyrgyz fishermen detained by the Uzbek army in March were sent home on Friday.")
    assert [m for m in mentions if m.trigger == "detained" and m.cameo.startswith("17")]


def test_the_act_itself_is_still_coded(code):
    mentions = code("Kyrgyz troops fought the Uzbek army near the border on Tuesday.")
    assert [m for m in mentions if m.trigger == "fought" and m.cameo.startswith("19")]
    mentions = code("Kyrgyz troops seized a town on Monday.")
    assert [m for m in mentions if m.trigger == "seized"]
