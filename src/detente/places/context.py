"""Locations from the article around an event: an event of the same actors in its sentence or the one before.

An event placed at home by the ``actors`` fallback whose doer an event of this sentence or the
one before places abroad on a visit or at a meeting (``presence_codes``) is not placed at home
("Putin arrived in Paris on Monday. He condemned the decision."): where it was is not said.

An event that neither its clause, a dateline nor a fallback places may take the place of an event
of its own sentence or of the sentence just before it (basis ``previous``; "Rebels shelled
Damascus, killing 12 people") when

- that event was placed by its own clause or its sentence's scenes (not carried over itself, not
  at home by the ``actors`` fallback);
- both tell of the same doer (the same known person or organisation, else the same country and
  sector), and the targets, where both have one, are the same too;
- the event's own sentence names no scene of another country (after a locative preposition);
- it is no speech act: what is said of an act is not said where the act was ("Turkish jets
  struck Afrin. Turkey said ..."; "Putin hosted Assad in Sochi on Monday. He insisted on Wednesday ...").

The text is read as it comes: a sentence goes on from the one before ("Turkish troops entered
Afrin on Sunday. They took the town centre after a two-month siege.").

An act of protest, coercion or force (``theatre_roots``), or any act other than speech whose
parties with a country are all of C (the theatre's own people: "Kurdish militants have allied with
Syrian regime forces"), still unplaced takes the article's theatre (basis
``article``) when every asserted act of force the article places by its own clause or sentence
(``CARRIED_FROM``) lies in one country C, its own sentence names C or a place in C (as a place or
a party), names no scene outside C (a city or division anywhere, a country after a preposition of
place, destination or origin or compounded with a noun), and it is not aimed at another country's
state institutions ("an insurgency against the Turkish state"): a war reported in one country is
fought there ("Syria's Kurdish militants, who had fought with US forces" in an article on Idlib;
not "Turkey launched the assault ... out of Afrin" in an article whose placed fighting is in
Turkey, nor "Yazidi men were shot", whose sentence names no place).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Actor, ActorMention, EventMention
from .config import PlacesConfig
from .gazetteer import load_index
from .phrase import first_conjunct
from .types import PlaceMention, location_of

CARRIED_FROM = ("clause", "sentence")
ARTICLE = "article"
THEATRE_MIN = 1  # acts of force placed by their own clause or sentence that make an article's theatre


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
        if m.location is None and m.sent_index >= 0:
            prior = _prior(m, [*by_sentence.get(m.sent_index, ()), *by_sentence.get(m.sent_index - 1, ())], config)
            if prior is not None and prior.location is not None \
                    and not _scene_elsewhere(doc, m, places, prior.location.country, config):
                m = dataclasses.replace(m, location=dataclasses.replace(prior.location, basis="previous"))
        out.append(m)
    return _theatre(doc, out, places, config)


def _theatre(doc: Doc, mentions: list[EventMention], places: Sequence[PlaceMention],
             config: PlacesConfig) -> list[EventMention]:
    """Unplaced acts of protest, coercion and force placed in the one country of the article's
    placed acts of force."""
    country = war_theatre(mentions, config)
    if country is None:
        return mentions
    theatre_roots = config.theatre_roots
    place = load_index().countries.get(country)
    if place is None:
        return mentions
    theatre = location_of(place, ARTICLE)
    out = []
    for m in mentions:
        if m.location is None and (m.cameo[:2] in theatre_roots or _local(m, country, config)) and _names(m, places, country) \
                and not other_scene(doc, m, places, country, config) and not _foreign_state(m.target, country, config):
            m = dataclasses.replace(m, location=theatre)
        out.append(m)
    return out


def war_theatre(mentions: Sequence[EventMention], config: PlacesConfig, least: int = THEATRE_MIN) -> str | None:
    """The one country of the article's asserted acts of force placed by their own clause or
    sentence (``CARRIED_FROM``), None if there are fewer than ``least`` or several countries."""
    placed = [m.location for m in mentions if m.location is not None and m.location.basis in CARRIED_FROM
              and m.cameo[:2] in config.civilian_target_roots and m.modality == "asserted"]
    countries = {loc.country for loc in placed}
    if len(placed) < least or len(countries) != 1 or None in countries:
        return None
    return str(next(iter(countries)))


def _local(m: EventMention, country: str, config: PlacesConfig) -> bool:
    """An act whose parties with a country are all of the theatre's country ("Kurdish militants
    have allied with Syrian regime forces", "opposition communities that surrendered to regime
    forces"): the theatre's own people act in it. Not speech (``speech_roots``) but that of armed
    forces and groups (``home_speech_sectors``: "Kurdish fighters appealed to the Assad regime"):
    what others say may be said abroad (exiled oppositions, monitors based in London)."""
    if m.cameo[:2] in config.speech_roots and not (m.source is not None and m.source.actor is not None
                                                   and m.source.actor.sector in config.home_speech_sectors):
        return False
    countries = {a.actor.country for a in (m.source, m.target) if a is not None and a.actor is not None and a.actor.country}
    return countries == {country}


def _names(m: EventMention, places: Sequence[PlaceMention], country: str) -> bool:
    """The event's sentence names the country or a place in it (as a place or as a party)."""
    return any(not p.dateline and m.char_start <= p.char_start < m.char_end and p.place.country == country
               for p in places)


def _foreign_state(target: ActorMention | None, country: str, config: PlacesConfig) -> bool:
    """The act is aimed at another country's state institutions ("an insurgency against the
    Turkish state", "clashed with Trump"): it is fought there, or is no fighting at all."""
    actor = target.actor if target is not None else None
    return actor is not None and bool(actor.country) and actor.country != country \
        and actor.sector in config.home_sectors


def other_scene(doc: Doc, m: EventMention, places: Sequence[PlaceMention], country: str,
                 config: PlacesConfig) -> bool:
    """The sentence names a scene of another country: a city or division anywhere, or a country
    after a preposition of place, destination or origin or compounded with a noun; not a party of
    the event named by its seat, nor an owner ("Ankara has been pounding the canton's towns",
    "Washington's main proxy")."""
    preps = config.locative | config.destination | config.origin | config.circumstantial
    parties = {i for a in (m.source, m.target) if a is not None and a.actor is not None for i in range(a.start, a.end)}
    for p in places:
        if p.dateline or not m.char_start <= p.char_start < m.char_end or p.place.country == country:
            continue
        tok = first_conjunct(doc[p.end - 1])
        if tok.i in parties or tok.dep_ == "poss":
            continue
        if p.place.kind != "country" or tok.dep_ == "compound" or (tok.dep_ == "pobj" and tok.head.lower_ in preps):
            return True
    return False


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
