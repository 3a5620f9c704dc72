"""When the coder trusts a rule's event against the learned model (``coder.yaml`` ``trust_dyads``): its
two parties each have a country, or its doer is an armed party and it is an act of force (``policy.yaml``
``roots.armed_force``, ``sectors.armed_doer``), and it reports an act rather than describing a noun; or
it is a fight told by its effects (``effects.told_by_effects``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..policy import cameo_policy
from . import syntax as sx
from .effects import told_by_effects
from ..wordlists import word_set
from .lexicon import Lexicon, Rule
from .modality import find_modality
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Token


def trusted(roles: Roles, trigger: Token, lexicon: Lexicon, rule: Rule | None = None) -> bool:
    """A rule's event whose two parties each have a country, unless it is told in a clause that
    modifies a noun and describes it rather than reporting an act (``_describes_a_noun``): there the
    learned model's word stands. A fight noun told by its effects ("the raid killed dozens") is
    trusted whatever its parties, and so is the verb of effect of a ``rule`` that names its doer by kind
    ("airstrikes that killed dozens": ``effects.py``)."""
    return (_two_countries(roles) or _armed_force(roles, trigger, lexicon, rule)) and not _describes_a_noun(trigger, lexicon) \
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


# the slots that name the doer of a noun of force as its doer ("attacks by Isis", "launched attacks",
# "responsible for the killings"), not as a label ("the Isis war", "their counterattacks")
DOER_NOUN_SLOTS = frozenset({"prep:by", "governor", "culprit"})
HOLDER_PARTICIPLES = word_set("actors", "holder_participles")  # held, controlled ... (data/words/actors.yaml)


def _armed_force(roles: Roles, trigger: Token, lexicon: Lexicon, rule: Rule | None) -> bool:
    """An act of force (``roots.armed_force``) whose doer is an armed party (``sectors.armed_doer``):
    "the militia attacked the convoy", "Isis has continued launching attacks", though neither side has
    a country. The learned model, trained on sentences whose fighting sides mostly have one, vetoes
    these more often than the writers leave them uncoded. Only an act told as done (asserted: not "would
    conduct raids", "allowing them to launch an attack"); not a verb's base or simple present form (what
    is urged or may be done, or is done by habit: "let them fight", "Isis fights from civilian areas"),
    nor a participle of holding ("a city held by rebels since June"),
    nor a participle's clause that borrows its doer from the main one ("..., killing two soldiers");
    and a noun only where a slot names its doer as the one who did it (``DOER_NOUN_SLOTS``)."""
    policy = cameo_policy()
    if rule is None or rule.cameo[:2] not in policy.armed_force_roots:
        return False
    if not any(m.actor is not None and m.actor.sector in policy.armed_doer_sectors for m in roles.sources):
        return False
    if sx.eff_pos(trigger) == "noun":
        if roles.source_slot not in DOER_NOUN_SLOTS:
            return False
    elif trigger.tag_ in ("VB", "VBZ", "VBP") or (trigger.tag_ == "VBG" and trigger.dep_ == "advcl"):
        return False
    elif trigger.tag_ == "VBN" and trigger.lower_ in HOLDER_PARTICIPLES:
        return False  # "a city controlled by Isis since June": a holding, not an act
    return find_modality(trigger, lexicon).modality == "asserted"


def _two_countries(roles: Roles) -> bool:
    """Both parties found, each with a country (or an international organisation)."""
    return any(m.actor is not None and m.actor.country for m in roles.sources) \
        and any(m.actor is not None and m.actor.country for m in roles.targets)
