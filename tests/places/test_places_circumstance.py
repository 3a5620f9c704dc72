"""Session 11: where a doer was (a speaker's "from", a visit it acted on), what a statement's
condition speaks of, and what an intelligence service says at home."""
from __future__ import annotations

from functools import partial

import pytest
from places_helpers import SHORT, where


_where = partial(where, fields=SHORT)


@pytest.fixture(scope="module")
def parse():
    from detente.pipeline import Pipeline
    from detente.settings import Settings
    return Pipeline(Settings(coder="rules")).nlp


def test_a_speakers_from_says_where_the_speaker_is(code):
    assert _where(code("Her father, speaking from Dhaka, criticised the British government on Monday.")
                  ["criticised"])[:2] == ("Dhaka", "BGD")
    assert _where(code("The Iraqi foreign minister, speaking from Baghdad, condemned Turkey on Monday.")
                  ["condemned"])[:2] == ("Baghdad", "IRQ")


def test_from_on_another_participle_is_no_place_of_the_speaker(code):
    for event in code("Her father, returning from Dhaka, criticised the British government on Monday.").values():
        assert event.location is None or event.location.name != "Dhaka"


def test_an_act_done_during_a_visit_is_where_the_visit_went(code):
    assert _where(code("The US defence secretary criticised Turkey during a trip to Athens on Monday.")
                  ["criticised"])[:2] == ("Athens", "GRC")


def test_what_an_intelligence_chief_says_is_said_at_home(code):
    assert _where(code("The head of MI6 condemned Russia on Monday.")["condemned"]) == \
        ("United Kingdom", "GBR", "actors")


def test_spies_in_the_plural_do_not_speak_at_home(code):
    for event in code("British spies condemned Russia on Monday.").values():
        assert event.location is None or event.location.basis != "actors"


def test_a_statements_condition_is_what_it_speaks_of(parse):
    from detente.places.fallback import _spoken_of
    doc = parse("Russian officials have warned of the dangers of a clash if Donald Trump orders a strike in Syria.")
    warned = next(t for t in doc if t.text == "warned")
    syria = next(t for t in doc if t.text == "Syria")
    assert _spoken_of(warned, syria)
    doc = parse("Speaking in Paris, the Russian foreign minister condemned the strikes.")
    condemned = next(t for t in doc if t.text == "condemned")
    assert not _spoken_of(condemned, next(t for t in doc if t.text == "Paris"))


def test_a_participle_of_performing_the_act_places_its_noun(code):
    offensive = code("The Turkish offensive against the Kurds, launched on Sunday in Afrin, has killed dozens.")["offensive"]
    assert offensive.location is not None and offensive.location.country == "SYR" and offensive.location.kind == "city"
    threats = code("Erdogan's threats against the Kurds, made during a visit to Paris, angered Damascus.")["threats"]
    assert threats.location is not None and threats.location.name == "Paris"


def test_a_participle_of_reacting_to_the_act_does_not_place_it(code):
    events = code("The Turkish offensive against the Kurds, condemned in Paris on Sunday, has killed dozens.")
    assert events["offensive"].location is None or events["offensive"].location.country != "FRA"



def test_a_speech_acts_audience_says_where_it_was_said(code):
    # (session 19) who it was told to, where they were: not what it speaks of
    assert _where(code("The US president told reporters in Chicago that Iran would pay a heavy price.")
                  ["told"])[:2] == ("Chicago", "USA")
    # the Oval Office is in Washington (places.yaml aliases)
    assert _where(code("The US president told journalists in the Oval Office that Iran would pay a heavy price.")
                  ["told"])[:2] == ("Washington", "USA")


def test_a_speech_made_just_before_or_after_a_meeting_is_made_where_it_is_held(code):
    assert _where(code("The US secretary of state criticised Iran ahead of a meeting in Paris with the French "
                       "foreign minister.")["criticised"])[:2] == ("Paris", "FRA")
    assert _where(code("The Iranian foreign minister condemned Israel after a meeting in Damascus.")
                  ["condemned"])[:2] == ("Damascus", "SYR")
    # not after an act other than a meeting: it was not said where the attack was
    assert _where(code("The Iranian foreign minister condemned Israel after an attack in Damascus.")
                  ["condemned"])[:2] == ("Iran", "IRN")


def test_a_participle_of_performing_a_speech_places_it(code):
    assert _where(code("In a speech delivered in Amman, the US secretary of state criticised Iran.")
                  ["criticised"])[:2] == ("Amman", "JOR")
