"""What an act is, by what it is done to, whoever found it (a rule or the learned model); run before
an armed group's arrests become abductions (``coder._by_armed_group``):

- Forces sent ("sent troops, jets, its air force") are no visit (04) nor aid (070, 073, 074): a
  deployment (154), or military support (072) of the party they are sent to prop up; peacekeepers
  and relief stay as coded.
- People captured are arrested (173), not territory occupied (192).
- A resignation in protest ("in frustration", "over the decision to withdraw") criticises what it
  protests (111); it is no change of leadership yielded to (0831).

The words and codes are data (``data/lexicon/content.yaml``).
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from . import syntax as sx
from .content_data import Codes, Event, codes, countries
from .index import ActorIndex
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def retype(cand: Event, index: ActorIndex, lexicon: Lexicon) -> None:
    """What the act is, by what it is done to, before an armed group's acts are told apart
    (``coder._by_armed_group``): people captured are arrested (173), not territory occupied (192);
    a resignation in protest ("in frustration", "over the decision") criticises whoever it protests
    against, and is no leadership change yielded to (0831)."""
    c = codes()
    trig = cand.trigger
    if cand.cameo == c.occupation and sx.lemma_in(trig, lexicon.words("capture_verb")):
        captives = [_patient(o) for o in sx.direct_objects(trig)]
        people = lexicon.words("person") | lexicon.words("captive_noun")
        if captives and all(sx.lemma_in(o, people) or o.ent_type_ == "PERSON" for o in captives):
            cand.notes.append(f"people captured ('{captives[0].text}'): {cand.cameo} -> {c.arrest}")
            cand.cameo = c.arrest
    elif (cand.cameo in c.deployment_from or cand.cameo[:2] in c.deployment_from) \
            and sx.lemma_in(trig, lexicon.words("deploy_verb")):
        _deployed(cand, index, lexicon, c)
    elif cand.cameo == c.leadership_change and sx.lemma_in(trig, lexicon.words("resign_verb")):
        cause = _protested(trig, lexicon)
        if cause is not None:
            cand.notes.append(f"resigns {cause.head.text} '{cause.text}': {cand.cameo} -> {c.protest_resignation}")
            cand.cameo = c.protest_resignation
            pool = [t for o in [cause, *sx.prep_objects(trig, ("from", "against", "at"))] for t in o.subtree]
            against = [m for t in pool for m in index.at(t) if m.actor is not None and m.actor.country
                       and m not in cand.roles.sources]
            if against:  # "over Trump's decision", "from a UN commission"
                cand.roles = dataclasses.replace(cand.roles, targets=(against[0],), target_slot="protested")


def _deployed(cand: Event, index: ActorIndex, lexicon: Lexicon, c: Codes) -> None:
    """Forces sent are no visit nor aid: a deployment (154), or military support (072) when sent to
    prop up a party ("sent its air force to prop up the Syrian leader"), aimed at that party."""
    trig = cand.trigger
    objs = sx.direct_objects(trig)
    personnel = lexicon.words("armed_personnel")
    allowed = personnel | (lexicon.words("military_hardware") if cand.cameo[:2] in c.deployment_from else frozenset())
    if not objs or not all(sx.lemma_in(o, allowed) for o in objs):
        return
    barred = lexicon.words("peacekeeper") | lexicon.words("humanitarian_aid") | lexicon.words("humanitarian_word")
    if any(sx.lemma_in(t, barred) for t in trig.subtree):
        return  # peacekeepers, relief carried, a rescue: as coded
    purposes = [v for v in sx.children(trig, "xcomp", "advcl") if sx.eff_pos(v) == "verb"]
    helped = [v for v in purposes if sx.lemma_in(v, lexicon.words("prop_verb"))]
    own = countries(cand.roles.sources)
    if helped:
        code, pool = c.military_support, [t for o in sx.direct_objects(helped[0]) for t in o.subtree]
    else:
        code, pool = c.deployment, [t for o in sx.prep_objects(trig, ("to", "into", "in")) for t in o.subtree]
    found = [m for t in pool for m in index.at(t) if m.actor is not None and m.actor.country
             and (helped or m.actor.country not in own)]
    cand.notes.append(f"forces sent ('{objs[0].text}'): {cand.cameo} -> {code}")
    cand.cameo = code
    cand.roles = dataclasses.replace(cand.roles, targets=tuple(found[:1]), target_slot="sent to" if found else None)


def _patient(obj: Token) -> Token:
    """"two of the jihadists": the jihadists."""
    if obj.pos_ == "NUM" or obj.lower_ in ("pair", "both", "two", "three"):
        inner = sx.prep_objects(obj, ("of",))
        return inner[0] if inner else obj
    return obj


def _protested(trig: Token, lexicon: Lexicon) -> Token | None:
    """The word that makes a resignation a protest: "in protest", "in frustration", "over the decision"."""
    for obj in sx.prep_objects(trig, ("in",)):
        if sx.lemma_in(obj, lexicon.words("protest_feeling")):
            return obj
    for obj in sx.prep_objects(trig, ("over",)):
        if sx.lemma_in(sx.object_head(obj), lexicon.words("protested_act")):
            return obj
    return None
