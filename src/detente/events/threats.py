"""Threats a statement makes without a verb of threatening (CAMEO 13), read from what its reported
clause says (called by ``content._announced``):

- a penalty it sets for another party: "said the group would pay a heavy price", "said its leaders
  would face serious consequences" (``incurred_penalty_verb`` with ``incurred_penalty``), "said any
  group that stays away will suffer" (with no object, a ``threat_subject``), "said the attack
  would not go unpunished", "said any aggression will be met with a crushing response", "said any
  intervention would be treated as a declaration of war" (``penalty_verb`` with ``penalty_object``,
  ``unpunished_word``, ``meet_verb`` / ``treat_verb`` in the passive with ``penalty_object`` /
  ``hostile_act_noun``), told in the future or with a modal;
- a right to respond the speaker's side reserves: "said Turkey reserved the right to respond"
  (``reserve_verb`` with ``right_noun``, the act one of ``response_verb`` or force);
- what the speaker's side will withhold on terms: "said it would not resume lending unless the
  government cut subsidies", "said it could close its border if ..." (a negated act under "unless",
  or a ``withholding_verb`` under any condition).

And a refusal told in the present (CAMEO 12): "said it did not recognise the court", "said they
cannot take in more refugees" (a negated ``refusal_verb`` of the speaker's side, ``refuses_now``);
one told by an elided act ("said it would not", ``refused_ellipsis``), by the answer itself ("has said
no", ``said_no``: ``refusal_answer``), or in a negated clause conjoined to the one reported ("we did
not invite them and we will not negotiate with them", ``negated_conjuncts``).

The words are data (``data/lexicon/content.yaml``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from .index import ActorIndex
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

def penalty_set(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> tuple[Token, ActorMention | None] | None:
    """A penalty the reported ``clause`` sets for a party other than the speaker's side ``own``: (the
    word that sets it, that party if one with a country is named), else None."""
    modal = lexicon.modality["future_aux"] | lexicon.modality["possible_aux"]
    if not any(a.lower_ in modal for a in sx.children(clause, "aux", "auxpass")):
        return None
    negated = bool(sx.children(clause, "neg"))
    if sx.lemma(clause) == "have" and sx.children(clause, "xcomp"):  # "will have to pay the price"
        clause = sx.children(clause, "xcomp")[0]
    fines = lexicon.words("penalty_object")
    word = None
    if sx.is_passive(clause):
        if negated:
            return None
        if sx.lemma_in(clause, lexicon.words("meet_verb")):  # "will be met with a crushing response"
            word = next((o for o in sx.prep_objects(clause, ("with",)) if sx.lemma_in(sx.object_head(o), fines)), None)
        elif sx.lemma_in(clause, lexicon.words("treat_verb")):  # "would be treated as a declaration of war"
            hostile = lexicon.words("hostile_act_noun")
            word = next((o for o in sx.prep_objects(clause, ("as",)) if sx.lemma_in(sx.object_head(o), hostile)), None)
    elif sx.lemma_in(clause, lexicon.words("penalty_verb")) and not negated:  # "would pay a heavy price"
        objects = sx.direct_objects(clause)
        if not objects or any(sx.lemma_in(sx.object_head(o), fines) or o.pos_ == "PRON" for o in objects):
            word = clause
    elif sx.lemma_in(clause, lexicon.words("incurred_penalty_verb")) and not negated:
        word = _incurred(clause, lexicon)  # "would face serious consequences", "any who stay away will suffer"
    elif negated or sx.lemma(clause) in ("go", "remain"):  # "would not go unpunished"
        word = next((a for a in sx.children(clause, "acomp") if sx.lemma_in(a, lexicon.words("unpunished_word"))), None)
    if word is None:
        return None
    subjects = sx.children(clause, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
    if any(s.lower_ in ("we", "i", "us") for s in subjects):
        return None  # "we would pay a price": the speaker's own cost
    words = [t for s in subjects for t in s.subtree]
    found = [m for t in words for m in index.at(t) if m.actor is not None and m.actor.country]
    if any(m.actor.country in own for m in found):
        return None
    return word, found[0] if found else None


def _incurred(clause: Token, lexicon: Lexicon) -> Token | None:
    """"would face serious consequences", "will suffer as a consequence", "any group that stays away
    will suffer": a penalty the clause's subject incurs, told with "will" or "would" (not "could face
    charges", a possibility), its object one of ``incurred_penalty``, or no object and a subject of
    ``threat_subject`` ("any", "anyone", "those"), a party on terms."""
    if not any(a.lower_ in lexicon.modality["future_aux"] for a in sx.children(clause, "aux")):
        return None
    objects = sx.direct_objects(clause) + sx.prep_objects(clause, ("as",))
    if any(sx.lemma_in(sx.object_head(o), lexicon.words("incurred_penalty")) for o in objects):
        return clause
    terms = lexicon.words("threat_subject")
    subjects = sx.children(clause, *sx.SUBJ_DEPS)
    if not objects and subjects and all(sx.lemma_in(s, terms) or any(sx.lemma_in(d, terms) for d in sx.children(s, "det"))
                                        for s in subjects):
        return clause
    return None


def reserved_act(clause: Token, lexicon: Lexicon) -> Token | None:
    """"reserved the right to respond": the act of force or response a party reserves, else None."""
    if not sx.lemma_in(clause, lexicon.words("reserve_verb")):
        return None
    for right in sx.direct_objects(clause):
        if sx.lemma_in(right, lexicon.words("right_noun")):
            for act in sx.children(right, "acl", "relcl", "xcomp"):
                if sx.eff_pos(act) == "verb" and (sx.lemma_in(act, lexicon.words("response_verb"))
                                                 or sx.lemma_in(act, lexicon.words("violence_verb"))):
                    return act
    return None


def withholds(clause: Token, acts: list[Token], marks: set[str], lexicon: Lexicon) -> bool:
    """On terms (``marks``: the condition's words), the speaker's side's clause withholds something:
    a negated act under "unless" ("would not resume lending unless"), or an act of withholding under
    any condition ("could close its border if", ``withholding_verb``)."""
    if sx.children(clause, "neg"):
        return "unless" in marks
    return any(sx.lemma_in(v, lexicon.words("withholding_verb")) for v in acts)


def refuses_now(clause: Token, lexicon: Lexicon) -> bool:
    """The reported ``clause`` refuses in the present: a negated ``refusal_verb`` with no future or
    conditional auxiliary ("does not recognise", "did not accept", "cannot take in"), not a passive.
    Whose refusal it is (the speaker's side) is for the caller to check."""
    if not sx.children(clause, "neg") or sx.is_passive(clause) or sx.eff_pos(clause) != "verb":
        return False
    if any(a.lower_ in lexicon.modality["future_aux"] | lexicon.modality["possible_aux"]
           for a in sx.children(clause, "aux")):
        return False  # "would not recognise": an announcement, coded as such
    phrasal = {f"{sx.lemma(clause)} {p.lower_}" for p in sx.children(clause, "prt")}
    return sx.lemma_in(clause, lexicon.words("refusal_verb")) or bool(phrasal & lexicon.words("refusal_phrasal"))


def going_to(clause: Token) -> Token | None:
    """"are (not) going to allow": the act a progressive "going" with "to" announces, else None."""
    if sx.lemma(clause) != "go" or clause.tag_ != "VBG" or not sx.children(clause, "aux"):
        return None
    acts = [v for v in sx.children(clause, "xcomp") if any(a.lower_ == "to" for a in sx.children(v, "aux"))]
    return acts[0] if acts else None


def withheld_passive(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> bool:
    """"said the town would not be returned", "would not be bound by the ruling": a negated passive of
    ``withheld_passive_verb`` with no doer of another country, what the speaker's side withholds (a
    rejection). The caller has checked that the clause is told with "will" or "would"."""
    if not sx.is_passive(clause) or not sx.children(clause, "neg") \
            or not sx.lemma_in(clause, lexicon.words("withheld_passive_verb")):
        return False
    return not any(m.actor is not None and m.actor.country not in own
                   for a in sx.agent(clause) for t in a.subtree for m in index.at(t))


def refused_ellipsis(clause: Token, lexicon: Lexicon) -> bool:
    """"said it would not", "said they will not": the reported clause is a negated future modal whose
    act is elided (the question it answers names it)."""
    return clause.tag_ == "MD" and clause.lower_ in lexicon.modality["future_aux"] \
        and bool(sx.children(clause, "neg")) and not sx.children(clause, "xcomp", "ccomp", "dobj")


def said_no(said: Token, lexicon: Lexicon) -> bool:
    """"has said no", "said no to the plan": a verb of saying whose answer is a refusal
    (``refusal_answer``) and that reports no clause."""
    return not sx.children(said, "ccomp") and any(
        ch.dep_ in ("intj", "dobj") and ch.lower_ in lexicon.words("refusal_answer") for ch in said.children)


def negated_conjuncts(clause: Token) -> list[Token]:
    """The negated verbs conjoined to a reported clause with their own subject and a party as their
    object: "we did not invite them and we will not negotiate with them"; read for a refusal only (not
    a denial of having used a weapon joined to a pledge never to use it: a pledge about a thing). Not a
    second reported clause of its own ("said X had erred and that it would never accept ..."): the
    train writers code those statements 01 or none (session 29)."""
    return [v for v in sx.children(clause, "conj")
            if sx.eff_pos(v) == "verb" and sx.children(v, "neg") and sx.children(v, *sx.SUBJ_DEPS)
            and not any(m.lower_ == "that" for m in sx.children(v, "mark"))
            and any(_a_party(sx.object_head(o)) for o in sx.direct_objects(v) + sx.prep_objects(v, PARTY_PREPS))]


PARTY_PREPS = ("with", "to", "for")


def _a_party(word: Token) -> bool:
    """A pronoun or a name of a person, a place or a body."""
    return word.tag_ == "PRP" or word.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
