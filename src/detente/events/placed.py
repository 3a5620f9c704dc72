"""Sides read from where an event happened: the stage after the places stage has located the events.

- A state's act of coercion or justice told with no doer ("was arrested in Bodrum", "was convicted in
  Turkey", "the jailing of activists in Riyadh") is done by the state where its clause places it, by
  the sector its code implies (police, courts, government: ``data/state_acts.yaml``). The roles stage
  does this for a place phrase of the trigger itself (``unnamed_doers.custody_source``); this stage reads the
  event's location, which also finds a place deeper in the clause ("arrested while on holiday in the
  town of Didim"). Only a location its own sentence gives (basis clause, region, or sentence: the
  scenes the sentence names, all in one country; or the dateline; never the article's theatre alone),
  not a destination or an origin ("deported to Syria", "formerly of Accrington"), nor a place in the
  person acted on or in what they are acted on for ("convicted of plotting an attack in Essex"); and
  not when an armed group is named in the act's phrase ("detained during Isis's rule"). Words armed
  groups use as often as states ("captured", "held") are left alone. The source is a mention
  of that place with basis ``place``: its text and its actor's name say which place it was inferred
  from ("TUR COP (inferred from the place: Didim)").
- Such an act's target is never a town or country when the clause names the person acted on ("Robinson
  was arrested in Didim", "a Briton jailed in Turkey"): that person (an actor, or none).
- A group named by its backer ("US-backed forces", "Turkish-backed rebels", whose own country the
  actor stage leaves out) is of the country where its clause places the event, unless that is the
  backer's.
- So is an armed group named as a side of a war inside one state and by no country of its own
  ("pro-regime forces", "the rebels", "government troops", "Kurdish forces in Afrin";
  ``local_war_words`` of ``data/words/actors.yaml``), where its event is placed by its clause or
  sentence, the act it goes on from or the article's one theatre of war (for an act no place is given
  for, unless its sentence names a scene elsewhere): CAMEO codes such groups by
  the country they fight in. A word with a few countries ("Kurdish") gives only those. Not for talks,
  agreements and cooperation (``roots.venue``), whose place is a venue ("rebels signed an accord in Oslo").
  A building named with no country ("the hospitals were bombed") is likewise of the country where the
  act done to it is placed.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import Actor, ActorMention, EventMention, Location
from ..places.context import other_scene, war_theatre
from ..places.gazetteer import load_config
from ..places.types import PlaceMention
from ..policy import cameo_policy
from ..wordlists import read_packaged, word_map, word_set
from . import syntax as sx
from .index import VENUE_ROOTS

_DATA = read_packaged("state_acts.yaml")
STATE_CODES: dict[str, str] = {str(k): str(v) for k, v in _DATA["codes"].items()}
STATE_WORDS = frozenset(_DATA["words"])
NOT_SCENE_PREPS = frozenset(_DATA["not_scene_preps"])
CHARGE_PREPS = frozenset(_DATA["charge_preps"])
SCENE_BASES = frozenset(_DATA["scene_bases"])
COURT_WORDS = word_set("events", "court_act_words")
BACKED = re.compile(r"-(?:%s)\b" % "|".join(sorted(word_set("actors", "sponsored"))), re.I)
ARMED_NONSTATE = cameo_policy().armed_nonstate  # REB, INS ...: a group that may hold people as states do
LOCAL_WAR = {str(k).lower(): frozenset(v or ()) for k, v in word_map("actors", "local_war_words").items()}
LOCAL_WAR_SECTORS = word_set("actors", "local_war_sectors")  # MIL, REB
LOCAL_WAR_BASES = word_set("actors", "local_war_bases")  # clause, sentence ... article: where it fought
STRUCK_SITES = word_set("actors", "struck_sites")  # hospital, school ...: of the place they are in
LOCAL_WAR_THEATRE = int(word_map("actors", "local_war_theatre")["least"])  # placed acts of force that make a theatre
_PATIENT_DEPS = frozenset({"nsubjpass", "dobj"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})  # a noun's own phrase, not its clauses
_PERSON_POS = frozenset({"NOUN", "PROPN", "PRON"})


def sides_from_places(doc: Doc, mentions: Sequence[EventMention], actors: Sequence[ActorMention],
                      places: Sequence[PlaceMention]) -> list[EventMention]:
    """The pipeline step after ``locate_events``: the mentions, with the sides their place gives."""
    theatre = war_theatre(mentions, load_config(), LOCAL_WAR_THEATRE)
    return [_placed(doc, m, actors, places, theatre) for m in mentions]


def _placed(doc: Doc, m: EventMention, actors: Sequence[ActorMention],
            places: Sequence[PlaceMention], theatre: str | None = None) -> EventMention:
    if m.trigger_token < 0 or m.trigger_token >= len(doc):
        return m
    trig = doc[m.trigger_token]
    source, target = m.source, m.target
    sector = _state_sector(trig, m.cameo)
    if sector is not None:
        patient = _patient(trig)
        apart = _apart(trig, patient)
        scene = _scene(doc, m, places, apart)
        if source is None and scene is not None and _agentless(trig) and not _armed_group_near(trig, actors, apart):
            source = _state_mention(trig, scene, sector)
        if target is not None and _is_place(target, places):
            if patient is not None and target.start not in _own_phrase(patient) and not _inside(patient, target) \
                    and not _place_at(patient, places):  # (not the patient's own country: "India's envoy")
                target = _actor_at(patient, actors, places)
    if any(side is not None and BACKED.search(side.text) for side in (source, target)):
        scene = _scene(doc, m, places, set())
        if scene is not None:
            source = _backed(source, scene, actors, places)
            target = _backed(target, scene, actors, places)
    if m.cameo[:2] not in VENUE_ROOTS and any(_war_countries(doc, side) is not None for side in (source, target)):
        scene = _war_scene(doc, m, places, theatre)
        if scene is not None:
            source = _fought_in(doc, source, scene, actors, places)
            target = _fought_in(doc, target, scene, actors, places)
    if source is m.source and target is m.target:
        return m
    return dataclasses.replace(m, source=source, target=target)


def _state_sector(trig: Token, cameo: str) -> str | None:
    """The sector of a state's act told by ``trig`` with code ``cameo``; None if it is none."""
    sector = STATE_CODES.get(cameo) or STATE_CODES.get(cameo[:3])
    if sector is None or not sx.lemma_in(trig, STATE_WORDS):
        return None
    return "JUD" if sx.lemma_in(trig, COURT_WORDS) else sector


