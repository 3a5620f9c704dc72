"""Whom an appeal or demand is addressed to when it asks a named party to act: ``for X to do Y``.

``Germany appealed for Iran to free the journalists``, ``demanded for the government to resign``
(a verb whose clause is marked ``for`` and has a subject of its own), ``a request for the council
to meet``, ``a call for Ankara to withdraw`` (a noun whose ``for`` object an infinitive follows): the
party asked to act is the target (``roots.addressee`` of ``policy.yaml``), not the object of the act
asked for (``the journalists``), which the rule's slots would give.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_DEPS = ("advcl", "ccomp", "xcomp", "acl", "relcl")
ADDRESS_PREPS = ("to", "on")  # "appealed to X", "called on X": the addressee is named


def _infinitive(tok: Token) -> bool:
    return sx.eff_pos(tok) == "verb" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def addressed(trig: Token) -> list[Token]:
    """The party an appeal or demand asks to act: the subject of its ``for``-marked infinitive clause,
    or (of a noun) its ``for`` object followed by an infinitive with no subject of its own; none when
    the act names its addressee (an object, ``to X``, ``on X``)."""
    if sx.children(trig, "dobj", "dative") or any(o.ent_type_ not in ("DATE", "TIME")  # not "on Thursday"
                                                  for o in sx.prep_objects(trig, ADDRESS_PREPS)):
        return []  # "appealed to the government for troops to help": addressed already, troops are asked for
    out: list[Token] = []
    for verb in sx.children(trig, *CLAUSE_DEPS):
        if _infinitive(verb) and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
            out.extend(sx.children(verb, *sx.SUBJ_DEPS))
    if out or sx.eff_pos(trig) != "noun":
        return out
    for obj in sx.prep_objects(trig, ("for",)):
        verbs = sx.children(trig, *CLAUSE_DEPS) + sx.children(obj, *CLAUSE_DEPS)
        if any(v.i > obj.i and _infinitive(v) and not sx.children(v, *sx.SUBJ_DEPS) for v in verbs):
            out.append(sx.object_head(obj))
    return out
