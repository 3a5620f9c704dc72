"""Places of an act of force reached through its other phrases: its agent and its purpose.

- the agent of a passive verb of force is the act, and its locative phrase is the verb's place
  ("killed by a coalition strike in Deir ez-Zor"); an act of force that is itself the agent is
  where its verb's passive subject is ("civilians in Idlib province have been uprooted by
  airstrikes", "hospitals in Ghouta were hit by shelling");
- an act of force done to capture a place or to drive someone out of it is there ("launched an
  offensive to clear the YPG from Afrin", "fought alongside the SDF to oust Isis from its last
  enclave in Syria"): an infinitive of purpose (``object_lemmas``, ``origin_lemmas``) on the act's
  verb, or on the verb a noun of the act is the object of ("launched an offensive ... to retake").

And of any act, through the circumstance of its doer: a speaker's "from" ("Her father, speaking
from Sunamganj, accused ...", ``speaking_verbs``) and a visit it was done on ("told reporters during
a trip to Athens", ``trip_nouns``), and of a speech act, a meeting it was made just before or after
("said ahead of a meeting in Paris", ``venue_time_words``); and of the noun of an act, through a past participle of
performing it (``performing_verbs``) that its own phrase places ("Erdogan's threats, made during a
visit to Paris").
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .config import PlacesConfig
from .phrase import OBJECT_DEPS, destination_in_phrase, in_words, locative_place, object_place, objects, place_in
from .types import PlaceMention

_PURPOSE_DEPS = frozenset({"xcomp", "advcl", "acl"})


def agent_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """The place of an act of force told with its agent ("killed by a strike in Deir ez-Zor"), or
    of an act of force that is the agent ("uprooted by airstrikes": the passive subject's place)."""
    if trigger.pos_ in ("VERB", "AUX"):
        for agent in (c for c in trigger.children if c.dep_ == "agent"):
            for obj in objects(agent):
                if obj.pos_ == "NOUN":  # an event noun, not a doer ("by Turkey", "by the SDF")
                    found = _own_place(obj, at, config)
                    if found is not None:
                        return found
        return None
    by = trigger.head
    if trigger.dep_ != "pobj" or by.dep_ != "agent" or by.head.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in by.head.children if c.dep_ == "nsubjpass"):
        found = _own_place(subject, at, config, as_place=True)
        if found is not None:
            return found
    return None


def purpose_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """The place an act of force is done to capture or to drive someone out of."""
    verbs = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in OBJECT_DEPS and trigger.head.pos_ in ("VERB", "AUX"):
        verbs.append(trigger.head)  # "launched an offensive ... to clear the group from Afrin"
    for verb in verbs:
        for clause in verb.children:
            lemma = clause.lemma_.lower()
            if clause.dep_ not in _PURPOSE_DEPS or clause.pos_ != "VERB" \
                    or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                continue
            for child in clause.children:
                if lemma in config.object_lemmas and child.dep_ in OBJECT_DEPS:
                    found = place_in(child, at, config, 0)  # "to retake Mosul", "to capture the town of Baghuz"
                elif lemma in config.origin_lemmas and child.dep_ == "prep" and child.lower_ in config.origin:
                    found = object_place(child, at, config)
                else:
                    continue
                if found is not None:
                    return found
    return None


def _own_place(noun: Token, at: dict[int, PlaceMention], config: PlacesConfig,
               as_place: bool = False) -> PlaceMention | None:
    """The place a noun's own locative phrase names ("a strike in Deir ez-Zor", "civilians in
    Idlib province"); with ``as_place``, the noun may be a city or division itself ("Afrin was
    hit by airstrikes")."""
    if as_place and noun.i in at and at[noun.i].place.kind != "country":
        return at[noun.i]
    # through a quantity ("thousands of civilians in Idlib")
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in objects(p))]
    return locative_place(nouns, at, config)


def relative_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """An act of force told in a relative clause happens where the noun it describes is: a city or
    division itself ("Afrin, which Turkish jets bombed"; a country only when it is not the doer:
    "Syria, which was bombed", not "Russia, which bombed Aleppo"), a noun in a locative phrase
    ("the chemical attack in Douma, which killed 40", however the parser hangs the clause), or a
    noun its own locative phrase places ("an airstrike on a market in Idlib that killed 12")."""
    if trigger.dep_ != "relcl" or trigger.pos_ not in ("VERB", "AUX"):
        return None
    relative = [c for c in trigger.children if c.lower_ in ("which", "that") and c.tag_ in ("WDT", "IN", "DT")]
    if not relative:
        return None
    noun = trigger.head
    found = at.get(noun.i)
    if found is not None:
        if found.place.kind == "country" and relative[0].dep_ == "nsubj":
            return None
        return found
    return locative_place([noun], at, config)


