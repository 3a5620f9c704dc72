"""Force used on a place its phrase says a party holds is used on that party (``holders.held_by``,
roots ``holder`` in ``policy.yaml``, participles ``holder_participles`` in ``words/actors.yaml``)."""
from __future__ import annotations

from events_helpers import find


def _target(mentions, root):
    [m] = find(mentions, root)
    return m.target.text if m.target is not None else None


def test_force_on_a_held_place_is_on_its_holder(code_default):
    for text in ("Iraqi forces advanced on Isis-held Mosul.",
                 "Iraqi forces advanced on Mosul, which is held by Isis.",
                 "Iraqi forces shelled the city of Mosul, which has been controlled by Isis since June."):
        assert _target(code_default(text), "19") == "Isis", text


def test_force_on_a_place_nobody_is_said_to_hold_stays_on_the_place(code_default):
    assert _target(code_default("Iraqi forces advanced on Mosul on Sunday."), "19") == "Mosul"


def test_a_place_held_by_a_party_outside_force_keeps_the_place(code_default):
    # aid to a held town is for the people there, not for its holder
    for m in find(code_default("Jordan sent aid to Isis-held Mosul on Sunday."), "07"):
        assert m.target is None or m.target.text != "Isis"


def test_a_boycott_of_a_sponsored_meeting_is_aimed_at_its_sponsor(code_default):
    [m] = find(code_default("The Syrian opposition boycotted the Russian-sponsored conference."), "14")
    assert m.target is not None and m.target.actor.country == "RUS"


def test_opposing_a_led_process_is_aimed_at_its_leader(code_default):
    # "-led" is read like "-sponsored" on a noun that names no actor; "the Russian-led bloc" stays the bloc
    [m] = find(code_default("Uzbekistan opposed the Russian-led process."), "12")
    assert m.target is not None and m.target.actor.country == "RUS"
    [m] = find(code_default("Mongolia criticised the Chinese-led blockade of the port."), "11")
    assert m.target is not None and m.target.actor.country == "CHN"
