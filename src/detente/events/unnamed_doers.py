"""The doer of an act whose doer is not named, from the place the act happened: custody and judgment
are the acts of the state's police or courts there (``custody_source``), a protest is by the people
of its place (``crowd_source``)."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Actor, ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .index import ActorIndex, actors_near
from .matcher import Match

if TYPE_CHECKING:
    from spacy.tokens import Token


CUSTODY_SECTORS = cameo_policy().custody_sectors  # {"173": "COP", "116": "JUD"} (data/policy.yaml)
CUSTODY_PREPS = word_set("events", "custody_preps")  # in, at, inside
COURT_ACTS = word_set("events", "court_act_words")  # convict, sentence, try ...
CROWD_ROOTS = cameo_policy().crowd_roots  # protest (data/policy.yaml)
CROWD_SECTOR = "CVL"  # the people of a place


def custody_source(match: Match, cameo: str, index: ActorIndex,
                   targets: Sequence[ActorMention]) -> tuple[list[ActorMention], str | None]:
    """``A British journalist was detained in Cairo``, ``a former soldier jailed in Turkey``,
    ``the arrest of a Dutch citizen in Egypt``: custody and judgment whose doer is not named
    are the acts of the state where they happen, by its police or its courts (``custody`` codes of
    ``policy.yaml``; the corpus writers give that country where they name no agent). Only a passive
    verb or a noun with no possessor, and only a place its own phrase names (not the place of
    another clause, nor one inside the person held: "a Syrian held in a camp")."""
    trig = match.trigger
    if cameo[:3] in CUSTODY_SECTORS and sx.lemma_in(trig, COURT_ACTS):
        cameo = "116"  # a court's act, whatever the rule's code
    sector = CUSTODY_SECTORS.get(cameo) or CUSTODY_SECTORS.get(cameo[:3])
    if sector is None:
        return [], None
    if sx.eff_pos(trig) == "noun":
        if any(c.dep_ == "poss" for c in trig.children):
            return [], None
        heads = [trig] + [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj"]
    elif sx.is_passive(trig):
        heads = [trig]
    else:
        return [], None
    found = _placed_party(heads, index, targets, sector)
    return ([found], "custody") if found is not None else ([], None)


def crowd_source(match: Match, cameo: str, index: ActorIndex,
                 targets: Sequence[ActorMention]) -> tuple[list[ActorMention], str | None]:
    """``Protests erupted in Tehran``, ``thousands protested in Baghdad``, ``the demonstrations began in
    Mashhad``: a protest whose doers are not named is by the civilians of the place its clause names
    (``crowd`` roots of ``policy.yaml``; the corpus writers give that country where they name no doer)."""
    trig = match.trigger
    if cameo[:2] not in CROWD_ROOTS or any(c.dep_ == "poss" for c in trig.children):
        return [], None
    heads = [trig] if sx.eff_pos(trig) == "verb" else [trig, sx.clause_verb(trig)]
    found = _placed_party(heads, index, targets, CROWD_SECTOR)
    return ([found], "crowd") if found is not None else ([], None)


def _placed_party(heads: Sequence[Token], index: ActorIndex, targets: Sequence[ActorMention],
                  sector: str) -> ActorMention | None:
    """The people (``sector``) of the place a locative phrase of one of ``heads`` names, as a mention of
    that place (not a place inside a target)."""
    held = {i for t in targets for i in range(t.start, t.end)}
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in CUSTODY_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for m in actors_near(obj, index, max_depth=2):
                    if m.actor.country and m.actor.country != "IGO" and m.basis in ("gazetteer", "place") \
                            and m.start not in held:
                        people = Actor(country=m.actor.country, sector=sector, name=m.actor.name,
                                       confidence=min(m.actor.confidence, 0.5))
                        return dataclasses.replace(m, actor=people, basis="context")
    return None
