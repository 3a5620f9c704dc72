"""The doer of a nominal act named as what a party is blamed for by a predicate of its own: "X was
responsible for the kidnapping of Y", "X was behind the bombing", "X were implicated in the
beheading" (``culprit_predicates`` of ``data/words/events.yaml``).
A source step the role finder tries when the rule's slots and the other fallbacks found none; never
under a negation ("was not responsible for the attack")."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..wordlists import word_map
from . import syntax as sx
from .index import ActorIndex, resolve
from .matcher import Match

if TYPE_CHECKING:
    from spacy.tokens import Token

CULPRIT_PREDICATES = {prep: frozenset(words) for prep, words in word_map("events", "culprit_predicates").items()}


def culprit_source(match: Match, index: ActorIndex,
                   targets: Sequence[ActorMention]) -> tuple[list[ActorMention], str | None]:
    """The party a predicate blames for the nominal trigger (slot ``culprit``)."""
    trig = match.trigger
    if sx.eff_pos(trig) != "noun" or trig.dep_ != "pobj" or trig.head.dep_ != "prep":
        return [], None
    found = [m for m in resolve(_culprits(trig.head), index) if m not in targets]
    # one doer: conjoined culprits ("X and Y were behind the attack") did it together, not to each other
    return (found[:1], "culprit") if found else ([], None)


def _negated(*toks: Token) -> bool:
    return any(c.dep_ == "neg" for t in toks for c in t.children)


def _culprits(prep: Token) -> list[Token]:
    words = CULPRIT_PREDICATES.get(prep.lower_)
    pred = prep.head
    if not words or not sx.lemma_in(pred, words) or _negated(pred):
        return []
    if prep.lower_ == "for":
        # "X was responsible for ...": not "held X responsible for ...", a warning as often about acts to come
        if pred.dep_ == "acomp" and not _negated(pred.head):
            return sx.children(pred.head, *sx.SUBJ_DEPS)
        return []
    if prep.lower_ == "in":  # "X were implicated in ...": passive only
        return sx.children(pred, *sx.PASSIVE_SUBJ_DEPS) if sx.is_passive(pred) else []
    return sx.children(pred, *sx.SUBJ_DEPS)  # "X was behind ..."
