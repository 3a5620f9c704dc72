"""Coreference within one article, over the actor candidates the stage found.

- a surname after a full mention ("Rahmon" after "Tajik President, Emomali Rahmon"), a titled or
  misspelt surname of a person named before (``surnames``);
- pronouns, "the country", "the group" and the first persons of quotations (``anaphora``);
- "the two countries" / "both sides" -> the pair in focus (the article's two most frequent
  countries), as two mentions over the same span;
- "the two leaders" / "both presidents" -> the two people of two countries last named in their
  sentence or the one before (``_pair_people``), as two mentions over the same span;
- "his Tajik counterpart" -> Tajik, with the sector of the person it is counterpart to;
- "the government" (no country) -> the country of the latest government mention, else the focus;
- in domestic news (one country has most of the article's country mentions), a bare countryless
  group or office ("police", "protesters", "the army") -> that country (``_domestic``);
- a named state official with no country and no antecedent ("Vice-President X", whom the
  knowledge base lacks) -> the focus, when the sentence names the focus country and no other
  official of it (two officials are more likely counterparts than colleagues);
- a countryless group of a people without a state ("Kurdish forces", "the Kurds") -> the country
  of theirs that a locative place of its sentence names ("in Syria") (``_stateless``);
- a bare countryless office or body of the state ("the ministry", "officials", "a military
  spokesman") -> the one country its sentence and the few before name, when they name one only
  (``_nearby``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..model import Actor, ActorMention
from ..doctext import doc_text
from ..wordlists import word_map, word_set
from .anaphora import resolve_anaphora
from .cand import Cand
from .names import fold
from .phrase import LOC_PREPS
from .quotes import find_quotes
from .surnames import misspelt_surnames, surnames, titled_namesake

_PAIR = re.compile(r"^(the )?(two|both) (countries|sides|states|nations|neighbors|neighbours|governments|capitals)$")
_GROUP_GOV = word_set("actors", "government_nouns")
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG"})
_DOMESTIC = word_map("actors", "domestic_focus")
_STATELESS = word_map("actors", "stateless_peoples")
_STATELESS_GROUPS = word_map("actors", "stateless_groups")  # the KB's named groups of such a people
_DOMESTIC_SECTORS = word_set("actors", "domestic_sectors")
_FOREIGN = word_set("actors", "foreign_modifiers")
_DOMESTIC_MIL = word_set("actors", "domestic_military")
_POSSESSIVE = word_set("actors", "possessives")
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_PAIR_PEOPLE = word_set("actors", "pair_people")
_NEARBY = word_map("actors", "nearby_country")
_ABROAD = word_map("actors", "abroad_modifiers")  # western, foreign ...: not of a country named nearby
_QUANTITY = word_set("actors", "quantity_words")
_SERVING = word_map("actors", "serving_body")
_AIDE_TO = word_map("actors", "aide_to")
_REGIONS = word_set("actors", "world_regions")  # regions of many states: a title for one is no state's
_ANONYMOUS = word_set("actors", "anonymous_titles")  # official, spokesman ...: the last one named so
_PRIVATE = word_set("events", "private_person_sectors")  # a private person's nationality places no state


def resolve_coreference(doc: Doc, cands: list[Cand], chunks: Sequence[Span] | None = None) -> list[Cand]:
    """Resolved candidates plus the coreferent mentions found in ``doc`` (sorted by position);
    ``chunks``: the Doc's noun chunks, when the caller has read them."""
    cands = sorted(cands, key=lambda c: c.start)
    counts = Counter(c.actor.country for c in cands if c.actor and c.actor.country not in (None, "IGO"))
    pair = [iso for iso, _ in counts.most_common(2)]
    focus = pair[0] if pair else None
    _aides(doc, cands)
    surnames(doc, cands)
    misspelt_surnames(doc, cands)
    _serving(doc, cands)
    surnames(doc, cands)  # again: a title in apposition now of the body it serves ("X, a spokesman for <a group>")
    cands = _pair_people(doc, cands)
    _fill_countries(doc, cands, focus, pair)
    if focus and counts[focus] >= _DOMESTIC["min_mentions"] and counts[focus] >= _DOMESTIC["share"] * sum(counts.values()):
        _domestic(doc, cands, focus)
    _nearby(doc, cands)
    taken = {i for c in cands if c.actor for i in range(c.start, c.end)}
    extra = [*resolve_anaphora(doc, cands, taken), *_pairs(doc, pair, taken, chunks)]
    _stateless(doc, cands)  # after the pronouns: they keep what their antecedent itself said
    return sorted([*(c for c in cands if c.actor), *extra], key=lambda c: (c.start, c.end))


