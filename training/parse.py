"""Parse corpus sentences once with detente's own spaCy pipeline (the gazetteer ahead of the NER),
so that training sees exactly the parses the coder sees; parses are cached in training/.cache."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

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
    """(sentence, Doc) pairs, parsing only what the cache lacks."""
    pipe = nlp()
    key = hashlib.sha1("\n".join(s.text for s in sents).encode("utf-8")).hexdigest()[:16]
    path = CACHE / f"{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(pipe.vocab))
    else:
        docs = list(pipe.pipe((s.text for s in sents), batch_size=64))
        CACHE.mkdir(exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    yield from zip(sents, docs)
