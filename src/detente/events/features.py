"""Features of a candidate trigger token for the learned coder, from the spaCy parse.

The same function serves training (``training/``) and inference (``learned.py``), so the two can
never drift apart. A feature is a short string; the model keeps the ones seen in training.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from ..doctext import doc_text

CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})  # and any token a rule was tried on
CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "prt", "aux", "auxpass", "neg", "mark",
                        "advmod", "xcomp", "ccomp", "amod", "compound", "poss", "agent", "acomp", "attr",
                        "oprd", "npadvmod", "nummod", "det"})
TOPIC_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})  # parts of speech of the sentence's topic words
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


class DocTable:
    """What ``token_features`` reads of every token of a Doc (lemma, form, part of speech, tag,
    label, entity type, head, children), read once from the Doc's arrays (``doc_table``): the
    features of its candidate tokens are then built without a Token per word looked at. Children
    are in the Doc's order, as ``Token.children`` gives them."""

    __slots__ = ("size", "lemma", "lower", "pos", "tag", "dep", "ent", "head", "children")

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        self.size = len(doc)
        values = doc.to_array([LEMMA, LOWER, POS, TAG, DEP, ENT_TYPE, HEAD]).reshape(-1, 7)
        names: dict[int, str] = {}

        def column(j: int) -> list[str]:
            return [names[v] if v in names else names.setdefault(v, strings[v]) for v in values[:, j].tolist()]

        self.lemma = [w.lower() for w in column(0)]
        self.lower, self.pos, self.tag, self.dep, self.ent = (column(j) for j in range(1, 6))
        offsets = values[:, 6].astype(np.int64).tolist()  # HEAD: offsets, as uint64
        self.head = [k + off for k, off in enumerate(offsets)]
        self.children: list[list[int]] = [[] for _ in offsets]
        for k, h in enumerate(self.head):
            if h != k:
                self.children[h].append(k)

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return out

    def subtree_in_order(self, i: int) -> list[int]:
        """``Token.subtree``'s indices in its order (``subtree_in_order``)."""
        return subtree_in_order(self.children, i)


def subtree_in_order(children: list[list[int]], i: int) -> list[int]:
    """The token indices of ``Token.subtree`` in its order (each left child's subtree, the token,
    each right child's subtree: the Doc's order wherever the parse is projective), from the
    children lists of the Doc's table instead of a Token per word."""
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]
    while stack:
        j, expanded = stack.pop()
        if expanded:
            out.append(j)
            continue
        kids = children[j]
        for c in reversed(kids):  # pushed last to first: popped in order
            if c > j:
                stack.append((c, False))
        stack.append((j, True))
        for c in reversed(kids):
            if c < j:
                stack.append((c, False))
    return out


TABLE = "detente.features.table"  # Doc.user_data key: the Doc's DocTable, made on first use


def doc_table(doc: Doc) -> DocTable:
    """The ``DocTable`` of ``doc``, made once and kept with the Doc (``Doc.user_data``), so that it
    lives and dies with it; remade if the Doc's length changed."""
    table = doc.user_data.get(TABLE)
    if not isinstance(table, DocTable) or table.size != len(doc):
        table = DocTable(doc)
        doc.user_data[TABLE] = table
    return table


def token_features(tok: Token, sent: Span, rules: Sequence[str] = (),
                   sent_feats: Sequence[str] | None = None) -> list[str]:
    """The features of one candidate token in its sentence (``rules``: from ``rule_features``;
    ``sent_feats``: ``sentence_features(sent)``, computed once per sentence by a caller in a loop)."""
    f = own_features(tok, sent)
    f.extend(sentence_features(sent) if sent_feats is None else sent_feats)
    f.extend(rules)
    return f


