"""The packaged data every stage reads, loaded once per Settings and passed along explicitly."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:  # imported when loading, not at import time (the stages import this module)
    from .actors.kb import KnowledgeBase
    from .events.chooser import SideHook
    from .events.learned import LearnedModel
    from .events.lexicon import Lexicon
    from .events.ontology import Ontology


@dataclass(frozen=True)
class Resources:
    """Loaded, validated data: the actor knowledge base, the CAMEO/PLOVER ontology, the event lexicon."""

    settings: Settings
    kb: KnowledgeBase
    ontology: Ontology
    lexicon: Lexicon
    learned: LearnedModel | None = None  # None when the coder is "rules"
    sides: SideHook | None = None  # the learned side chooser; None when the setting sides is "rules"


@lru_cache(maxsize=4)
def load_resources(settings: Settings) -> Resources:
    """Load (once per distinct Settings) and validate all packaged data."""
    from .actors.kb import load_kb
    from .events.chooser import load_side_model
    from .events.learned import load_model
    from .events.lexicon import load_lexicon
    from .events.ontology import load_ontology

    return Resources(
        settings=settings,
        kb=load_kb(settings.extra_actor_files),
        ontology=load_ontology(),
        lexicon=load_lexicon(),
        learned=None if settings.coder == "rules" else load_model(),
        sides=load_side_model() if settings.sides == "learned" else None,
    )
