"""People named again and the pronouns of speakers (session 26, issue 10's source classes; our own
sentences): a titled surname is the person of that surname named before (``surnames.titled_namesake``),
a misspelt speaker is the person one letter off (``surnames.misspelt_surnames``), an unread speaker
stops "he" from reaching a more distant official (``anaphora._strangers``), a charity's head is not
of his nationality (``readings.merge``), and a Kurdish official borrows no other state's country
(``coref._fill_countries``)."""
from __future__ import annotations

import datetime as dt
from functools import partial

from detente.actors import resolve_actor
from detente.actors.countries import one_edit
from tests.actors.spans import found_at


_at = partial(found_at, published=dt.date(2018, 4, 13))


def test_a_titled_surname_is_the_person_named_before(nlp, kb_resources):
    text = ("Russia's ambassador, Igor Petrovsky, demanded an apology. "
            "President Donald Trump has been tweeting all morning about trade. "
            "Ambassador Petrovsky said Moscow had not been consulted.")
    (m,) = _at(nlp, kb_resources, text, "Petrovsky", 1)
    assert m.actor.country == "RUS"


def test_a_titled_surname_placed_by_nothing_borrows_no_other_officials_country(nlp, kb_resources):
    text = ("Ambassador Petrovsky demanded an apology on Monday. "
            "President Donald Trump has been tweeting all morning about trade. "
            "Ambassador Petrovsky said Moscow had not been consulted.")
    (m,) = _at(nlp, kb_resources, text, "Petrovsky", 1)
    assert m.actor.country != "USA"


def test_he_after_a_titled_surname_is_not_the_distant_president(nlp, kb_resources):
    text = ("Russia's ambassador, Igor Petrovsky, demanded an apology. "
            "President Donald Trump has been tweeting all morning about trade. "
            "Ambassador Petrovsky says Moscow was never told. \"We want the facts,\" he said.")
    (m,) = _at(nlp, kb_resources, text, "he")
    assert m.actor.country == "RUS"


def test_a_misspelt_speaker_is_the_person_one_letter_off(nlp, kb_resources):
    text = ("Labour leader Jeremy Corbyn criticised the plan at a rally in Leeds. "
            "Asked about the US President's message, Corbyin said: \"The world should worry.\" "
            "He added: \"This is shameful.\"")
    (m,) = _at(nlp, kb_resources, text, "Corbyin")
    assert (m.actor.country, m.actor.sector) == ("GBR", "OPP")
    (he,) = _at(nlp, kb_resources, text, "He")
    assert he.actor.country == "GBR"


def test_an_unread_speaker_keeps_he_from_a_more_distant_official(nlp, kb_resources):
    text = ("The opposition leader spoke at a rally in Leeds. "
            "Asked about the US President's message, Quarmby said: \"The world should worry.\" "
            "He added: \"This is shameful.\"")
    assert not [m for m in _at(nlp, kb_resources, text, "He") if m.actor.country == "USA"]


def test_one_edit_is_one_letter():
    assert one_edit("corbyn", "cobyn") and one_edit("corbyn", "corbin") and one_edit("corbyn", "cobryn")
    assert not one_edit("corbyn", "corbyn") and not one_edit("corbyn", "carbin")


def test_the_head_of_a_charity_is_not_of_his_nationality():
    actor = resolve_actor("David Miliband, the chief of the International Rescue Committee", "2018-12-22")
    assert actor.country is None and actor.sector == "NGO"
    former = resolve_actor("the former foreign secretary David Miliband", "2018-12-22")
    assert former.country == "GBR"


def test_a_kurdish_official_borrows_no_other_officials_country(nlp, kb_resources):
    text = ("The British home secretary declined to comment on the two captured militants. "
            "A senior Kurdish official told reporters that London had never asked for the two men.")
    (m,) = _at(nlp, kb_resources, text, "official")
    assert m.actor.country != "GBR"


def test_a_kurdish_official_placed_in_syria_is_syrian(nlp, kb_resources):
    text = "A senior Kurdish official in Qamishli said the two men were held in Syria."
    (m,) = _at(nlp, kb_resources, text, "official")
    assert m.actor.country == "SYR"


def test_kurdish_forces_take_the_one_country_of_the_named_kurdish_groups(nlp, kb_resources):
    text = ("The YPG said its fighters had held the line overnight. "
            "Kurdish forces captured two foreign fighters on Sunday.")
    (m,) = _at(nlp, kb_resources, text, "forces")
    assert m.actor.country == "SYR"


def test_kurdish_forces_with_kurdish_groups_of_two_countries_stay_countryless(nlp, kb_resources):
    text = ("The YPG said its fighters had held the line overnight. The Peshmerga said it had closed the border. "
            "Kurdish forces captured two foreign fighters on Sunday.")
    (m,) = _at(nlp, kb_resources, text, "forces")
    assert m.actor.country is None


def test_kurdish_forces_with_no_named_group_or_place_stay_countryless(nlp, kb_resources):
    (m,) = _at(nlp, kb_resources, "Kurdish forces captured two foreign fighters on Sunday.", "forces")
    assert m.actor.country is None


def test_the_pkk_alone_gives_kurdish_forces_no_country(nlp, kb_resources):
    text = ("Ankara says the PKK is behind every attack on its soldiers. "
            "Kurdish forces captured two foreign fighters on Sunday.")
    (m,) = _at(nlp, kb_resources, text, "forces")
    assert m.actor.country is None


def test_a_kurdish_community_takes_no_country_from_the_named_groups(nlp, kb_resources):
    text = ("The YPG said its fighters had held the line overnight. "
            "The Kurdish community marched on Sunday.")
    (m,) = _at(nlp, kb_resources, text, "community")
    assert m.actor.country != "SYR"


def test_a_spokeswoman_for_a_world_region_borrows_no_ministers_country(nlp, kb_resources):
    text = ("The French defence minister said the children would be placed with foster families. "
            "\"The agency is worried about these children,\" said Mona Farouk, its spokeswoman for the Sahel.")
    (m,) = _at(nlp, kb_resources, text, "spokeswoman")
    assert m.actor.country != "FRA"


def test_a_spokeswoman_for_a_ministry_still_borrows_the_country(nlp, kb_resources):
    text = ("The French defence minister said the children would be placed with foster families. "
            "\"We are worried about these children,\" said Mona Farouk, a spokeswoman for the ministry.")
    (m,) = _at(nlp, kb_resources, text, "spokeswoman")
    assert m.actor.country == "FRA"
