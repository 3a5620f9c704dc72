"""The sentence sieve: only sentences that may hold an event are parsed; the Doc stays whole."""
import pytest

from detente.clean import clean_article
from detente.ingest import make_article
from detente.nlp import load_sieve, parse
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.sieve import Yields, is_parsed, load_yields

TEXT = ("Iran's president visited Tajikistan on Monday.\n\n"
        "The weather in Tajikistan was mild and sunny all week. He signed a trade agreement with Emomali Rahmon. "
        "The markets were quiet. Later the two leaders met in Dushanbe.")
NO_EVENT = ("The weather in Tajikistan was mild and sunny all week.", "The markets were quiet.")


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(sentence_filter=True))


def _parsed(pipe, text, sieved=True):
    article = clean_article(make_article("t", text, published="2023-06-05"))
    doc, _ = next(parse(pipe.nlp, [(article.text, article)], 16, 1, pipe.sieve if sieved else None))
    return doc, article


def test_the_filter_is_on_by_default_and_a_setting(pipe):
    assert Settings().sentence_filter is True and pipe.sieve is not None
    off = Settings(sentence_filter=False)
    assert load_sieve(pipe.nlp, pipe.resources.__class__(off, None, None, None)) is None


def test_sentences_that_hold_events_are_parsed_and_ones_that_cannot_are_not(pipe):
    doc, _ = _parsed(pipe, TEXT)
    parsed = {s.text.strip(): is_parsed(s) for s in doc.sents}
    for text in NO_EVENT:
        assert parsed[text] is False
    assert parsed["Iran's president visited Tajikistan on Monday."] is True
    assert parsed["Later the two leaders met in Dushanbe."] is True  # "met": an irregular form of "meet"
    assert sum(parsed.values()) == 3


def test_filtered_and_unfiltered_runs_code_the_same_events(pipe):
    coded = []
    for sieved in (True, False):
        doc, article = _parsed(pipe, TEXT, sieved)
        coded.append(sorted((m.trigger_char, m.cameo, m.source and m.source.text, m.target and m.target.text,
                             m.date_start) for m in pipe.code_doc(doc, article).mentions))
    assert coded[0] and coded[0] == coded[1]


def test_the_doc_keeps_the_whole_text_and_the_gazetteer_entities_of_dropped_sentences(pipe):
    doc, article = _parsed(pipe, TEXT)
    assert doc.text == article.text
    first = list(doc.sents)[1]  # the first dropped sentence
    assert not is_parsed(first)
    assert [(e.text, e.ent_id_) for e in first.ents] == [("Tajikistan", "place:TJK:country")]
    assert all(t.head.i == first.start for t in first)  # one flat sentence: no clause, no subject
    assert not any(t.dep_ == "nsubj" for t in first)


def test_a_parsed_doc_keeps_its_text_and_doc_text_reads_any_doc_without_tokens(pipe):
    from detente.doctext import TEXT, doc_text

    for sieved in (True, False):
        doc, article = _parsed(pipe, TEXT, sieved)
        assert doc.user_data[TEXT] == article.text == doc.text and doc_text(doc) == doc.text
    for text in ("Two  spaces,\n\nnew lines\t and a tab. ", "", " ", "Ends without a space"):
        doc = pipe.nlp.make_doc(text)  # not through parse: read from the tokens
        assert TEXT not in doc.user_data and doc_text(doc) == doc.text == text
    doc = pipe.nlp.make_doc("Iran met Tajikistan.")
    doc.user_data[TEXT] = "another text"  # not this Doc's: read again
    assert doc_text(doc) == "Iran met Tajikistan."


def test_an_article_with_no_event_sentence_and_an_empty_one_parse(pipe):
    doc, article = _parsed(pipe, "The markets were quiet. The weather was mild.")
    assert doc.text == article.text and [is_parsed(s) for s in doc.sents] == [True, False]  # the lede is parsed
    assert pipe.code_doc(doc, article).mentions == ()
    doc, _ = next(parse(pipe.nlp, [("", None)], 16, 1, pipe.sieve))
    assert len(doc) == 0


def test_word_forms_read_as_any_lemma_the_lemmatizer_could_give(pipe):
    sieve = pipe.sieve
    for form in ("visited", "visits", "met", "signing", "agreements", "attacked"):
        assert sieve.may_trigger(form), form
    for form in ("weather", "sunny", "markets"):
        assert not sieve.may_trigger(form), form
    doc = pipe.nlp.make_doc("The cease-fire held.")
    assert sieve.sentences(doc)[0][2]  # "cease-fire" read whole


def test_a_word_that_seldom_triggers_does_not_keep_a_sentence_alone():
    yields = Yields({"said": (1000, 2), "visited": (50, 40)}, threshold=0.05)
    assert not yields.passes("said")
    assert yields.passes("visited")
    assert yields.passes("unseen")  # never seen in training: kept


def test_an_articles_lede_is_parsed_whatever_its_words(pipe):
    sieve = pipe.sieve
    doc = pipe.nlp.make_doc("The markets were quiet. The weather was mild. Iran met Tajikistan. The sun was low.")
    assert [keep for _, _, keep in sieve.sentences(doc)] == [False, False, True, False]  # by their words
    lede = type(sieve)(sieve.triggers, sieve.rules, sieve.exceptions, Yields(sieve.yields.forms, 0.5, lede=2))
    runs, dropped = lede.plan(doc)
    assert [doc[s:e].text.strip() for s, e in runs] == ["The markets were quiet. The weather was mild. Iran met Tajikistan."]
    assert [doc[i].text for i in dropped] == ["The"]  # "The sun was low."
    assert load_yields().lede == 1