def _agentless(trig: Token) -> bool:
    """A passive verb or participle with no agent, or a noun with no possessor or agent."""
    if sx.agent(trig) or any(c.dep_ in ("poss", "agent", "nsubj") for c in trig.children):
        return False
    return sx.eff_pos(trig) == "noun" or sx.is_passive(trig) or (trig.tag_ == "VBN" and trig.dep_ in ("acl", "amod"))


def _armed_group_near(trig: Token, actors: Sequence[ActorMention], apart: set[int]) -> bool:
    """An armed group named in the act's own phrase ("detained during Isis's reign in Syria"): the act
    may be theirs, not the state's (not one the person is acted on for: "charged for joining the YPG")."""
    ids = {t.i for t in trig.subtree} - apart
    return any(a.start in ids and a.actor.sector in ARMED_NONSTATE for a in actors)


def _scene(doc: Doc, m: EventMention, places: Sequence[PlaceMention], apart: set[int]) -> Location | None:
    """The event's location when its clause names it as the scene: not a destination or an origin, nor
    a place of the words ``apart`` (the person acted on, what they are acted on for)."""
    loc = m.location
    if loc is None or loc.country is None or loc.basis not in SCENE_BASES:
        return None
    if loc.basis == "dateline":
        return loc
    sent = doc[m.trigger_token].sent
    named = [p for p in places if sent.start <= p.start < sent.end and p.place.name == loc.name]
    if named and all(p.start in apart or _governing_prep(doc[p.end - 1]) in NOT_SCENE_PREPS for p in named):
        return None
    return loc


def _apart(trig: Token, patient: Token | None) -> set[int]:
    """The words of the person acted on and of what they are acted on for ("charged with planning an
    attack in Essex", "a student at the University of Leeds"): no scene, and no doer, is read there."""
    noun = sx.eff_pos(trig) == "noun"
    charge = {t.i for p in trig.children if p.dep_ == "prep" and p.lower_ in CHARGE_PREPS
              and not (noun and p.lower_ == "of") for t in p.subtree}
    person = {t.i for t in patient.subtree} - {t.i for t in trig.subtree} if patient is not None else set()
    if patient is not None and patient.head.i == trig.i:
        person = {t.i for t in patient.subtree}
    return charge | person


def _governing_prep(tok: Token) -> str | None:
    """The preposition a place's phrase hangs from, past "of" on a common noun ("the town of Didim")."""
    while tok.dep_ in ("pobj", "compound", "appos", "conj", "nmod", "npadvmod") and tok.head.i != tok.i:
        head = tok.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ == "of" and head.head.tag_ in ("NN", "NNS"):
                tok = head.head
                continue
            return head.lower_
        tok = head
    return None


def _state_mention(trig: Token, scene: Location, sector: str) -> ActorMention:
    """The state of ``scene`` by ``sector``, as a mention of the place it was inferred from."""
    actor = Actor(country=scene.country, sector=sector, confidence=0.5,
                  name=f"{scene.country} {sector} (inferred from the place: {scene.name})")
    return ActorMention(trig.i, trig.i + 1, trig.idx, trig.idx + len(trig), scene.name, actor, basis="place")


def _is_place(side: ActorMention, places: Sequence[PlaceMention]) -> bool:
    """A side that is a place named for its people: a town the places stage found, or a country or
    town mention with no sector over the span of a place."""
    if side.basis == "place":
        return True
    if side.actor.sector or side.actor.org:
        return False
    return any(p.start <= side.start < p.end for p in places)


