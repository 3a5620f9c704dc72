"""The party an object pronoun of a participle clause stands for (``events/sides.fallback_targets``).

"The government expelled the envoy on Tuesday, accusing him of spying": an -ing clause hung on a
verb as its adverbial tells more of the same act, so an object pronoun in it that the actors stage
left without a party is the one the main verb acted on: its object ("expelled the envoy"), the party
that object belongs to or is of ("ordered the expulsion of X's envoy"), or the party of a phrase
against or on which it was done ("turned its anger on X"). "him", "her" and "it" stand
for a singular noun, "them" for a plural or conjoined one; the first that is a party with a country wins.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..wordlists import word_set
from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them"})
AIM_PREPS = word_set("events", "participle_aim_preps")  # against, on, at: what the main act was aimed at


def _agrees(pron: str, noun: Token) -> bool:
    plural = noun.tag_ in sx.PLURAL_TAGS or bool(sx.children(noun, "conj"))
    return plural if pron == "them" else not plural


def _acted_on(verb: Token) -> list[Token]:
    """The nouns the main verb acted on, nearest first: its object, the nouns in the object's "of"
    phrase or possessor, then the objects of its phrases of aim."""
    found: list[Token] = []
    for obj in sx.children(verb, "dobj"):
        head = sx.object_head(obj)
        found.append(head)
        found += sx.prep_objects(head, ("of",)) + sx.children(head, "poss")
    found += sx.prep_objects(verb, AIM_PREPS)
    for obj in sx.children(verb, "dobj"):
        found += sx.prep_objects(sx.object_head(obj), AIM_PREPS)
    return found


def participle_object(trig: Token, is_party: Callable[[Token], bool]) -> list[Token]:
    """``..., accusing him of ...``: the noun the pronoun object of an adverbial -ing clause stands
    for: the first of what its main verb acted on that agrees with the pronoun and ``is_party``
    (none if none does)."""
    if trig.tag_ != "VBG" or trig.dep_ != "advcl" or sx.eff_pos(trig.head) != "verb" or sx.is_passive(trig.head):
        return []
    prons = [c for c in sx.children(trig, "dobj") if c.lower_ in OBJECT_PRONOUNS]
    if not prons:
        return []
    pron = prons[0].lower_
    return [n for n in _acted_on(trig.head) if _agrees(pron, n) and is_party(n)][:1]
