"""Praise told as a verdict (issue 10): a statement whose content says of another party, or of what it
did, that it is good is praise (051) aimed at that party, as a condemning verdict is a criticism
(``verdicts.py``): "said the Kyrgyz decision was a welcome step", "said Tajikistan had been a reliable
partner", "We see Kazakhstan as a constructive neighbour," the minister said.

- The clause is a copula's ("was", "had been", "remains") or a regard verb's ("we see X as ...",
  ``regard_verb``); what is judged is the copula's subject or the regard verb's object.
- The party praised is that word's own actor ("Tajikistan") or its owner ("the Kyrgyz decision",
  "Moscow's offer"), with a country other than the speaker's: praise of the speaker's own side, of
  no party ("the talks were constructive", "this is a historic day") or of the first person is none.
- The praising word is the predicate's own word or its modifier: a word of ``praise_word``, an
  adjective VADER scores at least ``praise_at_least`` that is not a word of state or fact
  (``descriptive_word``: "safe", "true", "strong"), or a noun of ``praise_noun`` ("a hero"); a
  predicate that also holds a condemning word (``valence.supplied``, VADER's negative words) is none.
- Or the clause says "it was encouraging / welcome that X had ...": the party praised is that clause's
  subject (asserted: not negated, modal or future).
- Not negated, not modal ("would be a reliable partner" supposes; "will be a great ally" praises), not
  in a question or under "if"/"whether".

The words and the code are data (``praise`` in ``data/lexicon/content.yaml``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError
from . import syntax as sx
from .content_data import FILE, content_table
from .index import ActorIndex
from .lexicon import Lexicon
from .valence import first_person, supplied, valence
from .verdicts import predicate_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

OWNER_DEPS = ("poss", "compound", "amod", "nmod")  # "Moscow's offer", "the Kyrgyz decision"
NEAR_DEPS = frozenset({"amod", "advmod", "conj", "compound", "acomp"})
NESTED = frozenset({"relcl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "acl", "prep"})  # clauses and phrases a praising predicate does not reach into
CONDITION_MARKS = frozenset({"if", "whether", "unless"})
SPEAKER_POSSESSIVES = frozenset({"his", "her", "its"})
NEGATIVE_AT_MOST = -1.0  # a predicate with a word VADER scores this low is no praise ("a good excuse for war")


@dataclass(frozen=True)
class Praise:
    code: str
    bar: float
    words: frozenset[str]
    nouns: frozenset[str]
    descriptive: frozenset[str]


@lru_cache(maxsize=1)
def policy() -> Praise:
    data = content_table("praise")
    try:
        return Praise(str(data["code"]), float(data["praise_at_least"]), frozenset(data["praise_word"]),
                      frozenset(data["praise_noun"]), frozenset(data["descriptive_word"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(FILE, f"praise: missing or bad entry {exc}") from exc


def praised(clauses: list[Token], own: set[str], index: ActorIndex, lexicon: Lexicon) -> tuple[str, ActorMention] | None:
    """The praising word and the party praised in the first of ``clauses`` that praises another party
    (see the module), else None. ``own``: the speaker's countries."""
    pol = policy()
    for clause in clauses:
        if clause.sent.text.rstrip().rstrip("”\"’'").endswith("?"):
            return None
        found = _praise_in(clause, own, index, lexicon, pol)
        if found is not None:
            return found
    return None