def _patient(trig: Token) -> Token | None:
    """The person a coercive act is done to, as the clause names them: the passive subject, the
    object, the noun a participle describes, the "of" object of a noun."""
    for c in trig.children:
        if c.dep_ in _PATIENT_DEPS and c.pos_ in _PERSON_POS:
            return c
    if trig.dep_ in ("acl", "amod") and trig.tag_ == "VBN" and trig.head.pos_ in _PERSON_POS:
        return trig.head
    if sx.eff_pos(trig) == "noun":
        for obj in sx.prep_objects(trig, ("of",)):
            if obj.pos_ in _PERSON_POS:
                return obj
    return None


def _inside(tok: Token, side: ActorMention) -> bool:
    return side.start <= tok.i < side.end


def _place_at(tok: Token, places: Sequence[PlaceMention]) -> bool:
    return any(p.start <= tok.i < p.end for p in places)


def _actor_at(tok: Token, actors: Sequence[ActorMention], places: Sequence[PlaceMention]) -> ActorMention | None:
    """The actor mention a patient's phrase holds: its own, else the nearest inside its phrase that is
    not a place ("a Briton from Leeds" is no town)."""
    found = [a for a in actors if a.start <= tok.i < a.end]
    if not found:
        ids = _own_phrase(tok) | {i for c in tok.children if c.dep_ == "appos" for i in _own_phrase(c)}
        found = sorted((a for a in actors if a.start in ids and (a.actor.country or a.actor.org)
                        and not _is_place(a, places)), key=lambda a: abs(a.start - tok.i))
    return found[0] if found else None


def _own_phrase(tok: Token) -> set[int]:
    """A noun and its modifiers (not its clauses, prepositions or appositions)."""
    return {tok.i} | {t.i for c in tok.children if c.dep_ in _MODIFIER_DEPS for t in c.subtree}


def _backed(side: ActorMention | None, scene: Location, actors: Sequence[ActorMention],
            places: Sequence[PlaceMention]) -> ActorMention | None:
    """A countryless group named by its backer, given the country of the event's scene."""
    if side is None or side.actor.org or not BACKED.search(side.text):
        return side
    return _given_scene(side, scene, actors, places)


def _given_scene(side: ActorMention, scene: Location, actors: Sequence[ActorMention],
                 places: Sequence[PlaceMention]) -> ActorMention:
    """``side`` with the country of ``scene``, unless its own words give it a country (or only borrowed
    one from its sentence) or name that of the scene (its backer's: "Turkish-backed rebels" in Turkey)."""
    if side.actor.country and side.basis != "context":  # a country its own words give
        return side
    inner = {a.actor.country for a in actors if side.start <= a.start and a.end <= side.end and a is not side}
    inner |= {p.place.country for p in places if side.start <= p.start and p.end <= side.end}
    if scene.country in inner or scene.country == side.actor.country:
        return side
    return dataclasses.replace(side, actor=dataclasses.replace(side.actor, country=scene.country), basis="place")


def _war_countries(doc: Doc, side: ActorMention | None) -> frozenset[str] | None:
    """The countries an armed group named as a side of a war inside one state may fight in (empty:
    any), None if ``side`` is no such group (of another sector, a group with a code of its own, or of
    no word of ``local_war_words``); a building of no country ("the hospitals", ``struck_sites``) is
    of any."""
    if side is None or side.actor.org or (side.actor.country and side.basis != "context"):
        return None
    if doc[side.end - 1].lemma_.lower() in STRUCK_SITES:  # "the hospitals were bombed": where they are
        return frozenset()
    if side.actor.sector not in LOCAL_WAR_SECTORS:
        return None
    words = {t.lower_ for t in doc[side.start:side.end]} | {w.strip(".,'’\"").lower() for w in side.text.split()}
    found = [LOCAL_WAR[w] for w in words if w in LOCAL_WAR]
    if not found:
        return None
    return frozenset() if any(not c for c in found) else frozenset.union(*found)


def _war_scene(doc: Doc, m: EventMention, places: Sequence[PlaceMention], theatre: str | None) -> Location | None:
    """Where a war's act was fought, as its clause or sentence, the act before or the article says;
    an act no place is given for, in the article's one theatre of war unless its sentence names a
    scene elsewhere (``places/context.py``)."""
    loc = m.location
    if loc is None and theatre is not None and not other_scene(doc, m, places, theatre, load_config()):
        return Location(theatre, theatre, basis="article")
    if loc is None or loc.country is None or loc.basis not in LOCAL_WAR_BASES:
        return None
    if loc.basis in SCENE_BASES:
        return _scene(doc, m, places, set())
    return loc


def _fought_in(doc: Doc, side: ActorMention | None, scene: Location, actors: Sequence[ActorMention],
               places: Sequence[PlaceMention]) -> ActorMention | None:
    """An armed group named as a side of a war inside one state, given the country it fights in."""
    countries = _war_countries(doc, side)
    if side is None or countries is None or (countries and scene.country not in countries):
        return side
    return _given_scene(side, scene, actors, places)
