"""The events stage: CAMEO/PLOVER event mentions from the clauses of a parsed article.

Public API: ``code_events(doc, actors, article, resources) -> list[EventMention]``
(``explain`` in ``detente.events.explain`` shows how one sentence was coded).
"""
from __future__ import annotations

from .coder import code_events

__all__ = ["code_events"]
