"""Quoted speakers for "we", "our" and "I"; "it", "its" and "they" across sentences; "the country"
and "the group"; possessives that lend a country; and the pronouns left alone."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors
from detente.actors.cues import build_cues, load_cues
from detente.actors.quotes import Quote, _sentences_between, find_quotes
from detente.errors import DataFileError
from detente.model import Article
from tests.actors.spans import mentions_at as _at


@pytest.fixture()
def read(nlp, kb_resources):
    def run(text):
        doc = nlp(text)
        return doc, find_actors(doc, Article(id="a", raw_text=text, published=dt.date(2023, 3, 1)), kb_resources)
    return run


def _country(result, word, nth=0):
    found = _at(result, word, nth)
    return found[0].actor.country if found else None


# -- quotations ----------------------------------------------------------------------------------
def test_sentences_between_two_quotations_count_the_boundaries_crossed(nlp):
    doc = nlp("“We will go,” she said. They waited. Then they left. “We are here,” he added.")
    first, second = find_quotes(doc)
    by_sent = len({doc[j].sent.start for j in range(first.close, second.start)}) - 1  # the definition
    assert _sentences_between(doc, first, second) == by_sent == 3
    assert _sentences_between(doc, first, Quote(first.close + 1, first.close + 2, first.close + 3)) == 0
    assert _sentences_between(doc, second, first) == -1  # nothing between


@pytest.mark.parametrize("text", [
    "“We are ready to receive the investigators,” said the Iranian foreign minister.",
    "“We are ready to receive the investigators,” the Iranian foreign minister said.",
    "'We are ready to receive the investigators,' said the Iranian foreign minister.",
    "The Iranian foreign minister said: “We are ready to receive the investigators.”",
])
def test_we_in_a_quotation_is_its_speaker(read, text):
    result = read(text)
    (we,) = _at(result, "We")
    assert (we.actor.country, we.actor.sector, we.basis) == ("IRN", "GOV", "coref")


def test_speaker_through_a_pronoun_and_a_continued_quotation(read):
    result = read("The Iranian foreign minister arrived in Baghdad. “We are ready,” he said. "
                  "“I will send our experts.”")
    assert _country(result, "We") == "IRN"
    assert _country(result, "I") == "IRN"  # the next quotation continues the same speaker


def test_our_lends_the_speakers_country_to_its_group(read):
    result = read("“Our troops will stay,” said the Turkish defence minister.")
    (troops,) = _at(result, "troops")
    assert (troops.actor.country, troops.actor.sector) == ("TUR", "MIL")


def test_we_outside_a_quotation_is_not_resolved(read):
    result = read("The Iranian foreign minister visited Baghdad. We rightly condemn the injustice.")
    assert _at(result, "We") == []


def test_a_quotation_after_a_full_stop_is_not_attributed_to_the_next_sentence(read):
    result = read("“We will win.” The Iranian foreign minister later said the talks had failed.")
    assert _at(result, "We") == []


def test_quotation_marks_and_apostrophes(nlp):
    doc = nlp("He visited the Kurds’ camp. She said: ‘We stay.’ Then “they left")
    quotes = [doc[q.start:q.end].text for q in find_quotes(doc)]
    assert quotes == ["We stay.", "they left"]  # the plural possessive opens nothing; a paragraph end closes


# -- it, its, they -------------------------------------------------------------------------------
def test_it_across_the_sentence_boundary(read):
    result = read("Turkey massed troops on the border on Monday. It also shelled Kurdish positions.")
    (it,) = _at(result, "It")
    assert (it.actor.country, it.basis) == ("TUR", "coref")


def test_its_lends_its_country_and_is_no_mention_of_its_own(read):
    result = read("Russia massed troops on the border. Its forces later withdrew. Russia moved tanks near its "
                  "border with Ukraine.")
    (forces,) = _at(result, "forces")
    assert (forces.actor.country, forces.actor.sector) == ("RUS", "MIL")
    assert _at(result, "its") == []  # else the event coder reads the move as aimed at Russia


@pytest.mark.parametrize("text", [
    "Russia attacked the town. It is clear that the talks failed.",  # pleonastic
    "The deal was signed by Russia in 2015. It lifted sanctions on Iran.",  # the subject before is a thing
    "Russia sent a delegation. Officials later praised it.",  # an object "it" is mostly a thing
])
def test_it_left_alone(read, text):
    result = read(text)
    word = "It" if "It " in text else "it"
    assert _at(result, word) == []


def test_it_in_a_quotation_needs_its_antecedent_inside(read):
    result = read("Turkey closed the border. “It is a disgrace,” said a Syrian refugee.")
    assert _at(result, "It") == []


def test_they_nearest_plural_group(read):
    result = read("Syrian rebels attacked the town on Monday. By Tuesday they held the hills.")
    (they,) = _at(result, "they")
    assert (they.actor.country, they.actor.sector) == ("SYR", "REB")


def test_reported_self_is_no_target(read):
    """"Turkey denied that it was bound": the event coder takes the speaker for "it" itself."""
    result = read("Turkey denied on Sunday that it was bound to observe the ceasefire.")
    assert _at(result, "it") == []


# -- definite descriptions -----------------------------------------------------------------------
def test_the_country_is_the_nearest_country(read):
    result = read("Syrian soldiers seized a town in the east of the country.")
    (country,) = _at(result, "country")
    assert (country.actor.country, country.actor.sector) == ("SYR", None)


def test_the_group_is_the_nearest_armed_group(read):
    result = read("The PKK called a ceasefire in March. The group said it would withdraw its fighters.")
    (group,) = _at(result, "group")
    assert group.actor.country == "TUR"


# -- data ----------------------------------------------------------------------------------------
def test_cues_file_is_valid():
    cues = load_cues()
    assert {"say", "tell"} <= cues.say_verbs and {"we", "our", "i"} <= cues.first_person
    assert {"shell", "bomb", "strike"} <= cues.force_words
    assert not cues.pleonastic_heads & cues.agent_adjectives


def test_cues_reject_a_bad_file():
    with pytest.raises(DataFileError):
        build_cues({"say_verbs": ["Say"]})


def test_sentence_starts_from_the_arrays_are_token_sent(nlp):
    from detente.actors.anaphora import _sent_starts, _sentence_starts

    doc = nlp("Iran said it would talk. The talks failed!  They met again in May.\n\nHe left. It rained; "
              "they stayed.")
    sent_of = _sentence_starts(doc)
    assert sent_of == [t.sent.start for t in doc]
    for tok in doc:
        for n in (1, 2, 3, 10):
            assert _sent_starts(tok, n, sent_of) == _sent_starts(tok, n)
    assert _sentence_starts(nlp("")) == []


# -- an object pronoun is not its own clause's subject --------------------------------------------
def test_object_pronoun_is_not_the_subject_of_its_clause(read):
    # "X detained N Ys, accusing them": the participle's subject is X, so "them" is the Ys
    r = read("Mongolia detained twelve Kazakh engineers on Monday, accusing them of spying.")
    assert _country(r, "them") == "KAZ"
    # coordinated verbs share their subject: "and released them"
    r = read("Kazakhstan arrested ten Mongolian fishermen near the border and released them the next day.")
    assert _country(r, "them") == "MNG"


def test_object_pronoun_of_a_coordinated_verb_takes_the_person_named_before_not_the_subject(read):
    # "X telephoned Y and asked him": the asker is X, so "him" is Y
    r = read("President Tokayev telephoned Emomali Rahmon and asked him to send troops.")
    assert _country(r, "him") == "TJK"


def test_the_country_as_an_object_is_not_the_subject_of_its_clause(read):
    # "after Gazprom cut supplies to the country": not Gazprom's country, but the one named before
    r = read("Moldova's president appealed for help on Friday after Gazprom cut gas supplies to the country.")
    assert _country(r, "country") == "MDA"


# -- persons nothing resolved ("strangers") --------------------------------------------------------
def test_he_after_an_unknown_named_person_is_nobody_not_an_earlier_official(read):
    """A holidaymaker, a refugee, a volunteer the KB and the titles leave unread is the nearest
    person: "she" is not the spokesperson named before her."""
    result = read("A Home Office spokesperson said the department knew of the case. "
                  "In an interview, Jane Rojkan described the night the police came. "
                  "“We had done nothing wrong,” she said.")
    assert _at(result, "she") == []
    assert _at(result, "We") == []


def test_a_name_with_a_title_in_apposition_is_no_stranger(read):
    result = read("The foreign minister, Pierre Lamarque, spoke first. Marie Duval, the French justice "
                  "minister, told parliament that the law stood. It would not change, she added.")
    (she,) = _at(result, "she")
    assert (she.actor.country, she.actor.sector) == ("FRA", "GOV")


def test_a_stranger_inside_a_reported_clause_blocks_nothing(read):
    result = read("Russia's ambassador, Ivan Petrov, insisted that Anna Smirnova had left the country. "
                  "He denied the claims.")
    (he,) = _at(result, "He")
    assert (he.actor.country, he.actor.sector) == ("RUS", "GOV")


def test_the_surname_of_a_titled_person_is_no_stranger(read):
    result = read("Ambassador Petrov of Russia arrived in London. Petrov said the report was fake. "
                  "He denied the claims.")
    (he,) = _at(result, "He")
    assert he.actor.sector == "GOV"
