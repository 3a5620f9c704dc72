"""The counterpart named on the object of an act: "froze tax transfers to the Palestinian Authority",
"suspended its defence cooperation with the Malian army", "will lift its ban on arms sales to Vietnam",
"handed the city back to the army", "halted all flights to Egypt".

An act on a thing (aid, a ban, a programme, relations, a contract) has for its counterpart the party
the thing goes to or is shared with: the object of a preposition of destination or company
(``object_counterpart_preps`` in ``words/events.yaml``: to, with) on the act's direct object, or on
a noun that object governs through a preposition of its own (``object_counterpart_through``: on,
for, of: "lift restrictions on exports of chemicals to Japan", "preparations for an agreement with
the EU"). The writers code that party as the target; the role finder, which looks at the verb's own
arguments, leaves such acts without one. Called by the coder once an event's code and roles are
final, where no target was found; not for statements and appeals (``object_counterpart_skip_roots``:
what is said "to" someone is ``statements.statement_roles``' addressee), nor acts of force, whose
"with" is their means ("hit the town with rockets"). The party must be the phrase's head (not a
country word qualifying a thing: "armed them with Russian rifles"), not a source itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..wordlists import word_set
from . import syntax as sx
from .index import ActorIndex, actors_near
from .sides import itself

if TYPE_CHECKING:
    from spacy.tokens import Token

PREPS = word_set("events", "object_counterpart_preps")
THROUGH = word_set("events", "object_counterpart_through")
SKIP_ROOTS = word_set("events", "object_counterpart_skip_roots")


def object_counterparts(trig: Token, cameo: str, index: ActorIndex,
                        sources: Sequence[ActorMention]) -> list[ActorMention]:
    """The parties that the act's object goes to or is shared with (none for a noun trigger)."""
    if cameo[:2] in SKIP_ROOTS or sx.eff_pos(trig) != "verb" or sx.is_passive(trig):
        return []
    frontier = [sx.object_head(o) for o in sx.direct_objects(trig)]
    for _ in range(2):
        inner: list[Token] = []
        for noun in frontier:
            for prep in sx.children(noun, "prep"):
                objs = [c for o in sx.children(prep, "pobj") for c in sx.with_conjuncts(sx.object_head(o))]
                if prep.lower_ in PREPS:
                    found = [m for o in objs for m in actors_near(o, index)
                             if m.start <= o.i < m.end and m.actor.country and not itself(m, sources)]
                    if found:
                        return found
                elif prep.lower_ in THROUGH:
                    inner += objs
        frontier = inner
    return []
