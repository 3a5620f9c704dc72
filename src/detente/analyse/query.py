"""Read events from the store for analysis: one filter object, SQL over the events table.

Every reader in ``detente.analyse`` and ``detente.web`` goes through ``EventFilter`` and
``select_events`` so that a filter means the same thing in the CLI, the API and the exports.

    with open_db("detente.duckdb") as store:
        frame = select_events(store, EventFilter(a="IRN", b="TJK", since=date(2015, 1, 1)))
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import pandas as pd

from ..dates import as_date, parse_date
from ..errors import QueryError, StoreError
from ..model import MODALITIES

if TYPE_CHECKING:
    from ..store.db import Store

    StoreOrPath: TypeAlias = Store | str | Path  # an open store, or the path of a database file
    DateLike: TypeAlias = dt.date | str | None  # a date, or its text (YYYY-MM-DD)

DIRECTIONS = ("both", "A>B", "B>A")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_CAMEO_PREFIX = re.compile(r"^\d{2,4}$")
_PLOVER = re.compile(r"^[A-Za-z]{3,12}$")
MAX_LIMIT = 100_000


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Every field is optional; fields combine with AND.

    ``a``/``b``/``direction``: the dyad (``A>B`` = A is the source, B the target).
    ``country``: either side is this country. ``source``/``target``: that side is this country.
    ``actor``: a knowledge-base id, or words of an actor's name, on either side.
    ``code``: a CAMEO prefix (``"04"``, ``"042"``) or a PLOVER type (``"CONSULT"``).
    ``since``/``until``: the event's dates overlap [since, until]; undated events are then left out.
    ``dated``: True = only dated events, False = only undated ones.
    ``q``: words found in one of the event's evidence sentences (case-insensitive).
    """

    a: str | None = None
    b: str | None = None
    direction: str = "both"
    country: str | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    code: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    dated: bool | None = None
    q: str | None = None
    article_id: str | None = None
    event_ids: tuple[str, ...] | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("a", "b", "country", "source", "target"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, country_code(value, name))
        for name in ("since", "until"):
            object.__setattr__(self, name, parse_date(getattr(self, name), name))
        if (self.a is None) != (self.b is None):
            raise QueryError("a dyad needs both countries (a and b)")
        if self.direction not in DIRECTIONS:
            raise QueryError(f"direction must be one of {', '.join(DIRECTIONS)}, got {self.direction!r}")
        if self.modality is not None and self.modality not in MODALITIES:
            raise QueryError(f"modality must be one of {', '.join(MODALITIES)}, got {self.modality!r}")
        if self.code is not None and not (_CAMEO_PREFIX.match(self.code) or _PLOVER.match(self.code)):
            raise QueryError(f"code must be a CAMEO prefix (e.g. 04, 042) or a PLOVER type, got {self.code!r}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise QueryError(f"quad_class must be 1-4, got {self.quad_class!r}")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since ({self.since}) is after until ({self.until})")
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be in 0..{MAX_LIMIT}, got {self.limit}")
        if self.offset < 0:
            raise QueryError(f"offset must be >= 0, got {self.offset}")

    def replace(self, **changes: Any) -> "EventFilter":
        return dataclasses.replace(self, **changes)


def country_code(value: str, what: str = "country") -> str:
    """An upper-cased ISO 3166 alpha-3 code (or IGO); QueryError otherwise."""
    code = str(value).strip().upper()
    if not _COUNTRY.match(code):
        raise QueryError(f"{what}: expected a three-letter country code (ISO 3166 alpha-3), got {value!r}")
    return code


def parse_dyad(dyad: str | None, a: str | None = None, b: str | None = None,
               direction: str = "both") -> tuple[str | None, str | None, str]:
    """(a, b, direction) from ``IRN-TJK`` (both directions) or ``IRN>TJK`` (IRN the source);
    without ``dyad``, the given a, b and direction."""
    if not dyad:
        return a, b, direction
    parts = re.split(r"\s*([-,>/ ])\s*", dyad.strip(), maxsplit=1)
    if len(parts) != 3:
        raise QueryError(f"dyad: expected two country codes such as IRN-TJK or IRN>TJK, got {dyad!r}")
    return parts[0], parts[2], "A>B" if parts[1] == ">" else "both"