def test_the_packaged_counts_are_valid():
    yields = load_yields()
    assert 0.0 <= yields.threshold <= 1.0
    assert all(0 <= fired <= seen for seen, fired in yields.forms.values())


NER_TEXT = ("Iran and Tajikistan signed an agreement. Farrukh Ismoilov signed a pact with Iran. "
            "Iran and Russia met again last week. Tajikistan sent 300 troops to Russia. "
            "Iran's minister met his counterpart.")


def test_the_ner_runs_only_in_kept_sentences_it_can_add_to(pipe):
    from detente.sieve import SELECTIVE, ner_sentences

    nlp = pipe.nlp
    assert "ner" in nlp.pipe_names  # the selective NER stands in the model's place
    doc, _ = _parsed(pipe, NER_TEXT)
    sub = nlp.make_doc(NER_TEXT)
    with nlp.select_pipes(disable=["ner"]):
        sub = nlp(sub)
    picked = {sub[s:e].text.strip() for s, e in ner_sentences(sub, nlp.get_pipe("ner").cues)}
    assert picked == {"Farrukh Ismoilov signed a pact with Iran.",  # a name the gazetteer lacks
                      "Iran and Russia met again last week.",  # a temporal entity's word
                      "Tajikistan sent 300 troops to Russia."}  # a number
    # the NER's own entities appear in the picked sentences and nowhere else; the gazetteer's stay
    found = {(e.text, e.label_) for e in doc.ents if not e.id_}
    assert {("Farrukh Ismoilov", "PERSON"), ("300", "CARDINAL")} <= found
    assert all(e.sent.text.strip() in picked for e in doc.ents if not e.id_)
    assert {e.text for e in doc.ents if e.id_} >= {"Iran", "Tajikistan", "Russia"}
    # a Doc not marked by the sieve goes through the NER whole
    whole = nlp(NER_TEXT)
    assert not whole.user_data.get(SELECTIVE)
    assert [(e.text, e.label_) for e in whole.ents if not e.id_] == \
        [(e.text, e.label_) for e in spacy_ner(nlp, NER_TEXT) if not e.id_]


def test_the_ner_s_sentences_keep_their_rows_of_the_shared_vectors(pipe):
    from detente.sieve import _ner_subdoc

    nlp = pipe.nlp
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(NER_TEXT)
    runs = [(s.start, s.end) for s in list(doc.sents)[1:3]]
    sub = _ner_subdoc(doc, runs)
    assert sub.tensor.shape == (len(sub), doc.tensor.shape[1])
    assert (sub.tensor == doc.tensor[runs[0][0]:runs[1][1]]).all()  # (two sentences in a row)


def spacy_ner(nlp, text):
    """The model's own NER over the whole text, as the pipeline ran it before the sieve."""
    ner = nlp.get_pipe("ner").ner
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text)
    return ner(doc).ents


def test_a_sentence_inside_a_quotation_is_parsed_whatever_its_words(pipe):
    sieve = pipe.sieve
    doc = pipe.nlp.make_doc("Iran met Tajikistan. \u201cThe weather was mild. The sun was low,\u201d he said. The sea was calm.")
    quiet = type(sieve)(sieve.triggers, sieve.rules, sieve.exceptions, Yields(sieve.yields.forms, 0.5, lede=1))
    loud = type(sieve)(sieve.triggers, sieve.rules, sieve.exceptions, Yields(sieve.yields.forms, 0.5, lede=1, quotes=True))
    assert [doc[i].text for i in quiet.plan(doc)[1]] == ["\u201c", "The", "The"]
    assert [doc[i].text for i in loud.plan(doc)[1]] == ["The"]  # "The sea was calm." only
    assert load_yields().quotes


def test_a_sentence_parsed_only_as_quoted_skips_the_ner_up_to_its_closing_mark(pipe):
    from detente.sieve import parse_sieved

    sieve = pipe.sieve
    text = ("Iran met Tajikistan. \u201cThe weather was mild. Farrukh Ismoilov was at sea for 300 days. "
            "The sea was calm,\u201d Daler Nazarov said on Monday.")
    quiet = type(sieve)(sieve.triggers, sieve.rules, sieve.exceptions,
                        Yields(sieve.yields.forms, 0.5, lede=1, quotes=True, quotes_ner=False))
    loud = type(sieve)(sieve.triggers, sieve.rules, sieve.exceptions,
                       Yields(sieve.yields.forms, 0.5, lede=1, quotes=True))
    doc = pipe.nlp.make_doc(text)
    runs, dropped, quoted = quiet.full_plan(doc)
    assert (runs, dropped) == loud.plan(doc) and not dropped  # all parsed either way
    assert [doc[s:e].text.strip() for s, e in quoted] == \
        ["\u201cThe weather was mild.", "Farrukh Ismoilov was at sea for 300 days.", "The sea was calm,\u201d"]

    def ents(s):
        doc, _ = next(parse_sieved(pipe.nlp, [(text, None)], s))
        return {e.text for e in doc.ents if not e.id_}

    # the words after the closing mark tell who spoke and when: the NER reads their sentence either way
    assert "Monday" in ents(quiet) and "Monday" in ents(loud)
    assert {"Farrukh Ismoilov", "300 days"} & ents(loud) and not {"Farrukh Ismoilov", "300 days"} & ents(quiet)
    assert load_yields().quotes_ner is False
