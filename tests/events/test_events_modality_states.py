"""Modality of events told as states or possibilities rather than acts: an event noun completing a
noun of possibility or request ("the prospect of"), or of lack or prevention ("the absence of",
"a veto of"); habitual acts ("occasionally", "long", "for decades")."""
from __future__ import annotations

from events_helpers import find


def test_an_event_completing_a_noun_of_possibility_is_hypothetical(code):
    mentions = code("The prospect of a Kazakh attack on Kyrgyzstan has worried Mongolia.")
    assert find(mentions, "19") == [] or all(m.modality == "hypothetical" for m in find(mentions, "19"))
    mentions = code("Fears of a Kazakh offensive against Kyrgyzstan grew on Monday.")
    assert all(m.modality != "asserted" for m in find(mentions, "19"))


def test_an_event_completing_a_noun_of_lack_or_prevention_did_not_happen(code):
    mentions = code("In the absence of an agreement between Kazakhstan and Mongolia, trade has suffered.")
    assert all(m.modality == "negated" for m in find(mentions, "05"))
    mentions = code("The veto of a Kazakh investigation into the shelling angered Mongolia.")
    assert all(m.modality == "negated" for m in find(mentions, "09"))


def test_the_event_itself_is_not_made_unreal_by_its_own_complement(code):
    # the trigger is the head noun: "talks of the foreign ministers" are talks that happened
    [m] = find(code("Talks between Kazakhstan and Mongolia were held in Astana on Monday."), "04")
    assert m.modality == "asserted"


def test_a_habitual_act_is_no_particular_event(code):
    mentions = code("Kazakhstan, which has occasionally cooperated with Mongolia, attacked Kyrgyzstan on Tuesday.")
    assert all(m.modality != "asserted" for m in find(mentions, "06"))
    [m] = find(mentions, "19")
    assert m.modality == "asserted"
    mentions = code("Kazakhstan had long tolerated the Mongolian alliance with Kyrgyzstan.")
    assert all(m.modality != "asserted" for m in mentions)


def test_for_decades_is_habitual_but_for_two_days_is_not(code):
    mentions = code("Kazakhstan has supported Kyrgyzstan for decades.")
    assert all(m.modality != "asserted" for m in mentions)
    [m] = find(code("Kazakhstan shelled Kyrgyzstan for two days."), "19")
    assert m.modality == "asserted"


def test_years_with_their_own_modifiers_are_no_habit(code):
    # "for his years of service", "for years to come": no span the act has lasted
    [m] = find(code("Kazakhstan thanked Mongolia for its years of support."), "051")
    assert m.modality == "asserted"


def test_a_meeting_to_be_held_or_due_is_not_yet_held(code):
    mentions = code("A summit between Kazakhstan and Mongolia to be held in Astana on Friday was called a last chance.")
    assert all(m.modality != "asserted" or m.cameo.startswith("03") for m in find(mentions, "04"))
    mentions = code("Talks between Kazakhstan and Mongolia scheduled for next week were welcomed by the UN.")
    assert all(m.modality != "asserted" or m.cameo.startswith("03") for m in find(mentions, "04"))


def test_what_a_supposition_would_bring_about_is_hypothetical(code):
    mentions = code("The ruling could see Kazakhstan expel the Mongolian ambassador.")
    assert all(m.modality != "asserted" for m in find(mentions, "17"))


def test_advice_in_the_imperative_is_no_act(code):
    mentions = code("Advisers said push back and try to offer Kazakhstan aid.")
    assert all(m.modality != "asserted" for m in mentions if m.trigger in ("offer", "aid"))


def test_presumably_is_speculation(code):
    mentions = code("Presumably Kazakhstan will remain determined to attack Kyrgyzstan, the analyst said.")
    assert all(m.modality != "asserted" for m in mentions if m.cameo[:2] in ("03", "13", "19"))


def test_so_long_as_is_no_habit(code):
    mentions = code("Kazakhstan said it is willing to help Mongolia, so long as the talks go on.")
    assert [m for m in mentions if m.cameo.startswith("03") and m.modality == "asserted"]


def test_long_opening_a_text_is_read_safely(code):
    mentions = code("Long before the talks began, Kazakhstan had attacked Kyrgyzstan.")
    assert [m for m in find(mentions, "19") if m.modality == "asserted"]
