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