def _aides(doc: Doc, cands: list[Cand]) -> None:
    """A person named by a title of personal service alone, of no country, body or name of its own, "to"
    a named person with a country ("a senior aide to <a president>") is of that person's country
    (``aide_to``); so the surname of the name in apposition with it is too."""
    preps, titles = frozenset(_AIDE_TO["preps"]), frozenset(_AIDE_TO["titles"])
    at = {i: c for c in cands if c.actor is not None for i in range(c.start, c.end)}
    for cand in cands:
        actor, head = cand.actor, doc[cand.head]
        if actor is None or not cand.person or actor.country or actor.org or actor.kb_id or actor.name \
                or head.lemma_.lower() not in titles:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            boss = next((at[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in at), None)
            if boss is not None and boss is not cand and boss.person and boss.actor is not None \
                    and boss.actor.name and boss.actor.country not in (None, "IGO"):
                cand.actor = replace(actor, country=boss.actor.country)
                break


def _serving(doc: Doc, cands: list[Cand]) -> None:
    """A person named by a title alone, of no country or body of its own, that serves a named body
    of a sector outside the state (``serving_body``: "an official with Oxfam", "a negotiator for the
    rebels' committee") is of that body: the title's own default (an official: GOV) says nothing."""
    preps, sectors = frozenset(_SERVING["preps"]), frozenset(_SERVING["sectors"])
    at = {i: c for c in cands if c.actor is not None for i in range(c.start, c.end)}
    for cand in cands:
        actor = cand.actor
        if actor is None or not cand.person or actor.country or actor.org or actor.kb_id or actor.name:
            continue
        for prep in doc[cand.head].children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            body = next((at[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in at), None)
            if body is not None and body.actor is not None and body.actor.sector in sectors \
                    and not body.person and (body.actor.org or body.actor.name):
                cand.actor = replace(body.actor, confidence=min(body.actor.confidence, actor.confidence))
                break


def _pair_people(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"the two leaders", "both presidents" (no country of their own) -> the two people of two
    countries last named before them, in their sentence or the one before, in their order: one
    candidate each over the same span ("Putin hosted Erdogan ..., and the two leaders pledged")."""
    out: list[Cand] = []
    for i, cand in enumerate(cands):
        actor = cand.actor
        span = doc[cand.start:cand.end]
        words = fold(doc_text(doc)[span.start_char:span.end_char]).split()  # (Span.text: a Token per word)
        if words[:1] == ["the"]:
            words = words[1:]
        if actor is None or actor.country is not None or len(words) < 2 or words[0] not in ("two", "both") \
                or " ".join(words[1:]) not in _PAIR_PEOPLE:
            out.append(cand)
            continue
        sent = doc[cand.head].sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        found: list[Cand] = []
        for e in reversed(cands[:i]):
            if e.start < first:
                break
            if e.actor is None or not e.actor.country or e.actor.sector is None or not (e.person or e.actor.name) \
                    or (e.reading is not None and e.reading.kind == "place"):
                continue
            if e.end > cand.start or any(f.actor and f.actor.country == e.actor.country for f in found):
                continue
            found.append(e)
            if len(found) == 2:
                break
        if len(found) < 2:
            out.append(cand)
            continue
        for e in sorted(found, key=lambda c: c.start):
            assert e.actor is not None
            out.append(Cand(cand.start, cand.end, cand.head, replace(e.actor, confidence=0.6), e.reading, "coref", e.head))
    return out


def _fill_countries(doc: Doc, cands: list[Cand], focus: str | None, pair: list[str]) -> None:
    """Countries for "the government", "his counterpart", "the president" from the discourse."""
    for i, cand in enumerate(cands):
        head = doc[cand.head].lower_
        if head.startswith("counterpart"):
            _counterpart(doc, cands, i, pair)
            continue
        actor = cand.actor
        if actor is None or actor.country is not None or actor.sector is None:
            continue
        if (head not in _GROUP_GOV and not cand.person) or _from_abroad(doc, cand) or _for_region(doc, cand):
            continue  # "a senior western diplomat" is not the country of the official named before
        twin = titled_namesake(doc, cands[:i], cand)
        if twin is not None:  # "Ambassador Petrov" again: the same person, placed (or not) as before
            if twin.actor is not None and twin.actor.country:
                confidence = round(min(twin.actor.confidence, actor.confidence) * 0.95, 3)
                cand.actor = replace(twin.actor, confidence=confidence)
            cand.basis, cand.antecedent = "coref", twin.head
            continue
        same = _last_named(doc, cands[:i], cand) if doc[cand.head].lemma_.lower() in _ANONYMOUS else None
        if same is not None:  # "A Turkish official said ... the official said": the one named so before
            cand.actor = replace(actor, country=same, confidence=0.6)
            cand.basis, cand.antecedent = "coref", next(e.head for e in reversed(cands[:i])
                                                         if doc[e.head].lemma_.lower() == doc[cand.head].lemma_.lower())
            continue
        hosts = _stateless_hosts(doc, cand)  # "a senior Kurdish official": of a country of the Kurds only
        source = None if _own_seat(doc, cands, cand) else next(
            (e for e in reversed(cands[:i]) if e.actor and e.actor.country
             and e.actor.sector == actor.sector and e.person == cand.person), None)
        if source is not None and hosts and source.actor is not None and source.actor.country not in hosts:
            continue
        if source is not None:
            cand.actor = replace(actor, country=source.actor.country, confidence=0.6)  # type: ignore[union-attr]
            cand.basis, cand.antecedent = "coref", source.head
        elif (head in _GROUP_GOV or actor.sector == "OPP") and focus:  # the opposition is domestic
            cand.actor = replace(actor, country=focus, confidence=0.5)
            cand.basis = "context"
        elif (cand.person and actor.name and actor.sector in _STATE_SECTORS and focus
              and _sentence_names(doc, cands, cand, focus) == (True, False)):
            cand.actor = replace(actor, country=focus, confidence=0.45)
            cand.basis = "context"


def _own_seat(doc: Doc, cands: list[Cand], cand: Cand) -> bool:
    """An office of the sectors seated by their place (``seat_sectors``) whose own phrase names the
    place it sits in ("a senior official in <town>"): it is of that place's country (``_nearby`` gives
    it), or of none when the place has none or several, not of the last official of its sector named
    before (another state's, often the one acting on that place)."""
    if cand.actor is None or cand.actor.sector not in _NEARBY["seat_sectors"]:
        return False
    head = doc[cand.head]
    places = {t.i for p in head.children if p.dep_ == "prep" and p.lower_ in _NEARBY["seat_preps"]
              for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)}
    return any(doc[i].ent_type_ in ("GPE", "LOC") for i in places) \
        or any(c.head in places and c.reading is not None and c.reading.kind == "place" for c in cands)


def _last_named(doc: Doc, before: list[Cand], cand: Cand) -> str | None:
    """For a definite singular title (``cand``: "the official"), the country of the last one named by
    the same noun ("a Turkish official"), if that one has a country (none if it has none itself)."""
    head = doc[cand.head]
    if head.tag_ != "NN" or not any(t.dep_ == "det" and t.lower_ == "the" for t in head.children):
        return None
    lemma = head.lemma_.lower()
    for e in reversed(before):
        if doc[e.head].lemma_.lower() == lemma and e.actor is not None:
            # its country from its own words ("a Turkish official"), or from this rule (a chain of "the
            # official"); not one lent by the context ("a senior administration official" given the
            # last official's country), which the last-official rule reads better
            own = e.basis != "coref" and e.reading is not None and e.reading.country_from_text
            chained = e.basis == "coref" and e.antecedent is not None and doc[e.antecedent].lemma_.lower() == lemma
            return e.actor.country if (own or chained) and e.actor.country != "IGO" else None
    return None


def _for_region(doc: Doc, cand: Cand) -> bool:
    """A title "for" or "of" a region of many states (``world_regions``: "a spokesperson for the
    Middle East and North Africa"): it serves a body beyond any one state."""
    for prep in doc[cand.head].children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                words = fold(doc[obj.left_edge.i:obj.i + 1].text)
                if words in _REGIONS or words.removeprefix("the ") in _REGIONS:
                    return True
    return False


def _from_abroad(doc: Doc, cand: Cand) -> bool:
    """A phrase with a word of abroad (``abroad_modifiers``: "a senior western diplomat", "a foreign
    envoy"), not of an office of foreign affairs ("the foreign minister", "a foreign policy aide")."""
    if doc[cand.head].lemma_.lower() in _ABROAD["offices"]:
        return False
    toks = list(doc[cand.start:cand.end])
    for k, t in enumerate(toks):
        office_next = k + 1 < len(toks) and toks[k + 1].lemma_.lower() in _ABROAD["offices"]
        if (t.lower_ in _ABROAD["words"] and t.lower_ not in _ABROAD["same_official"] and not office_next
                and t.i != cand.head):
            return True
    return False


def _domestic(doc: Doc, cands: list[Cand], focus: str) -> None:
    """In domestic news, a bare countryless group or office ("police", "protesters", "the army")
    is of the focus country, unless a possessive or a word of elsewhere qualifies it."""
    for cand in cands:
        actor = cand.actor
        if actor is None or not _bare(doc, cand, _DOMESTIC_SECTORS):
            continue
        cand.actor = replace(actor, country=focus, confidence=min(actor.confidence, 0.5))
        cand.basis = "context"


def _bare(doc: Doc, cand: Cand, sectors: frozenset[str], offices: frozenset[str] = frozenset()) -> bool:
    """A countryless group or office of one of ``sectors``, named by no name of its own, no
    possessive and no word of elsewhere ("police", "the army", "the ministry"; not "their
    families", "foreign troops"); of the military, only bodies of soldiers (``domestic_military``).
    With ``offices``, "foreign" before one of these nouns names an office, not elsewhere ("the
    foreign ministry")."""
    actor = cand.actor
    if actor is None or actor.country is not None or actor.sector not in sectors \
            or actor.org or actor.kb_id or (actor.name and not cand.person):
        return False
    if actor.sector == "MIL" and doc[cand.head].lemma_.lower() not in _DOMESTIC_MIL:
        return False
    span = doc[cand.start:cand.end]
    words = {t.lower_ for t in span} | {t.lower_ for t in doc[cand.head].children}
    if doc[cand.head].lemma_.lower() in offices:
        words.discard("foreign")
    return not (words & (_FOREIGN | _POSSESSIVE) or any(t.dep_ == "poss" or t.ent_type_ in ("NORP", "GPE")
                                                        for t in doc[cand.head].children))


def _nearby(doc: Doc, cands: list[Cand]) -> None:
    """A bare countryless office or body of the state (``_bare``, sectors ``nearby_country``:
    "The ministry said", "officials say", "a military spokesman said"; not a counted or quantified
    group, "the two governments", "most governments", nor one "from" or "of" somewhere, nor a
    private party's lawyer: ``_counsel``) is of the one country of the places its phrase seats it
    in ("officials in Cairo"; offices of ``seat_sectors`` only: an army is where it is sent, "a
    sizable force in Syria" may be Russia's); else of the nearest earlier mention of its own noun
    (``_same_noun``: "the foreign ministry in Moscow" ... "the ministry"); else, when it is the doer
    of its clause (an active subject or a passive's agent: speakers, not the parties acted on, often
    foreign: "would cooperate with the court"), of the one country its sentence and the
    ``sentences`` before it name: every actor or place with a country there is of that country (IGO
    aside, a person of a group outside the state and a private person: a militant's or a student's
    nationality places no state, "Officials who hunted Baghdadi" are not of his country), and one is named before it outside any
    quotation (what it says names others: "“The Russian state ordered it,” the judge said"). Two
    countries named there leave it countryless: a wrong country is worse than none."""
    sectors, offices = frozenset(_NEARBY["sectors"]), frozenset(_NEARBY["foreign_offices"])
    if not doc.has_annotation("SENT_START"):
        return
    sent_of = {}
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    quoted = {i for q in find_quotes(doc) for i in range(q.start, q.end)}
    named = [(c, c.actor.country) for c in cands if c.actor is not None and c.actor.country
             and c.actor.country != "IGO"
             and not (c.person and c.actor.sector not in sectors and (c.actor.org or c.actor.sector in _PRIVATE))]
    for i, cand in enumerate(cands):
        head, actor = doc[cand.head], cand.actor
        if actor is None or not _bare(doc, cand, sectors, offices) or _counsel(doc, cand) or any(
                t.dep_ == "nummod" or t.lower_ in _QUANTITY or t.lower_ in ("both", "two")
                or (t.dep_ == "prep" and t.lower_ in _NEARBY["origin_preps"]) for t in head.children):
            continue
        country = (_seat(head, cands) if actor.sector in _NEARBY["seat_sectors"] else None) \
            or _same_noun(doc, cands[:i], cand)
        if country is None and (head.dep_ == "nsubj" or head.dep_ == "pobj" and head.head.dep_ == "agent"):
            k = sent_of[cand.head]
            near = [(c, iso) for c, iso in named if k - _NEARBY["sentences"] <= sent_of[c.head] <= k]
            countries = {iso for _, iso in near}
            if len(countries) == 1 and any(c.end <= cand.start and c.head not in quoted for c, _ in near):
                country = countries.pop()
        if country is not None:
            cand.actor = replace(actor, country=country, confidence=min(actor.confidence, 0.5))
            cand.basis = "context"


def _counsel(doc: Doc, cand: Cand) -> bool:
    """A lawyer, counsel or solicitor of a private party ("Lawyer Jane Doe", "a lawyer for the
    family"), no office of a state: a noun of ``private_counsel`` in its phrase and none of the
    words of a state's counsel there ("the attorney general", "government lawyers")."""
    words = {w for t in doc[cand.start:cand.end] for w in (t.lower_, t.lemma_.lower())}
    counsel = _NEARBY["private_counsel"]
    return bool(words & set(counsel["nouns"])) and not words & set(counsel["unless"])


def _seat(head: Token, cands: list[Cand]) -> str | None:
    """The one country of the places its own phrase seats an office in ("the foreign ministry in
    Moscow", "officials in Cairo"; not "officials in Washington and London")."""
    places = {t.i for p in head.children if p.dep_ == "prep" and p.lower_ in _NEARBY["seat_preps"]
              for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)}
    countries = {c.actor.country for c in cands if c.head in places and c.actor is not None}
    return countries.pop() if len(countries) == 1 and None not in countries and "IGO" not in countries else None


def _same_noun(doc: Doc, before: list[Cand], cand: Cand) -> str | None:
    """For a definite singular ``cand`` ("the ministry"), the country of the nearest earlier
    candidate with a country headed by the same noun, when every word of ``cand``'s phrase is among
    its words ("the foreign ministry in Moscow" ... "the ministry", not ... "the defence ministry");
    plural groups ("officials", "leaders") are each time others."""
    head = doc[cand.head]
    if head.tag_ != "NN" or not any(t.dep_ == "det" and t.lower_ == "the" for t in head.children):
        return None
    mine = {t.lower_ for t in head.subtree if t.pos_ not in ("DET", "PUNCT")}
    for e in reversed(before):
        if doc[e.head].lemma_.lower() != head.lemma_.lower() or e.actor is None or not e.actor.country:
            continue
        words = {t.lower_ for t in doc[e.start:e.end]} | {t.lower_ for t in doc[e.head].subtree}
        return e.actor.country if e.actor.country != "IGO" and mine <= words else None
    return None


def _stateless(doc: Doc, cands: list[Cand]) -> None:
    """A countryless group or unnamed official named by a people without a state ("Kurdish forces",
    "the Kurds", "a Kurdish official") is of the country of theirs where its sentence places things:
    the nearest place of such a country that is the object of a locative preposition ("in Syria",
    "from Afrin"); else, for a body of the people (not the people or a community: a diaspora), of
    the one country of the knowledge base's named groups of that people the article mentions
    (``stateless_groups``: the YPG and SDF are Syria's, the Peshmerga Iraq's; two countries there
    leave it countryless). The article's most named host, or a wider window of places, was wrong too
    often: Turkey in news of Turkey's offensives on the Kurds of Syria. Run after the pronouns, which
    keep what their antecedent itself said (a wrong antecedent would spread the country)."""
    places = [c for c in cands if c.actor is not None and c.actor.country and c.reading is not None
              and c.reading.kind == "place" and _locative(doc[c.head])]
    for cand in cands:
        actor = cand.actor
        if actor is None or actor.country is not None or actor.org or actor.kb_id or actor.name:
            continue
        hosts = _stateless_hosts(doc, cand)
        if not hosts:
            continue
        sent = doc[cand.head].sent
        near = [c for c in places if sent.start <= c.head < sent.end and c.actor is not None
                and c.actor.country in hosts]
        if near:
            best = min(near, key=lambda c: abs(c.head - cand.head))
            cand.actor = replace(actor, country=best.actor.country, confidence=min(actor.confidence, 0.5))  # type: ignore[union-attr]
            cand.basis, cand.antecedent = "context", best.head
            continue
        groups = _named_groups(doc, cands, cand) if actor.sector != "CVL" else set()  # a people: abroad too
        if len(groups) == 1 and next(iter(groups)) in hosts:  # the article names the YPG only: Syria's Kurds
            cand.actor = replace(actor, country=next(iter(groups)), confidence=min(actor.confidence, 0.45))
            cand.basis = "context"


def _named_groups(doc: Doc, cands: list[Cand], cand: Cand) -> set[str]:
    """The countries of the knowledge base's named groups of ``cand``'s people that its article
    mentions (``stateless_groups``: the YPG, the Peshmerga, the PKK ...)."""
    ids: list[str] = next((_STATELESS_GROUPS[t.lower_] for t in doc[cand.start:cand.end]
                           if t.lower_ in _STATELESS_GROUPS), [])
    return {c.actor.country for c in cands if c.actor is not None and c.actor.kb_id in ids and c.actor.country}


def _stateless_hosts(doc: Doc, cand: Cand) -> list[str]:
    """The countries of the people without a state that a word of ``cand``'s phrase names (``stateless_peoples``)."""
    return next((_STATELESS[t.lower_] for t in doc[cand.start:cand.end] if t.lower_ in _STATELESS), [])


def _locative(tok: Token) -> bool:
    """A place that is the object of a locative preposition ("in Syria", "near Baghuz")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOC_PREPS


def _sentence_names(doc: Doc, cands: list[Cand], cand: Cand, country: str) -> tuple[bool, bool]:
    """Whether the sentence of ``cand`` names ``country`` at all, and a person of it."""
    sent = doc[cand.head].sent
    others = [c for c in cands if c is not cand and c.actor and c.actor.country == country
              and sent.start <= c.head < sent.end]
    return bool(others), any(c.person for c in others)


def _counterpart(doc: Doc, cands: list[Cand], i: int, pair: list[str]) -> None:
    """"his Tajik counterpart": the country said (else the other of the pair), the person's sector."""
    cand = cands[i]
    sent = doc[cand.head].sent
    subject = next((c for c in reversed(cands[:i]) if c.actor and c.person and c.head >= sent.start
                    and doc[c.head].dep_ in _SUBJ), None)
    person = subject or next((c for c in reversed(cands[:i]) if c.actor and c.person), None)
    if person is None or person.actor is None:
        return
    country = cand.actor.country if cand.actor else None
    if country is None:
        others = [iso for iso in pair if iso != person.actor.country]
        country = others[0] if others else None
    if country is None:
        return
    cand.actor = Actor(country=country, sector=person.actor.sector, sector2=person.actor.sector2,
                       confidence=0.7 if cand.actor else 0.5)
    cand.basis, cand.antecedent = "coref", person.head


def _pairs(doc: Doc, pair: list[str], taken: set[int], chunks: Sequence[Span] | None) -> list[Cand]:
    """"the two countries" -> one mention per country of the pair in focus (same span)."""
    if len(pair) < 2 or not doc.has_annotation("DEP"):
        return []
    out = []
    text = doc_text(doc)  # a chunk's words sliced from it: Span.text builds a Token per word
    for chunk in doc.noun_chunks if chunks is None else chunks:
        if any(i in taken for i in range(chunk.start, chunk.end)):
            continue
        if _PAIR.match(fold(text[chunk.start_char:chunk.end_char])):
            for iso in pair:
                out.append(Cand(chunk.start, chunk.end, chunk.root.i, Actor(country=iso, confidence=0.6),
                                None, "coref"))
    return out


def to_mentions(doc: Doc, cands: list[Cand]) -> list[ActorMention]:
    out = []
    text = doc_text(doc)
    for c in cands:
        if c.actor is None or (c.actor.country is None and c.actor.sector is None):
            continue
        span = doc[c.start:c.end]
        out.append(ActorMention(start=c.start, end=c.end, char_start=span.start_char, char_end=span.end_char,
                                text=text[span.start_char:span.end_char], actor=c.actor, basis=c.basis, antecedent=c.antecedent))
    return out
