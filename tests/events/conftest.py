"""Fixtures of the coder tests: sentences coded with actors from a small fixed gazetteer
(``events_helpers.py``), so that the coder is tested on its own (the actors stage has its own tests)."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from events_helpers import gazetteer_mentions

from detente.ingest import make_article
from detente.model import EventMention


@pytest.fixture(scope="session")
def code(nlp, resources) -> Callable[..., list[EventMention]]:
    """``code(text)`` -> the event mentions of ``text`` with gazetteer actors."""
    from detente.events import code_events

    def _code(text: str, published: str = "2022-03-01") -> list[EventMention]:
        doc = nlp(text)
        article = dataclasses.replace(make_article("t", text, published=published), body=text)
        return code_events(doc, gazetteer_mentions(doc), article, resources)

    return _code


@pytest.fixture(scope="session")
def code_full(nlp, resources) -> Callable[..., list[EventMention]]:
    """``code_full(text)`` -> the event mentions of ``text`` with the real actors stage."""
    from detente.actors import find_actors
    from detente.events import code_events

    def _code(text: str, published: str = "2022-03-01") -> list[EventMention]:
        doc = nlp(text)
        article = dataclasses.replace(make_article("t", text, published=published), body=text)
        return code_events(doc, find_actors(doc, article, resources), article, resources)

    return _code


@pytest.fixture(scope="session")
def code_default() -> Callable[..., list[EventMention]]:
    """``code_default(text)`` -> the event mentions of ``text`` by the whole pipeline with the default
    settings (the learned coder beside the rules, whose events get roles from the same role finder)."""
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    pipe = Pipeline(Settings())

    def _code(text: str, published: str = "2022-03-01") -> list[EventMention]:
        return list(next(pipe.code_articles([make_article("t", text, published=published)])).mentions)

    return _code
