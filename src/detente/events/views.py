"""Agreeing on a view is sharing a position (CAMEO 019), not an intent: "they agreed that the regime
had shown a pattern of reckless behaviour", "he agreed with the president that a heavy blow had been
dealt" (a clause with no modal, a state of things) is 019 from the agreeing party to the one agreed
with. "Agreed that their ministers would meet" (a clause of what will, should or could be done) keeps
the intent or deal the lexicon or the model gives it. Words in ``data/lexicon/content.yaml``
(``views``)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError
from . import syntax as sx
from .content_data import FILE, content_table

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .content_data import Event
    from .index import ActorIndex

CLAUSE_DEPS = ("ccomp",)  # "agreed that ...": a clause, not "agreed to meet" (xcomp)
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


@dataclass(frozen=True)
class Views:
    code: str
    agree_verbs: frozenset[str]
    from_roots: frozenset[str]
    act_modals: frozenset[str]
    clause_marks: frozenset[str]


@lru_cache(maxsize=1)
def views() -> Views:
    data = content_table("views")
    try:
        return Views(str(data["view_code"]), frozenset(data["agree_verb"]), frozenset(map(str, data["from_roots"])),
                     frozenset(data["act_modals"]), frozenset(data["clause_marks"]))
    except (KeyError, TypeError) as exc:
        raise DataFileError(FILE, f"views: missing or bad entry {exc}") from exc


def view_clause(trig: Token, v: Views) -> Token | None:
    """The clause ``trig`` ("agreed") says a view in: a "that" clause (or one with no mark) whose verb
    carries no modal, and not a clause of "agreed to" or "agreed on"; else None."""
    if not sx.lemma_in(trig, v.agree_verbs) or sx.children(trig, "xcomp", "dobj") \
            or any(c.dep_ == "prep" and c.lower_ != "with" for c in trig.children):
        return None  # "agreed to a rematch", "agreed on a plan", "agreed a deal"
    for clause in sx.children(trig, *CLAUSE_DEPS):
        if clause.left_edge.i < trig.i or not sx.children(clause, *SUBJECTS):
            continue  # "X signed a treaty, the deepest cut yet agreed": no clause it says
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks - v.clause_marks or any(c.dep_ == "aux" and c.lower_ in v.act_modals for c in clause.children):
            continue
        if _subjunctive(clause):
            continue  # "agreed that he resign": what is to be done
        return clause
    return None


def _subjunctive(clause: Token) -> bool:
    """A bare verb with no auxiliary whose subject is one person or thing ("that he resign", "that the
    envoy go")."""
    if clause.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    return clause.tag_ == "VB" or any(s.tag_ in ("NN", "NNP") or s.lower_ in ("he", "she", "it")
                                      for s in sx.children(clause, "nsubj"))


def recode(cand: Event, index: ActorIndex) -> str | None:
    """Recode an agreement on a view as 019, aimed at the party agreed with ("with X"); the code it
    had, or None where nothing changed."""
    v = views()
    if cand.cameo[:2] not in v.from_roots or cand.cameo == v.code:
        return None
    clause = view_clause(cand.trigger, v)
    if clause is None:
        return None
    before = cand.cameo
    cand.notes.append(f"agrees on a view '{clause.text}': {before} -> {v.code}")
    cand.cameo = v.code
    withs = [o for p in cand.trigger.children if p.dep_ == "prep" and p.lower_ == "with"
             for o in p.children if o.dep_ == "pobj"]
    found = [m for o in withs for m in index.at(o) if m.actor is not None and m not in cand.roles.sources]
    if found:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[0],), target_slot="prep:with")
    return before
