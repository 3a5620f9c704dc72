"""The model NER's greedy decoding in NumPy: the same entities as spaCy's, without its per-move cost.

spaCy's ``EntityRecognizer`` is a greedy transition parser (``beam_width`` 1) over the BILUO moves
(``B-``, ``I-``, ``L-``, ``U-`` of each label, ``U-`` of no label and ``O``): one move per token, left
to right. A state is scored by a small network over three of its tokens (the next word; when an
entity is open, its first word and the word before the next), whose first layer (``lower``) is
precomputed for every token of the batch, then a maxout, then the output layer (``upper``); the move
taken is the best-scoring valid one (first of equals), validity read from the state and the tokens'
preset entities (the gazetteer's: a preset entity is forced). In spaCy 3.8's compiled code every
validity test of every move (74 moves in the small English model) reads the state through accessors
that take and release the GIL, which makes up most of the NER's decoding time (about 30 microseconds
a token on this project's machine: ``perf`` puts the GIL's functions at ~40% of a NER pass).

``GreedyNER`` does the same arithmetic in NumPy. It runs the model's own ``tok2vec`` and ``lower``
layers on the same sub-batches as ``EntityRecognizer.pipe`` (the batch sorted by length, in groups
of a quarter of the batch size), so their outputs are the same arrays; it scores every token's
closed state (no entity open) in one product, since that state's features are the token alone and
the padding, and scores an open state only where the walk opens an entity (one in twenty tokens).
Each score is computed as spaCy's C loop does it: the three feature rows added in order to zero,
then the bias, the maxout, the output layer through the same BLIS ``sgemm`` (whose sums per element
do not depend on the other rows: checked), then its bias. The validity rules are ``ner.pyx``'s,
written out per move; the entities are set as ``BiluoPushDown.set_annotations`` sets them.
``tests/test_nerdecode.py`` compares the entities with spaCy's on texts with preset entities,
whitespace, sentence starts and batches of several sizes; on the Guardian sample every sub-Doc's
entities are the same. ``supported`` says whether a recognizer has the shape this assumes (greedy,
BILUO, three features, a maxout ``lower``, an ``upper``, no unseen class, no postprocess); any other
goes through spaCy's own ``pipe``.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# BILUO move types as ``ner.pyx`` numbers them; token ``ent_iob`` values as spaCy stores them
_B, _I, _L, _U, _O = 1, 2, 3, 4, 5
_IOB_IN, _IOB_OUT, _IOB_BEGIN = 1, 2, 3
_NAMES = {"B": _B, "I": _I, "L": _L, "U": _U, "O": _O}


def supported(ner: Any) -> bool:
    """Whether ``GreedyNER`` decodes ``ner`` as spaCy would: a greedy BILUO recognizer whose model
    is spaCy's transition model with three state features, a maxout ``lower`` and an ``upper``."""
    try:
        model = ner.model
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        return (type(ner.moves).__name__ == "BiluoPushDown" and ner.cfg.get("beam_width", 1) == 1
                and model.name == "parser_model" and len(model.layers) == 3
                and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                and not list(ner.postprocesses) and lower.name == "precomputable_affine"
                and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2 and upper.name == "linear"
                and upper.get_dim("nI") == lower.get_dim("nO"))
    except (AttributeError, KeyError, ValueError):
        return False


