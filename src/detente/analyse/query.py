"""The one reader of stored events: one filter object, one dyad grammar, SQL over the events table.

Every reader of events — the CLI (``events``, ``code``, ``dyad``, ...), the API, the exports and
``detente.load_events`` — goes through ``EventFilter`` so that a filter means the same thing
everywhere: ``select_events`` gives a DataFrame (only the columns asked for), ``read_events`` the
``Event`` records with their mentions (``Event.to_dict`` is the JSON record), ``event_records``
those records as JSON-ready dicts.

    with open_db("detente.duckdb") as store:
        frame = select_events(store, EventFilter(a="IRN", b="TJK", since=date(2015, 1, 1)))
        events = read_events(store, EventFilter.from_dyad("IRN>TJK", limit=10))

**Dyads** are written ``IRN-TJK`` (also ``IRN,TJK``, ``IRN/TJK`` or ``IRN TJK``): both directions;
``IRN>TJK``: IRN the source, TJK the target; ``IRN<TJK``: TJK the source, IRN the target.

Reads use what the writer derives (``detente.store.derived``): per-event counts of sources and
articles and the first mention's evidence are columns of ``events``; no reader joins the mentions
table except to list an event's mentions, which it fetches by index. A dyad's events are read
through the ``pair`` column the writer keeps them ordered by, so a dyad costs a few row groups
of a store of millions of events.
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
from ..model import MODALITIES, Event
from ..store.derived import pair_key
from ..store.events import EVENT_COLUMNS as _STORED_COLUMNS, event_from_row, mention_rows

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
    ``article_id`` / ``article_ids``: events with a mention in this article / these articles.
    ``event_ids``: these events.
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
    article_ids: tuple[str, ...] | None = None
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

    @classmethod
    def from_dyad(cls, dyad: str | None, **fields: Any) -> "EventFilter":
        """A filter on a dyad written ``IRN-TJK``, ``IRN>TJK`` or ``IRN<TJK`` (see the module
        docstring), plus any other fields."""
        a, b, direction = parse_dyad(dyad, fields.pop("a", None), fields.pop("b", None),
                                     fields.pop("direction", "both"))
        return cls(a=a, b=b, direction=direction, **fields)


def country_code(value: str, what: str = "country") -> str:
    """An upper-cased ISO 3166 alpha-3 code (or IGO); QueryError otherwise."""
    code = str(value).strip().upper()
    if not _COUNTRY.match(code):
        raise QueryError(f"{what}: expected a three-letter country code (ISO 3166 alpha-3), got {value!r}")
    return code


_DYAD = re.compile(r"^\s*([A-Za-z]{3})\s*([-,/ <>])\s*([A-Za-z]{3})\s*$")


def parse_dyad(dyad: str | None, a: str | None = None, b: str | None = None,
               direction: str = "both") -> tuple[str | None, str | None, str]:
    """(a, b, direction) from ``IRN-TJK`` (also ``,`` ``/`` or a space: both directions),
    ``IRN>TJK`` (IRN the source) or ``IRN<TJK`` (TJK the source); without ``dyad``, the given
    a, b and direction."""
    if not dyad:
        return a, b, direction
    m = _DYAD.match(dyad)
    if not m:
        raise QueryError(f"dyad: expected two country codes such as IRN-TJK (both directions) or IRN>TJK "
                         f"(IRN the source), got {dyad!r}")
    sep = m.group(2)
    return (country_code(m.group(1), "dyad"), country_code(m.group(3), "dyad"),
            "A>B" if sep == ">" else "B>A" if sep == "<" else "both")


@contextmanager
def open_db(db: StoreOrPath) -> Iterator[Store]:
    """Yield a Store: ``db`` itself when it is one, else the file at path ``db`` opened read-only."""
    from ..store import Store
    from ..store.db import quiet

    if isinstance(db, Store) or hasattr(db, "con"):  # a Store, or an object with its interface
        yield cast(Store, db)
        return
    import duckdb

    path = Path(db)
    if not path.exists():
        raise StoreError(f"no database at {path}; create one with `detente code`")
    try:
        con = quiet(duckdb.connect(str(path), read_only=True))
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only: {exc}") from exc
    store = Store(con, path)
    try:
        yield store
    finally:
        store.close()


_SIDES = ("source", "target")
EVENT_COLUMNS = (*_STORED_COLUMNS, "num_sources", "first_published")


def where_clause(f: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (on alias ``e``) and their parameters."""
    cond: list[str] = []
    params: list[Any] = []
    if f.a is not None and f.b is not None:
        # ``pair`` first: the writer keeps events in pair order, so DuckDB skips the row groups
        # whose min/max of it leave the pair out (a dyad of 10M events reads a few row groups)
        cond.append("e.pair = ?")
        params.append(pair_key(f.a, f.b))
        ab = "(e.source_country = ? AND e.target_country = ?)"
        if f.direction == "A>B":
            cond.append(ab)
            params += [f.a, f.b]
        elif f.direction == "B>A":
            cond.append(ab)
            params += [f.b, f.a]
        elif f.a == f.b:
            cond.append(ab)
            params += [f.a, f.a]
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
    if f.article_ids is not None:
        cond.append("EXISTS (SELECT 1 FROM mentions am WHERE am.event_id = e.event_id "
                    "AND am.article_id IN (SELECT unnest(?::VARCHAR[])))")
        params.append(list(f.article_ids))
    if f.event_ids is not None:
        cond.append("e.event_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.event_ids))


def events_sql(f: EventFilter, columns: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    """The query behind ``select_events`` (the ``columns`` asked for, default ``EVENT_COLUMNS``;
    no order, limit or offset) and its parameters; readers that aggregate in SQL wrap it:
    ``WITH ev AS (<sql>) SELECT ... GROUP BY``."""
    cond, params = where_clause(f)
    wanted = columns or EVENT_COLUMNS
    names = ", ".join("coalesce(e.num_sources, 0) AS num_sources" if c == "num_sources" else f"e.{c}" for c in wanted)
    sql = f"SELECT {names} FROM events e"
    if cond:
        sql += " WHERE " + " AND ".join(cond)
    return sql, params


_ORDER = " ORDER BY e.date_start NULLS LAST, e.date_end NULLS LAST, e.event_id"


def _paged(sql: str, f: EventFilter) -> str:
    sql += _ORDER
    if f.limit is not None:
        sql += f" LIMIT {int(f.limit)}"
    if f.offset:
        sql += f" OFFSET {int(f.offset)}"
    return sql


def select_events(store: Any, f: EventFilter | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The events matching ``f``, one row each, in date order (undated last), as a DataFrame.

    Columns: ``columns`` (any of the events table's), by default ``EVENT_COLUMNS``: the stored
    columns plus ``num_sources`` (distinct publishers, an article without one counting as its
    own source) and ``first_published``. Ask only for what you use: DuckDB reads only those.
    """
    f = f or EventFilter()
    sql, params = events_sql(f, columns)
    return _typed(run_query(store, _paged(sql, f), params))


def iter_events(store: Any, f: EventFilter, columns: Sequence[str] | None = None,
                chunk: int = 5000) -> Iterator[pd.DataFrame]:
    """``select_events`` in DataFrames of at most ``chunk`` rows, from one streamed query (on a
    cursor of its own, so the caller may query the store between chunks)."""
    import duckdb

    sql, params = events_sql(f, columns)
    cursor = store.con.cursor()
    try:
        reader = cursor.sql(_paged(sql, f), params=params).to_arrow_reader(chunk)
        for batch in reader:
            if batch.num_rows:
                yield _typed(batch.to_pandas())
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc
    finally:
        cursor.close()


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for name in ("date_start", "date_end", "first_published"):
        if name in frame:
            frame[name] = frame[name].map(as_date).astype(object)
    if "contexts" in frame:
        # A NULL list arrives as None or pd.NA depending on the pandas version: both mean "no contexts".
        frame["contexts"] = frame["contexts"].map(lambda v: [str(c) for c in v] if _is_list(v) else [])
    return frame


def read_events(store: Any, f: EventFilter | None = None) -> list[Event]:
    """The events matching ``f`` as ``Event`` records with all their mentions (each with its
    article's title, publisher and url), in date order (undated last)."""
    import duckdb

    f = f or EventFilter()
    sql, params = events_sql(f, _STORED_COLUMNS + ("num_sources",))
    try:
        cursor = store.con.execute(_paged(sql, f), params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        by_event: dict[str, list[dict[str, Any]]] = {}
        for m in mention_rows(store.con, [r["event_id"] for r in rows]):
            by_event.setdefault(m["event_id"], []).append(m)
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc
    return [event_from_row(r, by_event.get(r["event_id"], ())) for r in rows]


def event_records(store: Any, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """The events matching ``f`` as JSON-ready records (``Event.to_dict`` with the ontology's
    names and scores): the one event record of the CLI, the API and the exports."""
    from ..events.ontology import load_ontology

    onto = load_ontology()
    return [e.to_dict(onto) for e in read_events(store, f)]


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) or hasattr(value, "tolist")


def count_events(store: Any, f: EventFilter | None = None) -> int:
    """How many events match ``f`` (ignoring its limit and offset)."""
    cond, params = where_clause(f or EventFilter())
    sql = "SELECT count(*) FROM events e" + (" WHERE " + " AND ".join(cond) if cond else "")
    return int(run_query(store, sql, params).iloc[0, 0])


def days_window(f: EventFilter) -> tuple[str, list[Any]]:
    """Conditions on the writer's ``dyad_days`` rows for the date window of ``f`` (rows whose
    dates overlap it; undated rows only when there is no window), as `` AND ...`` and parameters."""
    sql, params = "", []
    if f.since:
        sql += " AND end_day >= ?"
        params.append(f.since)
    if f.until:
        sql += " AND day <= ?"
        params.append(f.until)
    if f.since or f.until:
        sql += " AND day IS NOT NULL"
    return sql, params


def count_sources(store: Any, f: EventFilter) -> tuple[int, int]:
    """(distinct articles, distinct sources) behind the events matching ``f``; a source is a
    publisher, or the article itself when it names none (the writer's ``article_ids`` and
    ``source_keys`` columns: no join of the mentions)."""
    cond, params = where_clause(f)
    where = " AND ".join(cond) or "TRUE"
    # one scan: the two lists unnest side by side (the shorter padded with NULLs, which count ignores)
    _, rows = run_rows(store, f"""
        SELECT count(DISTINCT a), count(DISTINCT s) FROM (
            SELECT unnest(article_ids) AS a, unnest(source_keys) AS s FROM events e WHERE {where})""", params)
    return int(rows[0][0]), int(rows[0][1])


def run_rows(store: Any, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run a query on the store; (its column names, its rows as tuples of Python values)."""
    import duckdb

    try:
        cursor = store.con.execute(sql, params)
        return [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc


def run_query(store: Any, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run a query on the store; a DataFrame of its rows (StoreError on failure)."""
    import duckdb

    try:
        return store.con.execute(sql, params).df()
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc
