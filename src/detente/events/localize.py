"""A country for a countryless side of an event (``demonstrators``, ``students``, ``the president``):
from the place its own phrase or the event's clause names, from its counterpart for domestic kinds
of event, or from the one country its sentence names (``localize``; the coder calls it on every
pair the role finder gave)."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .allies import ally_phrase_ids
from .index import VENUE_ROOTS, ActorIndex, actors_near, private_person
from .sides import ADVERSARY_PREPS, ANY_SECTOR_ROOTS, OWN_FORCE_SECTORS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BEYOND_STATE = word_set("events", "beyond_state_words")  # European, Western, foreign ...
BEYOND_STATE_FORCES = word_set("events", "beyond_state_force_words")  # coalition: of armed forces only
STATE_OFFICE_WORDS = word_set("events", "state_office_words")  # "the foreign ministry (spokesman)": a state's own
HOME_SECTORS = frozenset({"GOV", "ELI", "OPP", "LEG", "JUD", "PTY"})  # a leader named by nationality is at home
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards", "from"})
NOT_FROM_SENTENCE = cameo_policy().not_from_sentence_sectors  # clergy, IGOs, NGOs: often abroad
LOCATIVE_PREPS = ("in", "throughout", "across", "inside", "at", "near", "outside")
DOMESTIC_ROOTS = cameo_policy().domestic_roots  # easing, inquiries, protest, repression... (data/policy.yaml)
# a doer without a country is the counterpart's compatriot when it protests, investigates or attacks
# (coders' convention for unclaimed attacks); not when it coerces ("Kurdish forces captured an American")
DOER_DOMESTIC_ROOTS = cameo_policy().doer_domestic_roots
# officials and soldiers abroad are not of the place they are in ("foreign ministers gathered in Brussels")
PLACELESS_SECTORS = cameo_policy().placeless_sectors


def localize(source: ActorMention | None, target: ActorMention | None, trig: Token, cameo: str,
             index: ActorIndex) -> tuple[ActorMention | None, ActorMention | None]:
    """Give a country to a countryless group of an event (``demonstrators``, ``students``,
    ``refugees``) from where the event happened (``in Hong Kong``) or, for a domestic kind of
    event (protest, repression, assault), from its counterpart (``Egyptian police ... dispersed
    demonstrators``); a doer takes it only for some kinds (``DOER_DOMESTIC_ROOTS``). Officials and
    soldiers are not of the place they are in; failing all else, a group, an official or a soldier
    takes the one country its sentence names (``localize.sentence_country``). The filled mention says
    so: ``basis="context"``."""
    place = None
    for mention, other in ((source, target), (target, source)):
        if mention is None or mention.actor.country or mention.actor.org or mention.actor.kb_id \
                or _beyond_state(mention, trig.doc):
            continue
        if (mention.actor.sector in PLACELESS_SECTORS or mention.actor.sector is None) \
                and not any_sector(mention, other, cameo):
            country = sentence_country(mention, other, trig, cameo, index)  # the one country its sentence names
        else:
            if place is None:  # talks and signings happen at venues: their place says nothing of the parties
                place = (_event_place(trig, index) if cameo[:2] not in VENUE_ROOTS else None) or ""
            roots = (DOER_DOMESTIC_ROOTS if mention is source else DOMESTIC_ROOTS) | ANY_SECTOR_ROOTS
            compatriot = other is not None and cameo[:2] in roots \
                and not (mention is source and cameo[:2] in ANY_SECTOR_ROOTS and national(other, trig.doc))
            country = (_phrase_place(mention, trig, index) or place
                       or (other.actor.country if other is not None and compatriot else None)
                       or sentence_country(mention, other, trig, cameo, index))
        if not country or country == "IGO":
            continue
        filled = dataclasses.replace(mention, actor=dataclasses.replace(mention.actor, country=country,
                                     confidence=min(mention.actor.confidence, 0.5)), basis="context")
        if mention is source:
            source = filled
        else:
            target = filled
    return source, target


def _beyond_state(mention: ActorMention, doc: Doc) -> bool:
    """``European forces``, ``Western governments``, ``foreign aid agencies``: a group its own words
    put beyond any one state (not ``the foreign ministry spokesman``, of a state's own office)."""
    span = doc[mention.start:mention.end]
    words = list(span)
    if mention.basis == "coref" and mention.antecedent is not None and not mention.start <= mention.antecedent < mention.end:
        ante = doc[mention.antecedent]  # "European envoys ... meet them": the pronoun is as far beyond as they
        words += [t for t in ante.lefts if t.dep_ in ("amod", "compound")]
    beyond = BEYOND_STATE | (BEYOND_STATE_FORCES if mention.actor.sector in OWN_FORCE_SECTORS else frozenset())
    return any(t.lower_ in beyond and t.i != span.root.i
               and not (t.i + 1 < len(doc) and sx.lemma_in(doc[t.i + 1], STATE_OFFICE_WORDS))
               for t in words)


def _phrase_place(mention: ActorMention, trig: Token, index: ActorIndex) -> str | None:
    """A place inside the group's own phrase: ``refugees fleeing the war in Liberia`` (not one
    inside the event's own words: ``fighters who had travelled to Iraq``, nor its adversary:
    ``militias fighting against Turkey``)."""
    head = trig.doc[mention.end - 1]
    inside = sx.subtree_ids(head)
    event = sx.subtree_ids(trig) if trig.i in inside and not mention.start <= trig.i < mention.end else set()
    event |= adversary_ids(mention, trig.doc)  # "militias fighting against Turkey in Afrin": not their home
    for tok in head.subtree:
        if mention.start <= tok.i < mention.end or tok.i < head.i or tok.i in event:
            continue
        for m in index.at(tok):
            if m.actor.country and m.actor.country != "IGO" and m.basis == "gazetteer":
                return m.actor.country
    return None


def _event_place(trig: Token, index: ActorIndex) -> str | None:
    """The country of a place named by a locative phrase of the trigger's clause (not of a
    clause inside it): ``blocked streets in Hong Kong``, ``parties to the conflict in Iraq``."""
    verb = sx.clause_verb(trig)
    for tok in verb.subtree:
        if tok.dep_ != "prep" or tok.lower_ not in LOCATIVE_PREPS or _inner_clause(tok, verb):
            continue
        for obj in (c for c in tok.children if c.dep_ == "pobj"):
            for m in actors_near(obj, index, max_depth=2):
                if m.actor.country and m.actor.country != "IGO" and m.basis == "gazetteer":
                    return m.actor.country
    return None


def _inner_clause(tok: Token, verb: Token) -> bool:
    cur = tok
    while cur != verb and cur.head != cur:
        if cur.dep_ in ("advcl", "ccomp", "relcl", "acl", "xcomp", "csubj"):
            return True
        cur = cur.head
    return False


def sentence_country(mention: ActorMention, other: ActorMention | None, trig: Token, cameo: str,
                     index: ActorIndex) -> str | None:
    """The one country the sentence names, for a countryless side of a known sector (``Police
    fired tear gas at protesters in Kathmandu``, ``the president`` in a sentence about Kenya
    alone): writers and coders give it that country (on the train writers' countryless sides,
    it was the gold country about six times in seven). None when the sentence names none or
    several, or the side is of a sector often abroad (``the Pope``, aid groups); not for talks,
    pledges and cooperation, whose venue says nothing of the parties, nor from a counterpart named
    by nationality (``detained two Kazakh engineers``), from the counterpart itself (``Saudi Arabia
    backed the militants``: that the acts are domestic is ``localize``'s to say, by kind of act), or
    from a place the act goes to (``travelled to Kyrgyzstan``)."""
    sector = mention.actor.sector
    if sector is None or sector in NOT_FROM_SENTENCE or cameo[:2] in VENUE_ROOTS:
        return None
    if other is not None and national(other, trig.doc):
        return None
    found: set[str] = set()
    adversary = adversary_ids(mention, trig.doc)  # a country the side is said to fight is not its own
    adversary |= ally_phrase_ids(trig)  # nor one said to back the act ("with American air support")
    for tok in trig.sent:
        if other is not None and other.start <= tok.i < other.end:
            continue  # the counterpart's own country is no scene ("Saudi Arabia backed the militants")
        if tok.dep_ == "pobj" and tok.head.head == trig and tok.head.lower_ in DESTINATION_PREPS:
            continue
        for m in index.at(tok):
            country = m.actor.country
            if country and country != "IGO" and m.basis != "context" and not private_person(m, trig.doc):
                found.add(("-" if tok.i in adversary else "") + country)
    own = {c for c in found if not c.startswith("-")}
    return next(iter(own)) if len(own) == 1 and len({c.lstrip("-") for c in found}) == 1 else None


def adversary_ids(mention: ActorMention, doc: Doc) -> set[int]:
    """The words of the adversary a group's own phrase names (``Kurdish fighters battling against
    Turkey``, ``militias fighting against Turkey in Afrin``): not its home (``adversary_preps``)."""
    head = doc[mention.end - 1]
    return {i for t in head.subtree if t.i > head.i and t.dep_ == "prep" and t.lower_ in ADVERSARY_PREPS
            for i in sx.subtree_ids(t)}


def national(mention: ActorMention, doc: Doc) -> bool:
    """``two Kazakh engineers``, ``an American airman``: a side whose country is a nationality
    word of its own phrase may be abroad; its captor is not thereby its compatriot (a leader or
    official named so is at home: ``the Kyrgyz president``)."""
    return mention.actor.sector not in HOME_SECTORS and any(
        e.id_.endswith(":demonym") and e.id_.split(":")[1] == mention.actor.country
        for e in doc.ents if mention.start <= e.start < mention.end)


def any_sector(mention: ActorMention, other: ActorMention | None, cameo: str) -> bool:
    """``Turkish authorities detained nearly 3,000 soldiers``: in an arrest, an accusation or a
    massacre a countryless side of a placeless sector is the counterpart's compatriot."""
    return cameo[:2] in ANY_SECTOR_ROOTS and mention.actor.sector is not None and other is not None \
        and bool(other.actor.country) and other.actor.country != "IGO"
