"""Discourse cues of the actor stage, from ``detente/data/discourse.yaml``: verbs of saying,
first-person pronouns, words of force, and what makes "it" pleonastic."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

import yaml

from ..errors import DataFileError

FILE = "discourse.yaml"
SECTIONS = ("say_verbs", "first_person", "force_words", "pleonastic_heads", "agent_adjectives")


@dataclass(frozen=True)
class Cues:
    say_verbs: frozenset[str]
    first_person: frozenset[str]
    force_words: frozenset[str]
    pleonastic_heads: frozenset[str]
    agent_adjectives: frozenset[str]


def build_cues(data: object) -> Cues:
    """Validated cues: every section a list of lower-case words."""
    if not isinstance(data, dict) or set(data) != set(SECTIONS):
        raise DataFileError(FILE, f"expected exactly the sections {', '.join(SECTIONS)}")
    words = {}
    for name in SECTIONS:
        value = data[name]
        if not isinstance(value, list) or not all(isinstance(w, str) and w and w == w.lower() for w in value):
            raise DataFileError(FILE, f"{name!r} must be a list of lower-case words")
        words[name] = frozenset(value)
    return Cues(**words)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cues (read once per process)."""
    path = importlib_resources.files("detente") / "data" / FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(FILE, f"cannot read: {exc}") from exc
    return build_cues(data)
