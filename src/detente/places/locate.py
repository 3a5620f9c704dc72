"""Event location: the place its clause names, else the article's dateline, else none.

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
from .gazetteer import PlacesConfig, load_config, load_index
from .stage import find_places
from .context import carry_over
from .finer import narrow
from .links import adjacent_place, agent_place, purpose_place, relative_place, speaking_from, trip_place, \
    participle_place, venue_time_place, witness_place
from .seats import seat_place
from .fallback import fallback_place, intended, is_topic as _topic, topic_phrase
from .phrase import OBJECT_DEPS as _OBJECT_DEPS, REGION, origin_prep, passive_object, aim_place as _aim_place, \
    demonym_place as _demonym_place, destination_in_phrase as _destination_in_phrase, first_conjunct, inhabitants_of, \
    locative_place, objects as _objects, place_in as _place_in, region_place, target_conjunct
from .types import GeoPlace, PlaceMention, location_of

if TYPE_CHECKING:
    from ..resources import Resources

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp", "csubj", "acl", "parataxis"})
_TIME_MARKS = frozenset({"while", "when", "as", "after", "before"})
_TIME_PREPS = frozenset({"upon", "on", "after", "before", "while", "during"})


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
            found = _clause_place(trigger, at, config, speech, force, parties, violent, in_country, partner) \
                or _where_place(trigger, at, config)
            if found is None and violent:  # "killed by a strike in X", "an offensive to clear Y from X"
                found = agent_place(trigger, at, config) or purpose_place(trigger, at, config) \
                    or relative_place(trigger, at, config) or adjacent_place(trigger, at, config, in_country)
            if found is None:
                # an act of force where its target's or doer's own phrase places them; any other
                # act where its doer's does ("people across Idlib expressed fears")
                found = _party_place(doc, m, at, config, force)
            if found is None and m.cameo[:2] in config.civilian_target_roots:
                found = _target_place(doc, m, at, config)
            if found is None:
                found = _governing_place(trigger, at, config, speech) or witness_place(trigger, at, config)
            if found is None:
                found = _circumstance_place(trigger, at, config) or participle_place(trigger, at, config, _clause_place)
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


def _anchors(trigger: Token, config: PlacesConfig, speech: bool = False, force: bool = False,
             partner: bool = False) -> list[Token]:
    """Where the clause's prepositional phrases may hang: the trigger, its objects (not those of a
    speech act, whose object is what it speaks of: "condemned the use of gas in Douma", but for its
    audience, ``audience_nouns``: "told a rally in Izmir"; nor, but
    for acts of force, a topic noun: "discussed developments in Syria"), those a meeting is held
    "with" (``partner``: "talks with opposition groups in Astana"), and the verb a noun trigger is
    the object or subject of ("paid a visit", "talks were held")."""
    out = [trigger]
    if not speech:
        out += [c for c in trigger.children if c.dep_ in _OBJECT_DEPS and (force or not _topic(c, config))]
    else:  # who it was said to, where they were: "told a rally in Izmir", "told journalists in the Oval Office"
        out += [c for c in trigger.children if c.dep_ in (*_OBJECT_DEPS, "dative")
                and c.lemma_.lower() in config.audience_nouns | config.venue_nouns]
    if partner:
        out += [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for o in _objects(c)]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        out.append(trigger.head)
        if trigger.dep_ in ("nsubj", "nsubjpass"):
            # "talks are due to resume in Geneva", "the attack appeared to take place in Douma"
            head = trigger.head
            for _ in range(2):
                # through an adjective complement: "talks are due to resume in Geneva"
                verbs = [x for c in head.children for x in ([c] if c.dep_ == "xcomp" else
                         [g for g in c.children if g.dep_ == "xcomp"] if c.dep_ == "acomp" else [])
                         if x.pos_ in ("VERB", "AUX")]
                if not verbs:
                    break
                head = verbs[0]
                out.append(head)
    return out


def _clause_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
                  speech: bool = False, force: bool = False, parties: frozenset[int] = frozenset(),
                  violent: bool = False, in_country: bool = False, partner: bool = False) -> PlaceMention | None:
    lemma = trigger.lemma_.lower()
    moving = lemma in config.destination_lemmas
    leaving = lemma in config.origin_lemmas
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    # (not a verb with an object predicate: "the policies have left America isolated")
    if (lemma in config.object_lemmas and not any(c.dep_ in ("oprd", "acomp") for c in trigger.children)) \
            or (is_noun and lemma in config.object_nouns):
        for child in trigger.children:
            if is_noun and child.dep_ == "prep" and child.lower_ == "of" and lemma in config.object_nouns:
                # "the invasion of northern Syria", "the siege of Aleppo", "the capture of Mosul"
                for obj in _objects(child):
                    found = _place_in(obj, at, config, 0)
                    if found is not None:
                        return found
            if child.dep_ in _OBJECT_DEPS or child.dep_ == "nsubjpass":
                # "shelled Kharkiv", "captured the town of Baghuz", "occupying much of north-east Syria",
                # "Afrin was attacked by Turkey"
                found = _place_in(child, at, config, 0)
                if found is not None:
                    return found
    for anchor in _anchors(trigger, config, speech, force, partner):
        if anchor.i != trigger.i or not speech:
            region = region_place(anchor, at, config)  # "attacked rebels south of Idlib"
            if region is not None:
                return region
        light = anchor.i != trigger.i and anchor.head.i == trigger.i and lemma in config.light_verbs \
            and anchor.lemma_.lower() in config.object_nouns
        for child in anchor.children:
            word = child.lower_
            if light and child.dep_ == "prep" and word == "of":
                # "renewed their bombardment of southern Idlib", "launched the invasion of Iraq"
                found = next((p for p in (_place_in(o, at, config, 0) for o in _objects(child)) if p), None)
                if found is not None:
                    return found
            if not force and topic_phrase(child, config):
                continue
            if violent and child.dep_ == "prep" and word in config.aimed:
                # "the assault on Isis strongholds in Raqqa", "strikes on targets near Idlib"
                for obj in _objects(child):
                    if obj.i in at:
                        # "the assault on Afrin", "an incursion into Syria" (a country only for acts
                        # that happen in it, or a move into it: not "the war on Iran")
                        if at[obj.i].place.kind != "country" or word in config.destination or in_country:
                            return at[obj.i]
                        continue
                    found = _place_in(obj, at, config, 1)
                    if found is not None:
                        return found
            if word == "in" and anchor.lemma_.lower() in config.in_complement_verbs:
                continue  # "acquiesced in Turkey's Afrin operation": what it agreed to, not where
            # "on" with a place word is a place too ("on an island off Istanbul", "on the outskirts of Idlib")
            on_place = word == "on" and any(o.lemma_.lower() in config.place_nouns or o.lower_ in config.place_nouns
                                            for o in _objects(child))
            if child.dep_ != "prep" or not (word in config.locative or word in config.circumstantial or on_place
                                            or (moving and word in config.destination)
                                            or (leaving and origin_prep(child, config))):
                continue
            for obj in _objects(child):
                found = _place_in(obj, at, config, 0)
                if found is not None:
                    return found
    # "the Douma attack", "the Geneva talks", "the Douma attack killed 40" (not "the Syria talks",
    # nor a party named by its seat: "Baghdad troops attacked the Peshmerga"); a country only on a
    # noun of force ("the Yemen war", "the Iraq invasion")
    noun_trigger = trigger.pos_ in ("NOUN", "PROPN")
    nouns = [trigger] if noun_trigger else \
        [c for c in trigger.children if c.dep_ == "nsubj" and c.i not in parties]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ in ("compound", "nmod") and child.i in at \
                    and (at[child.i].place.kind != "country" or (violent and noun_trigger)):
                return at[child.i]
    if noun_trigger and violent:
        # "the battle to retake Mosul" (not "threats to attack Syria", "an invitation to visit Turkey")
        aim = _aim_place(trigger, at, config)
        if aim is not None:
            return aim
    if noun_trigger and trigger.lemma_.lower() in config.war_nouns:
        own = _demonym_place(trigger, config)  # "the Syrian civil war", "the Iraqi insurgency"
        if own is not None:
            return own
    if noun_trigger and violent and trigger.dep_ == "nsubj":
        # "only US airstrikes saved the Kurdish capital, Erbil": the city a noun of force's verb acts on
        for obj in (c for c in trigger.head.children if c.dep_ in _OBJECT_DEPS):
            found = _place_in(obj, at, config, 0)
            if found is not None and found.place.kind != "country":
                return found
    if lemma in config.place_subject_verbs:
        # "Douma surrendered", "Mosul fell": a town that gives itself up is the scene
        for subject in (c for c in trigger.children if c.dep_ == "nsubj" and c.i in at):
            if at[subject.i].place.kind != "country":
                return at[subject.i]
    if violent and not noun_trigger:
        # "a chemical attack on Douma killed 40", "airstrikes on Idlib killed 12": what an attack
        # on a city did, it did there
        for subject in (c for c in trigger.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")):
            for prep in subject.children:
                if prep.dep_ == "prep" and prep.lower_ in config.aimed | config.locative:
                    for obj in _objects(prep):
                        if obj.i in at and at[obj.i].place.kind != "country":
                            return at[obj.i]
    if moving and trigger.pos_ == "NOUN":
        return _destination_in_phrase(trigger, at, config.destination)
    if leaving and trigger.pos_ == "NOUN":  # "the withdrawal of US troops from Syria"
        return _destination_in_phrase(trigger, at, config.origin)
    if lemma in config.object_lemmas and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return passive_object(trigger, at)
    return None


def _where_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"inside Turkey, where a Kurdish insurgency continues": a relative clause opened by "where"
    (or "at which", "in which") happens at the place it describes, and so does a clause of time inside it ("Ghouta, where
    1,300 died in 2013 after the regime deployed sarin")."""
    for tok in [trigger, *trigger.ancestors]:
        if tok.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children):
            return _place_in(tok.head, at, config, 0)
        if tok.dep_ == "relcl" and any(c.dep_ == "prep" and c.lower_ in config.locative
                                       and any(o.lower_ in ("which", "whom") for o in c.children)
                                       for c in tok.children):
            # "a summit in Tehran at which Erdoğan pleaded ...": the relative's noun is the scene
            noun = tok.head
            return _place_in(noun, at, config, 0) if noun.pos_ in ("NOUN", "PROPN") else None
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children):
            continue
        if tok.dep_ in _CLAUSE_DEPS:
            return None
    return None


