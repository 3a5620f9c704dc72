"""The actor mentions that cover a word of a coded text: shared by the actor tests."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from detente.actors import find_actors
from detente.model import ActorMention, Article


def mentions_at(result: tuple[Doc, list[ActorMention]], word: str, nth: int = 0) -> list[ActorMention]:
    """The mentions of ``result`` (a Doc and its actor mentions) covering the ``nth`` token that reads ``word``."""
    doc, mentions = result
    idx = [t.i for t in doc if t.text == word][nth]
    return [m for m in mentions if m.start <= idx < m.end]


def found_at(nlp, kb_resources, text: str, word: str, nth: int = 0, *,
             published: dt.date) -> list[ActorMention]:
    """``text`` parsed and its actors found as an article published on ``published``; the mentions at ``word``."""
    doc = nlp(text)
    return mentions_at((doc, find_actors(doc, Article(id="t", raw_text=text, published=published), kb_resources)),
                       word, nth)
