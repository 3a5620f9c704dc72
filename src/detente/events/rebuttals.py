"""A statement that calls another party's claim false rebuts it (CAMEO 016, issue 10; called by
``content._judges`` before the verdicts of ``verdicts.py``).

The train writers code "X said the accusations were baseless", "called the charge absurd", "rejected
the report as unfounded" as a denial (016), and keep the criticism (111) for a verdict on an act or a
policy ("said the ruling was politically motivated", "called the sanctions absurd"). So a reported
clause (or a quoted sentence) is a rebuttal when

- its subject is a claim (``claim_noun``: claim, accusation, report, interpretation, ...) and its
  predicate calls it false (``falsity_word``: baseless, unfounded, a lie, exaggerated, ...): "said the
  American claims were exaggerated", "said the accusations were a lie"; or
- its verb is a passive of ``falsity_word`` said of a claim: "said the allegations were fabricated"; or
- its predicate is a claim that a word of ``falsity_word`` qualifies, said of "this", "that" or "it":
  "said this was an exaggerated account of the report".

Not a negated or modal clause ("was not baseless", "would be a lie"), not the speaker's own claim
("our report was false", "its statement was inaccurate"). The denial is aimed at the claim's owner
where a party of another country owns it ("the American claims", "claims by X"; not what the claim is
about: "accusations of Russian interference" is a claim about Russia, not Russia's).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import syntax as sx
from .index import ActorIndex
from .lexicon import Lexicon
from .valence import first_person

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

POINTING = frozenset({"this", "that", "it", "these", "those"})
OWN_WORDS = frozenset({"i", "we", "me", "us", "my", "our", "his", "her", "its", "their"})
OWNER_DEPS = ("poss", "compound", "amod", "nmod")


@dataclass(frozen=True)
class Rebuttal:
    word: str  # the word that calls the claim false
    target: ActorMention | None  # the claim's owner, a party of another country


def rebutted(clauses: list[Token], own: set[str], index: ActorIndex, lexicon: Lexicon) -> Rebuttal | None:
    """The first of the reported ``clauses`` (the verb of saying's, or a quoted sentence's own) that
    calls another party's claim false; ``own``: the speaker's countries."""
    claims, falsity = lexicon.words("claim_noun"), lexicon.words("falsity_word")
    modal = lexicon.modality["future_aux"] | lexicon.modality["hypothetical_aux"]
    for clause in clauses:
        passive = [s for s in sx.children(clause, *sx.PASSIVE_SUBJ_DEPS) if sx.lemma_in(s, claims)]
        if passive and (clause.lower_ in falsity or sx.lemma_in(clause, falsity)) and not sx.children(clause, "neg") \
                and not any(a.lower_ in modal for a in sx.children(clause, "aux", "auxpass")) \
                and not _own(passive[0]):
            return Rebuttal(clause.text, _owner(passive[0], own, index))  # "the allegations were fabricated"
        if not (sx.lemma(clause) in sx.COPULAS or sx.eff_pos(clause) == "adj") or sx.children(clause, "neg") \
                or any(a.lower_ in modal for a in sx.children(clause, "aux")):
            continue
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        preds = sx.children(clause, "attr", "acomp") + ([clause] if sx.eff_pos(clause) == "adj" else [])
        for subj in subjects:
            if _own(subj):
                continue  # "our report was false", "the statement I gave was inaccurate": the speaker's own
            for pred in preds:
                word = _false_word(pred, falsity)
                if word is None or sx.children(pred, "neg"):
                    continue
                if sx.lemma_in(subj, claims):  # "the claims were baseless"
                    return Rebuttal(word.text, _owner(subj, own, index))
                if subj.lower_ in POINTING and sx.lemma_in(pred, claims) and word.i != pred.i:
                    return Rebuttal(word.text, _owner(pred, own, index))  # "this was an exaggerated account"
    return None


def _own(claim: Token) -> bool:
    """The speaker's own claim: owned by a pronoun ("our report", "its statement"), or one a first
    person made ("the statement I gave")."""
    owned = any(t.lower_ in OWN_WORDS and t.pos_ == "PRON" for c in sx.children(claim, "poss", "det") for t in c.subtree)
    return owned or any(first_person(t) for t in claim.subtree)


def _false_word(pred: Token, falsity: frozenset[str]) -> Token | None:
    """The predicate's own word, or an adjective or adverb qualifying it, that calls a claim false."""
    for tok in [pred, *(c for c in pred.children if c.dep_ in ("amod", "advmod", "conj", "compound"))]:
        if sx.lemma_in(tok, falsity) or tok.lower_ in falsity:
            return tok
    return None


def _owner(claim: Token, own: set[str], index: ActorIndex) -> ActorMention | None:
    """The party of another country that owns the claim: its possessor or modifier, or a "by" phrase."""
    words = [t for c in sx.children(claim, *OWNER_DEPS) for t in c.subtree]
    words += [t for o in sx.prep_objects(claim, ("by", "from")) for t in o.subtree]
    for tok in words:
        for m in index.at(tok):
            if m.actor is not None and m.actor.country and m.actor.country not in own:
                return m
    return None
