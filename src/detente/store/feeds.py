"""Feed items in the store: what ``detente watch`` has seen, so a restart misses and repeats nothing.

An item (by its feed guid, else its link) is *done* once its page is stored (or was stored
already), or once it failed ``max_attempts`` polls in a row; until then every poll tries it again.

- ``done_keys(store, keys)`` — the keys among these that are done.
- ``record_items(store, results, max_attempts)`` — record what one poll made of its items.
- ``uncoded_feed_articles(store)`` — ids of stored feed articles not coded yet.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .db import Store


@dataclass(frozen=True)
class ItemResult:
    key: str
    feed: str
    url: str
    article_id: str | None  # stored (or already stored) as this article
    reason: str | None = None  # why it failed


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def done_keys(store: Store, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    rows = store.con.execute(
        "SELECT item_key FROM feed_items WHERE item_key IN (SELECT unnest(?::VARCHAR[])) "
        "AND status IN ('stored', 'given_up')", [sorted(set(keys))]).fetchall()
    return {r[0] for r in rows}


def record_items(store: Store, results: Sequence[ItemResult], max_attempts: int) -> None:
    """Upsert the items of one poll in one transaction."""
    if not results:
        return
    now = _now()
    with store.transaction() as con:
        before = {key: (attempts, first) for key, attempts, first in con.execute(
            "SELECT item_key, attempts, first_seen FROM feed_items WHERE item_key IN (SELECT unnest(?::VARCHAR[]))",
            [[r.key for r in results]]).fetchall()}
        rows = []
        for r in {r.key: r for r in results}.values():
            attempts, first = before.get(r.key, (0, now))
            attempts = int(attempts or 0) + 1
            status = "stored" if r.article_id else ("given_up" if attempts >= max_attempts else "failed")
            rows.append([r.key, r.feed, r.url, r.article_id, status, r.reason, attempts, first or now, now])
        con.execute("DELETE FROM feed_items WHERE item_key IN (SELECT unnest(?::VARCHAR[]))", [[r[0] for r in rows]])
        con.executemany("INSERT INTO feed_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def uncoded_feed_articles(store: Store) -> list[str]:
    rows = store.con.execute(
        "SELECT a.id FROM articles a WHERE a.coded_at IS NULL AND a.id IN "
        "(SELECT article_id FROM feed_items WHERE article_id IS NOT NULL) ORDER BY a.seq").fetchall()
    return [r[0] for r in rows]
