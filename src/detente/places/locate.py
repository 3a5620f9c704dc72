"""Event location: the place its clause names, else the article's dateline, else none.

The clause's place is one reached from the trigger through the parse, without crossing into
another clause:

- the object of a locative preposition on the trigger, on its object or on the verb a noun
  trigger is the object of ("met in Dushanbe", "signed agreements in Dushanbe", "held talks in
  Geneva"), also through place words ("at a market in Kabul", "near the border with
  Afghanistan", "in the Kabul market", "in the capital, Kabul");
- the object of a preposition of destination when the trigger is a visit or a movement
  ("travelled to Tehran", "the visit of the delegation to Tehran");
- the direct object of a visit, an attack or a capture ("visited Tajikistan", "shelled Kharkiv").

A country reached only as an actor would be ("a warning to Iran") is no location: prepositions
other than these lead nowhere.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import ActorMention, Article, EventMention, Location
from .gazetteer import PlacesConfig, load_config
from .stage import find_places
from .types import PlaceMention

if TYPE_CHECKING:
    from ..resources import Resources

_NOMINAL_DEPS = frozenset({"compound", "amod", "appos", "nmod", "npadvmod", "poss"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
_MAX_HOPS = 3


def location_of(place: PlaceMention, basis: str) -> Location:
    """The event location a place mention gives."""
    p = place.place
    return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon, admin1=p.admin1,
                    geonames_id=p.geonames_id, basis=basis, kind=p.kind)


def locate(doc: Doc, mentions: Sequence[EventMention], places: Sequence[PlaceMention],
           config: PlacesConfig) -> list[EventMention]:
    """``mentions`` with ``location`` set from their clause (basis "clause") or the dateline."""
    at: dict[int, PlaceMention] = {}
    dateline = None
    for p in places:
        if p.dateline:
            dateline = p
            continue
        for i in range(p.start, p.end):
            at[i] = p
    out = []
    for m in mentions:
        trigger = _trigger(doc, m)
        found = _clause_place(trigger, at, config) if trigger is not None and doc.has_annotation("DEP") else None
        if found is not None:
            m = dataclasses.replace(m, location=location_of(found, "clause"))
        elif dateline is not None:
            m = dataclasses.replace(m, location=location_of(dateline, "dateline"))
        out.append(m)
    return out


def _trigger(doc: Doc, m: EventMention) -> Token | None:
    if 0 <= m.trigger_token < len(doc):
        return doc[m.trigger_token]
    span = doc.char_span(m.trigger_char, m.trigger_char + max(len(m.trigger), 1), alignment_mode="expand")
    return span.root if span is not None else None


def _anchors(trigger: Token) -> list[Token]:
    """Where the clause's prepositional phrases may hang: the trigger, its objects, and the verb a
    noun trigger is the object or subject of ("paid a visit", "talks were held")."""
    out = [trigger]
    out += [c for c in trigger.children if c.dep_ in _OBJECT_DEPS]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        out.append(trigger.head)
    return out


def _clause_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    lemma = trigger.lemma_.lower()
    moving = lemma in config.destination_lemmas
    if lemma in config.object_lemmas:
        for child in trigger.children:
            if child.dep_ in _OBJECT_DEPS and child.i in at:
                return at[child.i]
    for anchor in _anchors(trigger):
        for child in anchor.children:
            word = child.lower_
            if child.dep_ != "prep" or not (word in config.locative or (moving and word in config.destination)):
                continue
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _place_in(obj, at, config, 0)
                    if found is not None:
                        return found
    if moving and trigger.pos_ == "NOUN":
        return _destination_in_phrase(trigger, at, config)
    if lemma in config.object_lemmas and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return _passive_object(trigger, at)
    return None


def _destination_in_phrase(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"the visit of the delegation headed by the minister to Tehran": the parser hangs the
    destination deep inside the noun phrase of the visit; any "to" + place within it counts."""
    for tok in trigger.subtree:
        if tok.i > trigger.i and tok.dep_ == "prep" and tok.lower_ in config.destination:
            for obj in tok.children:
                if obj.dep_ == "pobj" and obj.i in at:
                    return at[obj.i]
    return None


def _passive_object(trigger: Token, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """"Tajikistan was the first country visited by Raisi": the noun a passive participle
    modifies is its object, and so is the subject that noun describes."""
    noun = trigger.head
    if noun.i in at:
        return at[noun.i]
    if noun.dep_ == "attr":
        for child in noun.head.children:
            if child.dep_ == "nsubj" and child.i in at:
                return at[child.i]
    return None


def _place_in(tok: Token, at: dict[int, PlaceMention], config: PlacesConfig, hops: int) -> PlaceMention | None:
    """The place ``tok`` (a prepositional object) is or names through its modifiers and place words."""
    if tok.i in at:
        return at[tok.i]
    for child in tok.children:
        if child.dep_ in _NOMINAL_DEPS and child.i in at and at[child.i].place.kind != "country":
            return at[child.i]  # "the Kabul market", "the capital, Kabul" (not "an Iranian base")
        if child.dep_ == "appos" and child.i in at:
            return at[child.i]
    if hops >= _MAX_HOPS or tok.lemma_.lower() not in config.place_nouns and tok.lower_ not in config.place_nouns:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in config.linking:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _place_in(obj, at, config, hops + 1)
                    if found is not None:
                        return found
    return None


def locate_events(doc: Doc, mentions: Sequence[EventMention], actors: Sequence[ActorMention], article: Article,
                  resources: Resources | None = None) -> list[EventMention]:
    """The pipeline step: find the article's places (``find_places``) and locate each mention."""
    if not mentions:
        return list(mentions)
    places = find_places(doc, article, resources, actors=actors)
    return locate(doc, mentions, places, load_config())
