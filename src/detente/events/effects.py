"""A fight told by its effects: a specific fight, strike or raid named by a noun that is the subject
of a verb of what it did to people or places ("the battle for the town displaced thousands",
"air raids that killed 30 villagers") is asserted by them. The corpus's writers code
such a noun as the event (session 30: 168 of 226 tokens of the train writers and w24–w25, against 18
of 76 where the noun is generic war talk, "the war", "the conflict", which this class leaves out by
its words).

The coder keeps a rule's event on such a noun against the learned model's veto and floor
(``trust.trusted``), as it keeps an event whose two parties it found. The words are data
(``lexicon/classes.yaml``: ``effect_noun``, ``effect_verb``, ``effect_life_verb``, ``effect_object``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon, Rule

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODALS = frozenset({"MD"})
_PAST_OR_PERFECT = frozenset({"VBD", "VBN"})
_PRESENT = frozenset({"VBZ", "VBP"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def told_by_effects(trigger: Token, lexicon: Lexicon, rule: Rule | None = None) -> bool:
    """The trigger is a fight noun (``effect_noun``) that did what a verb of effect says, as the
    verb's subject ("the raid killed"), the antecedent of its relative clause ("a raid that
    killed"), or the subject of the first of conjoined verbs; the verb tells an act that happened
    (``_happened``) to people, a number of them or places (``_effect_on_people``); the noun is
    no noun of a kind (``_kind_of``: "a strike of lightning", "an attack of that sort").
    ``rule``, the trigger's rule, must code a use of force (``effect_root``: not "a strike" read as a
    labour strike). When it names its doer by kind (a ``subject`` list, such as "an airstrike / a
    strike killed": ``kill.aerial``, ``kill.military``), the verb of effect itself is the trigger,
    with such a fight noun as its doer ("reports of raids that killed 30 villagers", where the noun,
    governed by "reports of", has no event of its own); not when the noun's own
    modifiers name its kind or the event (``_kind_named``)."""
    if rule is not None and rule.cameo[:2] not in lexicon.words("effect_root"):
        return False
    if rule is not None and rule.subject and trigger.pos_ == "VERB":
        doer = _doer(trigger)
        return doer is not None and doer in _fight_nouns(lexicon, doer) and not _kind_named(doer) \
            and trigger in _effect_verbs(doer, lexicon) and _happened(trigger) and _effect_on_people(trigger, lexicon)
    if trigger not in _fight_nouns(lexicon, trigger):
        return False
    return any(_happened(verb) and _effect_on_people(verb, lexicon) for verb in _effect_verbs(trigger, lexicon))


def _fight_nouns(lexicon: Lexicon, noun: Token) -> list[Token]:
    """The noun itself when it is a fight noun of the class and no noun of a kind, else nothing."""
    ok = noun.pos_ in ("NOUN", "PROPN") and sx.lemma_in(noun, lexicon.words("effect_noun")) \
        and not _kind_of(noun, lexicon)
    return [noun] if ok else []


def _kind_named(noun: Token) -> bool:
    """The fight noun has a modifier that names its kind or the event ("a sarin attack", "the
    stadium attack", "a suicide bombing"): its own rule reads those (a chemical attack is
    2041, a suicide bombing 1831), which the verb's rule cannot see."""
    return any(c.dep_ in ("amod", "compound") for c in noun.children)


def _doer(verb: Token) -> Token | None:
    """The noun that did what the verb says: its subject (that of the first of conjoined verbs), or
    the noun its relative clause hangs on when the relative pronoun is its subject."""
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in sx.RELATIVE_PRONOUNS for c in verb.children):
        return verb.head
    head = verb.head if verb.dep_ == "conj" else verb
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _effect_verbs(noun: Token, lexicon: Lexicon) -> list[Token]:
    """The verbs of effect the noun is the doer of: its head when it is the verb's subject, and the
    verbs conjoined to that head ("displaced thousands and killed hundreds"); a relative clause on
    the noun whose subject is the relative pronoun ("a raid that killed")."""
    verbs = lexicon.words("effect_verb") | lexicon.words("effect_life_verb")
    found: list[Token] = []
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX"):
        found.extend(t for t in [noun.head, *(c for c in noun.head.children if c.dep_ == "conj" and c.pos_ == "VERB")])
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        if any(c.dep_ == "nsubj" and c.lower_ in sx.RELATIVE_PRONOUNS for c in clause.children):
            found.append(clause)
    return [v for v in found if sx.lemma_in(v, verbs)]


def _happened(verb: Token) -> bool:
    """The verb tells a past or present act, not one supposed, generic or denied: a past tense or a
    perfect ("killed", "has killed"), or a present tense of a report ("kills dozens"); no modal, no
    negation, not passive (its subject is then what suffered)."""
    kids = list(verb.children)
    if any(c.tag_ in _MODALS or c.dep_ == "neg" for c in kids) or sx.is_passive(verb):
        return False
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    return verb.tag_ in _PAST_OR_PERFECT or verb.tag_ in _PRESENT


def _effect_on_people(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's object is people, a number of them or a place ("killed dozens", "displaced
    thousands of people", "destroyed the village", "left 16 soldiers dead"); a verb of lives
    (``effect_life_verb``: "claimed", "cost") only with lives as its object ("cost 300 lives")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if sx.lemma_in(verb, lexicon.words("effect_life_verb")):
        return any(sx.lemma(o) == "life" for o in objects)
    return any(_people_or_place(o, lexicon) for o in objects)


def _people_or_place(obj: Token, lexicon: Lexicon, depth: int = 0) -> bool:
    """A number ("dozens", "300"), a counted noun ("20 people"), a place or a people's name, a noun
    of people or places (``effect_object``), or a part of one ("much of the city")."""
    if obj.like_num or obj.ent_type_ in _PLACE_ENTS or obj.ent_type_ == "CARDINAL" \
            or sx.lemma_in(obj, lexicon.words("effect_object")):
        return True
    if obj.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("nummod", "quantmod") for c in obj.children):
        return True
    return depth == 0 and any(_people_or_place(p, lexicon, 1) for p in sx.prep_objects(obj, ("of",)))


def _kind_of(noun: Token, lexicon: Lexicon) -> bool:
    """The noun is followed by "of" and a noun that says what kind it is ("a strike of lightning",
    "a barrage of criticism", "an attack of that kind"), not whom or where it struck ("the shelling
    of the city")."""
    return any(not _people_or_place(obj, lexicon, 1) for obj in sx.prep_objects(noun, ("of",)))
