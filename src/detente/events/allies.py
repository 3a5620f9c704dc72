"""Sides on the doer's own side, which are no target (audits N-R: a co-doer or an ally taken for
the target of force or of a one-sided act).

- ``ally phrase``  in force (``roots.ally`` of ``policy.yaml``), a party named in a phrase of the act's
                   clause that puts it beside the doer (``fought alongside the militia``, ``took the
                   town with Ethiopian backing``, ``airstrikes in support of the army``, ``under Russian
                   air cover``; words ``ally_preps``, ``ally_noun_preps``, ``ally_nouns``) is not the
                   target, and doers conjoined in such an act fight together: they are not each
                   other's counterparts (``Chadian soldiers, as well as special forces from
                   Niger, fought alongside the militia``); nor is the ally's country the one country a countryless
                   side takes from its sentence (``localize.sentence_country``: ``Kurdish fighters,
                   with American air support``);
- ``backed``       force that backs another party's act (``the rebels, backed by Russian airstrikes,
                   drove the militia out``; ``backing_participles``) is aimed at whom that act is:
                   the object of the verb its party is the subject of, the subject of a passive
                   its party is the agent of, the adversary of a fight it backs (``the battle for
                   the town, backed by airstrikes``; ``adversary_preps``);
- ``compatriots``  two conjoined doers of one country in an act that is not mutual (``the president
                   and his foreign minister vowed``, ``the Kenyan president and the Kenyan foreign
                   minister rejected``, ``the minister and party spokesman said``) do it
                   together: neither is the other's target, and the first names the side.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .matcher import Match

if TYPE_CHECKING:
    from spacy.tokens import Token

ALLY_ROOTS = cameo_policy().ally_roots  # force (data/policy.yaml)
ALLY_PREPS = word_set("events", "ally_preps")  # alongside (data/words/events.yaml)
ALLY_NOUN_PREPS = word_set("events", "ally_noun_preps")  # with, in, under
ALLY_NOUNS = word_set("events", "ally_nouns")  # support, backing, cover ...
BACKING = word_set("events", "backing_participles")  # backed, supported, aided ...
BACKED_PREPS = word_set("events", "adversary_preps") | {"for", "on"}  # "the battle for the town"


def _is_ally_prep(prep: Token) -> bool:
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in ALLY_PREPS:
        return True
    return prep.lower_ in ALLY_NOUN_PREPS and any(
        o.dep_ == "pobj" and sx.lemma_in(o, ALLY_NOUNS) for o in prep.children)


def ally_ids(match: Match) -> set[int]:
    """The tokens of the ally phrases of an act of force (``ally_phrase_ids``); none for other acts."""
    if match.rule.cameo[:2] not in ALLY_ROOTS:
        return set()
    return ally_phrase_ids(match.trigger, match.governor)


def ally_phrase_ids(trig: Token, governor: Token | None = None) -> set[int]:
    """The tokens of the ally phrases hung on the trigger, on the verb it is the object or phrase
    of (``took the town with Ethiopian backing after a battle``), on the verb of its clause or on that
    verb's subject (``the rebel force, with Ethiopian backing, took``)."""
    verb = sx.clause_verb(trig)
    anchors = [trig, verb] + sx.subject(verb) + ([governor] if governor is not None else [])
    out: set[int] = set()
    for anchor in anchors:
        for prep in anchor.children:
            if _is_ally_prep(prep):
                out |= sx.subtree_ids(prep)
    return out


def backed_objects(trig: Token) -> list[Token]:
    """Whom the act a force noun backs is aimed at (``backed``): ``X, backed by Russian airstrikes,
    drove Y out`` -> Y; ``Y was pushed out by X backed by airstrikes`` -> Y; ``the battle for the
    town, backed by airstrikes`` -> the town."""
    part = trig.head.head if trig.dep_ == "pobj" and trig.head.dep_ == "agent" else None
    if part is None or not sx.lemma_in(part, BACKING) or part.dep_ not in ("acl", "advcl"):
        return []
    party = part.head
    if sx.eff_pos(party) == "verb":  # "Backed by Russian air power, government forces swept ..."
        return [sx.object_head(o) for o in sx.direct_objects(party)] if not sx.is_passive(party) else []
    if party.dep_ in sx.SUBJ_DEPS and not sx.is_passive(party.head):
        return [sx.object_head(o) for o in sx.direct_objects(party.head)]
    if party.dep_ == "pobj" and party.head.dep_ == "agent":  # "were pushed out by Kurdish forces backed by"
        return sx.children(party.head.head, *sx.PASSIVE_SUBJ_DEPS)
    return [sx.object_head(o) for o in sx.prep_objects(party, BACKED_PREPS)]


def compatriots(sources: Sequence[ActorMention]) -> bool:
    """Two doers of one named country (``the Kenyan president and the Kenyan foreign minister``)."""
    countries = [s.actor.country for s in sources]
    return len(sources) == 2 and countries[0] is not None and countries[0] == countries[1]