@contextmanager
def open_db(db: StoreOrPath) -> Iterator[Store]:
    """Yield a Store: ``db`` itself when it is one, else the file at path ``db`` opened read-only."""
    from ..store import Store

    if isinstance(db, Store) or hasattr(db, "con"):  # a Store, or an object with its interface
        yield cast(Store, db)
        return
    import duckdb

    path = Path(db)
    if not path.exists():
        raise StoreError(f"no database at {path}; create one with `detente code`")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only: {exc}") from exc
    store = Store(con, path)
    try:
        yield store
    finally:
        store.close()


_SIDES = ("source", "target")
_ACTOR_FIELDS = ("text", "name", "country", "sector", "sector2", "kb_id", "org", "confidence")
EVENT_COLUMNS = (
    "event_id", "cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein",
    *[f"{side}_{f}" for side in _SIDES for f in _ACTOR_FIELDS],
    "modality", "reported", "date_start", "date_end", "date_precision", "date_basis",
    "location_name", "location_country", "lat", "lon", "contexts", "confidence",
    "num_mentions", "num_articles", "updated_at", "intended_cameo",
    "admin1", "geonames_id", "location_basis", "location_kind",
)


def where_clause(f: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (on alias ``e``) and their parameters."""
    cond: list[str] = []
    params: list[Any] = []
    if f.a is not None:
        ab = "(e.source_country = ? AND e.target_country = ?)"
        if f.direction == "A>B":
            cond.append(ab)
            params += [f.a, f.b]
        elif f.direction == "B>A":
            cond.append(ab)
            params += [f.b, f.a]
        else:
            cond.append(f"({ab} OR {ab})")
            params += [f.a, f.b, f.b, f.a]
    if f.country is not None:
        cond.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f.country, f.country]
    for side in _SIDES:
        value = getattr(f, side)
        if value is not None:
            cond.append(f"e.{side}_country = ?")
            params.append(value)
    if f.actor:
        like = f.actor.strip().lower()
        cond.append("(" + " OR ".join(
            f"e.{s}_kb_id = ? OR contains(lower(coalesce(e.{s}_name, '') || ' ' || coalesce(e.{s}_text, '')), ?)"
            for s in _SIDES) + ")")
        params += [f.actor, like, f.actor, like]
    if f.code:
        if f.code.isdigit():
            cond.append("starts_with(e.cameo, ?)")
            params.append(f.code)
        else:
            cond.append("upper(e.plover) = ?")
            params.append(f.code.upper())
    _simple_filters(f, cond, params)
    return cond, params


def _simple_filters(f: EventFilter, cond: list[str], params: list[Any]) -> None:
    if f.quad_class is not None:
        cond.append("e.quad_class = ?")
        params.append(f.quad_class)
    if f.modality:
        cond.append("e.modality = ?")
        params.append(f.modality)
    if f.since:
        cond.append("coalesce(e.date_end, e.date_start) >= ?")
        params.append(f.since)
    if f.until:
        cond.append("e.date_start <= ?")
        params.append(f.until)
    if f.dated is True:
        cond.append("e.date_start IS NOT NULL")
    elif f.dated is False:
        cond.append("e.date_start IS NULL")
    if f.min_confidence is not None:
        cond.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.q:
        cond.append("EXISTS (SELECT 1 FROM mentions qm WHERE qm.event_id = e.event_id "
                    "AND contains(lower(qm.sentence), ?))")
        params.append(f.q.strip().lower())
    if f.article_id:
        cond.append("EXISTS (SELECT 1 FROM mentions am WHERE am.event_id = e.event_id AND am.article_id = ?)")
        params.append(f.article_id)
    if f.event_ids is not None:
        cond.append("e.event_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.event_ids))


_SOURCES_CTE = """
WITH ms AS (
    SELECT m.event_id,
           count(DISTINCT coalesce(a.publisher, m.article_id)) AS num_sources,
           min(coalesce(m.published, a.published)) AS first_published
    FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
    GROUP BY m.event_id
)
"""


def events_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The query behind ``select_events`` (its columns, no order, limit or offset) and its
    parameters; readers that aggregate in SQL wrap it: ``WITH ev AS (<sql>) SELECT ... GROUP BY``."""
    cond, params = where_clause(f)
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = (f"{_SOURCES_CTE} SELECT {columns}, coalesce(ms.num_sources, 0) AS num_sources, "
           f"ms.first_published FROM events e LEFT JOIN ms ON ms.event_id = e.event_id")
    if cond:
        sql += " WHERE " + " AND ".join(cond)
    return sql, params


def select_events(store: Store, f: EventFilter | None = None) -> pd.DataFrame:
    """The events matching ``f``, one row each, in date order (undated last), as a DataFrame.

    Columns: the events table's columns (see ``EVENT_COLUMNS``) plus ``num_sources`` (distinct
    publishers, an article without one counting as its own source) and ``first_published``.
    """
    f = f or EventFilter()
    sql, params = events_sql(f)
    sql += " ORDER BY e.date_start NULLS LAST, e.date_end NULLS LAST, e.event_id"
    if f.limit is not None:
        sql += f" LIMIT {int(f.limit)}"
    if f.offset:
        sql += f" OFFSET {int(f.offset)}"
    frame = run_query(store, sql, params)
    for name in ("date_start", "date_end", "first_published"):
        frame[name] = frame[name].map(as_date).astype(object)
    # A NULL list arrives as None or pd.NA depending on the pandas version: both mean "no contexts".
    frame["contexts"] = frame["contexts"].map(lambda v: [str(c) for c in v] if _is_list(v) else [])
    return frame


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) or hasattr(value, "tolist")


