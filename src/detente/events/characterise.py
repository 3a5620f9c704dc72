"""A characterisation names what another party or its act is: "described the strikes as aggression",
"referred to the fighters as enemies", "branded the group terrorists", "called the sanctions economic
terrorism". CAMEO codes it by what the name says: a criticism (111) where the predicate condemns, praise
(051) where it commends ("described the visit as a success", "called him a close friend"), and nothing
where it only describes ("described him as a former officer", "referred to the town as the capital"):
the rules' is then a plain comment (010), kept only on a plain statement's terms (the confidence floor,
``spoken.py``).
A characterisation told in a relative clause ("in what X called a coup attempt") is background: the
rules' is dropped, the model's left as it is.

The predicate is what follows "as" (of the verb or of its object) or the object predicate of a naming
verb ("called X Y"). It condemns when one of its words judges by the verdict test shared with
``verdicts.py`` (``valence.supplied``: the hand list; ``valence.judging_word``: VADER's other negative
words, the predicate's own word or its modifier), names a hostile act the lexicon codes in roots 13-20
("an invasion", "a massacre") or is a word of ``characterisation_word`` ("mercenaries", "a proxy"); it
commends when VADER scores one of those words at least ``praise_at_least`` and none condemns. The
party named is the target. The codes and the bar are data (``characterise`` in
``data/lexicon/content.yaml``).
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from . import speech
from . import syntax as sx
from .content_data import Event, content_table
from .index import ActorIndex
from .lexicon import Lexicon
from .statements import political_speaker
from .valence import EvaluationPolicy, first_person, judging_word, supplied, valence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention
    from .roles import Roles

NESTED = frozenset({"relcl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "acl", "neg"})
OWNER_DEPS = ("poss", "compound", "amod", "nmod")  # "Russia's decision", "the Kyrgyz raid"
OWN = frozenset({"its", "his", "her", "our", "my", "we", "us", "i", "me", "itself", "herself", "himself", "myself",
                 "ourselves"})  # the speaker's own
NEAR_DEPS = frozenset({"amod", "compound", "conj", "acomp", "advmod"})


def enabled() -> bool:
    """Whether the coder applies ``recode`` (``characterise.enabled`` in ``data/lexicon/content.yaml``:
    off since session 28, where the Guardian keyed diff read as many worse as better)."""
    return bool(content_table("characterise").get("enabled", False))


def recode(cand: Event, index: ActorIndex, lexicon: Lexicon) -> str | None:
    """Recode (or drop) a characterisation by its predicate; the code it had when recoded, else None."""
    table = content_table("characterise")
    trig = cand.trigger
    if cand.cameo[:2] not in set(map(str, table["roots"])):
        return None
    ours = cand.match.rule.id in set(map(str, table["rules"]))
    preds = predicates(trig, lexicon)
    speaker = _participle_speaker(trig, index, lexicon)
    roles = cand.roles if speaker is None else dataclasses.replace(cand.roles, sources=(speaker,))
    why = _not_characterised(trig, preds, roles, lexicon)
    if why is not None:
        if ours:
            cand.dropped = f"no characterisation: {why}"
        return None
    found = _judgement(preds, lexicon, float(table["praise_at_least"]), _judged(trig, index))
    party = _named_party(trig, index)
    if found is not None and found[0] > 0 and (party is None or party.actor.sector in _private_sectors(lexicon)):
        found = None  # praise of no party, or of a private person ("called a neighbour a saint")
    if found is None:
        if ours:  # a comment, kept on the terms of a plain statement's (the floor, events/spoken.py)
            cand.notes.append(f"a description, no verdict: '{trig.text} ... {preds[0].text}': {cand.cameo} -> "
                              f"{table['statement_code']}")
            cand.cameo = str(table["statement_code"])
        return None
    code = str(table["criticism_code"] if found[0] < 0 else table["praise_code"])
    if speaker is not None and speaker not in cand.roles.sources:
        cand.notes.append(f"said by '{speaker.text}', who characterises")
        cand.roles = roles
    before = cand.cameo
    if code == before:
        return None
    cand.notes.append(f"characterised as '{found[1].text}' ({found[0]:+.1f}): {before} -> {code}")
    cand.cameo = code
    if party is not None and party not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(party,), target_slot="characterised")
    return before


def predicates(trig: Token, lexicon: Lexicon) -> list[Token]:
    """What a characterising verb names its object as: "as" Y (of the verb or its object), or the
    object predicate of a naming verb ("called X Y"); none for another verb."""
    if sx.lemma_in(trig, lexicon.words("naming_verb")):
        named = sx.children(trig, "oprd")
        if named:
            return named
    if not sx.lemma_in(trig, lexicon.words("characterise_verb")):
        return []
    heads = [trig, *sx.direct_objects(trig)]
    return [o for h in heads for o in sx.prep_objects(h, ("as",))]


def _judgement(preds: list[Token], lexicon: Lexicon, praise_at: float, party: bool) -> tuple[float, Token] | None:
    """(-1 and the word that condemns, or the valence of the word that commends), else None. VADER's
    words and a hostile act judge only a ``party`` (``_judged``: "described the Kyrgyz raid as a
    massacre", not "characterised its objective as the defeat of the militias")."""
    pol = speech.policy().evaluation.words
    hostile = lexicon.words("characterisation_word")
    best: tuple[float, Token] | None = None
    mixed = False
    for pred in preds:
        for tok in _words(pred):
            near = tok.i == pred.i or (tok.head.i == pred.i and tok.dep_ in NEAR_DEPS)
            if supplied(tok, lexicon) or sx.lemma_in(tok, hostile):
                return -1.0, tok
            if near and party and (_negative(tok, lexicon, pol) or _hostile_act(tok, lexicon)):
                return -1.0, tok
            v = valence(tok)
            if near and v is not None and v < 0:
                mixed = True  # "an Obama-like mistake": no praise
            elif near and v is not None and v >= praise_at and tok.pos_ in ("ADJ", "NOUN") \
                    and (best is None or v > best[0]):
                best = (v, tok)
    return None if mixed else best


def _negative(tok: Token, lexicon: Lexicon, pol: EvaluationPolicy) -> bool:
    """A word VADER scores negative that judges (``valence.judging_word``'s test without its bar: a name
    given condemns in milder words than a plain statement, "called it a mistake"): no feeling, no event
    word."""
    v = valence(tok)
    if v is None or v >= 0 or sx.lemma(tok) in pol.not_evaluative or tok.lower_ in pol.not_evaluative:
        return False
    return judging_word(tok, lexicon, pol) is not None or not lexicon.rules_for(sx.lemma(tok))


def _hostile_act(tok: Token, lexicon: Lexicon) -> bool:
    """A noun the lexicon codes as an act of roots 13-20 ("an invasion", "a massacre")."""
    return tok.pos_ == "NOUN" and any(r.pos == "noun" and r.cameo[:2] >= "13" for r in lexicon.rules_for(sx.lemma(tok)))


def _words(pred: Token) -> list[Token]:
    """The words of a predicate, without the clauses nested in it."""
    out, stack = [], [pred]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in NESTED)
    return out


