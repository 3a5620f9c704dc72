"""When the coder trusts a rule's event against the learned model (``coder.yaml`` ``trust_dyads``): its
two parties each have a country, and it reports an act rather than describing a noun; or it is a fight
told by its effects (``effects.told_by_effects``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from .effects import told_by_effects
from .lexicon import Lexicon, Rule
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Token


def trusted(roles: Roles, trigger: Token, lexicon: Lexicon, rule: Rule | None = None) -> bool:
    """A rule's event whose two parties each have a country, unless it is told in a clause that
    modifies a noun and describes it rather than reporting an act (``_describes_a_noun``): there the
    learned model's word stands. A fight noun told by its effects ("the raid killed dozens") is
    trusted whatever its parties, and so is the verb of effect of a ``rule`` that names its doer by kind
    ("airstrikes that killed dozens": ``effects.py``)."""
    return _two_countries(roles) and not _describes_a_noun(trigger, lexicon) \
        or told_by_effects(trigger, lexicon, rule)


def _describes_a_noun(trig: Token, lexicon: Lexicon) -> bool:
    """The trigger is in a clause that modifies a noun (``acl``, ``relcl``, itself or above it) and
    that clause tells what the noun is, not an act: a standing relation (``relation_verb``: "militias
    backed by Tehran", "Russia, which has backed Assad"), or any act with no time of its own ("a
    leader who has killed his citizens"). A clause with its own time ("who held talks on Thursday")
    reports an act; so does one on a noun picked out by an ordinal or a superlative ("the first
    country visited by", "the first state to recognise"), which presupposes the act."""
    clause = next((t for t in (trig, *trig.ancestors) if t.dep_ in ("acl", "relcl")), None)
    if clause is None:
        return False
    if sx.lemma(trig) in lexicon.words("relation_verb"):
        return True
    noun = clause.head
    if any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ in lexicon.words("singling_word")
           for c in noun.children if c.dep_ in ("amod", "nummod", "det", "advmod")):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)


def _two_countries(roles: Roles) -> bool:
    """Both parties found, each with a country (or an international organisation)."""
    return any(m.actor is not None and m.actor.country for m in roles.sources) \
        and any(m.actor is not None and m.actor.country for m in roles.targets)
