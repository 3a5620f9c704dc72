"""A one-word city name the article gives as a person's surname names that person (places/stage.py)."""
from __future__ import annotations

import pytest

from detente.actors import find_actors
from detente.clean import clean_article
from detente.ingest import make_article
from detente.places import find_places


@pytest.fixture(scope="module")
def names_of(nlp, kb_resources):
    def run(text: str) -> list[str]:
        article = clean_article(make_article("t", text, published="2023-06-01"))
        doc = nlp(article.text)
        return [p.text for p in find_places(doc, article, kb_resources, actors=find_actors(doc, article, kb_resources))]
    return run


def test_a_surname_named_again_alone_is_no_place(names_of):
    assert "Campbell" not in names_of("Anna Campbell joined the Kurdish militia in 2017. Campbell criticised the "
                                      "British government on Monday.")


def test_a_name_also_after_a_preposition_of_place_stays_a_place(names_of):
    # the tagger's person may be the mistake: the article names the place as one
    found = names_of("Jamal Afrin, a farmer, fled last year. Turkish troops entered Afrin on Sunday and shelled "
                     "villages in Afrin.")
    assert found.count("Afrin") == 2


def test_ordinary_words_are_no_places(names_of):
    assert "University" not in names_of("A law student at the University of Leeds was charged by Turkish police.")