def _participle_speaker(trig: Token, index: ActorIndex, lexicon: Lexicon) -> ActorMention | None:
    """", calling it a violation" after a verb of saying (or set in what it reports): the speaker's
    actor, the subject of that verb; None for a verb with a subject of its own."""
    if trig.dep_ not in ("advcl", "xcomp") or sx.children(trig, *sx.SUBJ_DEPS):
        return None
    says = lexicon.modality.get("say_verbs", frozenset())
    head = trig.head
    for _ in range(2):
        if sx.lemma_in(head, says):
            found = [m for s in sx.children(head, *sx.SUBJ_DEPS) for t in s.subtree for m in index.at(t)
                     if m.actor is not None and m.actor.country]
            return found[0] if found else None
        if head.dep_ not in ("ccomp", "conj", "parataxis") or head.head is head:
            return None
        head = head.head
    return None


def _not_characterised(trig: Token, preds: list[Token], roles: Roles, lexicon: Lexicon) -> str | None:
    """Why the verb is no characterisation to recode, else None: no predicate, negated, passive, told
    in a relative clause (``_relative``), or by a speaker who is no political party (the plain
    statement's test: "friends described him as ...", "sociologists have dubbed ...")."""
    if not preds:
        return "no predicate"
    if sx.children(trig, "neg") or sx.is_passive(trig):
        return "negated or passive"
    if _relative(trig):
        return f"told in a relative clause: '{trig.text}'"
    if not political_speaker(roles, lexicon, trig.doc):
        return "no political speaker"
    return None


def _private_sectors(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w.upper() for w in lexicon.words("statement_nonpolitical_sector"))


def _relative(trig: Token) -> bool:
    """Told in a relative clause ("in what X called a coup attempt", "the vote that X called illegal",
    "the leader, whom he called a traitor"): background to its sentence's event (w24-w25: the main
    event's root lost to it as often as the relative clause's criticism was the writers' code)."""
    if trig.dep_ in ("relcl", "pcomp", "acl"):
        return True
    heads = sx.direct_objects(trig) + sx.prep_objects(trig, ("to",))
    return any(h.tag_ in ("WP", "WDT") or h.lower_ in ("that", "which", "what", "whom") for h in heads)


def _objects(trig: Token) -> list[Token]:
    """What is characterised: the verb's object or what "referred to" names, with the words that own
    it ("the Kyrgyz raid", "Russia's decision", "the commanders of the militia"), not a place it is in."""
    heads = sx.direct_objects(trig) + sx.prep_objects(trig, ("to",))
    owners = [t for h in heads for c in sx.children(h, *OWNER_DEPS) for t in c.subtree]
    return heads + owners + [o for h in heads for o in sx.prep_objects(h, ("of", "by"))]


def _judged(trig: Token, index: ActorIndex) -> bool:
    """What is characterised is a party or its act, not the speaker's own ("its objective", "our
    policy"): a pronoun of a third party or a word of an actor with a country."""
    heads = sx.direct_objects(trig) + sx.prep_objects(trig, ("to",))
    if any(c.dep_ == "poss" and first_person(c, OWN) for h in heads for c in h.children) or any(first_person(h, OWN) for h in heads):
        return False
    return any(h.pos_ == "PRON" for h in heads) or any(
        m.actor is not None and m.actor.country for t in _objects(trig) for m in index.at(t))


def _named_party(trig: Token, index: ActorIndex) -> ActorMention | None:
    """The party characterised: an actor with a country in what is characterised (``_objects``)."""
    found = [m for t in _objects(trig) for m in index.at(t) if m.actor is not None and m.actor.country]
    return found[0] if found else None
