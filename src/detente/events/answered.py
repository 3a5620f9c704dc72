"""An act done in answer to another party's act is aimed at that party: "In response to Moscow's
decision, Warsaw closed the consulate", "Responding to Trump's demands, the ministry said ...",
"fired missiles in reply to the North's launch", "responding to the president, X said ..." (the
party answered, when the act names no target of its own). The answered act names its party by a
possessor, a proper modifier, a "by" or "from" phrase ("the attack by X", "a request from Y"), or
is a party itself ("responding to Trump"); a definite event noun with no party of its own ("in
response to the attack") is ``recalled.py``'s. Words: ``response_nouns`` (in response to, in
retaliation for), ``answer_verbs`` (responding to, replying to, reacting to) of ``words/events.yaml``. Called by the coder once an event's code and roles are final."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..wordlists import word_set
from . import syntax as sx
from .index import ActorIndex, actors_near
from .recalled import RESPONSE_NOUNS  # response, retaliation, reaction ...
from .sides import same_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

ANSWER_VERBS = word_set("events", "answer_verbs")  # respond, reply, react
ANSWERED_PREPS = ("to", "for")  # "in response to X", "in retaliation for X", "responding to X"
OWN_PARTY_PREPS = ("by", "from")  # "the attack by X", "a request from Y"
UP_DEPS = frozenset({"ccomp", "xcomp"})  # "Responding to X, Moscow said it would close": the said verb's
UP_STEPS = 2


def answered_targets(trig: Token, index: ActorIndex, sources: Sequence[ActorMention]) -> list[ActorMention]:
    """The party the trigger's act answers, when its clause (or the verb of saying it is the
    content of) says it answers another party's act; [] when none is named or it is the source's own."""
    for tok in answered_parties(trig):
        found = [m for m in (index.at(tok) if tok.dep_ != "pobj" else actors_near(tok, index, max_depth=1))
                 if m not in sources and not same_actor(m, sources) and m.actor.country is not None]
        if found:
            return found[:1]
    return []


def answered_parties(trig: Token) -> list[Token]:
    """The words naming the party of the act the trigger's clause answers."""
    out: list[Token] = []
    for head in _heads(trig):
        for noun in _answered(head):
            out.extend(_parties(noun))
    return out


def _heads(trig: Token) -> list[Token]:
    """The trigger, the verbs of saying its clause is the content of, and the clause a verb of saying
    or warning says ("warned that missiles would come in response to X's attack")."""
    heads, cur = [trig], trig
    while cur.dep_ in UP_DEPS and cur.head is not cur and len(heads) <= UP_STEPS:
        cur = cur.head
        heads.append(cur)
    return heads + (sx.children(trig, "ccomp") if sx.eff_pos(trig) == "verb" else [])


def _answered(head: Token) -> list[Token]:
    """The nouns an "in response to" phrase or a "responding to" clause of ``head`` answers."""
    out: list[Token] = []
    for noun in sx.prep_objects(head, ("in",)):
        if sx.lemma(noun) in RESPONSE_NOUNS:
            out.extend(sx.object_head(o) for o in sx.prep_objects(noun, ANSWERED_PREPS))
    for verb in sx.children(head, "advcl", "xcomp"):
        if verb.tag_ == "VBG" and sx.lemma(verb) in ANSWER_VERBS and not sx.children(verb, *sx.SUBJ_DEPS):
            out.extend(sx.object_head(o) for o in sx.prep_objects(verb, ANSWERED_PREPS))
    return out


def _parties(noun: Token) -> list[Token]:
    """The answered noun itself (a party: "responding to Trump") and its own party: a possessor, a
    capitalised modifier, a "by" or "from" phrase ("Warsaw's decision", "the Russian move", "a
    request from Baghdad")."""
    own = [c for c in noun.children if c.dep_ == "poss"
           or c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()]
    own += [sx.object_head(o) for o in sx.prep_objects(noun, OWN_PARTY_PREPS)]  # (read as a phrase)
    return [noun, *own]
