"""Locations from the article around an event: the previous sentence's event of the same actors.

An event placed at home by the ``actors`` fallback whose doer an event of this sentence or the
one before places abroad on a visit or at a meeting (``presence_codes``) is not placed at home
("Putin arrived in Paris on Monday. He condemned the decision."): where it was is not said.

An event that neither its clause, a dateline nor a fallback places may take the place of an event
of the sentence just before it (basis ``previous``) when

- that event was placed by its own clause or its sentence's scenes (not carried over itself, not
  at home by the ``actors`` fallback);
- both tell of the same doer (the same known person or organisation, else the same country and
  sector), and the targets, where both have one, are the same too;
- the event's own sentence names no scene of another country (after a locative preposition);
- it is no speech act: what is said of an act is not said where the act was ("Turkish jets
  struck Afrin. Turkey said ..."; "Putin hosted Assad in Sochi on Monday. He insisted on Wednesday ...").

The text is read as it comes: a sentence goes on from the one before ("Turkish troops entered
Afrin on Sunday. They took the town centre after a two-month siege.").
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Actor, ActorMention, EventMention
from .gazetteer import PlacesConfig
from .phrase import first_conjunct
from .types import PlaceMention

CARRIED_FROM = ("clause", "sentence")


def carry_over(doc: Doc, mentions: Sequence[EventMention], places: Sequence[PlaceMention],
               config: PlacesConfig) -> list[EventMention]:
    """``mentions`` with the unplaced ones placed, where they may be, by the previous sentence."""
    by_sentence: dict[int, list[EventMention]] = {}
    for m in mentions:
        if m.location is not None and m.location.basis in CARRIED_FROM and m.sent_index >= 0:
            by_sentence.setdefault(m.sent_index, []).append(m)
    out = []
    for m in mentions:
        if m.location is not None and m.location.basis == "actors" and m.sent_index >= 0 \
                and _away(m, [*by_sentence.get(m.sent_index - 1, ()), *by_sentence.get(m.sent_index, ())], config):
            m = dataclasses.replace(m, location=None)
        if m.location is None and m.sent_index > 0:
            prior = _prior(m, by_sentence.get(m.sent_index - 1, ()), config)
            if prior is not None and prior.location is not None \
                    and not _scene_elsewhere(doc, m, places, prior.location.country, config):
                m = dataclasses.replace(m, location=dataclasses.replace(prior.location, basis="previous"))
        out.append(m)
    return out


def _away(m: EventMention, nearby: Sequence[EventMention], config: PlacesConfig) -> bool:
    """The doer placed at home is, by a visit or a meeting of its own (``presence_codes``) in this
    sentence or the one before, abroad ("Putin arrived in Paris on Monday. He condemned the
    decision."; not an act of force it ordered: "sending Turkish forces into Afrin")."""
    country = m.location.country if m.location is not None else None
    return any(c is not m and c.location is not None and c.location.country != country
               and any(c.cameo.startswith(p) for p in config.presence_codes) and _same(m.source, c.source)
               for c in nearby)


def _prior(m: EventMention, candidates: Sequence[EventMention], config: PlacesConfig) -> EventMention | None:
    if m.cameo[:2] in config.speech_roots:
        return None
    for c in candidates:
        if not _same(m.source, c.source):
            continue
        if m.target is not None and m.target.actor is not None and c.target is not None \
                and c.target.actor is not None and not _same(m.target, c.target):
            continue
        return c
    return None


def _same(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Two mentions of one actor: the same known person or organisation, else the same country
    and sector (both known)."""
    x = a.actor if a is not None else None
    y = b.actor if b is not None else None
    if x is None or y is None:
        return False
    if x.kb_id or y.kb_id:
        return x.kb_id == y.kb_id
    if x.org or y.org:
        return x.org == y.org
    return _key(x) is not None and _key(x) == _key(y)


def _key(actor: Actor) -> tuple[str, str] | None:
    if not actor.country or not actor.sector:
        return None
    return actor.country, actor.sector


def _scene_elsewhere(doc: Doc, m: EventMention, places: Sequence[PlaceMention], country: str | None,
                     config: PlacesConfig) -> bool:
    """The event's sentence names a place of another country after a locative preposition."""
    for p in places:
        if p.dateline or not m.char_start <= p.char_start < m.char_end or p.place.country == country:
            continue
        tok = first_conjunct(doc[p.end - 1])
        if tok.dep_ == "pobj" and tok.head.lower_ in config.locative:
            return True
    return False
