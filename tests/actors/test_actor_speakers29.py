"""Speakers found for whole classes (session 29): a surname whose full name was introduced with a title
that serves a named body ("X, a spokesman for <a group>") or with a title predicated by "be" ("X is
co-chair of <a council>") (``surnames._apposed_title``, run again after ``coref._serving``); a he/she
speaker after a quotation of several sentences (``anaphora._speaker_past_quotes``,
``speaker_past_quotes`` of ``data/words/actors.yaml``). The sentences are written for these tests."""
from __future__ import annotations


def test_a_surname_is_the_spokesman_for_the_group_its_full_name_was_given(actor_of):
    text = ("Mustafa Kareem, a spokesman for the Syrian Democratic Forces, said the clashes were continuing. "
            "Kareem said the fighters must surrender.")
    actor = actor_of(text, "Kareem", 1)
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "REB")


def test_a_surname_is_the_negotiator_for_the_body_named_with_it(actor_of):
    text = ("Omar Haddad, a senior negotiator with the Syrian Negotiations Commission, flew to Geneva. "
            "Haddad said the talks could not go on.")
    actor = actor_of(text, "Haddad", 1)
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "OPP")


def test_a_surname_is_the_office_its_full_name_is_said_to_hold(actor_of):
    text = ("Amina Farouk is the co-chair of the Syrian Negotiations Commission. "
            "Farouk said a final assault would end within days.")
    actor = actor_of(text, "Farouk", 1)
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "OPP")


def test_a_surname_said_to_hold_a_private_calling_stays_private(actor_of):
    text = "Amina Farouk is a doctor in Idlib. Farouk said the hospital was full."
    actor = actor_of(text, "Farouk", 1)
    assert actor is None or actor.sector == "HLH"


def test_a_surname_with_a_countryless_title_borrows_nothing(actor_of):
    # a title of a borrowing sector with no country of its own is not lent to the surname
    text = ("Lena Berg, a senior official, arrived in Kabul on Monday. "
            "The Afghan foreign minister met her. Berg said the talks went well.")
    actor = actor_of(text, "Berg", 1)
    assert actor is None or actor.country != "AFG"


_QUOTED = ("Amina Farouk is the co-chair of the Syrian Negotiations Commission. "
           "Farouk said: “Whatever comes next, we will not stay silent.\n"
           "“Any attack will be an occupation.\n"
           "“We saw this last year.\n"
           "“Huge massacres were committed.”\n"
           "A protection force would provide air defence, she said. She added that talks were continuing.")


def test_she_said_after_a_long_quotation_is_its_speaker(actor_of):
    actor = actor_of(_QUOTED, "she")
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "OPP")
    later = actor_of(_QUOTED, "She", 0)
    assert later is not None and later.country == "SYR"


def test_she_said_after_plain_sentences_with_no_person_stays_unresolved(actor_of):
    text = ("Amina Farouk is the co-chair of the Syrian Negotiations Commission. Farouk spoke in Paris. "
            "The council was founded in 2015. The region has seen years of war. "
            "Its towns were badly damaged. A protection force would help, she said.")
    assert actor_of(text, "she") is None


def test_a_pronoun_that_is_no_speaker_does_not_look_past_quotations(actor_of):
    text = ("Amina Farouk is the co-chair of the Syrian Negotiations Commission. "
            "Farouk said: “We will not stay silent.\n"
            "“Any attack will be an occupation.\n"
            "“We saw this last year.”\n"
            "The convoy reached the border before she arrived.")
    assert actor_of(text, "she") is None


def test_a_stranger_named_before_the_quotation_is_nobody(actor_of):
    text = ("Jane Miller, a volunteer, said: “The camp is full.\n"
            "“The children are cold.\n"
            "“Many are sick.”\n"
            "Tents were scarce, she said.")
    assert actor_of(text, "she") is None


def test_she_said_past_quotations_is_the_last_speaker_not_a_person_she_spoke_of(actor_of):
    text = ("Commander Tom Doe of the Syrian Democratic Forces died on Sunday. "
            "Jane Roe said Doe had left a letter. “He loved the place.\n"
            "“He had many friends there.\n"
            "“We will miss him.”\n"
            "She told us she last saw him a year ago.")
    assert actor_of(text, "She") is None


def test_a_stranger_in_the_window_keeps_the_speaker_before_the_quotation_out(actor_of):
    text = ("Sajid Javid, then Britain's home secretary, told MPs he would act. "
            "“We will not let them back.\n"
            "“The law is clear.”\n"
            "Jane Miller took full responsibility, saying she alone chose. "
            "She added: “I was young.”")
    assert actor_of(text, "She") is None
