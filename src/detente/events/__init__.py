"""The events stage: CAMEO/PLOVER event mentions from the clauses of a parsed article.

Public API: ``code_events(doc, actors, article, resources) -> list[EventMention]``
(``explain`` in ``detente.events.explain`` shows how one sentence was coded).
"""
from __future__ import annotations

from typing import Any

__all__ = ["code_events"]


def __getattr__(name: str) -> Any:
    # Lazy: readers of the ontology (``detente.events.ontology``) do not load spaCy.
    if name == "code_events":
        from .coder import code_events

        return code_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
