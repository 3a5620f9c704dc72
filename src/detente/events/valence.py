"""Evaluative language about another party in what a statement says (issue 10): the gate of the
statement-content stage's disapproval (``speech.py``).

Which words judge comes from a maintained sentiment lexicon, not a hand list: VADER's
(``vader_lexicon.txt`` of the ``vaderSentiment`` package, MIT licence, read with
``importlib.resources``; its words are scored by raters from -4 to +4). A word is an evaluation
when VADER scores it at most ``valence_at_most`` and it judges rather than names what happened:

- an adjective or adverb ("reckless", "shameful", "shamefully"), or a noun only as a predicate
  ("was a disgrace", "called it a lie");
- not a word the lexicon codes as an event ("attack", "kill", "war": news names its topics with
  them), nor one of ``not_evaluative`` (an experiencer's feeling, "afraid", "sad": said of a
  party, it tells its state, not the speaker's verdict);
- not negated, not under a modal or a future ("would be reckless" warns, "was not wrong" defends).

It is about a party when it is said of one (a predicate of the clause's subject, or of a regard
verb's object), qualifies what one did or has (a noun the party owns or does, "Russia's reckless
gamble", or the object of a verb the party is the subject of, "X pursued a reckless policy"), or
an adverb of a verb the party does ("X shamefully abandoned them"). The party must be another
than the speaker: a mention with a country not the speaker's, or the second person ("you"), then
the party addressed.

A charge: the party is the subject of an asserted verb VADER scores as negative ("had betrayed",
"is destroying the evidence", "lied"): it says that party did a hostile or wrongful act.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

from ..errors import DataFileError
from . import syntax as sx
from .index import ActorIndex
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours"})
SPEAKER_SIDE = frozenset({"our", "us", "we"})  # a quote's words for the speaker's side ("its" may be the doer's)


def first_person(tok: Token, words: frozenset[str] = FIRST_PERSON) -> bool:
    """A first-person pronoun of the speaker ("we", "us", "our"); "US", the country, is none."""
    return tok.lower_ in words and tok.pos_ == "PRON"
SECOND_PERSON = frozenset({"you", "your", "yours"})
OWNER_DEPS = ("poss", "compound", "amod", "nmod")
OWN_POSSESSIVES = frozenset({"their", "his", "her", "its", "my", "our", "your"})
# a condition or a concession: "if you have chosen to ...", "while she has made mistakes, ..."
UNASSERTED_MARKS = frozenset({"if", "unless", "whether", "while", "although", "though"})
NESTED = frozenset({"relcl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "acl"})


@dataclass(frozen=True)
class EvaluationPolicy:
    valence_at_most: float  # a word VADER scores at most this is negative
    predicate_deps: frozenset[str]  # where a noun is a predicate ("was a disgrace")
    not_evaluative: frozenset[str]  # feelings and states said of their experiencer
    charge_verbs: bool  # a negative verb done by another party is a charge (112)
    classifying: frozenset[str]  # adjectives that, before a noun, name a kind ("criminal proceedings")


@dataclass(frozen=True)
class Evaluation:
    """What the content says of another party: ``kind`` "verdict" (a negative word judging it) or
    "charge" (a negative act it did), the word, and the party (None: the one addressed)."""

    kind: str
    word: str
    valence: float
    target: ActorMention | None


@lru_cache(maxsize=1)
def vader() -> dict[str, float]:
    """VADER's word -> mean valence (single words only; emoticons and phrases left out)."""
    try:
        text = importlib_resources.files(PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DataFileError(f"{PACKAGE}/{LEXICON_FILE}", "the vaderSentiment package is not installed") from exc
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue
        try:
            out[parts[0].lower()] = float(parts[1])
        except ValueError:
            continue
    return out


def valence(tok: Token) -> float | None:
    """The token's VADER valence, by its form, else its lemma, else, for an adverb of manner, its
    adjective's ("irresponsibly": "irresponsible", "angrily": "angry", "shamefully": "shameful")."""
    words = vader()
    found = words.get(tok.lower_)
    if found is None:
        found = words.get(sx.lemma(tok))
    low = tok.lower_
    if found is None and tok.pos_ == "ADV" and low.endswith("ly") and len(low) > 4:
        found = next((words[w] for w in (low[:-2], low[:-1] + "e", low[:-3] + "y") if w in words), None)
    return found


def evaluation(clauses: Sequence[Token], verb: Token, own: set[str], index: ActorIndex, lexicon: Lexicon,
               pol: EvaluationPolicy) -> Evaluation | None:
    """The first negative evaluation of (or charge against) another party in the reported
    ``clauses`` of the verb of saying ``verb``; ``own``: the speaker's countries."""
    modal = lexicon.modality["future_aux"] | lexicon.modality["hypothetical_aux"]
    charge: Evaluation | None = None
    for clause in clauses:
        for tok in _content(clause, verb):
            found = _judges(tok, verb, own, index, lexicon, pol, modal)
            if found is not None:
                return found
            if charge is None and pol.charge_verbs:
                charge = _charged(tok, verb, own, index, lexicon, pol, modal)
    return charge


def negative_word(clauses: Sequence[Token], verb: Token, lexicon: Lexicon, pol: EvaluationPolicy) -> Token | None:
    """The first word of the content that judges, whatever it is said of: an adjective, adverb or
    noun VADER scores negative that names no event, no kind and no feeling, not in a name, not
    negated or supposed (the gate of the content model's disapproval)."""
    modal = lexicon.modality["future_aux"] | lexicon.modality["hypothetical_aux"]
    for clause in clauses:
        for tok in _content(clause, verb):
            if tok.pos_ not in ("ADJ", "ADV", "NOUN") or tok.ent_type_ or judging_word(tok, lexicon, pol) is None:
                continue
            if tok.dep_ == "amod" and sx.lemma(tok) in pol.classifying or sx.children(tok, "neg"):
                continue
            said_of = sx.children(tok.head, "nsubj") if tok.dep_ in ("acomp", "attr") else []
            if any(first_person(t) for s in said_of for t in s.subtree):
                continue  # "the statement I gave was lies": the speaker's own
            if not _supposed(tok, verb, modal):
                return tok
    return None


def _content(clause: Token, verb: Token) -> list[Token]:
    return [t for t in clause.subtree if t.i != verb.i]


def supplied(tok: Token, lexicon: Lexicon) -> bool:
    """A word of the content rule's hand list of verdicts (``verdict_word``, ``verdict_event_word``,
    ``data/lexicon/content.yaml``; ``verdicts.py``): it judges whatever it is said of."""
    words = lexicon.words("verdict_word") | lexicon.words("verdict_event_word")
    return sx.lemma(tok) in words or tok.lower_ in words


def judging_word(tok: Token, lexicon: Lexicon, pol: EvaluationPolicy) -> float | None:
    """The valence of a word of VADER's that judges, else None: VADER scores it at most
    ``valence_at_most``, it is no event word and no feeling (``not_evaluative``): the test of this
    module's gate and of ``verdicts.py`` (with ``supplied``, there only: read by the gate, the hand list
    changed events for the worse; docs/model.md, session 27, verdict27 helper)."""
    v = valence(tok)
    lem = sx.lemma(tok)
    low = tok.lower_
    if lem in pol.not_evaluative or low in pol.not_evaluative:
        return None
    if v is None or v > pol.valence_at_most:
        return None
    if lexicon.rules_for(lem):  # an event word: what happened, not a verdict on it
        return None
    return v


def _judges(tok: Token, verb: Token, own: set[str], index: ActorIndex, lexicon: Lexicon,
            pol: EvaluationPolicy, modal: frozenset[str]) -> Evaluation | None:
    pos = sx.eff_pos(tok)
    predicate = tok.dep_ in pol.predicate_deps
    if not (pos in ("adj", "adv") or tok.pos_ in ("ADJ", "ADV") or (pos == "noun" and predicate)):
        return None
    v = judging_word(tok, lexicon, pol)
    if v is None or tok.ent_type_ or sx.children(tok, "neg") or sx.children(tok, "prep") and predicate:
        return None  # "the Criminal Court": a name; "was not wrong"; "angry at", "afraid of": a feeling and its cause
    if tok.dep_ == "amod" and sx.lemma(tok) in pol.classifying:
        return None  # "criminal proceedings", "a terrorist group": a kind, not a verdict
    if _supposed(tok, verb, modal):
        return None
    party = _judged_party(tok, verb, own, index, modal)
    if party is None:
        return None
    return Evaluation("verdict", tok.text, v, party[0])


def _judged_party(tok: Token, verb: Token, own: set[str], index: ActorIndex,
                  modal: frozenset[str]) -> tuple[ActorMention | None] | None:
    """(the party) an evaluative word is about, ((None,) for the one addressed), else None."""
    head = tok.head
    if tok.dep_ in ("acomp", "attr", "oprd") or (tok.dep_ == "ROOT" or tok.dep_ in ("ccomp", "conj")) and \
            sx.children(tok, "nsubj"):
        clause = head if tok.dep_ in ("acomp", "attr", "oprd") else tok
        if _hedged(clause, modal):
            return None
        judged = sx.children(clause, "nsubj", "nsubjpass") or (sx.direct_objects(clause) if tok.dep_ == "oprd" else [])
        return _other(judged, own, index)
    if tok.dep_ == "amod":  # "Russia's reckless gamble", "X pursued a reckless policy"
        owners = [t for c in sx.children(head, *OWNER_DEPS) if c.i != tok.i for t in c.subtree]
        owners += [t for o in sx.prep_objects(head, ("of", "by")) for t in o.subtree]
        found = _other(owners, own, index)
        if found is not None:
            return found
        if head.dep_ in ("dobj", "attr") and head.head.i != verb.i and not _hedged(head.head, modal):
            return _other(sx.children(head.head, "nsubj"), own, index)
        return None
    if tok.dep_ == "advmod" and sx.eff_pos(head) == "verb" and head.i != verb.i and not _hedged(head, modal):
        return _other(sx.children(head, "nsubj"), own, index)
    return None


def _supposed(tok: Token, verb: Token, modal: frozenset[str]) -> bool:
    """A word under a negated, modal or future verb, or in a condition, between it and the verb of
    saying ("would never try to hurt", "if you decide to fight them")."""
    cur = tok
    for _ in range(12):
        if cur.i == verb.i or cur.head.i == cur.i:
            return False
        if sx.eff_pos(cur) in ("verb", "aux") and _hedged(cur, modal):
            return True
        if any(m.lower_ in UNASSERTED_MARKS for m in sx.children(cur, "mark")):
            return True
        cur = cur.head
    return False


def _hedged(clause: Token, modal: frozenset[str]) -> bool:
    return bool(sx.children(clause, "neg")) or any(a.lower_ in modal for a in sx.children(clause, "aux"))


def _other(words: Sequence[Token], own: set[str], index: ActorIndex) -> tuple[ActorMention | None] | None:
    """The first party of another country than the speaker's among ``words`` and what owns or does
    them ("Russia's decision", "the decision of X", "the reckless adventures by X"; not what they are
    about: "reports concerning X"), or (None,) for the second person; None for none or the speaker's
    own side."""
    toks = [t for w in words for t in _owned_by(w)]
    if any(first_person(t) for t in toks):
        return None
    if any(t.lower_ in SECOND_PERSON for t in words):
        return (None,)
    for t in toks:
        for m in index.at(t):
            if m.actor is not None and m.actor.country:
                return (m,) if m.actor.country not in own else None
    return None


def _owned_by(word: Token) -> list[Token]:
    out = [word]
    out += [t for c in sx.children(word, *OWNER_DEPS, "compound", "appos") for t in c.subtree]
    out += [t for o in sx.prep_objects(word, ("of", "by")) for t in o.subtree]
    return out


def _charged(tok: Token, verb: Token, own: set[str], index: ActorIndex, lexicon: Lexicon, pol: EvaluationPolicy,
             modal: frozenset[str]) -> Evaluation | None:
    """A verb VADER scores negative, asserted and done by another party ("had betrayed", "lied",
    "is destroying"): a charge."""
    if sx.eff_pos(tok) != "verb" or tok.pos_ != "VERB" or sx.is_passive(tok) or _supposed(tok, verb, modal):
        return None
    objects = sx.children(tok, "dobj")
    if not objects or any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for o in objects for c in o.children):
        return None  # "they suffer", "lost their minds": what befell them, no act on another
    v = judging_word(tok, lexicon, pol)
    if v is None:
        return None
    party = _other(sx.children(tok, "nsubj"), own, index)
    if party is None:
        return None
    return Evaluation("charge", tok.text, v, party[0])
