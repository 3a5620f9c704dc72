"""Events inside events: where a governing trigger's embedded event may sit, the parallel code it takes
from the nearest one it embeds (``threatened to shell`` -> 13x), the source a causative one hands on
(``ordered X to suspend``), and the counterpart an event inherits from what it embeds or demands.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from ..policy import cameo_policy
from .candidate import Candidate
from .features import doc_table
from .lexicon import Lexicon
from .roles import Roles
from .sides import itself

if TYPE_CHECKING:
    from spacy.tokens import Token

_POLICY = cameo_policy()  # data/policy.yaml
SPEECH_ACT_ROOTS = _POLICY.speech_act_roots  # an announced intention or threat is itself the event
INHERIT_TARGET_ROOTS = _POLICY.inherit_target_roots  # a protest is against what it demands or protests
REGION_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp", "acl", "attr", "oprd", "dative", "agent",
                         "nsubjpass", "acomp"})


def depth(tok: Token) -> int:
    """How many heads are above ``tok`` (shallower triggers govern deeper ones): ``Token.ancestors``
    counted from the Doc's table of heads (no Token per ancestor; as spaCy, at most the Doc's length)."""
    t = doc_table(tok.doc)
    head, cur, n = t.head, tok.i, 0
    while head[cur] != cur and n < t.size:
        cur = head[cur]
        n += 1
    return n


def embedded_region(cand: Candidate) -> set[int]:
    """Where an embedded event of a governing trigger may sit: its complements and objects."""
    trig = cand.trigger
    region: set[int] = set()
    for c in trig.children:
        if c.dep_ in REGION_DEPS:
            region |= sx.subtree_ids(c)
    for anchor in cand.match.anchors:
        if anchor != trig:
            region |= sx.subtree_ids(anchor)
    gov = cand.match.governor
    if gov is not None and sx.eff_pos(trig) == "noun":  # "reiterated its demand today that Israel ease"
        for c in gov.children:
            if c.dep_ in ("ccomp", "xcomp"):
                region |= sx.subtree_ids(c)
    return region


def carry(cands: list[Candidate], lexicon: Lexicon) -> None:
    """A governing trigger (``derive``) takes the parallel code of the nearest event it embeds;
    a causative one (``ordered X to suspend``) hands its source to the event it causes."""
    live = [c for c in cands if c.dropped is None]
    for outer in sorted(live, key=lambda c: depth(c.trigger)):
        family = outer.rule.derive
        if family is None or outer.dropped is not None:
            continue
        region = embedded_region(outer)
        inner = [c for c in live if c is not outer and c.dropped is None and c.trigger.i in region]
        if not inner:
            if family == "causative" and not outer.roles.targets:
                outer.dropped = "orders nothing coded and no one named"
            continue
        nearest = min(inner, key=lambda c: (depth(c.trigger), c.trigger.i))
        if family == "causative" and _foreign(outer.roles) and lexicon.derived_code("demand", nearest.cameo):
            family = "demand"  # "the junta ordered French troops to leave": a demand on France, not a French act
        if family == "causative":
            nearest.roles = Roles(outer.roles.sources or nearest.roles.sources,
                                  nearest.roles.targets or outer.roles.targets, outer.roles.source_slot,
                                  nearest.roles.target_slot or outer.roles.target_slot)
            nearest.notes.append(f"caused by '{outer.trigger.text}'")
            outer.dropped = f"causes '{nearest.trigger.text}' ({nearest.cameo})"
            continue
        outer.carried = nearest
        code = lexicon.derived_code(family, nearest.cameo)
        if code is None and nearest.cameo[:2] != outer.cameo[:2]:
            outer.notes.append(f"embeds '{nearest.trigger.text}' ({nearest.cameo}): no {family} code")
            continue
        if code is not None:
            outer.cameo = code
            outer.notes.append(f"{family} of '{nearest.trigger.text}' ({nearest.cameo}) -> {code}")
            if code[:2] in SPEECH_ACT_ROOTS:
                outer.intended = nearest.cameo
        nearest.dropped = f"carried by '{outer.rule.id}' on '{outer.trigger.text}'"


def _foreign(roles: Roles) -> bool:
    """The one ordered about is of another country than the one giving the order."""
    own = {s.actor.country for s in roles.sources if s.actor.country}
    return bool(own) and any(t.actor.country and t.actor.country not in own for t in roles.targets)


def inherit_target(cand: Candidate, cands: list[Candidate]) -> None:
    """Take a counterpart from the event this one embeds (or, for a protest, what it demands)."""
    roles = cand.roles
    donors: list[Candidate] = [cand.carried] if cand.carried is not None else []
    if not donors and cand.rule.derive is not None:  # an embedded event without a parallel code
        region = embedded_region(cand)
        donors = sorted((c for c in cands if c is not cand and c.trigger.i in region), key=lambda c: depth(c.trigger))[:1]
    if cand.cameo[:2] in INHERIT_TARGET_ROOTS:
        inside = set(embedded_region(cand)) | {i for c in cand.trigger.children if c.dep_ in ("advcl", "acl", "prep")
                                       for i in sx.subtree_ids(c)}
        gov = cand.match.governor
        if gov is not None:
            inside |= {i for c in gov.children if c.dep_ == "advcl" for i in sx.subtree_ids(c)}
        donors += sorted((c for c in cands if c is not cand and c.trigger.i in inside),
                         key=lambda c: depth(c.trigger))
    requested = cand.rule.derive in ("demand", "appeal")
    for donor in donors:
        inner = donor.roles
        # "demanded that Israel ease ...": the demanded party is the embedded event's doer;
        # "rejected a demand from the US": the counterpart is who made the request
        doer = inner.sources if (requested and donor is cand.carried) or donor.cameo[:2] in ("02", "10") else ()
        if doer and not set(doer) & set(roles.sources):
            cand.roles = Roles(roles.sources, tuple(doer), roles.source_slot, f"doer of '{donor.trigger.text}'")
            return
        # "rejected calls for a ceasefire": the call was made to the one who rejects it, who is no
        # counterpart of its own rejection (events/sides.py ``itself``)
        taken = [t for t in inner.targets if not itself(t, roles.sources)]
        if taken:
            cand.roles = Roles(roles.sources or inner.sources, tuple(taken), roles.source_slot,
                               f"from '{donor.trigger.text}'", roles.reciprocal)
            return
        # "rejected the opposition's demands", the demand made on the one rejecting it: who made it
        made_on_self = bool(inner.targets) and not taken
        if inner.sources and not set(inner.sources) & set(roles.sources) and (donor is cand.carried or made_on_self):
            cand.roles = Roles(roles.sources, inner.sources, roles.source_slot, f"from '{donor.trigger.text}'")
            return
