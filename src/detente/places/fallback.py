"""Country-level locations for events their clause and the dateline leave unplaced.

Two documented fallbacks, each with its own ``basis``, tried after the clause and the dateline:

- ``actors``: the event is the act of one country's state at home. Every party with a country is
  of one country C; the doer (source) is C named as such ("Turkey") or one of its home
  institutions (``home_sectors`` of ``places.yaml``: government, legislature, judiciary, police —
  not soldiers, who act abroad, nor civilians, who may be nationals abroad); the other party, if
  any, has a country (a state's act on a group of no known country, "Qatar backed the militants",
  may be abroad); and the sentence names no place outside C after a locative, origin or
  destination preposition ("met the troops in Syria") — except, for a speech act, inside what it
  speaks of ("Trump ordered US forces in Syria to leave" is said at home). Acts of force
  (``target_roots``) need both parties of C: "Iraqi police arrested Iraqi protesters" is in Iraq,
  "US forces killed Isis fighters" says nothing of where. "Senator Rand Paul welcomed Trump's
  decision" -> USA; "Turkey warned it would act" -> TUR. A target alone ("pressure on Putin")
  places nothing, nor does a doer whose country was borrowed by coreference or context ("he",
  "a spokesman"), an act of forces (``abroad_codes``), an act at a meeting or a known
  organisation (``venue_nouns``) or a doer's phrase naming two countries.
- ``sentence``: the places the sentence names as scenes — after a locative preposition ("in",
  "at", "near", "across", ...; "from" and "to" only after a withdrawal or a movement), not inside
  a party's phrase ("the families of British men killed in Syria"), not where people come from
  ("a surgeon from Raqqa"), not inside what a speech act speaks of — all lie in one country C, and
  no state party is of another country: the event is there ("children from Britain held in camps
  in northeast Syria" -> SYR). When no party has a country and those places are one place below
  the country, that place ("killed as unrest spread in towns of Turkey and Ankara" -> Ankara);
  else ``finer`` narrows C to the one place of C the event's own clause names as a scene, if any.

A sentence whose scenes or state parties are of two countries gives no fallback location ("Russia
warned the US"), nor does an event with an official or soldier of no known country ("the minister
held talks with Iran"): where such an event happened is not in the text. Measured by hand on the
Guardian sample, a country named only as a party or a topic ("sanctions on Russia", "summits on
Syria", "ties with Israel") located the event wrongly more often than not, so it places nothing.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..events.features import doc_table
from ..model import ActorMention, EventMention
from .config import PlacesConfig
from .gazetteer import load_index
from .parties import (addressed_body, country_of, domestic, foreigner, is_country, known_pronoun, mixed_doer,
                      named_person, party_tokens, provenance, speaks_at_home, state_party)
from .phrase import first_conjunct, in_words
from .posting import posting
from .types import GeoPlace, PlaceMention

_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "conj", "parataxis"})
_MAX_UP = 4
_CONDITION_MARKS = frozenset({"if", "unless", "lest"})


def fallback_place(doc: Doc, m: EventMention, places: Sequence[PlaceMention],
                   config: PlacesConfig) -> tuple[GeoPlace, str] | None:
    """The (place, basis) an unplaced event falls back to, or None."""
    inside = [p for p in places if not p.dateline and m.char_start <= p.char_start < m.char_end]
    countries = {c for c in (country_of(m.source), country_of(m.target)) if c}
    if any(foreigner(p, config) for p in (m.source, m.target)):
        # a state's act on an international organisation as a whole may still be at home
        # ("Erdoğan urged Nato", "the Foreign Office asked the OPCW"); no scene of the sentence is
        # taken for such an act (a body of many states acts where it meets)
        if countries and not foreigner(m.source, config) and addressed_body(doc, m.target, config):
            return _home(doc, m, countries, inside, config)
        return None
    trigger = doc[m.trigger_token] if 0 <= m.trigger_token < len(doc) else None
    if trigger is not None and intended(trigger, m, config):
        # an intended act's scenes are where it would be: only a state's statement at home
        return _home(doc, m, countries, inside, config) if countries else None
    told = scenes(doc, m, inside, config, trigger)
    named = {p.place.country for p in told}
    if countries:
        home = _home(doc, m, countries, inside, config)
        if home is not None:
            return home
        # soldiers in a fight are where it is ("US service members were killed ... on a patrol in
        # Syria"): only a state's other parties may act on a scene abroad from home
        force = m.cameo[:2] in config.civilian_target_roots
        states = [p for p in (m.source, m.target) if state_party(p, config)
                  and not (force and p is not None and p.actor is not None and p.actor.sector == "MIL")]
        if len(named) != 1 or (states and not named <= countries):
            return None
        doer = country_of(m.source)
        if doer is not None and doer not in named and m.cameo[:2] not in config.target_roots \
                and state_party(m.source, config) and m.source is not None and m.source.actor is not None \
                and m.source.actor.sector in (None, *config.home_sectors):
            return None  # "Erdogan had demanded the Syrian leader resign": a government acts from home
        if doer is not None and doer not in named and m.cameo[:2] in config.home_speech_roots:
            return None  # "British families insisted ... (killed in Syria)": what people say, they say where they are
    elif len(named) != 1:
        return None
    iso = next(iter(named))
    below = {p.place for p in told if p.place.kind != "country"}
    if len(below) == 1 and not countries:
        return next(iter(below)), "sentence"
    country = load_index().countries.get(iso)
    return (country, "sentence") if country is not None else None


def scenes(doc: Doc, m: EventMention, inside: Sequence[PlaceMention], config: PlacesConfig,
           trigger: Token | None) -> list[PlaceMention]:
    """The places of ``inside`` (the event's sentence) named as scenes: after a locative
    preposition, not inside a party's phrase, not where people come from, not inside what a
    speech act speaks of. A place compounded with a division word is read through it ("in Idlib
    province"; not "at al-Hol camp", which may be a topic's)."""
    speech = m.cameo[:2] in config.speech_roots
    parties = party_tokens(doc, m)
    out = []
    for p in inside:
        tok = doc[p.end - 1]
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in config.division_words:
            tok = tok.head
        if p.place.country and _locative(tok, config, scene_of=trigger) and p.end - 1 not in parties \
                and not provenance(tok, config) and not (speech and _spoken_of(trigger, tok)):
            out.append(p)
    return out


def intended(trigger: Token, m: EventMention, config: PlacesConfig) -> bool:
    """A stated intention or threat (``intent_roots``; not one to meet, ``intent_kept``) told by
    the intended act's own verb ("it will protect its people in Syria", "preparing to send its
    military into Syria"): the place of that verb is where the act would be, not where it was
    stated."""
    if m.cameo[:2] not in config.intent_roots or any(m.cameo.startswith(c) for c in config.intent_kept):
        return False
    return trigger.pos_ in ("VERB", "AUX") and (trigger.dep_ == "xcomp" or _future(trigger))


def announced(trigger: Token) -> bool:
    """A verb of saying whose clause announces an act ("said it would propose a Security Council
    resolution"): coded on "said", the act is done nowhere yet."""
    return trigger.pos_ in ("VERB", "AUX") and any(c.dep_ == "ccomp" and _future(c) for c in trigger.children)


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall", "to") for c in verb.children)


def _home(doc: Doc, m: EventMention, countries: set[str], inside: Sequence[PlaceMention],
          config: PlacesConfig) -> tuple[GeoPlace, str] | None:
    # what a state says is said at home, to whomever it is addressed ("Russia warned the US"), and
    # so are the acts of its laws and offices (``home_act_codes``: "the US imposed sanctions on Iran")
    said = country_of(m.source) is not None and (m.cameo[:2] in config.home_speech_roots
                                               or any(m.cameo.startswith(c) for c in config.home_act_codes)
                                               and not _removal(doc, m, config)) \
        and not _act_noun(doc, m, config)
    if said:
        iso = str(country_of(m.source))
    elif len(countries) != 1:
        return None
    else:
        iso = next(iter(countries))
    parties = [p for p in (m.source, m.target) if p is not None and p.actor is not None]
    if m.cameo[:2] in config.target_roots and not said:
        # (an expulsion or an arrest by a state, ``home_act_codes``, is at home whoever it hits:
        # "Russia expelled 23 British diplomats", "Turkey jailed an American pastor")
        if len(parties) < 2 or any(country_of(p) != iso for p in parties):
            return None
    if not said and m.target is not None and m.target.actor is not None and not country_of(m.target):
        return None  # "the US supported the Kurds", "Qatar backed the militants": they may be abroad
    doer = m.source.actor if m.source is not None else None
    if posting(doc, m, config) is not False:
        return None  # a diplomat posted abroad speaks where posted ("Russia's UN ambassador said")
    if doer is None or country_of(m.source) != iso or not (doer.sector in config.home_sectors
                                                         or not doer.sector and is_country(m.source, doc, m.trigger_token)
                                                         or speaks_at_home(doc, m, config)
                                                         or domestic(doc, m, iso, config)):
        return None  # an act is done where its doer is; a target alone ("pressure on Putin") says nothing
    if m.source is not None and m.source.basis in ("coref", "context") and not named_person(doc, m.source) \
            and not known_pronoun(doc, m.source, config):
        # a doer whose country was borrowed from the article ("A spokesman said", "we", "the
        # president") was wrong too often in the hand checks to place the act; a person named
        # again by surname ("Putin" after "Vladimir Putin") or by "he" or "she" is no borrowing
        return None
    if any(m.cameo.startswith(code) for code in config.abroad_codes) or mixed_doer(doc, m, iso, m.cameo[:2] in config.home_speech_roots):
        return None  # "as Russia drew down its military presence": troops act abroad
    if _at_venue(doc, m, config) or (0 <= m.trigger_token < len(doc)
                                     and doc[m.trigger_token].lemma_.lower() in config.venue_lemmas):
        return None  # "Russia said at the OPCW", "Britain agreed at the summit"
    trigger = doc[m.trigger_token] if 0 <= m.trigger_token < len(doc) else None
    # (a stated intention told by the statement's own verb speaks of its object too: "France
    # announced it would accept the Isis members who return from camps in Syria")
    speech = m.cameo[:2] in config.speech_roots or (m.cameo[:2] in config.home_speech_roots and trigger is not None
                                                    and trigger.lemma_.lower() in config.statement_words)
    for p in inside:
        tok = doc[p.end - 1]
        # where a speech act was said counts ("In a speech delivered in Cairo, Pompeo called for ...")
        if p.place.country != iso and _locative(tok, config) \
                and not (speech and _spoken_of(trigger, tok, said_at=config.locative)) \
                and not _other_clause(doc, tok, trigger, m.source, outer=m.cameo[:2] in config.home_speech_roots) \
                and not _sibling_act(trigger, tok):
            return None
    country = load_index().countries.get(iso)
    return (country, "actors") if country is not None else None


def _sibling_act(trigger: Token | None, tok: Token) -> bool:
    """``tok`` lies in a noun of another act coordinated with the event's noun ("US support for
    militias in Syria, and Turkey's detention of a US citizen"): that act's place, not this one's."""
    if trigger is None or trigger.pos_ not in ("NOUN", "PROPN") or tok in trigger.subtree:
        return False
    return any(tok in c.subtree for c in trigger.conjuncts)


def _removal(doc: Doc, m: EventMention, config: PlacesConfig) -> bool:
    """A government's removal coded as an expulsion ("ousted Iran's government"): done where that
    government rules, not at the remover's home (``home_act_exceptions``)."""
    return 0 <= m.trigger_token < len(doc) and doc[m.trigger_token].lemma_.lower() in config.home_act_exceptions


def _act_noun(doc: Doc, m: EventMention, config: PlacesConfig) -> bool:
    """The event is told by a noun of the act of force itself ("any coming war between Hezbollah and
    Iran", "sceptical that Trump will launch an attack"), coded a threat or an intention: nobody is
    said to have stated anything, so nothing is said at home."""
    if not 0 <= m.trigger_token < len(doc):
        return False
    trigger = doc[m.trigger_token]
    lemma = trigger.lemma_.lower()
    return trigger.pos_ == "NOUN" and (lemma in config.war_nouns or lemma in config.object_nouns
                                       or lemma in config.object_lemmas)


def _other_clause(doc: Doc, tok: Token, trigger: Token | None, doer: ActorMention | None,
                  outer: bool = False) -> bool:
    """``tok`` lies in a clause of another doer than the event's: a clause with a subject of its
    own that names someone else ("after Washington announced a force inside Syria, Erdoğan
    accused the US"), or a relative clause on a noun outside the doer's phrase ("the US, which
    armed the YPG in Raqqa, urged Turkey" is no such: its head is the doer). A clause whose
    subject is a pronoun ("while he was in Paris") or the doer's own relative clause ("Erdoğan,
    who was in Paris") may say where the doer was, and still counts. With ``outer`` (statements),
    so does an outer clause of another doer the trigger's clause is part of (``_outer_clause``)."""
    if trigger is None or doer is None:
        return False
    own = set(range(doer.start, doer.end))
    for clause in tok.ancestors:
        if clause.i == trigger.i or trigger in clause.subtree:
            return outer and (_outer_clause(trigger, clause, own) or _sibling_object(trigger, tok, clause))
        if clause.dep_ not in _CLAUSE_DEPS:
            continue
        if clause.dep_ == "relcl":
            return clause.head.i not in own and clause.head.pos_ in ("NOUN", "PROPN")
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        return any(s.pos_ in ("NOUN", "PROPN") and s.i not in own for s in subjects)
    return False


def _outer_clause(trigger: Token, common: Token, own: set[int]) -> bool:
    """The trigger lies in a clause below ``common`` (the place's lowest ancestor above it too), so
    the place is in an outer clause; that clause's subject is a noun outside the doer's phrase
    ("Moscow gave tacit support to Turkey's incursion into Afrin ... the Kurds, all of whom he
    denounces as terrorists")."""
    cur, below = trigger, False
    while cur.i != common.i and cur.head.i != cur.i:
        below = below or cur.dep_ in _CLAUSE_DEPS
        cur = cur.head
    if not below:
        return False
    verb = common
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.pos_ in ("NOUN", "PROPN") and s.i not in own for s in subjects)


def _sibling_object(trigger: Token, tok: Token, verb: Token) -> bool:
    """``tok`` lies inside what another act of the same doer, coordinated with the statement, acts
    on ("the US Senate has withdrawn support for Riyadh's war in Yemen and accused Prince
    Mohammed"): not where the statement was made (a place hung on that verb itself is: "met in
    Paris and warned")."""
    if trigger.dep_ != "conj" or trigger.head.i != verb.i:
        return False
    branch = next((c for c in verb.children if tok in c.subtree), None)
    return branch is not None and branch.dep_ in ("dobj", "obj", "attr", "ccomp", "xcomp")


def _locative(tok: Token, config: PlacesConfig, scene_of: Token | None = None) -> bool:
    """The place is the object of a locative preposition ("in northeast Syria", "in camps in
    Syria", "in the north of Syria"), of "from" / "out of" after a withdrawal, or of "to" / "into"
    after a movement ("travelled to Tehran"); not of "to" or "from" elsewhere ("lead to the
    partition of Syria", "children from Britain").

    With ``scene_of`` (the event's trigger: is the place a scene of that event?), a destination
    or origin counts only as the trigger's own ("went to Syria, came home and was arrested" is no
    arrest in Syria), and a locative phrase on a topic noun that is not itself in a locative or
    circumstantial phrase names what is spoken of ("discussed developments in Syria")."""
    cur = first_conjunct(tok)  # "in Mosul and Raqqa"
    for _ in range(_MAX_UP):
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        word = prep.lower_
        if scene_of is not None and word in config.locative and (_topic_of(prep.head, config)
                                                                  or topic_phrase(prep, config)):
            return False
        if word in config.locative or (word == "on" and _place_word(cur, config)):
            return True  # "in Syria", "on the outskirts of Kabul"
        out_of = word == "of" and prep.head.lower_ == "out"
        mover = prep.head.head if out_of else prep.head
        if scene_of is not None and (word in config.destination or word in config.origin or word == "out" or out_of) \
                and mover is not scene_of:
            return False
        if word in config.destination:
            return prep.head.lemma_.lower() in config.destination_lemmas
        if word in config.origin or word == "out":  # "withdrew from Syria", not "children from Britain"
            return prep.head.lemma_.lower() in config.origin_lemmas
        if word == "of" and prep.head.lower_ == "out":
            return prep.head.head.lemma_.lower() in config.origin_lemmas
        if word in config.linking and _place_word(prep.head, config):
            cur = prep.head  # "the north of Syria", "camps in Syria": the place phrase goes on
            continue
        return False
    return False


def is_topic(noun: Token, config: PlacesConfig) -> bool:
    """A noun of what is spoken of (``topic_nouns``: "developments", "the situation")."""
    return in_words(noun, config.topic_nouns)


def topic_phrase(prep: Token, config: PlacesConfig) -> bool:
    """A prepositional phrase the parser hung on the verb right after the verb's topic object:
    "discussed the situation in Mosul" speaks of Mosul whichever way it is parsed."""
    if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("dobj", "obj", "attr") and c.right_edge.i + 1 == prep.i and is_topic(c, config)
               for c in prep.head.children)


