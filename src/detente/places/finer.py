"""The finest place the sentence gives: a country-level location narrowed to a city or division.

The ``actors``, ``sentence`` and ``article`` bases place an event at a country. Where the sentence
itself says where in that country the event happened, the country is too coarse ("arrested ...
at the resort of Didim in south-west Turkey" is at Didim, not just in Turkey), so such a location
is narrowed, keeping its basis, to

- for a state's act at home (``actors``), the seat or place its doer is named by ("Tehran has
  vowed vengeance" -> Tehran, "the Washington, D.C. attorney general filed a lawsuit" ->
  Washington): a government acts where it sits (not a seat that owns the doer: "Washington's
  top diplomat" may speak anywhere);
- else the one place below the country that the event's own clause names as a scene in that
  country: after a locative preposition (as the ``sentence`` fallback reads scenes: not inside a
  party's phrase, not where people come from, not inside what a speech act speaks of), in the
  clause of the event's trigger itself, not in a clause of another verb ("Kurdish militants who
  had fought with US forces have allied with regime forces in Idlib" leaves the fighting in
  Syria). Two or more such places ("in Mosul and Raqqa") leave the country.

A country reached by the event's clause itself (basis ``clause``) is the clause's own choice and
is left as it is.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import EventMention
from .fallback import scenes
from .config import PlacesConfig
from .types import GeoPlace, PlaceMention, location_of

NARROWED = frozenset({"actors", "sentence", "article"})
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "parataxis", "xcomp", "csubj", "conj"})


def narrow(doc: Doc, mentions: Sequence[EventMention], places: Sequence[PlaceMention],
           config: PlacesConfig) -> list[EventMention]:
    """``mentions`` with each country-level location of ``NARROWED`` bases narrowed, where the
    sentence says, to the city or division in that country where the event happened."""
    out = []
    for m in mentions:
        loc = m.location
        if loc is not None and loc.kind == "country" and loc.basis in NARROWED and 0 <= m.trigger_token < len(doc):
            place = (_seat(doc, m, places, str(loc.country)) if loc.basis == "actors" else None) \
                or _own_scene(doc, m, places, str(loc.country), config)
            if place is not None:
                m = dataclasses.replace(m, location=location_of(place, loc.basis))
        out.append(m)
    return out


def _seat(doc: Doc, m: EventMention, places: Sequence[PlaceMention], iso: str) -> GeoPlace | None:
    """The one city or division of ``iso`` the doer's phrase names ("Moscow", "the Delhi police")."""
    doer = m.source
    if doer is None or not 0 <= doer.start < doer.end <= len(doc):
        return None
    root = doc[doer.start:doer.end].root
    found = {p.place for p in places if not p.dateline and doer.start <= p.start and p.end <= doer.end
             and p.place.country == iso and p.place.kind != "country" and _names_doer(doc[p.end - 1], root)}
    return next(iter(found)) if len(found) == 1 else None


def _names_doer(tok: Token, root: Token) -> bool:
    """The place is the doer ("Moscow said") or names it ("the Lagos police"); not an owner, which
    is the state the doer serves ("Washington's top diplomat against Isis", who travels)."""
    return tok.i == root.i or (tok.dep_ in ("compound", "nmod") and tok.head.i == root.i)


def _own_scene(doc: Doc, m: EventMention, places: Sequence[PlaceMention], iso: str,
               config: PlacesConfig) -> GeoPlace | None:
    """The one place below the country ``iso`` that the trigger's own clause names as a scene."""
    trigger = doc[m.trigger_token]
    inside = [p for p in places if not p.dateline and m.char_start <= p.char_start < m.char_end]
    clause = clause_of(trigger)
    found = {p.place for p in scenes(doc, m, inside, config, trigger)
             if p.place.country == iso and p.place.kind != "country" and clause_of(doc[p.end - 1]) == clause}
    return next(iter(found)) if len(found) == 1 else None


def clause_of(tok: Token) -> int:
    """The index of the head of the clause ``tok`` is in: its nearest verb that heads a clause of
    its own (a subordinate, relative, complement, coordinated or participle clause), else the root."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS:
            return cur.i
        cur = cur.head
    return cur.i
