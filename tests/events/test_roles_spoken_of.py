"""A plain statement whose clause said has a political party of another country for its subject is
aimed at that party (``events/spoken_of.spoken_of``, ``codes.spoken_of`` in ``policy.yaml``); the
speaker's own side, a party named by a pronoun and a statement of no party keep no target."""
from __future__ import annotations


def _comments(mentions):
    return [m for m in mentions if m.cameo in ("010", "012", "013")]


def test_the_party_the_clause_said_is_about_is_the_target(code_default):
    for text, country in (
            ("The Kremlin spokesman said the American government was working on a new proposal.", "USA"),
            ("The Syrian opposition council said Russia was not serious about any political change.", "RUS")):
        said = _comments(code_default(text))
        assert said and all(m.target is not None and m.target.actor.country == country for m in said), \
            (text, [(m.cameo, m.trigger, m.target) for m in said])


def test_the_subject_of_a_quoted_sentence_is_the_target(code_default):
    said = _comments(code_default("“Only Iran has the motive and the means,” the Israeli minister said."))
    assert said and all(m.target is not None and m.target.actor.country == "IRN" for m in said), said


def test_the_speakers_own_side_is_no_target(code_default):
    said = _comments(code_default("The French president said his government was working on a new proposal."))
    assert said and all(m.target is None for m in said), said


def test_a_clause_about_no_party_has_no_target(code_default):
    said = _comments(code_default("The Turkish foreign minister said the weather was fine."))
    assert said and all(m.target is None for m in said), said


def test_a_country_word_qualifying_no_party_is_no_target(code_default):
    # the clause's subject is the refugees, a flag: the country word names no party spoken of
    for text in ("The American envoy said Iraqi refugees were afraid of returning to their villages.",
                 "The Turkish defence ministry said the Iraqi flag was flying over the town."):
        said = _comments(code_default(text))
        assert said and all(m.target is None for m in said), (text, [(m.cameo, m.target) for m in said])


def test_the_speakers_side_with_its_ally_is_no_target(code_default):
    said = _comments(code_default("The British minister said the UK and the US were in close contact."))
    assert said and all(m.target is None for m in said), [(m.cameo, m.target) for m in said]


def test_a_threat_said_of_another_party_is_aimed_at_it(code_default):
    ms = [m for m in code_default("“The Iraqi government will have to pay for this,” the Turkish spokesman said on Monday.")
          if m.cameo[:2] == "13"]
    assert ms and all(m.target is not None and m.target.actor.country == "IRQ" for m in ms), ms


def test_the_one_party_the_clause_said_acts_on_is_the_target(code_default):
    # no party is the clause's subject: the party of another country its verb acts on or is about
    for text, country in (
            ("The Japanese officials said they had no sway over Beijing.", "CHN"),
            ("The Chilean minister said the new tariffs would hurt Argentina.", "ARG")):
        said = _comments(code_default(text))
        assert said and all(m.target is not None and m.target.actor.country == country for m in said), \
            (text, [(m.cameo, m.trigger, m.target) for m in said])


def test_a_place_in_the_clause_said_is_no_target(code_default):
    # "in Syria", "from Kenya", "after the fall of Mosul": where or when, not a party spoken of;
    # "a Libyan peace conference": a country word qualifying no party
    for text in ("The British spokesman said the fighting in Syria had stopped.",
                 "The Danish minister said the aid workers had returned from Kenya.",
                 "The French envoy said the region would face a hard winter after the fall of Mosul.",
                 "The Italian minister said Rome had postponed a Libyan peace conference."):
        said = _comments(code_default(text))
        assert said and all(m.target is None for m in said), (text, [(m.cameo, m.target) for m in said])


def test_two_other_countries_acted_on_give_no_target(code_default):
    # the clause acts on two other countries' parties: the statement is of neither
    said = _comments(code_default("The Swiss envoy said the talks would bring Armenia and Azerbaijan closer."))
    assert said and all(m.target is None for m in said), [(m.cameo, m.target) for m in said]
