"""Fixtures shared by the actor tests."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors
from detente.model import Article


@pytest.fixture()
def actor_of(nlp, kb_resources):
    """The actor of the nth occurrence of a word in a text coded as one article (None: no actor there)."""
    def run(text, word, nth=0):
        doc = nlp(text)
        mentions = find_actors(doc, Article(id="a", raw_text=text, published=dt.date(2019, 3, 1)), kb_resources)
        idx = [t.i for t in doc if t.text == word][nth]
        found = [m for m in mentions if m.start <= idx < m.end]
        return found[0].actor if found else None
    return run
