"""An actor candidate of the actor stage: a token span with its reading (or none yet)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor
from .resolve import Reading


@dataclass
class Cand:
    """An actor candidate over tokens [start, end) with its head token and reading."""

    start: int
    end: int
    head: int
    actor: Actor | None
    reading: Reading | None = None
    basis: str = "gazetteer"
    antecedent: int | None = None

    @property
    def person(self) -> bool:
        return bool(self.reading and self.reading.person)
