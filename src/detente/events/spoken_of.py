"""The party a plain statement speaks of: "the envoy said Moscow was not serious about ...", "“The
regime will pay the price,” the spokesman said". A statement with nothing else codable (``codes.
spoken_of`` of ``policy.yaml``: 010, 012, 013), or a criticism or threat coded on its verb of saying
(``roots.spoken_of``: 11, 13) and naming no target, whose clause said has for its subject a political
party of another country than every speaker's is aimed at that party; CAMEO's target is the party a
comment is about as well as the one it is told to (``statements.statement_roles`` keeps those told
or urged, "told the envoy", "said NATO should act"). Not a party of the speaker's own country ("said
the army would stay": no counterpart, nor "said the UK and the US would": the speaker's side with
its ally), nor one named only by a pronoun or by the article's context, nor a country word qualifying
a noun of no party ("said Iraqi refugees"), nor a body of no political sector. A town named as the
subject is still read as its country's party (a known miss). Called by the coder once an event's
code and roles are final, where no target was found.

When the clause said names no party as its subject, the one party of another country that its
verb acts on or is about is the target: its object, the owner or "of" party of the object, or the
object of a preposition that is not one of place ("said they had no sway over Beijing",
"said the new tariffs would hurt Argentina"; ``spoken_of_place_preps`` in ``words/events.yaml``:
"said the fighting in Syria" names a place, "after the fall of X" a time, not a party). Only where
the whole clause said names one other country, its objects none of the speaker's, and its subject
no party of another country (the clause is then of that party); a country word that only qualifies
a noun ("a Syrian peace conference") names no party."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .index import ActorIndex, resolve

if TYPE_CHECKING:
    from spacy.tokens import Token

SPOKEN_OF_CODES = cameo_policy().spoken_of_codes  # plain, pessimistic, optimistic comments (data/policy.yaml)
SPOKEN_OF_ROOTS = cameo_policy().spoken_of_roots  # criticism, threats coded on a verb of saying
NAMED_BASES = frozenset({"gazetteer", "kb", "title", "org"})  # not coref, context or place
NONPARTY_HEADS = word_set("events", "spoken_of_nonparty_heads")  # refugees, flag, territory (data/words/events.yaml)
SAID_DEPS = ("ccomp",)  # "said (that) X ...", "“X ...,” he said"
PLACE_PREPS = word_set("events", "spoken_of_place_preps")  # in, at, near, from ...: a place, not a party


def spoken_of(trig: Token, cameo: str, index: ActorIndex, sources: Sequence[ActorMention],
              nonpolitical: frozenset[str], quoted: bool = False) -> list[ActorMention]:
    """The party of another country that the statement's clause said is about, named as its subject;
    ``quoted``: the trigger is the quoted sentence's own verb (``statements.quoted_match``)."""
    countries = {s.actor.country for s in sources}
    if not (cameo in SPOKEN_OF_CODES or cameo[:2] in SPOKEN_OF_ROOTS) or not sources or None in countries:
        return []
    heads = [trig] if quoted else [h for c in sx.children(trig, *SAID_DEPS) for h in sx.with_conjuncts(c)]
    for head in heads:
        subjects = sx.children(head, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
        named = resolve(subjects, index)
        found = [m for m in named if m.actor.country and m.basis in NAMED_BASES and _names(m, subjects)
                 and (m.actor.sector or "").lower() not in nonpolitical]
        if found and not any(m.actor.country in countries for m in named):
            return found  # not "said the UK and the US would ...": the speaker's side with its ally
        if any(m.actor.country and m.actor.country not in countries for m in named):
            continue  # "said they (the other side) were trying to ...": the clause is of that party
        acted_on = _acted_on(head, index, countries, nonpolitical)  # "said they had no sway over Beijing"
        if acted_on:
            return acted_on
    return []


def _acted_on(head: Token, index: ActorIndex, countries: set[str | None],
              nonpolitical: frozenset[str]) -> list[ActorMention]:
    """The one party of another country that the clause said acts on or is about: named in its
    object (or the object's owner or prepositional object not of place), dative or a prepositional
    object not of place, on its verb or the verb it goes on to
    (``said it had no wish to provoke Beijing``); none where the speaker's own country is named
    there too, or where the clause said names two other countries anywhere."""
    verbs = [head, *sx.children(head, "xcomp")]
    objs = [o for v in verbs for o in sx.direct_objects(v) + sx.children(v, "dative")
            if not sx.is_passive(v)]
    objs += [o for v in verbs for p in sx.children(v, "prep") if p.lower_ not in PLACE_PREPS
             for o in sx.children(p, "pobj")]
    objs = [c for o in objs for c in sx.with_conjuncts(sx.object_head(o)) if not sx.lemma_in(c, NONPARTY_HEADS)]
    inner = [x for o in objs for p in sx.children(o, "prep") if p.lower_ not in PLACE_PREPS
             for x in sx.children(p, "pobj")]  # "no sway over Beijing", "the resolve of X"
    named = resolve(objs + inner + [x for o in objs for x in sx.children(o, "poss")], index)
    found = [m for m in named if m.actor.country and m.basis in NAMED_BASES and not _qualifier(m, head)
             and (m.actor.sector or "").lower() not in nonpolitical]
    named_in_clause = {m.actor.country for t in head.subtree for m in index.at(t)
                       if m.actor.country and m.basis in NAMED_BASES} - countries
    if len(named_in_clause) != 1 or not found or any(m.actor.country in countries for m in named):
        return []  # "would bring Armenia and Azerbaijan closer": two others, the statement is of neither
    return found[:1]


def _names(m: ActorMention, subjects: Sequence[Token]) -> bool:
    """The mention is within the subject's phrase ("Russia", "Assad's forces", "the Russian initiative",
    "elements of the US administration"), and the subject is not people or land that a country word
    only qualifies (``spoken_of_nonparty_heads``: "Iraqi refugees", "the Iraqi flag", "Iraqi territory")."""
    heads = [c for s in subjects for c in sx.with_conjuncts(s)]
    return any(h.left_edge.i <= m.start and m.end - 1 <= h.right_edge.i and not sx.lemma_in(h, NONPARTY_HEADS)
               for h in heads)


def _qualifier(m: ActorMention, head: Token) -> bool:
    """A country word that only qualifies a noun of no party (``a Syrian dialogue conference``,
    ``the Syrian nation``): the mention is a modifier whose noun it does not take in."""
    tok = head.doc[m.start:m.end].root
    return tok.dep_ in ("amod", "compound", "nmod") and not m.start <= tok.head.i < m.end
