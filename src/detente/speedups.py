"""Faster equivalents of two components of spaCy's English pipelines, with the same output.

- ``attribute_ruler``: spaCy's runs a Matcher of every pattern (179 in the small model) over every
  token. Most patterns are one token with equality tests on TAG and LOWER; ``IndexedMatch`` finds
  those by dictionary look-up and leaves only the others to a Matcher, returning the matches in
  the order spaCy sorts them (so later rules still win); ``DirectSetter`` applies them to the
  tokens without a Span per match.
- ``lemmatizer`` (rule mode): spaCy's calls a Python method per token; ``CachedLemmatizer`` reads
  the (form, part of speech, features) of a Doc as arrays and asks the lemmatizer once per new
  triple (spaCy's own cache key), writing the lemmas back in one call.

``speed_up(nlp)`` installs both where the pipeline has them (``load_nlp`` calls it).
"""
from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_INDEXED = {"TAG", "LOWER"}  # one-token patterns testing only these are looked up


class IndexedMatch:
    """``AttributeRuler.match`` by dictionary look-up for one-token TAG/LOWER patterns."""

    def __init__(self, ruler: Any):
        strings = ruler.vocab.strings
        self.by_key: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (tag, lower), 0 = any
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id, entry in enumerate(ruler.patterns):  # rule i is matched under the key str(i)
            key = strings.add(str(attr_id))
            others = []
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and set(pattern[0]) <= _INDEXED and all(
                        isinstance(v, str) for v in pattern[0].values()):
                    cond = pattern[0]
                    index = (strings.add(cond["TAG"]) if "TAG" in cond else 0,
                             strings.add(cond["LOWER"]) if "LOWER" in cond else 0)
                    self.by_key.setdefault(index, []).append((attr_id, key))
                else:
                    others.append(pattern)
            if others:
                self.rest.add(str(attr_id), others)
        self.strings = strings

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.strings
        matches = [(int(strings[m_id]), m_id, s, e)
                   for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)]
        by_key = self.by_key
        if by_key:
            rows = doc.to_array([TAG, LOWER]).tolist()
            for i, (tag, lower) in enumerate(rows):
                for key in ((tag, 0), (tag, lower), (0, lower)):
                    hits = by_key.get(key)
                    if hits:
                        matches.extend((attr_id, m_id, i, i + 1) for attr_id, m_id in hits)
        matches = sorted(set(matches))
        return matches


class DirectSetter:
    """``AttributeRuler.set_annotations`` without building a Span per match."""

    def __init__(self, ruler: Any):
        self.attrs, self.indices = ruler.attrs, ruler.indices

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            if not -(end - start) <= index < end - start:
                raise ValueError(f"attribute_ruler: index {index} outside a match of {end - start} tokens")
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])


class CachedLemmatizer:
    """Calls the rule lemmatizer once per new (form, part of speech, features) triple."""

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}  # spaCy's key: form, part of speech, features

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lem = self.lemmatizer
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = values[:, 3].copy()
        strings = doc.vocab.strings
        cache = self.cache
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not lem.overwrite:
                continue
            value = cache.get((orth, pos, morph))
            if value is None:
                if len(cache) >= 500_000:
                    cache.clear()
                value = cache[(orth, pos, morph)] = strings.add(lem.lemmatize(doc[i])[0])
            out[i] = value
        doc.from_array([LEMMA], out.reshape(-1, 1))  # type: ignore[arg-type]  # uint64 hashes, spaCy's Ints2d
        return doc


@Language.factory("detente_cached_lemmatizer_v1")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Wraps the pipeline's (disabled) ``lemmatizer``."""
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> None:
    """Install the faster equivalents in a loaded pipeline."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))  # spaCy types pipes as Callable[[Doc], Doc]
        ruler.match = IndexedMatch(ruler)  # type: ignore[method-assign]  # replacing the methods is the point
        ruler.set_annotations = DirectSetter(ruler)  # type: ignore[method-assign]
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe("detente_cached_lemmatizer_v1", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")  # kept loaded: the cached one asks it
