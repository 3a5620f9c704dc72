"""Why a sentence was coded the way it was: its parse, its actors, every rule tried and its fate.

``explain(sentence, resources, nlp)`` returns an ``Explanation``; ``detente explain "SENTENCE"``
renders it. Nothing here changes how the coder works: it runs the same functions and keeps
their intermediate results. Given ``stages`` (the orchestrator's ``Pipeline.code_doc``, as the CLI
passes it), the events shown are what ``detente code`` makes of the text: located (with the
places the article names and why each was read so) and dated; without it, the events stage's.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model import ActorMention, Article, CodedArticle, EventMention
from .coder import across_sentences, analyse_sentence
from .mentions import sentence_mentions
from .roles import ActorIndex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from ..places.types import PlaceMention
    from ..resources import Resources

Stages = Callable[["Doc", Article], CodedArticle]


@dataclass(frozen=True)
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int


@dataclass(frozen=True)
class RuleTrial:
    """One rule tried on one token, and what happened: ``fired`` or the reason it did not."""

    token: str
    token_i: int
    rule: str
    cameo: str
    outcome: str


@dataclass(frozen=True)
class CandidateRow:
    """A rule that fired, what the coder decided about it, and why."""

    trigger: str
    token_i: int
    rule: str
    cameo: str
    source: str | None
    source_slot: str | None
    target: str | None
    target_slot: str | None
    modality: str
    modality_reason: str
    reported: bool
    confidence: float
    dropped: str | None
    notes: tuple[str, ...]


@dataclass
class Explanation:
    sentence: str
    tokens: list[TokenRow] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    trials: list[RuleTrial] = field(default_factory=list)
    candidates: list[CandidateRow] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    recalled: list[str] = field(default_factory=list)  # targets taken from events told earlier
    places: list[PlaceMention] = field(default_factory=list)  # the places stage's, with why each was read so

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "tokens": [dataclasses.asdict(t) for t in self.tokens],
            "actors": [{"text": a.text, "start": a.start, "end": a.end, "basis": a.basis, **a.actor.to_dict()}
                       for a in self.actors],
            "trials": [dataclasses.asdict(t) for t in self.trials],
            "candidates": [dataclasses.asdict(c) for c in self.candidates],
            "events": [{"cameo": e.cameo, "rule": e.rule, "trigger": e.trigger, "modality": e.modality,
                        "reported": e.reported, "confidence": e.confidence,
                        "source": e.source.to_dict() if e.source else None,
                        "target": e.target.to_dict() if e.target else None, "contexts": list(e.contexts),
                        "location": e.location.to_dict() if e.location else None}
                       for e in self.events],
            "recalled": list(self.recalled),
            "places": [p.to_dict() for p in self.places],
        }


def _label(m: ActorMention) -> str:
    a = m.actor
    code = a.country or a.org or "?"
    return f"{m.text} [{code}{'/' + a.sector if a.sector else ''}]"


def explain(sentence: str, resources: Resources, nlp: Language, date: str | dt.date | None = None,
            stages: Stages | None = None) -> Explanation:
    """Code one sentence (or short text) and keep every decision for display; with ``stages`` (the
    pipeline's), its events are those stages' (located and dated), else the events stage's."""
    from ..actors import find_actors
    from ..ingest import make_article
    from ..places import find_places

    article = dataclasses.replace(make_article("explain", sentence, published=date), body=sentence)
    doc = nlp(sentence)
    actors = find_actors(doc, article, resources)
    index = ActorIndex(actors)
    out = Explanation(sentence=sentence, actors=list(actors))
    out.tokens = [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i) for t in doc]
    for s_i, sent in enumerate(doc.sents):
        analysis = analyse_sentence(sent, index, resources.lexicon, resources.learned, resources.settings.coder,
                                    sides=resources.sides)
        out.trials.extend(RuleTrial(tok.text, tok.i, rule.id, rule.cameo, outcome)
                          for tok, rule, outcome in analysis.tried)
        for cand in analysis.candidates:
            roles = cand.roles
            out.candidates.append(CandidateRow(
                trigger=cand.trigger.text, token_i=cand.trigger.i, rule=cand.rule.id, cameo=cand.cameo,
                source=", ".join(_label(m) for m in roles.sources) or None, source_slot=roles.source_slot,
                target=", ".join(_label(m) for m in roles.targets) or None, target_slot=roles.target_slot,
                modality=cand.modality.modality, modality_reason=cand.modality.reason,
                reported=cand.modality.reported, confidence=cand.confidence, dropped=cand.dropped,
                notes=tuple(cand.notes)))
        out.events.extend(sentence_mentions(analysis, article, s_i, resources.lexicon, index))
    out.events = across_sentences(out.events, doc, out.recalled)  # a target from an earlier sentence
    if stages is not None:
        out.places = find_places(doc, article, resources, actors=actors)
        out.events = list(stages(doc, article).mentions)
    return out
