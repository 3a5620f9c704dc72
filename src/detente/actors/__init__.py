"""The actors stage: find actor mentions in a Doc and resolve them to country, sector and name.

Public API (implemented in the submodules):
- ``find_actors(doc, article, resources) -> list[ActorMention]`` — the pipeline stage.
- ``resolve_actor(text, date=None, context=None, resources=None) -> Actor | None`` — one phrase.
- ``add_actor_ruler(nlp, resources, before=None)`` — put the gazetteer ahead of the statistical NER.
"""
from __future__ import annotations

from typing import Any

from ..model import ActorMention, Article


def add_actor_ruler(nlp: Any, resources: Any, before: str | None = None) -> None:
    """Placeholder until the gazetteer lands: adds nothing."""


def find_actors(doc: Any, article: Article, resources: Any) -> list[ActorMention]:
    """Placeholder until the actor stage lands: finds nothing."""
    return []
