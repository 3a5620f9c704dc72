"""Which of a sentence's asserted events leads, where one is only what another is about.

The top event of a sentence is its asserted mention of highest confidence (``evaluate.top_event``),
and each mention's confidence is set alone (``coder._confidence``). A verbal act of dispute
(a criticism, a complaint, a rejection, a demand, a threat, a protest: the roots of
``governor_roots``) often names the act it disputes as the object of a preposition of topic ("the
two ministers clashed over the arrest of a journalist", "lodged a complaint over the visit",
"criticised the army for shelling the town"). That nested act is kept as an event of its own, but
the sentence's main event is the dispute, so the nested one is ranked below it: its confidence is
set at most ``margin`` below the governor's. Only this relation: a relative clause's act, a
nominal object, and what a statement reports ("officials said the town was shelled": the shelling
is the event, CAMEO's convention) are left as the confidences rank them. Data in
``data/ranking.yaml``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

import yaml

from ..errors import DataFileError
from ..policy import cameo_policy
from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .candidate import Candidate

POLICY_FILE = "data/ranking.yaml"


@dataclass(frozen=True)
class RankPolicy:
    """What ranks a nested act below its governor (``data/ranking.yaml``)."""

    governor_roots: frozenset[str]
    topic_preps: frozenset[str]
    relations: frozenset[str]
    margin: float


@lru_cache(maxsize=1)
def load_policy() -> RankPolicy:
    source = importlib_resources.files("detente").joinpath(POLICY_FILE)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        policy = RankPolicy(frozenset(str(r) for r in data["governor_roots"]),
                            frozenset(str(p) for p in data["topic_preps"]),
                            frozenset(str(d) for d in data["relations"]), float(data["margin"]))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise DataFileError(POLICY_FILE, f"missing or bad entry {exc}") from exc
    if not 0.0 <= policy.margin <= 1.0:
        raise DataFileError(POLICY_FILE, f"margin must be in [0, 1], got {policy.margin}")
    return policy


def _leads(cand: Candidate) -> bool:
    """Kept and in the pool the top event is chosen from."""
    mod = cand.modality.modality
    leading = cameo_policy().speech_act_roots  # intended events that compete as asserted ones (evaluate.top_event)
    return cand.dropped is None and (mod == "asserted" or (mod == "intended" and cand.cameo[:2] in leading))


def topic_governor(trig: Token, policy: RankPolicy) -> Token | None:
    """The word whose preposition of topic has ``trig`` for its object ("clashed" of "clashed over
    the arrest"), or None."""
    prep = trig.head
    if trig.dep_ not in policy.relations or prep.dep_ != "prep" or prep.i == trig.i:
        return None
    if prep.lower_ not in policy.topic_preps or prep.head.i == prep.i:
        return None
    return prep.head


def rank(cands: Sequence[Candidate], policy: RankPolicy | None = None) -> None:
    """Set each kept nested act's confidence below its governing verbal act's (module doc)."""
    policy = policy or load_policy()
    by_token: dict[int, list[Candidate]] = {}
    for cand in cands:
        if _leads(cand):
            by_token.setdefault(cand.trigger.i, []).append(cand)
    for cand in cands:
        if not _leads(cand):
            continue
        gov = topic_governor(cand.trigger, policy)
        if gov is None:
            continue
        governors = [g for g in by_token.get(gov.i, ()) if g.cameo[:2] in policy.governor_roots
                     and g.cameo[:2] != cand.cameo[:2]]
        if not governors:
            continue
        top = max(g.confidence for g in governors)
        capped = round(top - policy.margin, 3)
        if cand.confidence > capped:
            cand.notes.append(f"ranked below '{sx.lemma(gov)}', the act that disputes it: "
                              f"confidence {cand.confidence:.2f} -> {capped:.2f}")
            cand.confidence = capped
