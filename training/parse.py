"""Parse corpus sentences once with detente's own spaCy pipeline (the gazetteer ahead of the NER),
so that training sees exactly the parses the coder sees; parses are cached in training/.cache,
with each Doc's contextual token vectors (``doc.tensor``, which a DocBin does not keep)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from detente.events.lexicon import Lexicon
from detente.nlp import load_nlp
from detente.resources import load_resources
from detente.settings import Settings

from .corpus import Sentence

CACHE = Path(__file__).resolve().parent / ".cache"


@lru_cache(maxsize=1)
def nlp() -> Language:
    return load_nlp(load_resources(Settings(coder="rules")))


def lexicon() -> Lexicon:
    return load_resources(Settings(coder="rules")).lexicon


def parsed(sents: list[Sentence]) -> Iterator[tuple[Sentence, Doc]]:
    """(sentence, Doc) pairs, parsing only what the cache lacks (one cache file per writer's
    sentences); every Doc has its tensor."""
    groups: dict[str, list[Sentence]] = {}
    for s in sents:
        groups.setdefault(s.writer, []).append(s)
    docs = {}
    for group in groups.values():
        for s, doc in zip(group, _parse_group(group)):
            docs[id(s)] = doc
    for s in sents:
        yield s, docs[id(s)]


def _parse_group(sents: list[Sentence]) -> list[Doc]:
    pipe = nlp()
    key = hashlib.sha1("\n".join(s.text for s in sents).encode("utf-8")).hexdigest()[:16]
    path = CACHE / f"{key}.spacy"
    tensors = CACHE / f"{key}.tensor.npy"
    if path.exists() and tensors.exists():
        docs = list(DocBin().from_disk(path).get_docs(pipe.vocab))
        flat = np.load(tensors)
        pos = 0
        for doc in docs:
            doc.tensor = flat[pos:pos + len(doc)]
            pos += len(doc)
        return docs
    docs = list(pipe.pipe((s.text for s in sents), batch_size=64))
    save(sents, docs)
    return docs


def save(sents: list[Sentence], docs: list[Doc]) -> None:
    """Cache the parses of one group of sentences."""
    key = hashlib.sha1("\n".join(s.text for s in sents).encode("utf-8")).hexdigest()[:16]
    CACHE.mkdir(exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(CACHE / f"{key}.spacy")
    np.save(CACHE / f"{key}.tensor.npy", np.concatenate([d.tensor for d in docs]).astype(np.float32))
