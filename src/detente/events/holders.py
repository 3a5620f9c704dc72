"""Force used on a place held by a party is used on that party (``advanced on Isis-held Mosul``):
the holder the place's own phrase names replaces the place as target (``roots.holder`` in
``policy.yaml``, ``holder_participles`` in ``words/actors.yaml``). Moved out of ``sides.py``.
So does the party a place is taken from, when it has a country (``recaptured Aleppo from Syria's
rebels``; ``taking_verbs`` in ``words/events.yaml``): it held the place; and it is the target of
taking a place no actor names (``liberated the town from Isis``)."""
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

HOLDER_ROOTS = cameo_policy().holder_roots  # force on a place held by a party: that party
HOLDER_PARTICIPLES = word_set("actors", "holder_participles")  # held, controlled ... (data/words/actors.yaml)
TAKING_VERBS = word_set("events", "taking_verbs")  # retake, recapture, seize, wrest ... (data/words/events.yaml)
HOLDER_DEPS = ("npadvmod", "advmod", "compound", "nmod", "amod", "nsubj")  # "Isis-held", "Kurdish-held"


def held_by(targets: Sequence[ActorMention], cameo: str, trig: Token, index: ActorIndex,
            sources: Sequence[ActorMention]) -> list[ActorMention]:
    """Force used on a place its phrase says a party holds is used on that party (``advanced on
    Isis-held Mosul``, ``shelled Aleppo, which is controlled by the rebels``, ``retook Aleppo from
    the rebels``): the holder replaces the place (``roots.holder``), and is the target of taking a
    place no actor names (``liberated the town from the rebels``)."""
    if cameo[:2] not in HOLDER_ROOTS:
        return list(targets)
    if not targets and sx.lemma_in(trig, TAKING_VERBS):  # "liberated the town from the rebels": the rebels
        return [h for h in resolve(sx.prep_objects(trig, ("from",)), index) if not _place(h) and h not in sources]
    out: list[ActorMention] = []
    for m in targets:
        holders = _holders(m, trig, index, sources) if _place(m) else []
        out.extend(h for h in holders or [m] if h not in out)
    return out


def _place(m: ActorMention) -> bool:
    """A town, region or country named as a place (its sector, if any, is its civilians')."""
    a = m.actor
    return a.kb_id is None and a.org is None and a.sector in (None, "CVL") and m.basis in ("gazetteer", "place")


def _holders(m: ActorMention, trig: Token, index: ActorIndex, sources: Sequence[ActorMention]) -> list[ActorMention]:
    head = trig.doc[m.start:m.end].root
    heads = [head]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        heads.append(head.head.head)  # "the city of Mosul, which is held by Isis"
    tokens: list[Token] = []
    for mod in (c for h in heads for c in h.children):
        if not sx.lemma_in(mod, HOLDER_PARTICIPLES):
            continue
        if mod.dep_ == "amod":  # "Isis-held Mosul"
            tokens.extend(c for c in mod.children if c.dep_ in HOLDER_DEPS and c.i < mod.i)
        elif mod.dep_ in ("acl", "relcl"):  # "Mosul, which is held by Isis", "the town held by the rebels"
            tokens.extend(sx.agent(mod))
    found = [h for h in resolve(tokens, index) if h is not m and not _place(h) and h not in sources]
    if sx.lemma_in(trig, TAKING_VERBS) and any(o.i == h.i for o in sx.direct_objects(trig) for h in heads):
        # "recaptured Aleppo from the rebels"; not a party of no country, which would lose the place's
        # ("the city was retaken from Isis": the writers code the city)
        taken_from = [o for t in (trig, *heads) for o in sx.prep_objects(t, ("from",))]  # on the verb or the place
        found += [h for h in resolve(taken_from, index) if not _place(h)
                  and h not in sources and h.actor.country and h.actor.country != "IGO"]
    return found
