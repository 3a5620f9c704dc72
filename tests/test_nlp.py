"""The nlp stage: gazetteer ahead of the NER, and repair of sentence starts lost in scraping."""
import pytest

from detente.nlp import _sentence_starters, load_nlp


@pytest.fixture(scope="module")
def bare_nlp(kb_resources):
    return load_nlp(kb_resources, with_ruler=False)


def test_lost_full_stop_before_a_discourse_word_starts_a_sentence(bare_nlp):
    doc = bare_nlp("Officials held many meetings this spring Although no deal was signed, talks went on.")
    sents = [s.text for s in doc.sents]
    assert sents[0] == "Officials held many meetings this spring"
    assert sents[1].startswith("Although no deal")


def test_names_and_titles_inside_a_sentence_are_not_split(bare_nlp):
    doc = bare_nlp("The minister told The Times that talks with Iran would go on.")
    assert len(list(doc.sents)) == 1


def test_the_repair_runs_before_the_parser(bare_nlp):
    names = bare_nlp.pipe_names
    assert names.index("detente_sentence_repair_v1") < names.index("parser")


def test_starters_are_capitalised_words():
    words = _sentence_starters()
    assert "Although" in words and all(w[0].isupper() for w in words)
    assert "The" not in words
