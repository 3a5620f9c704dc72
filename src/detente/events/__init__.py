"""The events stage: CAMEO/PLOVER event mentions from the clauses of a parsed article.

Public API: ``code_events(doc, actors, article, resources) -> list[EventMention]``.
"""
from __future__ import annotations

from typing import Any

from ..model import ActorMention, Article, EventMention


def code_events(doc: Any, actors: list[ActorMention], article: Article, resources: Any) -> list[EventMention]:
    """Placeholder until the coder lands: codes nothing."""
    return []
