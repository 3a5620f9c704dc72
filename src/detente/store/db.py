"""The embedded store: one DuckDB file with articles, runs, rejections, events, mentions, actors.

Every write is one transaction: a process killed at any point leaves only whole transactions
behind, and because articles are stored idempotently (by id or content hash) a rerun stores
the rest exactly once.

    with Store.open("detente.duckdb") as store:
        stored, duplicates, conflicts = store.add_articles(articles, run_id)
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import duckdb

from ..errors import StoreError
from ..model import Article, Rejection, RunSummary, content_hash
from .migrations import MIGRATIONS

if TYPE_CHECKING:
    from ..settings import Settings

_ARTICLE_FIELDS = ("id", "raw_text", "title", "publisher", "author", "published", "url", "language",
                   "content_hash", "body", "sources_cited", "removed", "flags", "origin")
_LIST_FIELDS = ("sources_cited", "removed", "flags")
LOCK_WAIT = 30.0  # seconds a writer waits for a store another process holds for a moment
_SELECT_ARTICLES = f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM articles"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """``con`` without DuckDB's progress bar, which it prints on stdout for a query of over 2 s:
    into the output of a command that writes its JSON, CSV or JSON Lines there."""
    con.execute("SET enable_progress_bar = false")
    return con


class Store:
    """One DuckDB database file. Open it with ``Store.open(path)`` (a context manager)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, pair_cache: Any = None, snapshot: Any = None):
        self._con = con
        self.path = path
        self._depth = 0
        # A reader of snapshots (the web app) passes its ``analyse.pairdata.PairCache`` and the
        # snapshot this connection reads: dyad timelines then answer from the pair's rows in memory.
        self.pair_cache, self.snapshot = pair_cache, snapshot

    # -- lifecycle ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, lock_wait: float = LOCK_WAIT) -> "Store":
        """Open (or create) the database at ``path`` and apply pending migrations. A file another
        process holds (``detente serve`` copying its snapshot, say) is tried again for up to
        ``lock_wait`` seconds before it is an error."""
        path = Path(path)
        deadline = time.monotonic() + lock_wait
        while True:
            try:
                con = quiet(duckdb.connect(str(path)))
                break
            except duckdb.Error as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{path}: cannot open the database: {exc}") from exc
                time.sleep(0.1)
        store = cls(con, path)
        try:
            store.migrate()
        except BaseException:
            con.close()
            raise
        return store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self._con

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction; nested uses join the outer one. DuckDB errors become StoreError."""
        if self._depth:
            self._depth += 1
            try:
                yield self._con
            finally:
                self._depth -= 1
            return
        try:
            self._con.begin()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot begin a transaction: {exc}") from exc
        self._depth = 1
        try:
            yield self._con
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"{self.path}: write failed: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._con.commit()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: commit failed: {exc}") from exc
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        try:
            self._con.rollback()
        except duckdb.Error:
            pass  # the transaction was already aborted by the failing statement

    # -- schema -------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their versions."""
        try:
            self._con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                              "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a usable detente database: {exc}") from exc
        applied = self.schema_version()
        latest = MIGRATIONS[-1].version
        if applied > latest:
            raise StoreError(f"{self.path}: schema version {applied} is newer than this detente "
                             f"understands ({latest}); upgrade detente")
        done = []
        for migration in MIGRATIONS:
            if migration.version <= applied:
                continue
            with self.transaction() as con:
                con.execute(migration.sql)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                            [migration.version, migration.name, _now()])
            done.append(migration.version)
        return done

    def schema_version(self) -> int:
        return int(self._query("SELECT coalesce(max(version), 0) FROM schema_version")[0][0])

    # -- runs and rejections -------------------------------------------------------------
    def start_run(self, command: str, settings: Settings | None) -> str:
        """Record the start of a run; returns its id."""
        run_id = uuid.uuid4().hex
        config = dataclasses.asdict(settings) if settings is not None else {}
        with self.transaction() as con:
            con.execute("INSERT INTO runs (run_id, command, started_at, settings_json) VALUES (?, ?, ?, ?)",
                        [run_id, command, _now(), json.dumps(config, default=str, sort_keys=True)])
        return run_id

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        with self.transaction() as con:
            con.execute(
                "UPDATE runs SET finished_at = ?, read_count = ?, stored_count = ?, duplicate_count = ?, "
                "rejected_count = ?, event_count = ? WHERE run_id = ?",
                [_now(), summary.read, summary.stored, summary.duplicates, summary.rejected,
                 summary.events, run_id])

    def record_run_events(self, run_id: str, article_ids: Sequence[str]) -> tuple[int, int]:
        """Count the events and mentions of a run's articles into its runs row; returns (events, mentions)."""
        row = self._query("SELECT count(DISTINCT event_id), count(*) FROM mentions "
                          "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)])[0]
        events, mentions = int(row[0]), int(row[1])
        with self.transaction() as con:
            con.execute("UPDATE runs SET event_count = ? WHERE run_id = ?", [events, run_id])
        return events, mentions

    def add_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        rows = [[run_id, valid_utf8(r.origin), valid_utf8(r.reason), _now()] for r in rejections]
        if not rows:
            return
        with self.transaction() as con:
            con.executemany("INSERT INTO rejections (run_id, origin, reason, rejected_at) VALUES (?, ?, ?, ?)",
                            rows)

    # -- articles -----------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article], run_id: str | None) -> "Added":
        """Store the articles not stored yet, in one transaction.

        Returns (ids stored now, ids of duplicates, conflicts). A duplicate — same id and same
        content hash, or same content hash as an article already stored or earlier in the batch —
        is reported by the id stored. An article whose id is stored (or earlier in the batch) with
        a different text is not stored: it is a conflict, a Rejection naming both hashes.
        """
        batch = [a if a.content_hash else dataclasses.replace(a, content_hash=content_hash(a.raw_text))
                 for a in articles]
        added = Added([], [], [])
        if not batch:
            return added
        with self.transaction() as con:
            rows = con.execute(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                "OR content_hash IN (SELECT unnest(?::VARCHAR[]))",
                [[a.id for a in batch], [a.content_hash for a in batch]]).fetchall()
            hash_of = {row[0]: row[1] for row in rows}
            by_hash = {row[1]: row[0] for row in rows}
            new: list[Article] = []
            for article in batch:
                known = hash_of.get(article.id)
                if known is not None and known != article.content_hash:
                    added.conflicts.append(Rejection(
                        article.origin or article.id,
                        f"id conflict: id {article.id!r} is stored with another text (content hash {known[:12]}, "
                        f"this text {article.content_hash[:12]}); not stored"))
                elif known is not None:
                    added.duplicates.append(article.id)
                elif article.content_hash in by_hash:
                    added.duplicates.append(by_hash[article.content_hash])
                else:
                    new.append(article)
                    hash_of[article.id] = article.content_hash
                    by_hash[article.content_hash] = article.id
                    added.stored.append(article.id)
            if new:
                self._insert_articles(con, new, run_id)
        return added

    @staticmethod
    def _insert_articles(con: duckdb.DuckDBPyConnection, articles: list[Article], run_id: str | None) -> None:
        """One INSERT for the batch: a column of values per field, zipped back into rows by unnest."""
        start = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0]
        columns: dict[str, tuple[str, list[Any]]] = {}
        for name in _ARTICLE_FIELDS:
            values = [getattr(a, name) for a in articles]
            if name == "origin":  # a file name that is no UTF-8 comes with lone surrogates
                values = [valid_utf8(v) for v in values]
            if name in _LIST_FIELDS:
                columns[name] = ("VARCHAR[][]", [list(v) for v in values])
            else:
                columns[name] = ("DATE[]" if name == "published" else "VARCHAR[]", values)
        columns["run_id"] = ("VARCHAR[]", [run_id] * len(articles))
        columns["ingested_at"] = ("TIMESTAMP[]", [_now()] * len(articles))
        columns["seq"] = ("BIGINT[]", list(range(start + 1, start + 1 + len(articles))))
        select = ", ".join(f"unnest(?::{sql_type}) AS {name}" for name, (sql_type, _) in columns.items())
        con.execute(f"INSERT INTO articles BY NAME SELECT {select}", [values for _, values in columns.values()])

    def get_articles(self, ids: Sequence[str] | None = None, limit: int | None = None,
                     offset: int = 0) -> list[Article]:
        """Stored articles in insertion order (only ``ids`` when given)."""
        return self._select_articles("TRUE", ids, limit, offset)

    def uncoded_articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles not coded yet (among ``ids`` when given), in insertion order."""
        return self._select_articles("coded_at IS NULL", ids, None, 0)

    def _select_articles(self, where: str, ids: Sequence[str] | None, limit: int | None,
                         offset: int) -> list[Article]:
        sql = f"{_SELECT_ARTICLES} WHERE {where}"
        params: list[Any] = []
        if ids is not None:
            sql += " AND id IN (SELECT unnest(?::VARCHAR[]))"
            params.append(list(ids))
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        rows = self._query(sql, params)
        return [_row_to_article(row) for row in rows]

    def mark_coded(self, ids: Sequence[str]) -> None:
        """Set coded_at on these articles (joins the caller's transaction when there is one)."""
        with self.transaction() as con:
            con.execute("UPDATE articles SET coded_at = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                        [_now(), list(ids)])

    def article_count(self) -> int:
        return int(self._query("SELECT count(*) FROM articles")[0][0])

    def undated_article_count(self, article_ids: Sequence[str]) -> int:
        """How many of ``article_ids`` have no publication date (flag ``no_published_date``)."""
        return int(self._query("SELECT count(*) FROM articles WHERE published IS NULL "
                               "AND id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)])[0][0])

    def counts(self) -> dict[str, Any]:
        """Sizes of the store: articles, coded articles, events, mentions, rejections, runs and
        the share of events dated by their publication date."""
        q = lambda sql: self._query(sql)[0][0]  # noqa: E731
        events = int(q("SELECT count(*) FROM events"))
        by_publication = int(q("SELECT count(*) FROM events WHERE date_basis = 'publication'"))
        return {
            "articles": int(q("SELECT count(*) FROM articles")),
            "articles_coded": int(q("SELECT count(*) FROM articles WHERE coded_at IS NOT NULL")),
            "articles_without_date": int(q("SELECT count(*) FROM articles WHERE published IS NULL")),
            "events": events,
            "mentions": int(q("SELECT count(*) FROM mentions")),
            "rejections": int(q("SELECT count(*) FROM rejections")),
            "runs": int(q("SELECT count(*) FROM runs")),
            "events_dated_by_publication": by_publication,
            "share_dated_by_publication": round(by_publication / events, 3) if events else None,
        }

    def dyad_counts(self, article_ids: Sequence[str] | None = None, limit: int = 10) -> list[dict[str, Any]]:
        """The busiest country pairs (either direction), with cooperative/conflictual counts,
        mean Goldstein value and the first and last event dates; events of ``article_ids`` only
        when given."""
        sql = """
            SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS events, count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperative,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflictual,
                   round(avg(goldstein), 2) AS mean_goldstein, min(date_start) AS first, max(date_start) AS last
            FROM events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country"""
        params: list[Any] = []
        if article_ids is not None:
            sql += (" AND event_id IN (SELECT event_id FROM mentions"
                    " WHERE article_id IN (SELECT unnest(?::VARCHAR[])))")
            params.append(list(article_ids))
        sql += " GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"
        params.append(int(limit))
        names = ("a", "b", "events", "cooperative", "conflictual", "mean_goldstein", "first", "last")
        return [dict(zip(names, row)) for row in self._query(sql, params)]

    def _query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            return self._con.execute(sql, params or []).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from exc


def valid_utf8(text: str | None) -> str | None:
    """The text with lone surrogates (a file name's undecodable bytes, say) written as escapes:
    DuckDB stores only valid UTF-8."""
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class Added(NamedTuple):
    """What ``Store.add_articles`` did with a batch."""

    stored: list[str]  # ids stored now
    duplicates: list[str]  # ids (as stored) of articles that were stored already
    conflicts: list[Rejection]  # ids stored with another text: not stored, named


def _row_to_article(row: tuple[Any, ...]) -> Article:
    values = dict(zip(_ARTICLE_FIELDS, row))
    for name in _LIST_FIELDS:
        values[name] = tuple(values[name] or ())
    return Article(**values)
