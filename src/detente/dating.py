"""The time stage: date each event mention from the text, relative to the publication date.

Public API: ``date_events(doc, mentions, article) -> list[EventMention]``.
"""
from __future__ import annotations

from typing import Any

from .model import Article, EventMention


def date_events(doc: Any, mentions: list[EventMention], article: Article) -> list[EventMention]:
    """Placeholder until the time stage lands: dates nothing."""
    return list(mentions)