def _circumstance_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"died while fighting alongside Kurdish forces in Syria", "Speaking in Paris, Macron
    condemned ...": a participle of the event's own subject, bare or after a mark of time, says
    where its doer was when it acted (only its own locative phrases, not those of its objects)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    # "Upon landing at Manchester airport, he was arrested": a gerund after a preposition of time
    # (and a participle describing the subject: "Her father, speaking from Sunamganj, accused")
    clauses = [c for c in trigger.children if c.dep_ == "advcl"] + \
        [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in _TIME_PREPS
         for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"] + \
        [a for c in trigger.children if c.dep_ == "nsubj" for a in c.children if a.dep_ == "acl" and a.tag_ == "VBG"]
    for clause in clauses:
        if clause.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
        if marks and not set(marks) <= _TIME_MARKS:
            continue
        found = locative_place((clause,), at, config) or next(
            (p for c in clause.children if speaking_from(c, config)
             for p in (_place_in(o, at, config, 0) for o in _objects(c)) if p is not None), None)
        if found is not None:
            return found
    return trip_place(trigger, at, config)


def _party_place(doc: Doc, m: EventMention, at: dict[int, PlaceMention], config: PlacesConfig,
                 force: bool = True) -> PlaceMention | None:
    """An act of force happens where its target is, as its own phrase places it ("strikes on Isis
    fighters in Syria", "attacked the US embassy in Baghdad"); else, and any other act, where its
    doer is ("protesters in Tehran clashed with police", "officials in Ankara said")."""
    for party in (m.target, m.source) if force else (m.source,):
        if party is None:
            continue
        root = doc[party.start:party.end].root
        # also through a present participle describing the party ("militias fighting in Afrin
        # called on ..."; not a past one: "a soldier arrested in Turkey", "Australians radicalised in Iraq")
        # and through an apposition ("Adnan Afrini, the SDF commander in Baghuz, said")
        # (a target's conjunct too: "killed 120 fighters and 60 mercenaries in Syria")
        # and through a relative clause of presence ("Hariri, who is in London, expressed ...")
        described = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "appos"
                     or c.dep_ == "conj" and party is m.target
                     or c.dep_ == "relcl" and c.lemma_.lower() in config.presence_verbs]
        for verb in (c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG"
                     and c.lemma_.lower() in config.entering_verbs):
            # "fired on a convoy entering the Afrin region": where the party is entering
            found = next((p for p in (_place_in(o, at, config, 0) for o in verb.children if o.dep_ == "dobj") if p),
                         None)
            if found is not None:
                return found
        for child in [*root.children, *(g for c in described for g in c.children)]:
            if child.dep_ == "prep" and (child.lower_ in config.locative or inhabitants_of(child, config)
                                         or speaking_from(child, config)):  # "her father, speaking from X, said"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = _place_in(obj, at, config, 0)
                        if found is not None and (child.lower_ != "of" or found.place.kind != "country"):
                            return found
    return None