def _topic_of(noun: Token, config: PlacesConfig) -> bool:
    """A topic noun ("developments", "the situation") that is an object or the object of a
    non-locative preposition: what is spoken of, not a scene ("killed in the war in Syria" is one)."""
    if not is_topic(noun, config):
        return False
    if noun.dep_ == "pobj":
        return noun.head.lower_ not in config.locative | config.circumstantial
    return noun.dep_ in ("dobj", "obj", "attr", "appos")


def _at_venue(doc: Doc, m: EventMention, config: PlacesConfig) -> bool:
    """The sentence says the act was done at a meeting or a known organisation ("at a summit",
    "at the OPCW", "told the session in ..."): not at home, wherever that meeting was."""
    span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return False
    t = doc_table(doc)  # labels, heads' forms and lemmas from the Doc's table: a Token only for an object
    for j in range(span.start, span.end):
        if t.dep[j] == "pobj" and t.lower[t.head[j]] in config.locative and (
                t.lemma[j] in config.venue_nouns or doc[j].ent_id_.startswith("org:")):
            return True
    return False


def _place_word(tok: Token, config: PlacesConfig) -> bool:
    return in_words(tok, config.place_nouns)


def _spoken_of(trigger: Token | None, tok: Token, said_at: frozenset[str] = frozenset()) -> bool:
    """``tok`` is inside what a speech act speaks of (its object or complement, not its subject;
    nor, with ``said_at``, a phrase of these prepositions on the verb itself: where it was said)."""
    if trigger is None:
        return False
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in said_at:
            continue
        # not its subject, nor the circumstance it was said in ("Speaking in Paris, X condemned Y");
        # a condition is part of what is said ("warned of a clash if Trump orders a strike in Syria")
        condition = child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                                                   for c in child.children)
        if (condition or child.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "advcl")) \
                and tok in child.subtree:
            return True
    return False
