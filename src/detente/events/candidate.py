"""A fired rule on its way to becoming event mentions (the coder's working record), and a
sentence's analysis: every candidate of it with the rules tried and the learned answers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .learned import Prediction
from .lexicon import Rule
from .matcher import Match
from .modality import Modality
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass
class Candidate:
    """A fired rule on its way to becoming event mentions, with the reasons of each decision."""

    match: Match
    cameo: str
    roles: Roles = field(default_factory=Roles)
    modality: Modality = field(default_factory=Modality)
    confidence: float = 0.0
    carried: Candidate | None = None  # the embedded event this one took its code from
    intended: str | None = None  # of an intent (03x) or threat (13x): the code of the act announced
    learned_prob: float | None = None  # set when the learned model, not a rule, found the event
    pred: dict[str, Prediction] | None = None  # the learned models' answers for the trigger
    dropped: str | None = None  # why it produces no mention
    vetoed: str | None = None  # the learned veto, applied once the roles are known (policy ``trust_dyads``)
    notes: list[str] = field(default_factory=list)
    alternatives: list[Match] = field(default_factory=list)  # other rules that fired on the trigger
    said: Token | None = None  # a quoted sentence's verb of saying, outside it: the speech act's trigger
    scored_as: str | None = None  # the code whose root the type model weighed, recoded by means.py or backing.py

    @property
    def rule(self) -> Rule:
        return self.match.rule

    @property
    def trigger(self) -> Token:
        return self.match.trigger


@dataclass
class SentenceAnalysis:
    """Everything the coder did with one sentence (``explain`` renders it)."""

    sent: Span
    tried: list[tuple[Token, Rule, str]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    learned: dict[int, dict[str, Prediction]] = field(default_factory=dict)  # token -> the model's answers

    @property
    def kept(self) -> list[Candidate]:
        return [c for c in self.candidates if c.dropped is None]