def _target_place(doc: Doc, m: EventMention, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """An act of force whose target is itself a place happened there: a city or district for any
    act of force ("launched strikes against Damascus"), a country only for the acts of
    ``country_target_codes`` ("Israel struck Syria", not "its war with Iran")."""
    if m.target is None or not 0 <= m.target.start < m.target.end <= len(doc):
        return None
    root = doc[m.target.start:m.target.end].root
    if root.dep_ == "pobj" and root.head.lower_ not in config.locative | config.aimed:
        return None  # "the wife of a surgeon from Raqqa was kidnapped": Raqqa is no target
    found = at.get(root.i)
    if found is None:
        return None
    if found.place.kind == "country" and not any(m.cameo.startswith(c) for c in config.country_target_codes):
        return None
    return found


def _governing_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
                     speech: bool = False) -> PlaceMention | None:
    """The place of the verb an infinitive or a coordinated verb that shares its subject depends
    on ("travelled to Doha to sign a deal", "met in Doha and agreed ..."); through at most two
    such links. For a speech act, not through what that verb acts on ("condemned the use of gas in
    Douma and called for ...": the call was not made in Douma)."""
    cur = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ in config.locative | config.circumstantial \
            and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "killed in Gaza in an airstrike": the event of a locative phrase is where its verb is
        return _clause_place(trigger.head.head, at, config)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ in ("nsubj", "nsubjpass") \
            and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "a British soldier fighting Isis has died in Syria": what the subject was doing, it did there
        return _clause_place(trigger.head.head, at, config)
    moves = config.destination_lemmas | config.origin_lemmas
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in _OBJECT_DEPS and trigger.head.pos_ in ("VERB", "AUX"):
        cur = trigger.head  # "..., conducting bombings": the noun's verb links it on
    for _ in range(2):
        # "It has resurfaced in Anbar, conducting car bombings": a participle of the verb's own
        # subject tells what it did there
        participle = cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.head.dep_ != "ccomp" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in cur.children)
        if (cur.dep_ not in ("xcomp", "conj") and not participle) or cur.head.pos_ not in ("VERB", "AUX"):
            return None
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cur.children):
            return None  # a clause of its own ("X was killed in Mosul, and Y retreated"), or a doer of
            # its own ("Russia bombed Aleppo and was condemned by France")
        if cur.dep_ == "conj" and any(c.dep_ == "conj" and c.head.i < c.i < cur.i and c.lemma_.lower() in moves
                                      for c in cur.head.children):
            return None  # "went to Syria, came home, and was arrested": a move in between leaves the place
        cur = cur.head
        found = _clause_place(cur, at, config, speech)
        if found is not None:
            return found
        if cur.lemma_.lower() in moves:
            return None  # "went to Syria, came home and was arrested": it moved, to no place we know
    return None


def locate_events(doc: Doc, mentions: Sequence[EventMention], actors: Sequence[ActorMention], article: Article,
                  resources: Resources | None = None, places: Sequence[PlaceMention] | None = None
                  ) -> list[EventMention]:
    """The pipeline step: find the article's places (``find_places``, unless given) and locate each mention."""
    if not mentions:
        return list(mentions)
    if places is None:
        places = find_places(doc, article, resources, actors=actors)
    return locate(doc, mentions, places, load_config())