def own_features(tok: Token, sent: Span) -> list[str]:
    """The first part of ``token_features``: the token's own, without the sentence's and the rules'."""
    t = doc_table(tok.doc)
    i = k = tok.i
    lemma, lower, pos, dep = t.lemma[k], t.lower[k], t.pos[k], t.dep[k]
    start, end = sent.start, sent.end
    f = [f"l={lemma}", f"w={lower}", f"p={pos}", f"t={t.tag[k]}", f"d={dep}",
         f"lp={lemma}|{pos}", f"ld={lemma}|{dep}", f"s3={lower[-3:]}"]
    if t.ent[k]:
        f.append(f"ent={t.ent[k]}")
    if tok.is_title and i > start:
        f.append("title_case")
    head = t.head[k]  # (the root is its own head, and named so: the model was trained on it)
    hl = t.lemma[head]
    f += [f"hl={hl}", f"hd={dep}>{hl}", f"hp={t.pos[head]}", f"lhl={lemma}<{hl}"]
    for child in t.children[k]:
        f.extend(_child_features(t, child, lemma))
    f.extend(_ancestor_features(t, i))
    f.extend(_window(t, i, start, end))
    return f


def _child_features(t: DocTable, child: int, lemma: str) -> list[str]:
    c = child
    dep = t.dep[c]
    cl = t.lemma[c]
    out: list[str] = []
    if dep in CHILD_DEPS:
        out += [f"c={dep}", f"c={dep}:{cl}", f"lc={lemma}|{dep}:{cl}"]
        if t.ent[c]:
            out.append(f"c={dep}:E{t.ent[c]}")
        if dep in ("nsubj", "nsubjpass", "dobj", "poss", "compound", "amod"):
            ents = {t.ent[j] for j in t.subtree(child) if t.ent[j]}
            out += [f"c={dep}:has{e}" for e in sorted(ents)]
    elif dep == "prep":
        pobj = next((g for g in t.children[c] if t.dep[g] in ("pobj", "pcomp")), None)
        out += [f"prep={cl}", f"lprep={lemma}|{cl}"]
        if pobj is not None:
            pl = t.lemma[pobj]
            out += [f"prep={cl}:{pl}", f"lprepo={lemma}|{cl}:{pl}"]
            if t.ent[pobj]:
                out.append(f"prep={cl}:E{t.ent[pobj]}")
    return out


def _ancestor_features(t: DocTable, i: int) -> list[str]:
    """The chain of governing words: 'said' above 'will support', 'if' above 'attack'. As the
    model was trained: the chain is always ``MAX_ANCESTORS`` long (the root is its own governor),
    and every child of a governor counts as a sibling, the word itself too."""
    out: list[str] = []
    cur = i
    for depth in range(MAX_ANCESTORS):
        head = t.head[cur]
        hl = t.lemma[head]
        cur_dep = t.dep[cur]
        if cur_dep in CLAUSE_DEPS or depth == 0:
            out += [f"a={hl}", f"a{depth}={cur_dep}>{hl}"]
        for sib in t.children[head]:
            if t.dep[sib] in ("mark", "neg", "aux"):
                out.append(f"a{'0' if depth == 0 else '+'}:{t.dep[sib]}={t.lower[sib]}")
        for sib in t.children[cur] if depth == 0 else ():
            if t.dep[sib] == "mark":
                out.append(f"mark={t.lower[sib]}")
        cur = head
    return out


def _window(t: DocTable, i: int, start: int, end: int) -> list[str]:
    out = []
    for off in (-2, -1, 1, 2):
        j = i + off
        if start <= j < end:
            out.append(f"n{off}={t.lemma[j]}")
        else:
            out.append(f"n{off}=<s>")
    return out


def sentence_features(sent: Span) -> list[str]:
    """Features of the whole sentence, shared by its tokens."""
    text = doc_text(sent.doc)[sent.start_char:sent.end_char].rstrip()  # Span.text builds a Token per word
    out = []
    if text.endswith("?"):
        out.append("question")
    if any(q in text for q in ('"', "“", "”", "'")):
        out.append("quote")
    # the sentence's topic: its content words (sport, business, weather, a war told generically)
    t = doc_table(sent.doc)
    out.extend(sorted({f"sl={t.lemma[j]}" for j in range(sent.start, sent.end) if t.pos[j] in TOPIC_POS}))
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
