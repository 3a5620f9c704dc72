"""Features of a candidate trigger token for the learned coder, from the spaCy parse.

The same function serves training (``training/``) and inference (``learned.py``), so the two can
never drift apart. A feature is a short string; the model keeps the ones seen in training.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Span, Token

CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})  # and any token a rule was tried on
CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "prt", "aux", "auxpass", "neg", "mark",
                        "advmod", "xcomp", "ccomp", "amod", "compound", "poss", "agent", "acomp", "attr",
                        "oprd", "npadvmod", "nummod", "det"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp"})
MAX_ANCESTORS = 4


def is_candidate(tok: Token) -> bool:
    """Tokens that may carry an event: content words of a few parts of speech."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 1


def rule_features(fired: Sequence[tuple[str, str]], tried: int) -> list[str]:
    """What the lexicon's rules said of the token: the (rule id, code) of each rule that fired,
    and whether any rule was tried on its lemma. The model learns when the rules are right."""
    out = [f"rule={rid}" for rid, _ in fired] + [f"rcode={code}" for _, code in fired]
    out += [f"rroot={code[:2]}" for _, code in fired[:1]]
    if fired:
        out.append("rule_fired")
    elif tried:
        out.append("rule_tried")
    return out


def token_features(tok: Token, sent: Span, rules: Sequence[str] = (),
                   sent_feats: Sequence[str] | None = None) -> list[str]:
    """The features of one candidate token in its sentence (``rules``: from ``rule_features``;
    ``sent_feats``: ``sentence_features(sent)``, computed once per sentence by a caller in a loop)."""
    lemma = tok.lemma_.lower()
    start, end = sent.start, sent.end
    f = [f"l={lemma}", f"w={tok.lower_}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
         f"lp={lemma}|{tok.pos_}", f"ld={lemma}|{tok.dep_}", f"s3={tok.lower_[-3:]}"]
    if tok.ent_type_:
        f.append(f"ent={tok.ent_type_}")
    if tok.is_title and tok.i > start:
        f.append("title_case")
    head = tok.head
    if head is not tok:
        hl = head.lemma_.lower()
        f += [f"hl={hl}", f"hd={tok.dep_}>{hl}", f"hp={head.pos_}", f"lhl={lemma}<{hl}"]
    for child in tok.children:
        f.extend(_child_features(child, lemma))
    f.extend(_ancestor_features(tok))
    f.extend(_window(tok, start, end))
    f.extend(sentence_features(sent) if sent_feats is None else sent_feats)
    f.extend(rules)
    return f


def _child_features(child: Token, lemma: str) -> list[str]:
    dep = child.dep_
    cl = child.lemma_.lower()
    out: list[str] = []
    if dep in CHILD_DEPS:
        out += [f"c={dep}", f"c={dep}:{cl}", f"lc={lemma}|{dep}:{cl}"]
        if child.ent_type_:
            out.append(f"c={dep}:E{child.ent_type_}")
        if dep in ("nsubj", "nsubjpass", "dobj", "poss", "compound", "amod"):
            ents = {t.ent_type_ for t in child.subtree if t.ent_type_}
            out += [f"c={dep}:has{e}" for e in sorted(ents)]
    elif dep == "prep":
        pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
        out += [f"prep={cl}", f"lprep={lemma}|{cl}"]
        if pobj is not None:
            pl = pobj.lemma_.lower()
            out += [f"prep={cl}:{pl}", f"lprepo={lemma}|{cl}:{pl}"]
            if pobj.ent_type_:
                out.append(f"prep={cl}:E{pobj.ent_type_}")
    return out


def _ancestor_features(tok: Token) -> list[str]:
    """The chain of governing words: 'said' above 'will support', 'if' above 'attack'."""
    out: list[str] = []
    cur = tok
    for depth in range(MAX_ANCESTORS):
        head = cur.head
        if head is cur:
            break
        hl = head.lemma_.lower()
        if cur.dep_ in CLAUSE_DEPS or depth == 0:
            out += [f"a={hl}", f"a{depth}={cur.dep_}>{hl}"]
        for sib in head.children:
            if sib.dep_ in ("mark", "neg", "aux") and sib is not cur:
                out.append(f"a{'0' if depth == 0 else '+'}:{sib.dep_}={sib.lower_}")
        for sib in cur.children if depth == 0 else ():
            if sib.dep_ == "mark":
                out.append(f"mark={sib.lower_}")
        cur = head
    return out


def _window(tok: Token, start: int, end: int) -> list[str]:
    out = []
    doc = tok.doc
    for off in (-2, -1, 1, 2):
        j = tok.i + off
        if start <= j < end:
            out.append(f"n{off}={doc[j].lemma_.lower()}")
        else:
            out.append(f"n{off}=<s>")
    return out


def sentence_features(sent: Span) -> list[str]:
    """Features of the whole sentence, shared by its tokens."""
    text = sent.text.rstrip()
    out = []
    if text.endswith("?"):
        out.append("question")
    if any(q in text for q in ('"', "“", "”", "'")):
        out.append("quote")
    return out


DENSE_PARTS = 3  # the token's, its head's and the sentence's mean contextual vectors


def sentence_vector(sent: Span) -> np.ndarray | None:
    """The mean of the sentence's contextual token vectors (``doc.tensor``), or None without one."""
    tensor = sent.doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(sent.doc):
        return None
    return tensor[sent.start:sent.end].mean(axis=0)


def dense_features(tok: Token, sent_vec: np.ndarray | None) -> np.ndarray | None:
    """Dense features of a token: the spaCy model's contextual vectors (``doc.tensor``, computed by
    the parse anyway) of the token, of its head and of the whole sentence (``sentence_vector``).
    They let the model generalise past the words it was trained on (synonyms, the topic of the
    sentence: sport, business, history); None when the Doc has no tensor."""
    if sent_vec is None:
        return None
    tensor = tok.doc.tensor
    return np.concatenate([tensor[tok.i], tensor[tok.head.i], sent_vec]).astype(np.float32)
