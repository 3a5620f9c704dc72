"""The content stage's data and contract, shared by its modules (``content``, ``acts``, ``means``,
``backing``, ``views``, ``resigns``, ``characterise``): the candidate event they read and set, and the
codes and word tables of ``data/lexicon/content.yaml``, each read once and validated.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from ..errors import DataFileError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention
    from .matcher import Match
    from .modality import Modality
    from .roles import Roles


class Event(Protocol):
    """What ``revise`` reads and sets of the coder's candidate event (``coder.Candidate``)."""

    match: Match
    cameo: str
    roles: Roles
    notes: list[str]
    dropped: str | None
    modality: Modality

    @property
    def trigger(self) -> Token: ...

FILE = "data/lexicon/content.yaml"


@dataclass(frozen=True)
class Codes:
    responsibility: str
    statement: str
    pessimistic: str
    threat_root: str
    intent: str
    force_threat: str
    reject: str
    quoted_demand_rule: str
    statement_roots: frozenset[str]
    announcing_roots: frozenset[str]
    announcement_roots: frozenset[str]
    visits: frozenset[str]
    private_sectors: frozenset[str]
    criticism: str
    accusation: str
    judging_codes: frozenset[str]
    occupation: str
    arrest: str
    deployment: str
    military_support: str
    deployment_from: frozenset[str]
    leadership_change: str
    protest_resignation: str
    threat: str
    denial: str


@lru_cache(maxsize=None)
def content_table(name: str) -> dict[str, Any]:
    """One table of ``data/lexicon/content.yaml`` (``recode``, ``means``, ``backing``), read once."""
    path = importlib_resources.files("detente").joinpath(FILE)
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(name) or {}


@lru_cache(maxsize=1)
def codes() -> Codes:
    data = content_table("recode")
    try:
        def code(key: str) -> str:
            return str(data[key])

        def codes_of(key: str) -> frozenset[str]:
            return frozenset(map(str, data[key]))

        return Codes(code("responsibility_code"), code("statement_code"), code("pessimistic_code"), code("threat_root"),
                     code("intent_code"), code("force_threat_code"), code("reject_code"), code("quoted_demand_rule"),
                     codes_of("statement_roots"),
                     codes_of("announcing_roots"), codes_of("announcement_roots"), codes_of("visit_codes"),
                     codes_of("private_sectors"), code("criticism_code"), code("accusation_code"),
                     codes_of("judging_codes"), code("occupation_code"), code("arrest_code"),
                     code("deployment_code"), code("military_support_code"), codes_of("deployment_from"),
                     code("leadership_change_code"), code("protest_resignation_code"), code("threat_code"),
                     code("denial_code"))
    except (KeyError, TypeError) as exc:
        raise DataFileError(FILE, f"recode: missing or bad entry {exc}") from exc



def countries(sides: Sequence[ActorMention]) -> set[str]:
    return {m.actor.country for m in sides if m.actor is not None and m.actor.country}