def adjacent_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
                   in_country: bool = False) -> PlaceMention | None:
    """A noun of an act of force is followed by its own phrase of aim or place, however the parser
    hangs it ("the first days of Turkey's offensive against a Kurdish enclave in northern Syria",
    with "against" hung on a verb before): the preposition right after the noun is the noun's.
    A country there places only the acts that happen in it (``in_country``) or a move into it."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.i + 1 >= len(trigger.doc):
        return None
    prep = trigger.doc[trigger.i + 1]
    word = prep.lower_
    if prep.dep_ != "prep" or prep.head.i == trigger.i or word not in config.aimed | config.locative:
        return None
    for obj in objects(prep):
        found = at.get(obj.i)
        if found is not None:
            country = found.place.kind == "country"
            return None if country and word in config.aimed and not (in_country or word in config.destination) \
                else found
        found = place_in(obj, at, config, 1)
        if found is not None:
            return found
    return None


def witness_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """A place that "saw" or "experienced" an act (``witness_verbs``) is where it happened:
    "Damascus and Riyadh experienced missile attacks", "Idlib has seen heavy fighting" (the noun
    of the act is the object, the place the subject); so is an act in a clause of time on such a
    verb ("Idlib has seen an increase in bloodshed as jets have bombed rebel positions"), and one a
    place is the scene of (``scene_nouns``: "Arsal had been a focal point of clashes")."""
    if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ == "advcl" \
            and any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in trigger.children):
        verb = trigger.head
    elif trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.dep_ == "attr" \
            and trigger.head.head.lemma_.lower() in config.scene_nouns:
        verb = trigger.head.head.head  # "X had been a focal point of clashes"
        return next((p for p in (at.get(c.i) for c in verb.children if c.dep_ == "nsubj")
                     if p is not None and p.place.kind != "country"), None)
    elif trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in OBJECT_DEPS:
        return None
    else:
        verb = trigger.head
    if verb.lemma_.lower() not in config.witness_verbs:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        found = place_in(subject, at, config, 1)
        if found is not None:
            return found
    return None


def speaking_from(prep: Token, config: PlacesConfig) -> bool:
    """"from" on a participle of speech describing the doer or the act ("speaking from Sunamganj"):
    where the speaker is."""
    verb = prep.head
    return prep.dep_ == "prep" and prep.lower_ == "from" and verb.dep_ in ("acl", "advcl") \
        and verb.lemma_.lower() in config.speaking_verbs


def trip_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"X told reporters during a trip to Athens", "On a visit to Mogadishu, X announced": an act done
    during its doer's visit is done where the visit went (a circumstantial or "on" phrase whose noun
    is a visit, ``trip_nouns``, with its destination)."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in config.circumstantial | {"on"}:
            continue
        for noun in objects(prep):
            if noun.lemma_.lower() in config.trip_nouns:
                found = destination_in_phrase(noun, at, config.destination)
                if found is not None:
                    return found
    return None


def venue_time_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig) -> PlaceMention | None:
    """"said ahead of a meeting in Paris with ...", "told journalists after talks in Vienna": a speech
    act made just before or after a meeting (``venue_time_words``: "before", "after", "ahead" of;
    the meeting a ``venue_nouns`` noun) is made where the meeting is."""
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in config.venue_time_words] + \
        [p for c in trigger.children if c.dep_ == "advmod" and c.lower_ in config.venue_time_words
         for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    for prep in preps:
        for noun in objects(prep):
            if in_words(noun, config.venue_nouns):
                found = place_in(noun, at, config, 0)
                if found is not None:
                    return found
    return None


def participle_place(trigger: Token, at: dict[int, PlaceMention], config: PlacesConfig,
                     clause_place: Callable[[Token, dict[int, PlaceMention], PlacesConfig], PlaceMention | None]
                     ) -> PlaceMention | None:
    """The noun of an act described by a past participle of performing it (``performing_verbs``)
    is where that participle's own phrase places it ("the offensive, launched on Sunday in Afrin",
    "Ankara's demands, made during a summit in Tehran", "threats made during a visit to Paris");
    ``clause_place`` reads the participle's phrases. Not a participle of reacting to it ("the
    attack, condemned in Paris")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for verb in trigger.children:
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in config.performing_verbs \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            found = clause_place(verb, at, config) or trip_place(verb, at, config)
            if found is not None:
                return found
    return None