def _praise_in(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon,
               pol: Praise) -> tuple[str, ActorMention] | None:
    if sx.children(clause, "neg") or any(a.lower_ in _modal_aux(lexicon) for a in sx.children(clause, "aux")):
        return None
    if any(m.lower_ in CONDITION_MARKS for m in sx.children(clause, "mark")):
        return None
    if clause.tag_ == "VBG" and any(s.lower_ == "it" for s in sx.children(clause, *sx.SUBJ_DEPS)):
        return _extraposed(clause, [clause], own, index, lexicon, pol)  # "it was encouraging that ..." as a verb
    if sx.lemma_in(clause, lexicon.words("regard_verb")):  # "we see X as a constructive neighbour"
        judged = sx.direct_objects(clause)
        predicates = sx.children(clause, "oprd") + list(sx.prep_objects(clause, ("as",)))
    elif sx.lemma(clause) in sx.COPULAS:
        judged = sx.children(clause, *sx.SUBJ_DEPS)
        predicates = sx.children(clause, "attr", "acomp")
        if sx.children(clause, "expl") or any(s.lower_ == "it" for s in judged):
            return _extraposed(clause, predicates, own, index, lexicon, pol)
    else:
        return None
    if not judged or any(first_person(t) for h in judged for t in h.subtree) \
            or any(c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES for h in judged for c in h.children):
        return None
    party = _party(judged, index)
    if party is None or party.actor.country in own:
        return None
    for pred in predicates:
        word = _praising_word(pred, lexicon, pol)
        if word is not None:
            return word.text, party
    return None


def _extraposed(clause: Token, predicates: list[Token], own: set[str], index: ActorIndex, lexicon: Lexicon,
                pol: Praise) -> tuple[str, ActorMention] | None:
    """"It was encouraging that X had ...", "it is welcome that X has agreed": praise of the party that
    is the that-clause's subject (another country's, its clause asserted: not negated, not modal)."""
    word = next(filter(None, (_praising_word(p, lexicon, pol) for p in predicates)), None)
    if word is None:
        return None
    facts = [c for h in (clause, *predicates) for c in sx.children(h, "ccomp")
             if any(m.lower_ == "that" for m in sx.children(c, "mark"))]
    for fact in facts:
        if sx.children(fact, "neg") or any(a.lower_ in _modal_aux(lexicon) | lexicon.modality["future_aux"]
                                           for a in sx.children(fact, "aux")):
            continue
        doers = sx.children(fact, *sx.SUBJ_DEPS)
        if not doers or any(first_person(t) for h in doers for t in h.subtree):
            continue
        party = _party(doers, index)
        if party is not None and party.actor.country not in own:
            return word.text, party
    return None


def _praising_word(pred: Token, lexicon: Lexicon, pol: Praise) -> Token | None:
    words = predicate_words(pred, NESTED)
    if any(supplied(t, lexicon) or (valence(t) or 0.0) <= NEGATIVE_AT_MOST for t in words):
        return None  # "a good excuse for aggression", "a welcome but reckless step": no praise
    for tok in words:
        if not (tok.i == pred.i or tok.head.i == pred.i and tok.dep_ in NEAR_DEPS):
            continue
        low, lemma = tok.lower_, sx.lemma(tok)
        adjective = tok.pos_ == "ADJ" or tok.tag_ == "VBG" and tok.i == pred.i  # "was encouraging", parsed a verb
        if adjective and (low in pol.words or lemma in pol.words):
            return tok
        if adjective and low not in pol.descriptive and lemma not in pol.descriptive \
                and (valence(tok) or 0.0) >= pol.bar:
            return tok
        if tok.i == pred.i and tok.pos_ == "NOUN" and lemma in pol.nouns:
            return tok
    return None


def _party(heads: list[Token], index: ActorIndex) -> ActorMention | None:
    """The party judged: the judged word's own actor, else its owner's ("Moscow's offer"); never one
    the judged phrase only speaks of ("the talks with Moscow")."""
    owners = [t for h in heads for c in sx.children(h, *OWNER_DEPS) for t in c.subtree]
    for pool in (heads, owners):
        found = [m for t in pool for m in index.at(t) if m.actor is not None and m.actor.country]
        if found:
            return found[0]
    return None


def _modal_aux(lexicon: Lexicon) -> frozenset[str]:
    """Auxiliaries that suppose or prescribe ("would be", "could be"); "will be a great ambassador" praises."""
    return lexicon.modality["hypothetical_aux"]