class _Moves:
    """The recognizer's moves as arrays: each class's move type and label, and the labels that have
    all four entity moves (a Doc's preset labels outside these make spaCy add moves)."""

    def __init__(self, ner: Any):
        self.n = ner.moves.n_moves
        names = [ner.moves.get_class_name(i) for i in range(self.n)]
        strings = ner.vocab.strings
        self.kind = np.array([_NAMES[name.split("-", 1)[0]] for name in names], dtype=np.int8)
        self.label = np.array([strings.add(name.split("-", 1)[1]) if "-" in name and name.split("-", 1)[1]
                               else 0 for name in names], dtype=np.uint64)
        by_kind: dict[int, set[int]] = {k: set() for k in (_B, _I, _L, _U)}
        for kind, label in zip(self.kind.tolist(), self.label.tolist()):
            if kind in by_kind and label:
                by_kind[kind].add(label)
        self.known = frozenset.intersection(*(frozenset(v) for v in by_kind.values()))
        self.kind_list = self.kind.tolist()
        self.label_list = self.label.tolist()
        # per label: the class of I-label and L-label (an open entity's only candidates but U-)
        self.in_of = {lab: c for c, (k, lab) in enumerate(zip(self.kind_list, self.label_list)) if k == _I}
        self.last_of = {lab: c for c, (k, lab) in enumerate(zip(self.kind_list, self.label_list)) if k == _L}
        self.unit_none = next((c for c, (k, lab) in enumerate(zip(self.kind_list, self.label_list))
                               if k == _U and lab == 0), None)


class GreedyNER:
    """Runs a spaCy ``EntityRecognizer`` (``supported``) over Docs with the decoding in NumPy."""

    def __init__(self, ner: Any):
        self.ner = ner
        self._moves: _Moves | None = None

    def moves(self) -> _Moves:
        if self._moves is None or self._moves.n != self.ner.moves.n_moves:
            self._moves = _Moves(self.ner)
        return self._moves

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """``EntityRecognizer.pipe``: each batch sorted by length and predicted in groups of
        ``max(batch_size // 4, 2)``, the Docs yielded in their order."""
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for group in minibatch(by_length, size=max(batch_size // 4, 2)):
                self.annotate(list(group))
            yield from batch

    def annotate(self, docs: list[Doc]) -> None:
        """Predict and set the entities of ``docs`` (one sub-batch)."""
        if not any(len(doc) for doc in docs):
            return
        self._ensure_labels(docs)
        model = self.ner.model
        tok2vec, lower, upper = model.layers
        tokvecs = tok2vec.predict(docs)
        cached = lower.predict(tokvecs)  # (tokens + 1, 3, nO, nP); row 0 the padding
        n_tok = cached.shape[0] - 1
        n_out, pieces = cached.shape[2], cached.shape[3]
        feats = cached.reshape(n_tok + 1, 3, n_out * pieces)
        net = _Net(feats, lower.get_param("b").reshape(-1), upper.get_param("W"), upper.get_param("b"),
                   n_out, pieces)
        tokens = _Tokens(docs)
        moves = self.moves()
        closed = net.closed_scores()
        valid = _closed_valid(tokens, moves)
        guess = np.where(valid, closed, -np.inf).argmax(axis=1)
        # a token whose best closed move is not O (or that has no valid move) is where the walk stops
        rows = np.arange(n_tok)
        ok = valid[rows, guess]
        stops = np.flatnonzero((moves.kind[guess] != _O) | ~ok).tolist()
        guess_list, ok_list = guess.tolist(), ok.tolist()
        for d, doc in enumerate(docs):
            start, end = tokens.offsets[d], tokens.offsets[d + 1]
            ents = self._walk(start, end, stops, guess_list, ok_list, net, tokens, moves)
            _set_annotations(doc, [(s - start, e - start, label) for s, e, label in ents])

    def _ensure_labels(self, docs: list[Doc]) -> None:
        """``Parser._ensure_labels_are_added``, called only when a Doc has a preset label the moves
        lack (it reads every token through Python)."""
        known = self.moves().known
        for doc in docs:
            types = np.unique(doc.to_array(ENT_TYPE)).tolist()
            if any(t and t not in known for t in types):
                self.ner._ensure_labels_are_added(docs)
                return

    @staticmethod
    def _walk(start: int, end: int, stops: list[int], guess: list[int], ok: list[bool], net: _Net,
              tokens: _Tokens, moves: _Moves) -> list[tuple[int, int, int]]:
        """One Doc's moves, tokens ``start``..``end`` of the batch: the entities (batch offsets and
        label) in the order ``BiluoPushDown`` keeps them, an entity left open at a forced end dropped."""
        ents: list[tuple[int, int, int]] = []
        kind, label = moves.kind_list, moves.label_list
        k = start
        while True:
            j = bisect_left(stops, k)
            if j == len(stops) or stops[j] >= end:
                return ents
            k = stops[j]
            if not ok[k]:  # no valid move: spaCy forces the state to its end
                return ents
            g = guess[k]
            if kind[g] == _U:
                ents.append((k, k + 1, label[g]))
                k += 1
                continue
            # B: an entity opens at k; its next tokens are decided in the open state
            first, open_label = k, label[g]
            k += 1
            while True:
                g = net.open_move(k, first, open_label, tokens, moves)
                if g < 0:
                    return ents
                if kind[g] == _I:
                    k += 1
                    continue
                if kind[g] == _L:  # closes the open entity, whose label it keeps
                    ents.append((first, k + 1, open_label))
                else:  # U- of no label: a blocked token; the open entity is never closed
                    ents.append((k, k + 1, label[g]))
                k += 1
                break


class _Tokens:
    """The batch's preset annotations per token (batch order), and each token's next-token values
    as ``StateC.B_(1)`` reads them (zeros past a Doc's end)."""

    def __init__(self, docs: Sequence[Doc]):
        arrays = [doc.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]).reshape(-1, 4) for doc in docs]
        lengths = [len(doc) for doc in docs]
        self.offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(int).tolist()
        values = np.concatenate(arrays) if arrays else np.zeros((0, 4), dtype=np.uint64)
        self.iob = values[:, 0].astype(np.int64)
        self.type = values[:, 1].astype(np.uint64)
        sent_start = values[:, 2].astype(np.int64)
        self.space = values[:, 3].astype(bool)
        n = len(self.iob)
        self.has_next = np.ones(n, dtype=bool)
        self.has_next[[end - 1 for end, size in zip(self.offsets[1:], lengths) if size]] = False
        self.next_iob = np.zeros(n, dtype=np.int64)
        self.next_sent_start = np.zeros(n, dtype=np.int64)
        self.next_iob[:-1] = self.iob[1:]
        self.next_sent_start[:-1] = sent_start[1:]
        self.next_iob[~self.has_next] = 0
        self.next_sent_start[~self.has_next] = 0
        self.iob_list = self.iob.tolist()
        self.type_list = self.type.tolist()
        self.next_iob_list = self.next_iob.tolist()
        self.next_sent_start_list = self.next_sent_start.tolist()
        self.has_next_list = self.has_next.tolist()


