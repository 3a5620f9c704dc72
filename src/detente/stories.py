"""Syndicated copies and near-duplicates: one story id per article, found at ingest.

Public API: ``group_stories(articles, index, settings) -> list[StoryAssignment]``.

Each article's cleaned body is cut into word shingles (``story_shingle_words`` words, lower-cased)
and summarised by a MinHash signature (``datasketch``, ``story_num_perm`` permutations). The
signature is split into LSH bands (their number and width chosen by datasketch for
``story_threshold``); two articles sharing a band are candidates, and a candidate whose estimated
Jaccard similarity reaches the threshold is a copy. An article joins the story of its most similar
earlier copy; an article with none starts a story whose id is its own id. So a wire story and its
syndicated copies (another headline, another publisher, a sentence added or cut) form one story,
and an article's story never changes once assigned.

``index`` looks band keys up among the articles stored before (the store implements it; see
``detente.store.stories``); articles of the same batch are looked up among themselves.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from .model import Article
from .settings import Settings

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class StoryAssignment:
    """The story of one article: its own id when it starts the story, else the story it copies."""

    article_id: str
    story_id: str
    similarity: float | None  # estimated Jaccard similarity to the copy it joined (None: first of its story)
    signature: bytes  # the MinHash signature (uint32 values), kept to compare later articles with
    band_keys: tuple[int, ...]


class StoryIndex(Protocol):
    def lookup(self, band_keys: Sequence[int]) -> list[tuple[str, str, bytes]]:
        """(article id, story id, signature) of stored articles sharing any of these band keys."""


def group_stories(articles: Iterable[Article], index: StoryIndex | None, settings: Settings) -> list[StoryAssignment]:
    """The story of each article, in order; earlier articles of the batch count as stored."""
    bands: dict[int, list[StoryAssignment]] = {}
    out: list[StoryAssignment] = []
    for article in articles:
        signature = minhash_signature(article.text, settings)
        keys = band_keys(signature, settings)
        candidates = {aid: (story, sig) for aid, story, sig in (index.lookup(keys) if index and keys else [])}
        for key in keys:
            for earlier in bands.get(key, ()):
                candidates[earlier.article_id] = (earlier.story_id, earlier.signature)
        story, similarity = _best_copy(signature, candidates, settings.story_threshold)
        assignment = StoryAssignment(article.id, story or article.id, similarity, signature.tobytes(), keys)
        for key in keys:
            bands.setdefault(key, []).append(assignment)
        out.append(assignment)
    return out


def minhash_signature(text: str, settings: Settings) -> np.ndarray:
    """The MinHash signature (uint32 values) of the text's word shingles; empty for a text without words."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    k = settings.story_shingle_words
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}
    sketch = MinHash(num_perm=settings.story_num_perm, seed=1)
    sketch.update_batch(s.encode("utf-8") for s in sorted(shingles))
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


def band_keys(signature: np.ndarray, settings: Settings) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band (band number and the band's values hashed together)."""
    if not len(signature):
        return ()
    bands, rows = lsh_params(settings.story_threshold, settings.story_num_perm)
    keys = []
    for b in range(bands):
        chunk = signature[b * rows:(b + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"detente-band%03d" % b).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH picks for this threshold (equal error weights)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def similarity(a: bytes | np.ndarray, b: bytes | np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal values)."""
    x = np.frombuffer(a, dtype=np.uint32) if isinstance(a, bytes) else a
    y = np.frombuffer(b, dtype=np.uint32) if isinstance(b, bytes) else b
    if not len(x) or len(x) != len(y):
        return 0.0
    return float(np.mean(x == y))


def _best_copy(signature: np.ndarray, candidates: dict[str, tuple[str, bytes]],
               threshold: float) -> tuple[str | None, float | None]:
    best: tuple[float, str] | None = None
    for article_id in sorted(candidates):
        story, other = candidates[article_id]
        score = similarity(signature, other)
        if score >= threshold and (best is None or score > best[0]):
            best = (score, story)
    return (best[1], round(best[0], 4)) if best else (None, None)
