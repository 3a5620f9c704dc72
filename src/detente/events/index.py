"""The actor mentions of a sentence by token, and the actors a role's head token refers to: shared
by the role finder (``roles``) and its fallbacks for the language the slots miss (``sides``)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Actor, ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..places.types import PlaceMention

BFS_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "pobj", "npadvmod", "conj"})
# an apposition names the referent itself ("Tajikistan's guarantor, Russia"); a possessor last
BFS_ORDER = {"appos": 0, "compound": 1, "nmod": 1, "amod": 2, "prep": 3, "pobj": 3, "npadvmod": 4, "poss": 5}
BFS_PREPS = frozenset({"of", "from", "by"}) | word_set("events", "member_preps")  # "its allies, including France"
# a countryless actor serving a named one is of it ("a spokesperson for the Foreign Office", "an
# official at Scotland Yard"); "at" a mere place says nothing ("diplomats at Baghdad airport")
SERVING_PREPS = frozenset({"for", "at"})
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})  # "its border with Ukraine" names Ukraine
CONTROL_PARTICIPLES = word_set("events", "control_participles")
DOCUMENT_NOUNS = word_set("events", "document_nouns")
DOCUMENT_VERBS = word_set("events", "document_verbs")
PRIVATE_PERSON = word_set("events", "private_person_sectors")  # a named private person's nationality
VENUE_ROOTS = cameo_policy().venue_roots  # intentions, consultations, diplomatic and material cooperation


class ActorIndex:
    """Actor mentions by token index. Several mentions over one span are a group
    (the actors stage resolves ``the two countries`` to two mentions). ``places`` (the places
    stage's) that no actor mention covers are kept apart, as countries only (``place_at``): towns
    and provinces the actor gazetteer does not hold (``seized Mekelle``, ``the streets of Urumqi``)."""

    def __init__(self, actors: Sequence[ActorMention], places: Sequence[PlaceMention] = ()):
        self._by_token: dict[int, list[ActorMention]] = {}
        for m in actors:
            for i in range(m.start, m.end):
                self._by_token.setdefault(i, []).append(m)
        self._places: dict[int, ActorMention] = {}
        for p in places:
            if p.dateline or p.place.kind == "country" or any(i in self._by_token for i in range(p.start, p.end)):
                continue
            m = ActorMention(p.start, p.end, p.char_start, p.char_end, p.text,
                             Actor(country=p.place.country, name=p.place.name, confidence=0.5), basis="place")
            for i in range(p.start, p.end):
                self._places[i] = m

    def place_at(self, tok: Token) -> list[ActorMention]:
        """The town or division at ``tok`` that no actor mention covers, as its country's mention."""
        found = self._places.get(tok.i)
        return [found] if found is not None else []

    def at(self, tok: Token) -> list[ActorMention]:
        found = self._by_token.get(tok.i, [])
        if len(found) <= 1:
            return list(found)
        narrow = min(m.end - m.start for m in found)
        same = [m for m in found if m.end - m.start == narrow]
        spans = {(m.start, m.end) for m in same}
        return same if len(spans) == 1 else same[:1]

    def __bool__(self) -> bool:
        return bool(self._by_token)

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Every mention (and uncovered place) with a word in tokens [start, end), each once, in order."""
        out: dict[int, ActorMention] = {}
        for i in range(start, end):
            for m in [*self._by_token.get(i, ()), *([self._places[i]] if i in self._places else [])]:
                out.setdefault(id(m), m)
        return sorted(out.values(), key=lambda m: (m.start, m.end))


def private_person(m: ActorMention, doc: Doc) -> bool:
    """A named private person (a name in the mention or at its antecedent; ``private_person_sectors``):
    a nationality, not the state of a scene."""
    names = [*doc[m.start:m.end], *([doc[m.antecedent]] if m.antecedent is not None else [])]
    return m.actor.sector in PRIVATE_PERSON and any(t.ent_type_ == "PERSON" for t in names)


def _located(mentions: list[ActorMention]) -> bool:
    return any(m.actor.country or m.actor.org for m in mentions)


def actors_near(tok: Token, index: ActorIndex, max_depth: int = 4) -> list[ActorMention]:
    """The actor(s) a phrase headed by ``tok`` refers to: its own mention, else the closest one
    inside its noun phrase (the agent of a participle describing it: ``positions held by Isis``),
    else the subject of a copula it is predicated of. A mention without a country (``Angry
    activists``) gives way to one with a country deeper in its phrase (``... from the Fatah Party``)."""
    own = index.at(tok)
    if own and _located(own):
        return own
    frontier = [tok]
    fallback: list[ActorMention] = own
    for _ in range(max_depth):
        nxt = []
        for cur in frontier:
            for c in sorted(cur.children, key=lambda c: BFS_ORDER.get(c.dep_, 6)):
                if c.dep_ == "acl" and c.lower_ in CONTROL_PARTICIPLES and sx.eff_pos(cur) == "noun":
                    agent = next((a for a in c.children if a.dep_ == "agent"), None)  # "positions held by Isis"
                    if agent is None:
                        continue
                    c = agent
                elif c.dep_ not in BFS_DEPS and not (c.dep_ == "prep" and (
                        c.lower_ in BFS_PREPS or (c.lower_ == "with" and sx.lemma(cur) in BORDER_NOUNS)
                        or (c.lower_ in SERVING_PREPS and cur == tok and own))):
                    continue
                if c.dep_ == "conj" and cur == tok:
                    continue  # conjuncts are separate actors, handled by the caller
                found = [m for m in index.at(c) if m not in own
                         and not (c.dep_ == "pobj" and c.head.lower_ == "at" and m.basis == "gazetteer")]
                if found and _located(found):
                    return found
                if found and not fallback:
                    fallback = found
                nxt.append(c)
        if not nxt:
            break
        frontier = nxt
    if fallback:
        return fallback
    if tok.dep_ == "dobj" and sx.lemma(tok) in DOCUMENT_NOUNS and sx.lemma_in(tok.head, DOCUMENT_VERBS):
        # "the council passed a resolution that demanded": the document speaks for its author
        return [m for s in sx.subject(tok.head) if s != tok for m in actors_near(s, index, max_depth=2)]
    antecedent = sx.copula_subject(tok)
    if antecedent is not None and antecedent != tok:
        return index.at(antecedent) or actors_near(antecedent, index, max_depth=2)
    return []


def resolve(tokens: Sequence[Token], index: ActorIndex) -> list[ActorMention]:
    """Actors of the first role head (with its conjuncts) that has any; heads are alternatives."""
    for tok in tokens:
        out: list[ActorMention] = []
        for t in sx.with_conjuncts(tok):
            for m in actors_near(t, index):
                if m not in out:
                    out.append(m)
        if out:
            return out
    return []
