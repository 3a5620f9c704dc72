"""A knowledge-base organisation whose name the parser splits into phrases (its first word read as a
verb: "Save the Children urged ...") is one actor over the whole name (``stage._names_over_chunks``)."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors
from detente.model import Article


def _actors(nlp, kb_resources, text):
    doc = nlp(text)
    return doc, find_actors(doc, Article(id="t", raw_text=text, published=dt.date(2019, 5, 1)), kb_resources)


@pytest.mark.parametrize("text", [
    "Save the Children urged the Belgian government to act.",
    "Save the Children said the camps in Greece were overcrowded.",
])
def test_a_charity_named_with_a_verb_is_one_actor(nlp, kb_resources, text):
    doc, mentions = _actors(nlp, kb_resources, text)
    first = [m for m in mentions if m.start == 0]
    assert len(first) == 1 and first[0].end == 3
    assert (first[0].actor.sector, first[0].actor.org) == ("NGO", "Save the Children")
    assert not any(m.start == 1 for m in mentions)  # "the Children" is no actor of its own


def test_a_name_read_whole_by_the_parser_is_unchanged(nlp, kb_resources):
    doc, mentions = _actors(nlp, kb_resources, "Oxfam criticised the Italian government.")
    assert [(m.text, m.actor.sector) for m in mentions if m.start == 0] == [("Oxfam", "NGO")]
