"""A strike, raid or bombing named by a noun with no target of its own has as target whom it killed,
wounded or hit (``events/sides.py`` step ``victims``, roots ``victim`` in ``policy.yaml``, verbs
``harm_verbs`` in ``words/events.yaml``)."""
from __future__ import annotations

from events_helpers import find


def _strike(mentions):
    # a bombing that wounded is coded once, 183, on the verb of effect (``kill.explosive``) or the noun
    [m] = [m for m in find(mentions, "1") if m.trigger in ("airstrike", "airstrikes", "bombing", "wounded")]
    return m


def test_whom_a_strike_killed_is_its_target(code_default):
    for text, victim in (
            ("Rescuers said 46 civilians were killed by an American airstrike on a mosque near the village.", "civilians"),
            ("Eleven Yemeni fishermen were killed in a Saudi airstrike on Tuesday.", "fishermen"),
            ("Yemen condemned a Saudi airstrike that killed eleven fishermen near Hodeidah.", "fishermen"),
            ("The bombing wounded two Kenyan soldiers on Monday.", "soldiers")):
        m = _strike(code_default(text))
        assert m.target is not None and victim in m.target.text, text


def test_a_strike_with_its_own_target_keeps_it(code_default):
    m = _strike(code_default("A Saudi airstrike on a Yemeni army base killed 11 soldiers on Tuesday."))
    assert m.target is not None and "base" in m.target.text


def test_what_a_strike_did_not_harm_is_no_victim(code_default):
    # "drew condemnation from X": X is no victim of the strike
    m = _strike(code_default("The Saudi airstrike drew condemnation from Oman on Tuesday."))
    assert m.target is None or m.target.actor.country != "OMN"


def test_a_victim_named_through_a_relative_or_a_raising_verb(code_default):
    for text, victim in (
            ("She married a Somali militant, who was killed a short time later in a Kenyan airstrike.", "militant"),
            ("The rebel commander was later reported to have been killed in Nigerian airstrikes.", "commander")):
        m = _strike(code_default(text))
        assert m.target is not None and victim in m.target.text, text


def test_a_strikes_target_hung_on_its_agent(code_default):
    # "airstrikes by X on Y": the parser may hang "on Y" on X; Y is still what was struck (lexicon prep:by/prep:on)
    ms = [m for m in code_default("Airstrikes by Kyrgyz forces on Uzbek army targets killed ten people.")
          if m.trigger == "Airstrikes"]
    assert ms and all(m.target is not None and m.target.actor.country == "UZB" for m in ms)
