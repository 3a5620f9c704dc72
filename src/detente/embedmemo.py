"""The token embeddings of spaCy's tok2vec layers, remembered per distinct feature row (same output).

A spaCy ``Tok2Vec`` model is ``chain(embed, encode)``. Its ``embed`` (``spacy.MultiHashEmbed``:
``extract_features >> list2ragged >> with_array(hash embeddings) >> with_array(maxout >> layernorm
>> dropout) >> ragged2list``) gives each token a vector that depends only on that token's row of
feature values (NORM, PREFIX, SUFFIX, SHAPE and, in the small English model's shared tok2vec, SPACY
and IS_SPACE): no neighbour is looked at before ``encode``. News repeats its words (about one row in
eight of a sample's tokens is new), so at inference ``EmbedMemo`` computes a row's vector once, with
the embed's own layers, and copies it for every later token with that row. The vector is computed by
the same layers on the same inputs, one row at a time in each output element's arithmetic (the hash
embeddings' sums, the maxout's dot products and the layer norm's moments are per row), so the
vectors are the same bit for bit (``tests/test_embedmemo.py`` compares them with the embed's own on
texts of several batches; the parse and entities of the Guardian sample are unchanged).

``memo_embeddings(nlp)`` installs it in the ``tok2vec`` component and in the NER's own tok2vec
(``load_nlp`` calls it). A training call (``is_train``) goes through the embed itself and empties
the memory, since the weights may then change.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np
from spacy.language import Language
from thinc.api import Model

_EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")
MEMO_ROWS = 60_000  # distinct feature rows remembered per embedding before the memory is emptied


def _is_multi_hash_embed(model: Model) -> bool:
    """Whether ``model`` is spaCy's ``MultiHashEmbed`` without static vectors (its five layers)."""
    layers = getattr(model, "layers", [])
    return (len(layers) == len(_EMBED_LAYERS)
            and all(layer.name.split("(")[0] == name for layer, name in zip(layers, _EMBED_LAYERS))
            and "hashembed" in layers[2].name and layers[3].name.startswith("with_array(maxout")
            and "columns" in layers[0].attrs)


class EmbedMemo:
    """A ``MultiHashEmbed``'s per-token vectors for inference, each distinct feature row computed once."""

    def __init__(self, embed: Model, max_rows: int = MEMO_ROWS):
        self.embed = embed
        self.columns = embed.layers[0].attrs["columns"]
        self.hashed = embed.layers[2]  # with_array(concatenate(hash embeddings)): rows of ids -> rows
        self.mixed = embed.layers[3]  # with_array(maxout >> layernorm >> dropout)
        self.max_rows = max_rows
        self.index: dict[bytes, int] = {}
        self.table: np.ndarray | None = None

    def clear(self) -> None:
        self.index = {}
        self.table = None

    def features(self, docs: list[Any]) -> list[np.ndarray]:
        """Each Doc's (or Span's) feature rows, as spaCy's ``FeatureExtractor`` reads them."""
        out = []
        for doc in docs:
            if hasattr(doc, "to_array"):
                attrs = doc.to_array(self.columns)
            else:
                attrs = doc.doc.to_array(self.columns)[doc.start:doc.end]
            if attrs.ndim == 1:
                attrs = attrs.reshape((attrs.shape[0], 1))
            out.append(np.ascontiguousarray(attrs, dtype="uint64"))
        return out

    def __call__(self, docs: list[Any]) -> list[np.ndarray]:
        feats = self.features(docs)
        lengths = [len(f) for f in feats]
        rows = np.concatenate(feats) if feats else np.zeros((0, len(self.columns)), dtype="uint64")
        if not len(rows):
            width = self.embed.get_dim("nO") if self.embed.has_dim("nO") else 0
            return [np.zeros((n, width), dtype="float32") for n in lengths]
        keys = rows.view(f"V{rows.shape[1] * 8}").ravel().tolist()  # one bytes object a row
        if len(self.index) + len(keys) > self.max_rows:
            self.clear()
        index = self.index
        found = [index.get(k, -1) for k in keys]
        new: dict[bytes, int] = {}
        for i, at in enumerate(found):
            if at < 0 and keys[i] not in new:
                new[keys[i]] = i
        if new:
            first = list(new.values())
            vectors = self.mixed.predict(self.hashed.predict(rows[first]))
            vectors = np.asarray(vectors, dtype="float32")
            base = 0 if self.table is None else len(self.table)
            self.table = vectors if self.table is None else np.concatenate([self.table, vectors])
            for j, key in enumerate(new):
                index[key] = base + j
            found = [index[k] if at < 0 else at for k, at in zip(keys, found)]
        assert self.table is not None
        out = self.table[np.asarray(found, dtype=np.intp)]
        return np.split(out, np.cumsum(lengths)[:-1]) if len(lengths) > 1 else [out]


def _memo_model(embed: Model, memo: EmbedMemo | None = None) -> Model:
    memo = memo if memo is not None else EmbedMemo(embed)

    def forward(model: Model, docs: Any, is_train: bool) -> tuple[Any, Callable]:
        if is_train:  # training: the embed itself (and its gradients); the weights may change
            memo.clear()
            return embed(docs, is_train)
        return memo(docs), lambda d_vectors: []

    dims: dict[str, int | None] = {"nO": embed.get_dim("nO")} if embed.has_dim("nO") else {}
    model: Model = Model("embed_memo", forward, layers=[embed], dims=dims)
    return model


def _install(chain_model: Model) -> bool:
    """Put an ``EmbedMemo`` in the place of ``chain_model``'s first layer when it is a ``MultiHashEmbed``."""
    layers = getattr(chain_model, "layers", [])
    if not layers or not _is_multi_hash_embed(layers[0]):
        return False
    layers[0] = _memo_model(layers[0])
    return True


def memo_embeddings(nlp: Language) -> list[str]:
    """Install ``EmbedMemo`` in the shared ``tok2vec`` and in the NER's own tok2vec, where they are
    spaCy's ``Tok2Vec`` shape; returns the components changed."""
    done = []
    pipes = cast(Any, nlp)  # spaCy types pipes as Callable[[Doc], Doc]; these have a ``model``
    if "tok2vec" in nlp.pipe_names and _install(pipes.get_pipe("tok2vec").model):
        done.append("tok2vec")
    if "ner" in nlp.pipe_names:
        model = pipes.get_pipe("ner").model
        tok2vec = model.get_ref("tok2vec") if model.has_ref("tok2vec") else None
        inner = tok2vec.layers[0] if tok2vec is not None and tok2vec.layers else None
        if inner is not None and _install(inner):
            done.append("ner")
    return done
