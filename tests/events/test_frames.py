"""The learned model's own events on light verbs need an object the lexicon codes (events/frames.py);
meeting a response is no meeting (the lexicon's meet.v)."""
from __future__ import annotations

import pytest
from events_helpers import token

from detente.events import frames
from detente.wordlists import word_set


@pytest.mark.parametrize("text, word", [
    ("The Mongolian singer gave birth to her second son in May.", "gave"),
    ("The Kazakh president said he would take a look at the Kyrgyz request.", "take"),
    ("The ruling has given a green light to the Uzbek army.", "given"),
    ("The decision handed a huge gift to the Kyrgyz rebels.", "handed"),
    ("Mongolia's exit would offer Kazakhstan a chance to grow.", "offer"),
])
def test_an_unframed_light_verb_is_no_event_of_the_model(nlp, resources, text, word):
    assert frames.unframed(token(nlp, text, word), resources.lexicon) is not None


@pytest.mark.parametrize("text, word", [
    ("Kazakhstan gave weapons to the Kyrgyz rebels.", "gave"),  # a thing the lexicon codes (arms)
    ("Mongolia provided humanitarian aid to Kyrgyzstan.", "provided"),
    ("The Kazakh president made a visit to Mongolia.", "made"),  # an event noun of a rule
    ("The Uzbek army took over the town on Monday.", "took"),  # a phrasal verb: its own sense
    ("Kazakhstan launched a website on Monday.", "launched"),  # no light verb: not this test's
    ("Mongolia gave in.", "gave"),  # no object
])
def test_a_framed_or_other_verb_is_left_to_the_coder(nlp, resources, text, word):
    assert frames.unframed(token(nlp, text, word), resources.lexicon) is None


def test_the_word_lists_are_data(resources):
    assert {"give", "take", "provide"} <= word_set("events", "light_verbs")
    framed = frames.framed_objects(resources.lexicon)
    assert {"aid", "weapon", "visit", "attack"} <= framed and "birth" not in framed and "look" not in framed


def test_a_birth_or_a_look_codes_no_event(code):
    assert not code("The Mongolian president's daughter gave birth to a second son last winter.")
    assert not [m for m in code("Kazakhstan will take a look at the Kyrgyz demand.") if m.trigger == "take"]


@pytest.mark.parametrize("text, word", [
    ("Kyrgyz rebels take Bishkek", "take"),  # a place taken
    ("Astana gave the Kyrgyz rebels 24 hours to lay down their arms.", "gave"),  # an ultimatum's span
    ("The Kyrgyz opposition will take to the streets if the vote is delayed.", "take"),  # no direct object
])
def test_a_name_a_span_of_time_or_no_direct_object_is_left_to_the_coder(nlp, resources, text, word):
    assert frames.unframed(token(nlp, text, word), resources.lexicon) is None


def test_a_party_aimed_at_is_a_frame(nlp, resources):
    from events_helpers import gazetteer_mentions

    doc = nlp("Mongolia gave the Kazakh government until Tuesday to withdraw its troops.")
    gave = next(t for t in doc if t.text == "gave")
    targets = [m for m in gazetteer_mentions(doc) if m.text == "the Kazakh government"]
    assert targets and frames.unframed(gave, resources.lexicon, targets) is None  # an ultimatum's party
    assert frames.unframed(gave, resources.lexicon) is not None  # without the party: nothing framed


def test_meeting_a_response_is_no_meeting(code):
    """"met a mixed response", "met with criticism": the object decides the sense of "meet"."""
    assert not [m for m in code("The Kazakh proposal has met a mixed response from Mongolian officials.") if m.trigger == "met"]
    mentions = code("The Kazakh plan met with criticism from Mongolia.")
    assert not [m for m in mentions if m.trigger == "met"]
    assert [m for m in code("The Kazakh president met with Mongolian officials on Monday.") if m.cameo.startswith("04")]