def _closed_valid(t: _Tokens, m: _Moves) -> np.ndarray:
    """(tokens, classes): each move's validity with no entity open (``ner.pyx``'s ``is_valid``)."""
    iob0, iob1 = t.iob[:, None], t.next_iob[:, None]
    same = t.type[:, None] == m.label[None, :]
    kind = m.kind[None, :]
    labelled = (m.label != 0)[None, :]
    space = t.space[:, None]
    preset_begin = iob0 == _IOB_BEGIN
    begin = (t.has_next[:, None] & labelled & (iob0 != _IOB_IN)
             & np.where(preset_begin, same & (iob1 == _IOB_IN),
                        (iob1 != _IOB_BEGIN) & (t.next_sent_start[:, None] != 1) & ~space))
    unit = np.where(labelled,
                    (iob1 != _IOB_IN) & np.where(preset_begin, same, ~space),
                    (t.type[:, None] == 0) & preset_begin)
    out = (iob0 != _IOB_IN) & ~preset_begin
    return np.where(kind == _B, begin, np.where(kind == _U, unit, np.where(kind == _O, out, False)))


class _Net:
    """The state scores, in the order of spaCy's ``predict_states``: the feature rows of the state's
    tokens added to zero one after the other (``sum_state_features``), the ``lower`` bias, the
    maxout over the pieces, the ``upper`` product (BLIS ``sgemm``) and its bias."""

    def __init__(self, feats: np.ndarray, bias: np.ndarray, weights: np.ndarray, out_bias: np.ndarray,
                 n_out: int, pieces: int):
        from thinc.api import NumpyOps

        self.feats = feats
        self.bias = bias
        self.weights = weights
        self.out_bias = out_bias
        self.n_out, self.pieces = n_out, pieces
        self.ops = NumpyOps()
        self.zero = np.float32(0.0)

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        summed += self.bias
        hidden = summed.reshape(len(summed), self.n_out, self.pieces).max(axis=2)
        scores = self.ops.gemm(np.ascontiguousarray(hidden), self.weights, trans2=True)
        scores += self.out_bias
        return scores

    def closed_scores(self) -> np.ndarray:
        """Every token's state with no entity open: its own row, then the two padding rows."""
        f = self.feats
        summed = f[1:, 0] + self.zero
        summed += f[0, 1]
        summed += f[0, 2]
        return self._scores(summed)

    def open_move(self, k: int, first: int, open_label: int, t: _Tokens, m: _Moves) -> int:
        """The move at token ``k`` (batch offset) with an entity of ``open_label`` open since
        ``first``: the best valid one, first of equals; -1 if none is valid."""
        f = self.feats
        summed = (f[k + 1, 0] + self.zero)[None, :]
        summed += f[first + 1, 1]
        summed += f[k, 2]  # the token before the next one (row k: offsets are shifted by the padding)
        scores = self._scores(summed)[0]
        cands = _open_valid(k, open_label, t, m)
        best = -1
        for c in cands:  # in class order: the first of equal scores wins, as in ``arg_max_if_valid``
            if best < 0 or scores[c] > scores[best]:
                best = c
        return best


