"""Event location: the place its clause names, else the article's dateline, else none.

This module chooses: it tries the walks of the parse in order (``clause.py``: the clause's own
phrases, its parties', the governing verb's; ``links.py``: agent, purpose, circumstance), then the
seat of a body (``seats.py``), the dateline and the sentence's or article's place
(``fallback.py``), and applies what it found to the mention (a country for coordinated places of
one country, the civilians as a target, a placeless group's country); then the carry-over of the
previous sentence's place (``context.py``) and the finer place (``finer.py``).

The clause's place is one reached from the trigger through the parse, without crossing into
another clause:

- the object of a locative preposition on the trigger, on its object or on the verb a noun
  trigger is the object of ("met in Dushanbe", "signed agreements in Dushanbe", "held talks in
  Geneva"), also through place words ("at a market in Kabul", "near the border with
  Afghanistan", "in the Kabul market", "in the capital, Kabul");
- the object of a preposition of destination when the trigger is a visit or a movement
  ("travelled to Tehran", "the visit of the delegation to Tehran");
- the object of "from" (or "out of") when the trigger is a withdrawal or a retreat ("withdraw
  its troops from Syria", "the withdrawal of US troops from Syria"): the act happens where they leave;
- the direct object of a visit, an attack or a capture ("visited Tajikistan", "shelled Kharkiv");
- the place of the event it is told inside: a locative phrase on the noun of a locative or
  circumstantial phrase ("killed in an airstrike in Gaza", "arrested during protests in Tehran");
- the place a "where" clause describes ("inside Turkey, where an insurgency continues");
- for acts of force and coercion (the CAMEO roots of ``target_roots``), the place of their target
  or doer's own phrase ("Turkey's offensive against Kurdish fighters in northern Syria",
  "protesters in Tehran");
- the place of the verb an infinitive or a coordinated verb depends on ("met in Doha and signed a
  deal", "In Kabul, police arrested ..."), or whose subject a present participle describes ("a
  soldier fighting Isis died in Syria"), or of the verb whose locative phrase the event noun is
  in ("killed in Gaza in an airstrike");
- a city or division compounded with an event noun or the verb's subject ("the Douma attack",
  "the Geneva talks", "the Douma attack killed 40"; a country there is a topic or a party: "the
  Syria talks").

Also (session 7): an act of force aimed at a city or division ("the assault on Afrin"; a country
only for acts in it or a move into it: "an incursion into Syria"); the "of" of a noun of such an
act (``object_nouns``: "the invasion of northern Syria", "the siege of Aleppo"); what is held of
a place ("took control of Afrin"); a country's adjective on a noun of its land (``demonym_nouns``:
"in Syrian towns", "on Turkish soil"); the country owning a war ("in Syria's civil war"); a
participle of the verb's own subject ("resurfaced in Iraq, conducting bombings"); a noun
subject's verb complement ("talks are due to resume in Geneva"); any act's doer's own place
("officials in Ankara said"); places of one country coordinated ("in Mosul, Tikrit and Fallujah")
give that country. An event left unplaced may take the place of the previous sentence's event of
the same actors (``context``, basis "previous").

An act of force placed by its clause with no named target (the CAMEO roots of
``civilian_target_roots``) has the place's civilians as its target (PLOVER's convention).

A country reached only as an actor would be ("a warning to Iran") is no location: prepositions
other than these lead nowhere.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..events.index import VENUE_ROOTS
from ..policy import cameo_policy
from ..model import Actor, ActorMention, Article, EventMention
from .config import PlacesConfig, load_config
from .gazetteer import load_index
from .stage import find_places
from .context import carry_over
from .finer import narrow
from .links import adjacent_place, agent_place, purpose_place, relative_place, participle_place, venue_time_place, \
    witness_place
from .seats import seat_place
from .fallback import fallback_place, intended
from .phrase import REGION, first_conjunct, target_conjunct
from .clause import circumstance_place, clause_place, governing_place, party_place, target_place, where_place
from .types import GeoPlace, PlaceMention, location_of

if TYPE_CHECKING:
    from ..resources import Resources


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
        found = None
        if trigger is not None and doc.has_annotation("DEP"):
            speech = m.cameo[:2] in config.speech_roots
            force = m.cameo[:2] in config.target_roots
            parties = frozenset(i for a in (m.source, m.target) if a is not None and a.actor is not None
                                for i in range(a.start, a.end))
            violent = m.cameo[:2] in config.civilian_target_roots
            in_country = any(m.cameo.startswith(c) for c in config.country_target_codes)
            partner = any(m.cameo.startswith(c) for c in config.partner_codes)
            found = clause_place(trigger, at, config, speech, force, parties, violent, in_country, partner) \
                or where_place(trigger, at, config)
            if found is None and violent:  # "killed by a strike in X", "an offensive to clear Y from X"
                found = agent_place(trigger, at, config) or purpose_place(trigger, at, config) \
                    or relative_place(trigger, at, config) or adjacent_place(trigger, at, config, in_country)
            if found is None:
                # an act of force where its target's or doer's own phrase places them; any other
                # act where its doer's does ("people across Idlib expressed fears")
                found = party_place(doc, m, at, config, force)
            if found is None and m.cameo[:2] in config.civilian_target_roots:
                found = target_place(doc, m, at, config)
            if found is None:
                found = governing_place(trigger, at, config, speech) or witness_place(trigger, at, config)
            if found is None:
                found = circumstance_place(trigger, at, config) or participle_place(trigger, at, config, clause_place)
            if found is None and speech:
                found = venue_time_place(trigger, at, config)  # "said ahead of a meeting in Paris"
            if found is not None and not force and _frame(doc, found, m):
                found = None
            if found is not None and intended(trigger, m, config):
                found = None  # "Turkey said it will extend its incursion in Syria": not said in Syria
        if found is not None:
            found = target_conjunct(doc, found, m.target, at) or _widen(doc, found, at)
            m = dataclasses.replace(m, location=location_of(found, REGION if found.why.startswith(REGION) else "clause"))
            if m.target is None and m.cameo[:2] in config.civilian_target_roots:
                m = dataclasses.replace(m, target=_civilians_of(found))
            if m.cameo[:2] not in VENUE_ROOTS:
                m = dataclasses.replace(m, source=_of_place(m.source, found), target=_of_place(m.target, found))
        elif doc.has_annotation("DEP") and (seat := seat_place(doc, m, config)):
            m = dataclasses.replace(m, location=location_of(seat, "seat"))  # "told the UN Security Council"
        elif dateline is not None:
            m = dataclasses.replace(m, location=location_of(dateline, "dateline"))
        elif doc.has_annotation("DEP") and (fallback := fallback_place(doc, m, places, config)) is not None:
            m = dataclasses.replace(m, location=location_of(*fallback))
            # "airstrikes killing civilians" in a sentence on Raqqa; not a state's act at home, whose
            # other party may be abroad ("Saudi Arabia backed the militants")
            if m.cameo[:2] not in VENUE_ROOTS and fallback[1] == "sentence":
                m = dataclasses.replace(m, source=_of_place(m.source, fallback[0]),
                                        target=_of_place(m.target, fallback[0]))
        out.append(m)
    return narrow(doc, carry_over(doc, out, places, config), places, config) if doc.has_annotation("DEP") else out


def _widen(doc: Doc, found: PlaceMention, at: dict[int, PlaceMention]) -> PlaceMention:
    """A place coordinated with others of one country ("in Mosul, Ramadi and Fallujah"): that
    country; of several ("in Iraq and Syria"), the first named, as before."""
    if found.place.kind == "country":
        return found  # already a country (or a region phrase's), nothing to widen
    tok = first_conjunct(doc[found.end - 1])
    others = {at[t.i].place for t in tok.conjuncts if t.i in at} | {found.place}
    if tok.i in at:
        others.add(at[tok.i].place)
    if len(others) == 1:
        return found
    countries = {p.country for p in others}
    country = load_index().countries.get(next(iter(countries))) if len(countries) == 1 else None
    if country is None:
        return found
    return dataclasses.replace(found, place=country, why=f"{len(others)} places of one country")


def _frame(doc: Doc, found: PlaceMention, m: EventMention) -> bool:
    """"In Syria, Erdogan has backed Moscow": a country fronted at the head of the sentence is
    the matter a foreign state's act is about, not where it was done (the doer is a country or
    its government, of another country; acts of force are not asked)."""
    first = doc[found.start]
    prep = first.head
    if found.place.kind != "country" or first.dep_ != "pobj" or not prep.is_sent_start:
        return False
    if found.end >= len(doc) or doc[found.end].text != ",":
        return False
    doer = m.source.actor if m.source is not None else None
    return doer is not None and bool(doer.country) and doer.country != found.place.country \
        and (doer.sector in (None, "GOV"))


def _civilians_of(place: PlaceMention) -> ActorMention:
    """PLOVER's target of force with no named victim: the civilians of the place it struck
    ("an airstrike in Gaza", "fighting in Idlib"), as the gold records code Juba and Abidjan."""
    actor = Actor(country=place.place.country, sector="CVL", name=place.text, confidence=0.5)
    return ActorMention(place.start, place.end, place.char_start, place.char_end, place.text, actor, basis="context")


def _of_place(mention: ActorMention | None, place: PlaceMention | GeoPlace) -> ActorMention | None:
    """A group with no country of its own ("civilians", "protesters", "students") is of the place
    where the event it takes part in happened (by its clause or a fallback of ``fallback``); officials, soldiers and other placeless sectors are
    not ("foreign ministers in Brussels"), and talks and signings happen at venues (VENUE_ROOTS)."""
    actor = mention.actor if mention is not None else None
    if mention is None or actor is None or actor.country or actor.org or actor.kb_id \
            or actor.sector in (None, *cameo_policy().placeless_sectors):
        return mention
    country = place.place.country if isinstance(place, PlaceMention) else place.country
    if not country:
        return mention
    filled = dataclasses.replace(actor, country=country, confidence=min(actor.confidence, 0.5))
    return dataclasses.replace(mention, actor=filled, basis="context")


def _trigger(doc: Doc, m: EventMention) -> Token | None:
    if 0 <= m.trigger_token < len(doc):
        return doc[m.trigger_token]
    span = doc.char_span(m.trigger_char, m.trigger_char + max(len(m.trigger), 1), alignment_mode="expand")
    return span.root if span is not None else None


def locate_events(doc: Doc, mentions: Sequence[EventMention], actors: Sequence[ActorMention], article: Article,
                  resources: Resources | None = None, places: Sequence[PlaceMention] | None = None
                  ) -> list[EventMention]:
    """The pipeline step: find the article's places (``find_places``, unless given) and locate each mention."""
    if not mentions:
        return list(mentions)
    if places is None:
        places = find_places(doc, article, resources, actors=actors)
    return locate(doc, mentions, places, load_config())
