"""The place of an event's clause: walks of the parse from the trigger, or from its parties' own
phrases, to a place the places stage found, without crossing into another clause.

``locate.py`` tries them in its order; each returns the ``PlaceMention`` reached, or None:

- ``clause_place``: the trigger's own phrases and those of its anchors (its objects, the verb a
  noun trigger is the object or subject of): a locative phrase ("met in Dushanbe"), a destination
  of a move ("travelled to Tehran"), an origin of a withdrawal ("withdraw its troops from
  Syria"), the object of a visit, an attack or a capture ("shelled Kharkiv"), what an act of force
  is aimed at ("the assault on Afrin"), a compounded city ("the Douma attack"), a region phrase
  ("south of Idlib");
- ``where_place``: the place a "where" (or "at which") relative clause describes;
- ``circumstance_place``: a participle of the doer's own circumstance ("Speaking in Paris, ...");
- ``party_place`` and ``target_place``: where the target's or doer's own phrase places them
  ("strikes on Isis fighters in Syria", "officials in Ankara said"), or the target that is a place;
- ``governing_place``: the place of the verb an infinitive or a coordinated verb depends on
  ("met in Doha and signed a deal").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import EventMention
from .config import PlacesConfig
from .links import speaking_from, trip_place
from .fallback import is_topic as _topic, topic_phrase
from .phrase import OBJECT_DEPS as _OBJECT_DEPS, origin_prep, passive_object, aim_place as _aim_place, \
    demonym_place as _demonym_place, destination_in_phrase as _destination_in_phrase, inhabitants_of, \
    in_words, locative_place, object_place, objects as _objects, place_in as _place_in, region_place
from .types import PlaceMention

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp", "csubj", "acl", "parataxis"})
_TIME_MARKS = frozenset({"while", "when", "as", "after", "before"})
_TIME_PREPS = frozenset({"upon", "on", "after", "before", "while", "during"})


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


def clause_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
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
                found = object_place(child, at, config)
                if found is not None:
                    return found
            if child.dep_ in _OBJECT_DEPS or child.dep_ == "nsubjpass":
                # "shelled Kharkiv", "captured the town of Baghuz", "occupying most of eastern Ukraine",
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
                # "resumed their shelling of northern Hama", "launched the invasion of Iraq"
                found = object_place(child, at, config)
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
            on_place = word == "on" and any(in_words(o, config.place_nouns) for o in _objects(child))
            if child.dep_ != "prep" or not (word in config.locative or word in config.circumstantial or on_place
                                            or (moving and word in config.destination)
                                            or (leaving and origin_prep(child, config))):
                continue
            found = object_place(child, at, config)
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
        # "coalition airstrikes shielded the regional capital, Kirkuk": the city a noun of force's verb acts on
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
    if leaving and trigger.pos_ == "NOUN":  # "the pull-out of French soldiers from Mali"
        return _destination_in_phrase(trigger, at, config.origin)
    if lemma in config.object_lemmas and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return passive_object(trigger, at)
    return None


def where_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
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


def circumstance_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"was killed while serving with a Kurdish unit in Syria", "Speaking in Paris, Macron
    condemned ...": a participle of the event's own subject, bare or after a mark of time, says
    where its doer was when it acted (only its own locative phrases, not those of its objects)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    # "On arriving at Heathrow, the suspect was detained": a gerund after a preposition of time
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
            (p for p in (object_place(c, at, config) for c in clause.children if speaking_from(c, config))
             if p is not None), None)
        if found is not None:
            return found
    return trip_place(trigger, at, config)


def party_place(doc: Doc, m: EventMention, at: dict[int, PlaceMention], config: PlacesConfig,
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
        # and through an apposition ("Ahmed Saleh, the militia's leader in Raqqa, said")
        # (a target's conjunct too: "killed 120 fighters and 60 mercenaries in Syria")
        # and through a relative clause of presence ("the minister, who is in Paris, voiced ...")
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


def target_place(doc: Doc, m: EventMention, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """An act of force whose target is itself a place happened there: a city or district for any
    act of force ("launched strikes against Damascus"), a country only for the acts of
    ``country_target_codes`` ("Israel struck Syria", not "its war with Iran")."""
    if m.target is None or not 0 <= m.target.start < m.target.end <= len(doc):
        return None
    root = doc[m.target.start:m.target.end].root
    if root.dep_ == "pobj" and root.head.lower_ not in config.locative | config.aimed:
        return None  # "the brother of a teacher from Homs was abducted": Homs is no target
    found = at.get(root.i)
    if found is None:
        return None
    if found.place.kind == "country" and not any(m.cameo.startswith(c) for c in config.country_target_codes):
        return None
    return found


def governing_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
                     speech: bool = False) -> PlaceMention | None:
    """The place of the verb an infinitive or a coordinated verb that shares its subject depends
    on ("travelled to Doha to sign a deal", "met in Doha and agreed ..."); through at most two
    such links. For a speech act, not through what that verb acts on ("condemned the use of gas in
    Douma and called for ...": the call was not made in Douma)."""
    cur = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ in config.locative | config.circumstantial \
            and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "killed in Gaza in an airstrike": the event of a locative phrase is where its verb is
        return clause_place(trigger.head.head, at, config)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ in ("nsubj", "nsubjpass") \
            and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "a British soldier fighting Isis has died in Syria": what the subject was doing, it did there
        return clause_place(trigger.head.head, at, config)
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
            return None  # "travelled to Iraq, returned home, and was detained": a move in between leaves the place
        cur = cur.head
        found = clause_place(cur, at, config, speech)
        if found is not None:
            return found
        if cur.lemma_.lower() in moves:
            return None  # "travelled to Iraq, returned home and was detained": it moved, to no place we know
    return None
