"""Standing relations told in passing are no event (the corpus writers' convention, training/README.md).

Who stands with whom is a state, not an act: a noun of support or backing ("Washington's support for
the militia", "with the backing of Ankara", "receive significant backing from") unless a verb of
expressing it makes it a statement ("expressed support for"), and a relation verb in a clause that
describes a noun ("rebels backed by Ankara", "Russia, which has backed Assad") unless armed forces
back an operation as it happens ("troops backed by Russian air power shelled"). The words are data
(``relation_noun``, ``standing_relation_verb``, ``support_expressing_verb``, ``backed_act``, ``force_backer`` in
``data/lexicon/classes.yaml``). Nor is a party's talk to the media ("speaking to the BBC", "spoke to
reporters") a consultation: it is an interview (``speak_verb``, ``media_audience``).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import syntax as sx
from .lexicon import Lexicon

CONSULT_ROOT = "04"  # CAMEO's consultations

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention


def standing_relation(trig: Token, lexicon: Lexicon) -> str | None:
    """Why the trigger tells a standing relation rather than an event, or None."""
    if sx.eff_pos(trig) == "noun":
        first = trig
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if sx.lemma_in(trig, lexicon.words("standing_noun")) and first.dep_ in ("pobj", "poss", "compound", "nsubj"):
            return f"'{trig.text}': a standing relation, not an act"  # "stress on a troubled partnership"
        if not sx.lemma_in(trig, lexicon.words("relation_noun")):
            return None
        if first.dep_ in ("dobj", "nsubjpass") and sx.lemma_in(first.head, lexicon.words("support_expressing_verb")):
            return None  # "expressed support for": a statement of it
        return f"'{trig.text}': a standing relation, not an act"
    if _state_participle(trig, lexicon):
        return f"'{trig.text}' with 'be': a standing relation, not an act"  # "is closely aligned with"
    if _describing_activity(trig, lexicon):
        return f"'{trig.text}' describes '{trig.head.text}': a lasting activity, not an act"
    if not sx.lemma_in(trig, lexicon.words("standing_relation_verb")):
        return None
    clause = trig
    while clause.dep_ == "conj" and clause.head != clause:  # "which has armed and trained"
        clause = clause.head
    if clause.dep_ not in ("acl", "relcl") or (clause.dep_ == "acl" and clause.tag_ != "VBN"):
        return None  # only the clause's own verb; "a statement backing the position": a statement made
    noun = clause.head
    if any(c.lower_ in lexicon.words("singling_word") or c.tag_ == "JJS" for c in noun.children):
        return None  # "the only ally to back the raid", "the first state to arm": the act presupposed
    acts = lexicon.words("backed_act")
    if sx.lemma_in(noun, acts) or any(sx.lemma_in(o, acts) for o in sx.children(trig, "dobj")):
        return None  # "a move backed by the US", "an operation backed by Britain", "which backed the bill": an act endorsed
    forces = lexicon.words("force_backer")
    for agent in sx.children(trig, "agent"):
        if any(sx.lemma_in(p, forces) for p in agent.subtree if p.pos_ == "NOUN"):
            return None  # "backed by French aircraft": armed support given as the act happens
    return f"'{trig.text}' describes '{clause.head.text}': a standing relation"


def _describing_activity(trig: Token, lexicon: Lexicon) -> bool:
    """A present participle of a lasting activity (``standing_activity_verb``) in a reduced clause that
    describes a noun ("rebels fighting beneath a flag", "the militias occupying the valley"); not a
    full relative clause ("which seized the town on Monday"), nor a singled-out noun ("the first force
    fighting ...": what is presupposed). A past participle ("a dissident jailed in 1977", "fishermen
    detained by the coastguard") is an act the corpus writers code (173, 116): left to the coder."""
    if trig.dep_ != "acl" or trig.tag_ != "VBG" or sx.eff_pos(trig) != "verb":
        return False
    if not sx.lemma_in(trig, lexicon.words("standing_activity_verb")):
        return False
    noun = trig.head
    return not any(c.lower_ in lexicon.words("singling_word") or c.tag_ == "JJS" for c in noun.children)


def _state_participle(trig: Token, lexicon: Lexicon) -> bool:
    """A relation verb's passive participle with "be" or "remain" and no agent ("is allied with", "was aligned
    to", "remains allied with"): a state."""
    if trig.tag_ != "VBN" or not sx.lemma_in(trig, lexicon.words("state_participle_verb")):
        return False
    if any(c.dep_ == "agent" for c in trig.children):
        return False
    if trig.dep_ == "acomp" and trig.head.lemma_ in ("be", "remain"):
        return True  # "is now firmly allied with": parsed as the copula's complement
    return any(c.dep_ in ("auxpass", "aux") and c.lemma_ in ("be", "remain") for c in trig.children)


def private_act(trig: Token, targets: Sequence[ActorMention], lexicon: Lexicon) -> str | None:
    """``abducted by their mother``, ``his boss demanded``, ``the protagonist pleads``: an act whose doers
    are all kin, an employer or a character of fiction is a private matter, no political event, unless
    it is aimed at a party of a political sector (``her husband surrendered to Syrian forces``, ``her
    father accused the UK authorities``). ``targets``: the event's target mentions."""
    if sx.eff_pos(trig) != "verb":
        return None
    sectors = {w.upper() for w in lexicon.words("quoted_speaker_sector")}
    if any(t.actor is not None and sectors & {t.actor.sector, t.actor.sector2} for t in targets):
        return None
    doers = sx.subject(trig)
    if doers and all(_private(d, lexicon) for d in doers):
        return f"'{trig.text}' by '{doers[0].text}': a private act"
    return None


def interview(trig: Token, code: str, targets: Sequence[ActorMention], lexicon: Lexicon) -> str | None:
    """``speaking to the BBC``, ``talked to reporters``: a party that speaks to the media gives an
    interview, no consultation (04) of the media (the train writers code none of 9 such clauses).
    ``targets``: the event's target mentions, every one of them the media."""
    if code[:2] != CONSULT_ROOT:
        return None
    if not sx.lemma_in(trig, lexicon.words("speak_verb")) or not targets:
        return None
    audience = lexicon.words("media_audience")
    if all((t.actor is not None and "MED" in (t.actor.sector, t.actor.sector2))
           or sx.lemma_in(trig.doc[t.start:t.end].root, audience) for t in targets):
        return f"'{trig.text}' to '{targets[0].text}': an interview given to the media, no consultation"
    return None


def _private(doer: Token, lexicon: Lexicon) -> bool:
    """One private person known only by a role (``their mother``, ``the landlord``), not one of a group
    (``mothers marched on parliament``, ``the parents reject the official account``) nor a party's kin
    (``Kim Jong Un's sister``, ``the mother of the jailed politician``)."""
    if doer.tag_ != "NN" or not sx.lemma_in(doer, lexicon.words("private_doer")):
        return False
    return not any((c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in doer.children)


def drop_standing(cands: Sequence[Any], lexicon: Lexicon) -> None:
    """Drop the coder's candidates (``coder.Candidate``) whose trigger tells a standing relation."""
    for cand in cands:
        if cand.dropped is None:
            cand.dropped = standing_relation(cand.trigger, lexicon)
