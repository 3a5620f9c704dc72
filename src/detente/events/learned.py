"""The learned coder's models: linear classifiers over parse features, shipped in the package.

One file (``data/models/coder.npz``) holds four models sharing one feature vocabulary:
``type`` (a candidate token -> "none" or a CAMEO code), ``event`` (a token a rule fired on ->
"event" or "none"), ``modality`` (asserted, negated, hypothetical) and ``time`` (current, background). They are trained by ``python -m training.train``
(outside the package) and loaded once per process; inference is a sparse dot product in NumPy.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Protocol, cast

import numpy as np
from spacy.tokens import Span, Token

from ..errors import DataFileError
from .features import dense_features, sentence_vector, token_features

NONE = "none"
MODEL_FILE = "data/models/coder.npz"
MODELS = ("type", "event", "modality", "time", "root")
PRUNE = 5e-3  # features whose weights all stay below this are dropped from the shipped file


class LinearClassifier(Protocol):
    """What a trained scikit-learn linear classifier offers (SGDClassifier, LogisticRegression)."""

    coef_: np.ndarray
    intercept_: np.ndarray
    classes_: np.ndarray


class HiddenLayerClassifier(Protocol):
    """What a trained scikit-learn one-hidden-layer perceptron offers (MLPClassifier, ReLU, softmax)."""

    coefs_: list[np.ndarray]
    intercepts_: list[np.ndarray]
    classes_: np.ndarray


class Prediction:
    """A model's answer for one token: the labels' probabilities (normalised, and each one-vs-rest
    classifier's own); dictionaries are built only when asked for."""

    __slots__ = ("classes", "p", "raw_p")

    def __init__(self, classes: tuple[str, ...], p: np.ndarray, raw_p: np.ndarray):
        self.classes, self.p, self.raw_p = classes, p, raw_p

    @property
    def label(self) -> str:
        return self.classes[int(self.p.argmax())]

    @property
    def prob(self) -> float:
        return float(self.p.max())

    @property
    def probs(self) -> dict[str, float]:
        return {c: float(v) for c, v in zip(self.classes, self.p)}

    @property
    def raw(self) -> dict[str, float]:
        return {c: float(v) for c, v in zip(self.classes, self.raw_p)}

    def prob_of(self, label: str, raw: bool = False) -> float:
        if label not in self.classes:
            return 0.0
        return float((self.raw_p if raw else self.p)[self.classes.index(label)])

    def best_other(self, label: str) -> tuple[str, float] | None:
        """The most probable label other than ``label``."""
        order = np.argsort(-self.p)
        for i in order[:2]:
            if self.classes[i] != label:
                return self.classes[i], float(self.p[i])
        return None


@dataclass(frozen=True)
class _Linear:
    """A linear model over the sparse features (one-vs-rest sigmoids), or with ``head`` a
    one-hidden-layer perceptron: ``weights`` and ``bias`` then give its hidden units (ReLU) and
    ``head`` the output layer (softmax over the classes)."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (n_features, n_classes or 1, or n_hidden), float32 in memory (float16 in the file)
    bias: np.ndarray
    dense: np.ndarray | None = None  # (n_dense, n_classes or 1), float32, standardisation folded in
    head: tuple[np.ndarray, np.ndarray] | None = None  # (n_hidden, n_classes) weights and (n_classes,) bias

    def activate(self, sums: np.ndarray) -> np.ndarray:
        """The model's first layer from its summed rows plus bias: sigmoids, or the hidden units."""
        return np.maximum(sums, 0) if self.head is not None else _sigmoid(sums)

    def _softmax(self, hidden: np.ndarray) -> np.ndarray:
        w, b = self.head  # type: ignore[misc]
        # products summed over the hidden units, one unit after another, rather than ``hidden @ w``:
        # a matrix product takes another BLAS kernel for one row than for several, and rounds
        # differently, so a token alone and within its sentence would not get the same answer
        logits = (hidden.astype(np.float64)[..., :, None] * w).sum(axis=-2) + b
        e = np.exp(logits - logits.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def predict(self, idx: list[int], dense: np.ndarray | None = None, raw: np.ndarray | None = None) -> Prediction:
        """The answer for a token's feature indices; ``raw``: this model's sigmoids, already
        computed with the others' (``_Fused``)."""
        if raw is None:
            # rows gathered with take() from float32: several times faster than fancy-indexing float16
            # (but take() copies a whole strided view first: a view of ``_Fused`` columns is indexed)
            w, rows = self.weights, np.asarray(idx, dtype=np.intp)
            scores = (w.take(rows, axis=0) if w.flags.c_contiguous else w[rows]).sum(axis=0) + self.bias
            if self.dense is not None and dense is not None:
                scores = scores + dense @ self.dense
            raw = self.activate(scores)
        if self.head is not None:
            p = self._softmax(raw)
            return Prediction(self.classes, p, p)
        if len(self.classes) == 2 and raw.shape[0] == 1:
            p1 = float(raw[0])
            p = np.array([1.0 - p1, p1])
            return Prediction(self.classes, p, p)
        total = raw.sum()
        p = raw / total if total > 0 else np.full_like(raw, 1.0 / len(raw))
        return Prediction(self.classes, p, raw)


    def predict_rows(self, raw: np.ndarray) -> PredictionRows:
        """``predict`` of several tokens from their sigmoids (one row each, ``_Fused.many_sigmoids``):
        the same operations row by row (tests check the answers are the same bit for bit)."""
        if self.head is not None:
            p = self._softmax(raw)
            return PredictionRows(self.classes, p, p)
        if len(self.classes) == 2 and raw.shape[1] == 1:
            p1 = raw[:, 0].astype(np.float64)  # float(raw[0]) of each row
            p = np.empty((raw.shape[0], 2))
            p[:, 0], p[:, 1] = 1.0 - p1, p1
            return PredictionRows(self.classes, p, p)
        total = raw.sum(axis=1)
        p = raw / total[:, None]
        flat = ~(total > 0)
        if flat.any():
            p[flat] = np.full_like(raw[0], 1.0 / raw.shape[1])
        return PredictionRows(self.classes, p, raw)


class PredictionRows:
    """Several tokens' ``Prediction``s (``_Linear.predict_rows``), each made when asked for."""

    __slots__ = ("classes", "p", "raw")

    def __init__(self, classes: tuple[str, ...], p: np.ndarray, raw: np.ndarray):
        self.classes, self.p, self.raw = classes, p, raw

    def __len__(self) -> int:
        return len(self.p)

    def __getitem__(self, k: int) -> Prediction:
        return Prediction(self.classes, self.p[k], self.raw[k])

    def __iter__(self) -> Iterator[Prediction]:
        return (self[k] for k in range(len(self.p)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


class _Fused:
    """The models' sparse weights side by side in one matrix (each ``_Linear`` keeps a view of its
    columns): a token's rows are gathered and summed once, and the sigmoids computed once, for
    every model, instead of once per model. The same sums, column by column and in the same row
    order, and the same element-wise sigmoid: the same answers (tests check it). A perceptron's
    columns are its hidden units, which take a ReLU instead of the sigmoid."""

    def __init__(self, models: dict[str, _Linear]):
        self.names = tuple(models)
        self.weights = _side_by_side([m.weights for m in models.values()])
        self.bias = np.concatenate([m.bias for m in models.values()]).astype(np.float32)
        ends = np.cumsum([m.weights.shape[1] for m in models.values()])
        self.columns = {name: slice(int(end) - models[name].weights.shape[1], int(end))
                        for name, end in zip(self.names, ends)}
        self.hidden = [self.columns[name] for name in self.names if models[name].head is not None]

    def _activate(self, sums: np.ndarray) -> np.ndarray:
        out = _sigmoid(sums)
        for cols in self.hidden:  # (the sigmoid of these columns is thrown away: a few dozen numbers)
            out[..., cols] = np.maximum(sums[..., cols], 0)
        return out

    def sigmoids(self, idx: list[int]) -> np.ndarray:
        return self._activate(self.weights.take(np.asarray(idx, dtype=np.intp), axis=0).sum(axis=0) + self.bias)

    def many_sigmoids(self, idx_lists: Sequence[list[int]]) -> np.ndarray:
        """``sigmoids`` of several tokens, one row each: every token's rows gathered and summed
        alone, in its order (the same sums), then the bias and the element-wise sigmoid applied to
        all the rows at once instead of once per token (tests check the rows are the same)."""
        w, add = self.weights, np.add.reduce  # (what ``ndarray.sum`` calls, without its Python wrapper)
        sums = np.empty((len(idx_lists), w.shape[1]), dtype=np.float32)
        for row, idx in zip(sums, idx_lists):
            add(w.take(np.asarray(idx, dtype=np.intp), axis=0), axis=0, out=row)
        return self._activate(sums + self.bias)


def _side_by_side(blocks: list[np.ndarray]) -> np.ndarray:
    """The blocks as one matrix: the matrix they are consecutive column views of (``read_model``
    fills one), else a new one."""
    base = blocks[0].base
    if isinstance(base, np.ndarray) and base.ndim == 2 and base.dtype == blocks[0].dtype:
        start = 0
        for block in blocks:
            offset = block.ctypes.data - base.ctypes.data
            if block.base is not base or block.strides != base.strides or offset != start * base.itemsize:
                break
            start += block.shape[1]
        else:
            if start == base.shape[1]:
                return base
    return np.concatenate(blocks, axis=1)


def _fuse(models: dict[str, _Linear]) -> tuple[dict[str, _Linear], _Fused | None]:
    """The models with their weights as views of one ``_Fused`` matrix (no second copy in memory);
    no fusion when a model has dense weights or the models' shapes differ."""
    if not models or any(m.dense is not None for m in models.values()) or \
            len({m.weights.shape[0] for m in models.values()}) != 1 or \
            any(m.bias.shape != (m.weights.shape[1],) for m in models.values()):
        return models, None
    fused = _Fused(models)
    views = {name: dataclasses.replace(m, weights=fused.weights[:, fused.columns[name]])
             for name, m in models.items()}
    return views, fused


class LearnedModel:
    """The three models and their vocabulary; ``predict`` works on one token of a parse."""

    def __init__(self, vocab: dict[str, int], models: dict[str, _Linear], folding: dict[str, str],
                 meta: dict, trigger_lemmas: frozenset[str] | None = None):
        self.vocab = vocab
        self.models, self._fused = _fuse(models)
        self.folding = folding
        self.meta = meta
        # lemmas seen as the trigger of an annotated event; a token with another lemma on which no
        # rule was tried is not worth asking about (None: ask about every candidate)
        self.trigger_lemmas = trigger_lemmas
        self.dense_dim = int(meta.get("dense_dim", 0))  # width of the dense features (0: none)

    def indices(self, tok: Token, sent: Span, rules: Sequence[str] = (),
                sent_feats: Sequence[str] | None = None) -> list[int]:
        """The token's known features (``rules``: what the lexicon said of it)."""
        # one dictionary look-up per feature; the same indices inserted in the same order, so the
        # same set and the same order of rows summed
        return list({i for i in map(self.vocab.get, token_features(tok, sent, rules, sent_feats)) if i is not None})

    def indices_of(self, own: Sequence[str], shared: Sequence[int], rules: Sequence[str] = ()) -> list[int]:
        """``indices`` from the token's ``own_features``, its sentence's known feature indices
        (``known(sentence_features(sent))``, looked up once per sentence) and its rule features:
        the same indices inserted in the same order into the same set, so the same list."""
        get = self.vocab.get
        found = {i for i in map(get, own) if i is not None}
        found.update(shared)
        if rules:
            found.update([i for i in map(get, rules) if i is not None])
        return list(found)

    def known(self, feats: Sequence[str]) -> list[int]:
        """The indices of the known features among ``feats``, in order."""
        get = self.vocab.get
        return [i for i in map(get, feats) if i is not None]

    def dense(self, tok: Token, sent_vec: np.ndarray | None) -> np.ndarray | None:
        """The token's dense features (``features.dense_features``), when the model uses them and
        the Doc has its contextual vectors of the right width."""
        if not self.dense_dim or sent_vec is None:
            return None
        vec = dense_features(tok, sent_vec)
        return vec if vec is not None and vec.shape[0] == self.dense_dim else None

    def run(self, name: str, idx: list[int], dense: np.ndarray | None = None,
            sigmoids: np.ndarray | None = None) -> Prediction | None:
        """One model's answer for a token's features; None when the file has no such model.
        ``sigmoids``: ``self.sigmoids(idx, dense)``, computed once for all the models."""
        model = self.models.get(name)
        if model is None:
            return None
        if sigmoids is not None and self._fused is not None:
            return model.predict(idx, dense, sigmoids[self._fused.columns[name]])
        return model.predict(idx, dense)

    def sigmoids(self, idx: list[int], dense: np.ndarray | None = None) -> np.ndarray | None:
        """Every model's sigmoids for a token's features in one pass, for ``run``; None when the
        models cannot be run together (dense weights)."""
        if self._fused is None or dense is not None:
            return None
        return self._fused.sigmoids(idx)

    def run_rows(self, name: str, sigmoids: np.ndarray) -> PredictionRows | None:
        """``run`` of several tokens, from ``many_sigmoids``; None when the file has no such model."""
        model = self.models.get(name)
        if model is None or self._fused is None:
            return None
        return model.predict_rows(sigmoids[:, self._fused.columns[name]])

    def many_sigmoids(self, idx_lists: Sequence[list[int]]) -> np.ndarray | None:
        """``sigmoids`` of several tokens (no dense features), one row each, for ``run``; None when
        the models cannot be run together."""
        if self._fused is None:
            return None
        return self._fused.many_sigmoids(idx_lists)

    def predict(self, tok: Token, sent: Span, rules: Sequence[str] = (),
                sent_feats: Sequence[str] | None = None) -> dict[str, Prediction]:
        """Every model's answer for one token."""
        idx = self.indices(tok, sent, rules, sent_feats)
        dense = self.dense(tok, sentence_vector(sent))
        return {name: model.predict(idx, dense) for name, model in self.models.items()}


def export_model(path: Path, vocab: dict[str, int], classifiers: dict[str, LinearClassifier | HiddenLayerClassifier],
                 folding: dict[str, str], meta: dict, trigger_lemmas: list[str] | None = None,
                 dense_mean: np.ndarray | None = None, dense_scale: np.ndarray | None = None) -> None:
    """Write trained classifiers in the shipped format, dropping features with no weight.

    With ``dense_mean``/``dense_scale``, each classifier's last ``len(dense_mean)`` weights are those
    of the standardised dense features ``(x - mean) * scale``; the standardisation is folded into
    the stored dense weights and the bias, so that inference multiplies the raw vector. A
    perceptron (``coefs_``) is stored as its hidden layer, sparse like the others' weights, and its
    output layer (``NAME_head``, ``NAME_head_b``); it takes no dense features."""
    n_dense = 0 if dense_mean is None else len(dense_mean)
    n_sparse = len(vocab)
    weights = {name: _first_layer(clf) for name, clf in classifiers.items()}
    if n_dense and any(hasattr(clf, "coefs_") for clf in classifiers.values()):
        raise ValueError("a perceptron takes no dense features")
    keep = np.zeros(n_sparse, dtype=bool)
    for w in weights.values():
        keep |= np.abs(w[:n_sparse]).max(axis=1) >= PRUNE
    names = sorted(vocab, key=vocab.__getitem__)
    kept = [n for n, k in zip(names, keep) if k]
    arrays: dict[str, np.ndarray] = {}
    for name, clf in classifiers.items():
        w = weights[name][:n_sparse][keep]
        if hasattr(clf, "coefs_"):
            mlp = cast(HiddenLayerClassifier, clf)
            bias = np.asarray(mlp.intercepts_[0], dtype=np.float32)
            arrays[f"{name}_head"] = np.asarray(mlp.coefs_[1], dtype=np.float32)
            arrays[f"{name}_head_b"] = np.asarray(mlp.intercepts_[1], dtype=np.float32)
        else:
            bias = np.asarray(clf.intercept_, dtype=np.float32)
        if dense_mean is not None and dense_scale is not None:
            wd = weights[name][n_sparse:n_sparse + n_dense] * dense_scale[:, None]
            bias = bias - dense_mean @ wd
            arrays[f"{name}_dense"] = wd.astype(np.float32)
        rows, cols = np.nonzero(np.abs(w) >= PRUNE)  # stored sparse: most weights are near zero
        arrays[f"{name}_rows"] = rows.astype(np.int32)
        arrays[f"{name}_cols"] = cols.astype(np.int16)
        arrays[f"{name}_vals"] = w[rows, cols].astype(np.float16)
        arrays[f"{name}_shape"] = np.asarray(w.shape, dtype=np.int64)
        arrays[f"{name}_b"] = np.asarray(bias, dtype=np.float32)
        arrays[f"{name}_classes"] = np.asarray([str(c) for c in clf.classes_])
    header = {"features": kept, "folding": folding, "meta": {**meta, "dense_dim": n_dense},
              "trigger_lemmas": trigger_lemmas}
    arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        np.savez_compressed(fh, allow_pickle=True, **arrays)  # numpy's default, spelt out for mypy


def _first_layer(clf: LinearClassifier | HiddenLayerClassifier) -> np.ndarray:
    """The (n_features, columns) weights of a classifier's first layer."""
    if hasattr(clf, "coefs_"):
        return np.asarray(cast(HiddenLayerClassifier, clf).coefs_[0], dtype=np.float32)
    return np.asarray(clf.coef_, dtype=np.float32).T


def read_model(path: Path | Traversable | None = None, names: Sequence[str] = MODELS,
               label: str = MODEL_FILE) -> LearnedModel:
    """Load the shipped (or a given) model file, checking its shape; ``names``: the models it may
    hold (its first is required), ``label``: the file's name in errors."""
    source = path if path is not None else importlib_resources.files("detente").joinpath(MODEL_FILE)
    try:
        with source.open("rb") as fh:
            data = dict(np.load(fh, allow_pickle=False))
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(label, f"cannot load the learned coder: {exc}") from exc
    header = json.loads(data["header"].tobytes().decode("utf-8"))
    vocab = {f: i for i, f in enumerate(header["features"])}
    models = {}
    wanted = list(names)
    names = [name for name in wanted if f"{name}_shape" in data or name == wanted[0]]  # older files lack some
    shapes = {name: tuple(int(n) for n in data[f"{name}_shape"]) for name in names}
    for name, shape in shapes.items():
        if len(shape) != 2 or shape[0] != len(vocab):
            raise DataFileError(label, f"{name}: {shape[0] if shape else 0} weight rows for {len(vocab)} features")
    # one matrix for every model's weights, each model a view of its columns (``_Fused``)
    block = np.zeros((len(vocab), sum(shape[1] for shape in shapes.values())), dtype=np.float32)
    start = 0
    for name in names:
        w = block[:, start:start + shapes[name][1]]
        start += shapes[name][1]
        w[data[f"{name}_rows"], data[f"{name}_cols"]] = data[f"{name}_vals"]
        dense = data.get(f"{name}_dense")
        if dense is not None and dense.shape[0] != int(header["meta"].get("dense_dim", 0)):
            raise DataFileError(label, f"{name}: {dense.shape[0]} dense weight rows, header says "
                                            f"{header['meta'].get('dense_dim')}")
        head = None
        if f"{name}_head" in data:
            head = (data[f"{name}_head"].astype(np.float64), data[f"{name}_head_b"].astype(np.float64))
            if head[0].shape != (shapes[name][1], len(data[f"{name}_classes"])) or dense is not None:
                raise DataFileError(label, f"{name}: an output layer of shape {head[0].shape} for "
                                           f"{shapes[name][1]} hidden units")
        models[name] = _Linear(tuple(str(c) for c in data[f"{name}_classes"]), w, data[f"{name}_b"], dense, head)
    lemmas = header.get("trigger_lemmas")
    return LearnedModel(vocab, models, header["folding"], header["meta"],
                        frozenset(lemmas) if lemmas is not None else None)


@lru_cache(maxsize=1)
def load_model() -> LearnedModel:
    """The packaged model, loaded once per process."""
    return read_model()
