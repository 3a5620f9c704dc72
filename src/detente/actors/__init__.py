"""The actors stage: find actor mentions in a Doc and resolve them to country, sector and name.

Public API:
- ``find_actors(doc, article, resources) -> list[ActorMention]`` — the pipeline stage (``stage``).
- ``resolve_actor(text, date=None, context=None, resources=None) -> Actor | None`` — one phrase
  (``resolve``).
- ``add_actor_ruler(nlp, resources, before=None)`` — the gazetteer entity ruler
  ``detente_actor_ruler_v1`` ahead of the statistical NER (``ruler``).
- ``load_kb(extra_files)`` — the knowledge base (``kb``); ``parse_tabari`` reads TABARI dictionaries.
"""
from __future__ import annotations

from .kb import KnowledgeBase, load_kb
from .resolve import resolve_actor
from .ruler import add_actor_ruler
from .stage import find_actors
from .tabari import parse_tabari

__all__ = ["find_actors", "resolve_actor", "add_actor_ruler", "load_kb", "KnowledgeBase", "parse_tabari"]
