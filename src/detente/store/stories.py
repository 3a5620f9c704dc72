"""Stories in the store: which articles are copies of one another (see ``detente.stories``).

- ``StoreStoryIndex(store)`` — the LSH band index of the stored articles, for ``group_stories``.
- ``save_stories(store, assignments)`` — record each article's story, signature and band keys.
- ``story_map(store, article_ids)`` — article id -> story id (an article without one is its own story).
- ``articles_without_story(store)`` — stored articles not grouped yet (stored before stories existed).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article
from ..stories import StoryAssignment

if TYPE_CHECKING:
    from .db import Store


class StoreStoryIndex:
    """Band-key look-ups over the ``story_bands`` table (joins the caller's transaction)."""

    def __init__(self, store: Store):
        self._store = store

    def lookup(self, band_keys: Sequence[int]) -> list[tuple[str, str, bytes]]:
        rows = self._store.con.execute(
            "SELECT s.article_id, s.story_id, s.signature FROM article_stories s WHERE s.article_id IN ("
            "SELECT article_id FROM story_bands WHERE band_key IN (SELECT unnest(?::BIGINT[])))"
            " AND s.signature IS NOT NULL ORDER BY s.article_id", [list(band_keys)]).fetchall()
        return [(a, s, bytes(sig)) for a, s, sig in rows]


def save_stories(store: Store, assignments: Sequence[StoryAssignment]) -> None:
    """Store the assignments (articles already grouped keep their story)."""
    if not assignments:
        return
    with store.transaction() as con:
        ids = [a.article_id for a in assignments]
        known = {r[0] for r in con.execute(
            "SELECT article_id FROM article_stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()}
        new = list({a.article_id: a for a in reversed(assignments) if a.article_id not in known}.values())[::-1]
        if not new:
            return
        con.executemany("INSERT INTO article_stories VALUES (?, ?, ?, ?)",
                        [[a.article_id, a.story_id, a.similarity, a.signature] for a in new])
        keys = [(k, a.article_id) for a in new for k in a.band_keys]
        if keys:
            con.execute("INSERT INTO story_bands SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])",
                        [[k for k, _ in keys], [i for _, i in keys]])


def story_map(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Story id of each of these articles that has one."""
    if not article_ids:
        return {}
    rows = store.con.execute(
        "SELECT article_id, story_id FROM article_stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(set(article_ids))]).fetchall()
    return dict(rows)


def articles_without_story(store: Store, limit: int = 1000) -> list[Article]:
    """Stored articles that have no story yet, oldest first (at most ``limit``)."""
    ids = [r[0] for r in store.con.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_stories) ORDER BY seq LIMIT ?",
        [int(limit)]).fetchall()]
    return store.get_articles(ids) if ids else []
