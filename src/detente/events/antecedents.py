"""Sides an event takes from another event it refers to: a definite event noun with no actor of its
own takes the parties of the latest event of its root ("Lavrov held talks with Cavusoglu on Monday.
The talks lasted three hours."), and an event whose subject or means is another event with a doer
has that doer ("the bombing killed twelve people", "killed in an Israeli airstrike"). Called by the
coder once every mention of the Doc has its roles (``coder.across_sentences``)."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import EventMention
from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Doc

ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})
ANTECEDENT_SENTENCES = 2
CAUSE_PREPS = frozenset({"in", "by", "during"})  # "killed in an airstrike", "wounded by shelling"


def inherit_antecedents(mentions: Sequence[EventMention], doc: Doc) -> list[EventMention]:
    """A definite event noun with no actor of its own refers back to the latest event of the same
    CAMEO root that has actors, in its sentence or the two before ("Lavrov held talks with
    Cavusoglu on Monday. The talks lasted three hours."): it takes that event's parties. An
    event whose subject or means is another event with a doer has that doer ("the bombing killed
    twelve people", "killed in an Israeli airstrike")."""
    out: list[EventMention] = []
    by_trigger = {m.trigger_token: m for m in mentions if m.source is not None}
    for m in mentions:
        cause = _event_subject(doc, m, by_trigger) if m.source is None else None
        if cause is not None:  # "Israeli airstrikes killed five people": the strikes' doer
            m = dataclasses.replace(m, source=cause.source)
        if m.source is None and m.target is None and _definite_noun(doc, m.trigger_token):
            antecedent = next((a for a in reversed(out) if a.cameo[:2] == m.cameo[:2]
                               and (a.source is not None or a.target is not None)
                               and a.trigger_token < m.trigger_token
                               and m.sent_index - a.sent_index <= ANTECEDENT_SENTENCES), None)
            if antecedent is not None:
                m = dataclasses.replace(m, source=antecedent.source, target=antecedent.target)
        out.append(m)
    return out


def _event_subject(doc: Doc, m: EventMention, by_trigger: dict[int, EventMention]) -> EventMention | None:
    if not 0 <= m.trigger_token < len(doc):
        return None
    trig = doc[m.trigger_token]
    causes = sx.children(trig, "nsubj") + [o for p in trig.children if p.dep_ in ("prep", "agent")
                                           and p.lower_ in CAUSE_PREPS for o in sx.children(p, "pobj")]
    for subj in causes:
        cause = by_trigger.get(subj.i)
        if cause is not None and cause is not m:
            return cause
    return None


def _definite_noun(doc: Doc, i: int) -> bool:
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    if sx.eff_pos(tok) != "noun":
        return False
    mods = [c for c in tok.children if c.dep_ in ("det", "poss", "compound", "amod", "nmod")]
    return bool(mods) and all(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS
                              or c.dep_ == "amod" and c.pos_ == "ADJ" for c in mods) \
        and any(c.dep_ == "det" for c in mods)
