"""An intention, refusal or threat coded on the verb that says it (the learned coder codes "said";
a warning's own rule) is aimed at the party the act said is done to (``roots.content`` in
``policy.yaml``; CAMEO's speech-act convention: "X said it will support Y" is one event X -> Y).
When the said act names no party, the town it is done to or toward is the target ("said it will
extend its incursion to the town of Manbij"), and so for an intent or threat coded on its own verb
("threatened to extend its operation towards Manbij"). Called by the coder once an event's code is
final."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .index import ActorIndex, resolve
from .sides import EMBEDDED_PREPS, OWN_FORCE_SECTORS, SAY_FIND_VERBS, same_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

CONTENT_ROOTS = cameo_policy().content_roots  # intents, refusals, threats coded on "said": the said act's party
SAID_PLACE_PREPS = word_set("events", "said_place_preps")  # to, into, towards, on, against


def said_targets(trig: Token, cameo: str, index: ActorIndex,
                 sources: Sequence[ActorMention]) -> list[ActorMention]:
    """An intention, refusal or threat coded on the verb that says it (the learned coder codes the
    speech verb; ``roots.content``) is aimed at the party the act said is done to, when that party
    is not the speaker's own (``said it would not provide Syria with aid`` -> Syria)."""
    if cameo[:2] not in CONTENT_ROOTS or sx.eff_pos(trig) != "verb":
        return []
    for tok in _said_objects(trig) if sx.lemma_in(trig, SAY_FIND_VERBS) else []:  # the first that names another party: not the speaker's forces
        found = [m for m in resolve([tok], index) if m not in sources and not same_actor(m, sources)
                 and (m.actor.country or m.basis != "coref")  # a bare pronoun ("to release them") names no party
                 and not (m.actor.sector in OWN_FORCE_SECTORS
                          and (not m.actor.country or any(s.actor.country == m.actor.country for s in sources)))]
        if found:  # ("would escalate Israeli military action against Iranian-aligned forces")
            return found
    for tok in _said_places(trig):  # no party: the town the act is done to or toward
        found = [m for m in index.at(tok) or index.place_at(tok) if m.basis in ("gazetteer", "place")
                 and m.actor.country not in (None, "IGO") and not same_actor(m, sources)]
        if found:
            return found[:1]
    return []


def _said_places(trig: Token) -> list[Token]:
    """The words that may name the town the act said or threatened is done to or toward (``said it
    will extend its incursion to the town of Manbij``, ``threatened to extend its operation towards
    X``): the objects of the destination and adversary phrases (``said_place_preps``) of the clause
    said or of the act vowed, not a place left."""
    said = sx.children(trig, "ccomp", "xcomp")  # "threatened to extend its operation towards Manbij"
    heads = said + [x for h in said for x in sx.children(h, "xcomp")]
    heads += [sx.object_head(o) for h in heads for o in sx.direct_objects(h)]
    objs = [sx.object_head(o) for h in heads for o in sx.prep_objects(h, SAID_PLACE_PREPS)]
    return objs + [o for t in objs for o in sx.prep_objects(t, ("of",))]  # "the town of Manbij"


def _said_objects(trig: Token) -> list[Token]:
    """The party the act a speaker says will (not) be done is done to: the object, indirect object or
    prepositional object of the clause said, or of the act it goes on to (``said it would not provide
    Syria with aid``, ``announced the US would not attack the regime``, ``said it was ready to launch
    an operation against the militia``)."""
    said = sx.children(trig, "ccomp")
    then = [x for h in said for x in sx.children(h, "xcomp")]  # "would continue to attack", "ready to launch"
    heads = said + then + [x for h in then for x in sx.children(h, "xcomp")]
    objs = [sx.object_head(o) for h in heads for o in sx.direct_objects(h) + sx.children(h, "dative")]
    active = [h for h in heads if not sx.is_passive(h)]  # "would be met with force": a means, no party
    return objs + [sx.object_head(o) for h in active + objs for o in sx.prep_objects(h, EMBEDDED_PREPS)]