def _open_valid(k: int, open_label: int, t: _Tokens, m: _Moves) -> list[int]:
    """The valid classes at token ``k`` with an entity of ``open_label`` open, in class order:
    only ``I-``/``L-`` and ``U-`` of no label can be (``ner.pyx``)."""
    iob0, iob1, typ0 = t.iob_list[k], t.next_iob_list[k], t.type_list[k]
    has_next = t.has_next_list[k]
    out: list[int] = []
    # In: the open label, not at the last token, not into a preset B, within the sentence
    c = m.in_of.get(open_label)
    if c is not None and open_label and has_next and iob0 != _IOB_BEGIN and iob1 != _IOB_BEGIN:
        if iob0 == _IOB_IN:
            if iob1 not in (0, _IOB_OUT) and open_label == typ0:
                out.append(c)
        elif not (has_next and t.next_sent_start_list[k] == 1):
            out.append(c)
    # Last: a preset entity's last token forces its label; else the open label, unless I follows
    if iob0 == _IOB_IN and iob1 != _IOB_IN:
        c = m.last_of.get(typ0) if typ0 else None
        if c is not None:
            out.append(c)
    elif iob1 != _IOB_IN:
        c = m.last_of.get(open_label) if open_label else None
        if c is not None:
            out.append(c)
    if m.unit_none is not None and typ0 == 0 and iob0 == _IOB_BEGIN:
        out.append(m.unit_none)
    return sorted(out)


def _set_annotations(doc: Doc, ents: list[tuple[int, int, int]]) -> None:
    """``BiluoPushDown.set_annotations``: the entities set (each with its first token's preset
    knowledge-base id), the other tokens left as they were, then every token still unannotated O."""
    kb = doc.to_array(ENT_KB_ID) if ents else None
    spans = [Span(doc, s, e, label=label, kb_id=int(kb[s])) for s, e, label in ents] if kb is not None else []
    doc.set_ents(spans, default="unmodified")
    values = doc.to_array([ENT_IOB, ENT_TYPE])
    missing = values[:, 0] == 0
    if missing.any():
        values[missing, 0] = _IOB_OUT
        doc.from_array([ENT_IOB, ENT_TYPE], values)  # type: ignore[arg-type]  # uint64 values: spaCy's Ints2d
