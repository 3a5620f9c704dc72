"""A frame the learned model can be sure of: its own events on light verbs.

The learned model reads a trigger word and its sentence; on a light verb ("give", "take", "provide",
"hand") the object decides the sense, and a model that learned "gave aid" or "took prisoners" also
codes "gave birth to her child" (an ultimatum), "will take a look at the request" (a threat), "has
provided a green light" (economic aid) or "handed a gift to" (military aid). So an event the model
adds where no rule fired, on a light verb without a particle, is kept only where its object is a
word the lexicon itself codes: the noun of a noun rule ("launched an attack", "made a visit") or a
member of the lexicon's classes of things given, sent or taken (``light_verb_frames`` in
``data/words/events.yaml``: aid, arms, information, property, people, agreements ...), a span of time or
a notice given (``light_verb_frame_words``: an ultimatum), or a name (a place taken: "rebels take Kigali").
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..wordlists import word_set
from . import syntax as sx
from .matcher import particles_of

NAMED = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})  # a named place or party as the object

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from ..model import ActorMention
    from .lexicon import Lexicon


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    return word_set("events", "light_verbs")


def framed_objects(lexicon: Lexicon) -> frozenset[str]:
    """The object words that make a light verb's event sure: the lexicon's event nouns and the
    members of the ``light_verb_frames`` classes (made once per lexicon)."""
    found: frozenset[str] = lexicon.derived_once("frames.framed_objects", _build_framed_objects)
    return found


def _build_framed_objects(lexicon: Lexicon) -> frozenset[str]:
    nouns = {lemma for lemma, rules in lexicon.by_lemma.items() if any(r.pos == "noun" for r in rules)}
    for name in word_set("events", "light_verb_frames"):
        nouns |= lexicon.words(name)
    nouns |= word_set("events", "light_verb_frame_words")
    return frozenset(nouns)


def unframed(trig: Token, lexicon: Lexicon, targets: Sequence[ActorMention] = ()) -> str | None:
    """Why the learned model's own event on ``trig`` is dropped: a light verb whose object is no word
    the lexicon codes; None when it is no light verb, a phrasal verb, has no object, or its object is
    framed: a word the lexicon codes, a name, or one of the event's ``targets`` (a party given a span
    of time: "gave the commanders until Tuesday to withdraw")."""
    if sx.eff_pos(trig) != "verb" or sx.lemma(trig) not in light_verbs() or particles_of(trig):
        return None
    objs = [o for d in sx.direct_objects(trig) for o in sx.with_conjuncts(sx.object_head(d))]
    if not objs:
        return None
    framed = framed_objects(lexicon)
    if any(o.pos_ == "PROPN" or o.ent_type_ in NAMED or any(k in framed for k in sx.lemma_keys(o)) for o in objs):
        return None
    if any(t.start <= o.i < t.end for t in targets for o in objs):
        return None
    return f"the learned model's event on the light verb '{trig.text}': its object '{objs[0].text}' is no event or thing the lexicon codes"
