"""Event location from the article's theatre of war, telephone calls, those met with, and relative
clauses of force (session 10 rules)."""
from __future__ import annotations

from places_helpers import where


_where = where


# -- telephone calls are made from home ---------------------------------------------------------
def test_a_leaders_telephone_call_is_placed_at_home(code):
    events = code("Emmanuel Macron spoke by phone to Vladimir Putin on Friday.")
    call = next(e for e in events.values() if e.mentions[0].cameo.startswith("041"))
    assert _where(call)[1:] == ("FRA", "country", "actors")


def test_a_call_said_to_be_made_abroad_is_not_placed_at_home(code):
    events = code("Speaking in Beijing on Friday, Emmanuel Macron telephoned Vladimir Putin.")
    call = next(e for e in events.values() if e.mentions[0].cameo.startswith("041"))
    assert call.location is None or call.location.country != "FRA"


# -- a meeting is where those met with are ------------------------------------------------------
def test_talks_with_people_in_a_city_are_held_there(code):
    events = code("Russia organised talks with Syrian opposition groups in Astana on Tuesday.")
    assert _where(events["talks"])[:2] == ("Astana", "KAZ")


def test_a_telephone_call_with_someone_in_a_city_is_not_placed_there(code):
    events = code("Emmanuel Macron spoke by phone to officials in Ankara on Friday.")
    call = next(e for e in events.values() if e.mentions[0].cameo.startswith("041"))
    assert call.location is None or call.location.name != "Ankara"


# -- a relative clause of force on a placed noun ------------------------------------------------
def test_a_relative_clause_of_force_is_where_its_noun_is(code):
    events = code("France blamed the regime for the chemical attack in Douma, which killed 40 people.")
    assert _where(events["killed"])[1:] == ("SYR", "city", "clause")


def test_a_country_that_does_the_act_in_a_relative_clause_does_not_place_it(code):
    events = code("Western officials criticised Russia, which bombed rebel positions for weeks.")
    assert events["bombed"].location is None or events["bombed"].location.basis != "clause"


# -- the article's theatre of war --------------------------------------------------------------
_FIGHTING = "Turkish jets bombed Kurdish positions in Afrin on Monday. Russian jets struck a market near Idlib on Tuesday. "


def test_an_unplaced_act_of_force_takes_the_articles_one_theatre(code):
    events = code(_FIGHTING + "Syria's Kurdish fighters, who had fought alongside American forces, now face Turkey.")
    assert _where(events["fought"])[1:] == ("SYR", "country", "article")


def test_no_theatre_for_an_act_whose_sentence_does_not_name_its_country(code):
    events = code(_FIGHTING + "Years ago, Kurdish fighters, who had fought alongside American forces, faced Turkey.")
    assert events["fought"].location is None


def test_no_theatre_for_an_act_whose_sentence_names_a_scene_elsewhere(code):
    events = code(_FIGHTING + "Syria's Kurdish fighters, who had fought alongside American forces, now face Turkey "
                  "in Diyarbakir.")
    assert events["fought"].location is None or events["fought"].location.basis != "article"


def test_no_theatre_for_an_act_against_another_countrys_state(code):
    # "an insurgency against the Turkish state" is fought in Turkey, whatever the article's theatre
    events = code(_FIGHTING + "Syria's Kurdish fighters have long fought the Turkish government.")
    assert events["fought"].location is None


def test_no_theatre_when_the_articles_fighting_is_in_two_countries(code):
    events = code("Turkish jets bombed Kurdish positions in Afrin on Monday. Russian jets struck a market near Mosul "
                  "on Tuesday. Syria's Kurdish fighters, who had fought alongside American forces, now face Turkey.")
    assert events["fought"].location is None


def test_the_theatre_places_no_aid_or_yielding(code):
    # taking in refugees from the theatre is done at home, not in it (theatre_roots: 14, 17-20 only)
    events = code(_FIGHTING + "Canada has accepted thousands of refugees from Syria.")
    assert events["accepted"].location is None or events["accepted"].location.basis != "article"


# -- smaller rules: the noun's own phrase, a place that saw an act, the sidelines of a meeting --
def test_the_phrase_right_after_a_noun_of_force_is_its_own(code):
    events = code("Dozens were displaced in the first days of Turkey's offensive against a Kurdish enclave in "
                  "northern Syria.")
    assert _where(events["offensive"])[1:] == ("SYR", "country", "clause")


def test_a_country_aimed_at_by_a_war_noun_is_no_place(code):
    # "the offensive against Syria" is aimed at a state, wherever it is fought
    events = code("Dozens were displaced in the first days of Turkey's offensive against Syria.")
    assert events["offensive"].location is None


def test_a_place_that_saw_an_act_is_its_scene(code):
    events = code("Idlib has seen heavy fighting this week.")
    assert _where(events["fighting"])[1:] == ("SYR", "city", "clause")


def test_a_meeting_on_the_sidelines_of_another_is_where_that_one_is(code):
    events = code("The Turkish defence minister met his US counterpart on the sidelines of the Munich conference.")
    assert _where(events["met"])[1:] == ("DEU", "city", "clause")


def test_a_party_named_by_its_seat_is_no_scene_that_keeps_the_theatre_away(code):
    events = code(_FIGHTING + "Syria's Kurdish fighters, who had fought alongside Washington's forces, now face Turkey.")
    assert _where(events["fought"])[1:] == ("SYR", "country", "article")


def test_a_place_word_leads_on_through_any_preposition_of_place(code):
    events = code("Two Danish journalists were shot on video in the rocky hills above Raqqa.")
    assert _where(events["shot"])[1:] == ("SYR", "city", "clause")
    events = code("Turkey has held the rebel leader on an island off Istanbul since 1999.")
    assert _where(events["held"])[1:] == ("TUR", "city", "clause")


def test_the_theatres_own_parties_act_in_it(code):
    # an act other than speech whose parties are all of the theatre's country
    events = code(_FIGHTING + "Syria's Kurdish militia signed a deal with the Syrian army.")
    assert _where(events["signed"])[1:] == ("SYR", "country", "article")


def test_a_local_party_that_signs_with_a_foreign_state_is_not_in_the_theatre(code):
    events = code(_FIGHTING + "Syria's Kurdish militia signed a deal with France.")
    assert events["signed"].location is None or events["signed"].location.basis != "article"


def test_a_speech_act_coordinated_with_another_is_not_placed_by_what_that_one_speaks_of(code):
    events = code("The UN inspectors condemned the use of chemical weapons in Douma and called for an "
                  "independent inquiry.")
    assert events["called"].location is None or events["called"].location.country != "SYR"


def test_a_coordinated_act_still_takes_its_verbs_place(code):
    events = code("The rebels met in Doha and agreed to a truce.")
    assert _where(events["agreed"])[1:] == ("QAT", "city", "clause")


def test_what_the_theatres_armed_groups_say_is_said_in_it(code):
    events = code(_FIGHTING + "Kurdish fighters appealed to Syria's army for help.")
    assert _where(events["appealed"])[1:] == ("SYR", "country", "article")


def test_what_its_civilians_say_may_be_said_abroad(code):
    events = code(_FIGHTING + "Kurdish activists appealed to Syria's army for help.")
    assert events["appealed"].location is None