def count_events(store: Store, f: EventFilter | None = None) -> int:
    """How many events match ``f`` (ignoring its limit and offset)."""
    cond, params = where_clause(f or EventFilter())
    sql = "SELECT count(*) FROM events e" + (" WHERE " + " AND ".join(cond) if cond else "")
    return int(run_query(store, sql, params).iloc[0, 0])


MENTION_COLUMNS = (
    "mention_id", "event_id", "article_id", "sentence", "char_start", "char_end", "trigger",
    "trigger_char", "rule", "cameo", "modality", "reported", "confidence", "date_text",
    "date_start", "date_end", "date_precision", "date_basis", "published", "intended_cameo",
)


def select_mentions(store: Store, event_ids: Sequence[str]) -> pd.DataFrame:
    """The mentions of these events with their article's title, publisher, date and url.

    Ordered by event, then article publication date, then position in the article.
    """
    columns = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
    sql = (f"SELECT {columns}, a.title AS article_title, a.publisher AS article_publisher, "
           "a.published AS article_published, a.url AS article_url "
           "FROM mentions m LEFT JOIN articles a ON a.id = m.article_id "
           "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) "
           "ORDER BY m.event_id, coalesce(m.published, a.published) NULLS LAST, m.article_id, m.char_start")
    frame = run_query(store, sql, [list(event_ids)])
    for name in ("date_start", "date_end", "published", "article_published"):
        frame[name] = frame[name].map(as_date).astype(object)
    return frame


def run_query(store: Store, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run a query on the store; a DataFrame of its rows (StoreError on failure)."""
    import duckdb

    try:
        return store.con.execute(sql, params).df()
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc


def count_sources(store: Store, event_ids: Sequence[str]) -> tuple[int, int]:
    """(distinct articles, distinct sources) behind these events; a source is a publisher, or the
    article itself when it names none."""
    if not event_ids:
        return 0, 0
    sql = ("SELECT count(DISTINCT m.article_id), count(DISTINCT coalesce(a.publisher, m.article_id)) "
           "FROM mentions m LEFT JOIN articles a ON a.id = m.article_id "
           "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))")
    row = run_query(store, sql, [list(event_ids)]).iloc[0]
    return int(row.iloc[0]), int(row.iloc[1])
