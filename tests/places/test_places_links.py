"""Event location through an act's agent, its purpose, its doer's apposition and a place's
inhabitants (session 8 rules)."""
from __future__ import annotations

from places_helpers import where


_where = where


def test_the_agent_of_a_passive_act_of_force_places_it(code):
    events = code("Dozens of soldiers were killed by a rebel ambush in Daraa on Monday.")
    assert _where(events["killed"])[1] == "SYR" and _where(events["killed"])[2] == "city"
    assert _where(events["killed"])[3] == "clause"


def test_an_act_of_force_as_the_agent_is_where_its_passive_subject_is(code):
    events = code("Hundreds of families in Aleppo province have been displaced by Syrian airstrikes.")
    assert _where(events["airstrikes"])[:2] == ("Aleppo", "SYR")


def test_an_agent_that_is_a_doer_gives_no_place_of_its_own(code):
    # "by Turkey" names the doer, not an act with a place
    events = code("The convoy was attacked by Turkey on Monday.")
    assert all(e.location is None for e in events.values())


def test_an_act_of_force_is_where_its_purpose_would_take_or_clear(code):
    events = code("The army launched a campaign against the rebels in March to clear them from Aleppo.")
    assert _where(events["campaign"])[:2] == ("Aleppo", "SYR")
    events = code("The rebels launched an offensive against the army to retake the city of Raqqa.")
    assert _where(events["offensive"])[1] == "SYR" and "Raqq" in _where(events["offensive"])[0]


def test_a_purpose_with_its_own_subject_or_no_capture_gives_nothing(code):
    events = code("Turkey launched an offensive against the YPG in January to show its resolve to Washington.")
    assert events["offensive"].location is None


def test_the_doers_apposition_places_what_the_doer_does(code):
    events = code("Ahmed Karim, the SDF commander in Raqqa, accused Isis of hiding among civilians.")
    assert _where(events["accused"])[1:3] == ("SYR", "city") and "Raqq" in _where(events["accused"])[0]


def test_the_inhabitants_of_a_city_are_there(code):
    assert _where(code("Russian jets launched an attack on the residents of Idlib.")["attack"])[:2] == ("Idlib", "SYR")
    assert _where(code("The people of Aleppo protested against the regime.")["protested"])[:2] == ("Aleppo", "SYR")
    # a country's people may be anywhere
    assert code("Russian jets launched an attack on the people of Britain.")["attack"].location is None


def test_an_airbase_is_a_place_word(code):
    events = code("Israel fired missiles on Syria's Mezzeh airbase in May.")
    assert _where(events["fired"])[:2] == ("Syria", "SYR")


def test_the_conjunct_of_a_target_shares_its_place(code):
    events = code("Turkish jets killed 30 fighters and 12 militiamen in Iraq on Monday.")
    assert _where(events["killed"])[:2] == ("Iraq", "IRQ")


def test_what_an_investigation_looks_into_is_not_where_it_is(code):
    assert code("The commission is investigating war crimes in Syria.")["investigating"].location is None
    # the investigators' own place still counts
    assert _where(code("Police in Manchester investigated the attack on Monday.")["investigated"])[:2] == \
        ("Manchester", "GBR")


def test_a_place_that_is_the_scene_of_an_act_is_where_it_happened(code):
    events = code("Aleppo had been a focal point of clashes between the rebels and the army.")
    assert events["clashes"].location is not None and events["clashes"].location.name == "Aleppo"


def test_an_act_in_a_clause_of_time_on_what_a_place_saw_is_there(code):
    events = code("Idlib has seen an increase in bloodshed as Russian jets have bombed rebel positions.")
    assert events["bombed"].location is not None and events["bombed"].location.name == "Idlib"


def test_a_clause_of_time_on_another_verb_is_not_placed_by_its_subject(code):
    events = code("Erdogan spoke in Ankara as Russian jets bombed rebel positions.")
    assert events["bombed"].location is None or events["bombed"].location.name != "Ankara"
