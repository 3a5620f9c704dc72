"""The place a phrase names: a prepositional object, through its modifiers and place words.

Shared by the clause rules (``clause.py``, ``links.py``) and the fallbacks: "in the Kabul market", "the capital, Kabul", "at a
market in Kabul", "near the border with Afghanistan", "in Syria's eastern deserts", "in Syrian
towns" (a country's adjective on a noun of its land), "in the campaign to liberate Raqqa".
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .config import PlacesConfig
from .gazetteer import load_index
from .types import PlaceMention


def first_conjunct(tok: Token) -> Token:
    """The first of coordinated words ("Raqqa" in "in Mosul and Raqqa" -> "Mosul"), which holds the
    coordination's dependency."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok

# (a possessive is an owner, "coming to Baghdad's aid", but on a place noun: "in Kabul's market", below)
NOMINAL_DEPS = frozenset({"compound", "amod", "appos", "nmod", "npadvmod"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
MAX_HOPS = 3
REGION = "region"  # ``PlaceMention.why`` of a region phrase's place (its ``location`` basis too)


def objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through the "of" of "out of" (parsed "out" -> "of" -> object)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs and prep.lower_ == "out":
        objs = [o for c in prep.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return objs


def in_words(tok: Token, words: frozenset[str]) -> bool:
    """``tok``'s lemma or its own lower-case form is one of ``words`` (a word list of ``places.yaml``)."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def inhabitants_of(prep: Token, config: PlacesConfig) -> bool:
    """The "of" of a noun of a place's inhabitants (``inhabitant_nouns``: "the residents of Idlib",
    "the people of Aleppo"): they are there. (A country there is where they come from, not
    necessarily where they are: "citizens of Britain".)"""
    head = prep.head
    return prep.lower_ == "of" and (head.lemma_.lower() in config.inhabitant_nouns
                                    or head.lower_ in config.inhabitant_nouns)


def aim_place(noun: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"the battle to retake Mosul", "the campaign to liberate Raqqa": a campaign named by the
    capture it aims at is fought there (an infinitive of ``object_lemmas`` on the noun)."""
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in config.object_lemmas \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            for obj in clause.children:
                if obj.dep_ in OBJECT_DEPS:
                    found = place_in(obj, at, config, MAX_HOPS)
                    if found is not None:
                        return found
    return None


def demonym_place(tok: Token, config: PlacesConfig) -> PlaceMention | None:
    """"in Syrian towns", "on Turkish soil": a country's adjective on a noun of its land
    (``demonym_nouns``; not "an Iranian base" or "the Turkish border", which may lie abroad), or
    on a noun of war (``war_nouns``: "the Syrian civil war", "the Yemeni conflict")."""
    words = {tok.lemma_.lower(), tok.lower_}
    if not words & (config.demonym_nouns | config.war_nouns):
        return None
    for child in tok.children:
        parts = child.ent_id_.split(":")
        if child.dep_ == "amod" and len(parts) == 3 and parts[0] == "place" and parts[2] == "demonym":
            country = load_index().countries.get(parts[1])
            if country is not None:
                return PlaceMention(child.i, child.i + 1, child.idx, child.idx + len(child.text), child.text,
                                    country, f"{child.text!r} names the country of {tok.text!r}")
    return None


def place_in(tok: Token, at: dict[int, PlaceMention], config: PlacesConfig, hops: int) -> PlaceMention | None:
    """The place ``tok`` (a prepositional object) is or names through its modifiers and place words."""
    if tok.i in at:
        return at[tok.i]
    for child in tok.children:
        if child.dep_ in NOMINAL_DEPS and child.i in at and at[child.i].place.kind != "country":
            return at[child.i]  # "the Kabul market", "the capital, Kabul" (not "an Iranian base")
        if child.dep_ == "appos" and child.i in at:
            return at[child.i]
    place_noun = in_words(tok, config.place_nouns)
    # a meeting leads on through its "of" to where it met ("at a meeting of EU foreign ministers in Brussels")
    venue = in_words(tok, config.venue_nouns)
    if tok.i not in at:
        region = region_place(tok, at, config)
        if region is not None:
            return region
    if hops >= MAX_HOPS:
        return None
    # a place word leads on through linking and locative prepositions ("the border with X", "the
    # hills above Raqqa", "an island off Istanbul"); any other noun of
    # a locative phrase is an event or a scene, placed by its own locative phrase ("in an airstrike
    # in Gaza"), never by "of" or "with" ("in talks with Russia")
    follow = config.linking | config.locative if place_noun else config.locative | {"on"} | ({"of"} if venue else set())
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ in follow or inhabitants_of(child, config)):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = place_in(obj, at, config, hops + 1)
                    # "an airstrike on a market in Idlib", "strikes on Idlib"; not "talks on Syria"
                    if found is not None and (child.lower_ not in ("on", "of") or place_noun
                                              or found.place.kind != "country"):
                        return found
    for verb in tok.children:
        # "in a speech delivered in Amman", "in a statement issued in Moscow": the participle of
        # performing the act (``performing_verbs``) says where it was done
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in config.performing_verbs:
            found = locative_place((verb,), at, config)
            if found is not None:
                return found
    aim = aim_place(tok, at, config)  # "killed in the campaign to liberate Raqqa"
    if aim is not None:
        return aim
    if place_noun or tok.lemma_.lower() in config.war_nouns:
        # "in Syria's eastern deserts": the country that owns the place; "in Syria's civil war"
        for child in tok.children:
            if child.dep_ == "poss" and child.i in at:
                return at[child.i]
    return demonym_place(tok, config)


def locative_place(heads: Iterable[Token], at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """The first place named by a locative prepositional phrase on one of ``heads`` ("in Idlib")."""
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in config.locative:
                found = object_place(prep, at, config)
                if found is not None:
                    return found
    return None


def object_place(prep: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """The first place that one of ``prep``'s objects is or names (``place_in``), in their order."""
    return next((p for p in (place_in(o, at, config, 0) for o in objects(prep)) if p is not None), None)


def region_place(tok: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"south of Idlib", "a village 10km north of Aleppo", "Douma, north of Damascus": a compass
    word (``compass_words``) with "of" and a place names a region beside it, placed in the place's
    first-level division where GeoNames names it, else its country (``why`` REGION)."""
    for child in [tok, *tok.children]:
        if child.lower_ not in config.compass_words or child.dep_ not in ("advmod", "npadvmod", "appos", "amod", "pobj"):
            continue
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in objects(prep):
                    found = at.get(obj.i)
                    if found is None:
                        continue
                    place = found.place
                    if place.kind == "city":
                        country = load_index().countries.get(place.country)
                        if country is None:
                            return None
                        place = dataclasses.replace(country, admin1=found.place.admin1)
                    return dataclasses.replace(found, place=place, why=f"{REGION}: {child.text} of {found.text}")
    return None


def destination_in_phrase(trigger: Token, at: dict[int, PlaceMention], preps: frozenset[str]) -> PlaceMention | None:
    """"the visit of the delegation headed by the minister to Tehran": the parser hangs the
    destination (or a withdrawal's origin) deep inside the noun phrase of the visit; any "to" (or
    "from") + place within it counts."""
    for tok in trigger.subtree:
        if tok.i > trigger.i and tok.dep_ == "prep" and tok.lower_ in preps:
            for obj in tok.children:
                if obj.dep_ == "pobj" and obj.i in at:
                    return at[obj.i]
    return None


def target_conjunct(doc: Doc, found: PlaceMention, target: ActorMention | None,
                    at: dict[int, PlaceMention]) -> PlaceMention | None:
    """Of places coordinated in the clause's phrase, the one that is the event's target, where the
    coder made one of them its target ("travelling to Afghanistan, Chad and Iraq": the visit to
    Iraq is in Iraq, not in the first named)."""
    if target is None or not 0 <= target.start < target.end <= len(doc):
        return None
    first = first_conjunct(doc[found.end - 1])
    for tok in (first, *first.conjuncts):
        place = at.get(tok.i)
        if place is not None and place is not found and target.start <= tok.i < target.end:
            return place
    return None


def origin_prep(prep: Token, config: PlacesConfig) -> bool:
    """"from", or "out of": where a withdrawal or a retreat happens."""
    return prep.lower_ in config.origin or (prep.lower_ == "out" and any(c.lower_ == "of" for c in prep.children))


def passive_object(trigger: Token, at: dict[int, PlaceMention]) -> PlaceMention | None:
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
