"""A speaker announcing its own stepping down is the intent to change leadership (0341), not a plain
statement: "“The time has come for me to step down,” the minister said", "the minister said she
was resigning". The resignation must be the speaker's (the first person in its words, or the speech
verb's subject as "he"/"she" in its reported clause), not yet done (an infinitive, a future or a
present progressive: a past resignation is an act of its own), and neither negated nor supposed.
Words in ``data/lexicon/content.yaml`` (``resigns``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError
from . import syntax as sx
from .content_data import FILE, content_table

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .content_data import Event

STATEMENT_ROOT = "01"
SUPPOSING_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True)
class Resigns:
    code: str
    verbs: frozenset[str]
    particles: frozenset[str]
    speakers: frozenset[str]
    open_tags: frozenset[str]


@lru_cache(maxsize=1)
def resigns() -> Resigns:
    data = content_table("resigns")
    try:
        return Resigns(str(data["intent_code"]), frozenset(data["resign_verb"]), frozenset(data["step_particle"]),
                       frozenset(data["speaker_words"]), frozenset(data["open_tags"]))
    except (KeyError, TypeError) as exc:
        raise DataFileError(FILE, f"resigns: missing or bad entry {exc}") from exc


def stepping_down(trig: Token, r: Resigns) -> Token | None:
    """The word of the speaker's own resignation, not yet done, in the sentence of a statement
    ``trig``; else None."""
    for tok in trig.sent:
        if not _resign_word(tok, r) or tok.tag_ not in r.open_tags or _denied(tok):
            continue
        if any(s.lower_ in r.speakers for s in _doers(tok)):
            return tok
    return None


def _resign_word(tok: Token, r: Resigns) -> bool:
    if sx.eff_pos(tok) != "verb":
        return False
    if sx.lemma_in(tok, r.verbs):
        return True
    return sx.lemma(tok) == "step" and any(c.dep_ in ("prt", "advmod") and c.lower_ in r.particles for c in tok.children)


def _doers(tok: Token) -> list[Token]:
    """Who resigns: the verb's subject ("for me to step down", "I will resign"), or, for an infinitive
    with none, the subject of the verb it completes ("I have decided to step down")."""
    own = sx.children(tok, "nsubj", "nsubjpass")
    if own or tok.dep_ != "xcomp":
        return own
    return sx.children(tok.head, "nsubj")


def _denied(tok: Token) -> bool:
    """Negated or supposed, on the word or a verb above it ("I will not resign", "if I resign",
    "asked whether he would step down")."""
    node: Token | None = tok
    while node is not None:
        if sx.children(node, "neg") or _supposed(node) or any(_supposed(c) for c in sx.children(node, "advcl")):
            return True
        node = node.head if node.head is not node and node.dep_ in ("xcomp", "ccomp", "advcl", "conj") else None
    return False


def _supposed(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in SUPPOSING_MARKS for c in tok.children)


def recode(cand: Event) -> str | None:
    """Recode a plain statement of its speaker's own stepping down as 0341; the code it had, or None."""
    if cand.cameo[:2] != STATEMENT_ROOT:
        return None
    r = resigns()
    word = stepping_down(cand.trigger, r)
    if word is None:
        return None
    before = cand.cameo
    cand.notes.append(f"the speaker steps down '{word.text}': {before} -> {r.code}")
    cand.cameo = r.code
    return before
