"""The part of speech and the children of a word, read from the Doc's table (``features.doc_table``):
the lowest helpers of ``syntax.py``, which re-exports them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .features import doc_table

if TYPE_CHECKING:
    from spacy.tokens import Token


def eff_pos(tok: Token) -> str:
    """``verb``, ``noun``, ``adj`` or ``other``: the part of speech a rule's ``pos`` matches."""
    t = doc_table(tok.doc)  # (tag, part of speech and label from the Doc's table: no string look-ups)
    i = tok.i
    return pos_of(t.tag[i], t.pos[i], t.dep[i])


def pos_of(tag: str, pos: str, dep: str) -> str:
    """``eff_pos`` of a word with this tag, part of speech and label (read from a ``DocTable``)."""
    if tag.startswith("NN") or pos in ("NOUN", "PROPN"):
        return "noun"
    if tag.startswith("VB") and pos != "AUX":
        if tag == "VBN" and dep in ("acomp", "amod") and pos == "ADJ":
            return "adj"
        return "verb"
    if pos == "ADJ" or tag.startswith("JJ"):
        return "adj"
    return "other"


def children(tok: Token, *deps: str) -> list[Token]:
    """The token's children whose label is one of ``deps``, in the Doc's order (as ``Token.children``
    gives them); read from the Doc's table, a Token built only for each child returned."""
    doc = tok.doc
    t = doc_table(doc)
    dep = t.dep
    return [doc[c] for c in t.children[tok.i] if dep[c] in deps]


def first_child(tok: Token, *deps: str) -> Token | None:
    doc = tok.doc
    t = doc_table(doc)
    dep = t.dep
    for c in t.children[tok.i]:
        if dep[c] in deps:
            return doc[c]
    return None


def shared_objects(tok: Token) -> list[Token]:
    """``arrested and tortured three activists``, ``is jailing or deporting dissidents``: a verb with no
    object of its own, followed at once by ``and``/``or`` and an active verb of the same subject,
    shares that verb's direct object."""
    doc = tok.doc
    if children(tok, "dobj", "ccomp", "xcomp", "prep", "dative") or tok.i + 2 >= len(doc) \
            or doc[tok.i + 1].dep_ != "cc" or doc[tok.i + 1].lower_ not in ("and", "or"):
        return []
    nxt = doc[tok.i + 2]
    if nxt.dep_ != "conj" or nxt.head.i != tok.i or eff_pos(nxt) != "verb" or nxt.tag_ != tok.tag_ \
            or children(nxt, "nsubj", "nsubjpass", "auxpass"):
        return []
    return children(nxt, "dobj")
