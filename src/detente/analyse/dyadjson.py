"""A dyad timeline as JSON, written while its events are read: the memory it takes does not grow
with the pair.

``dyad_json_chunks`` yields the text of ``json.dumps(record, ensure_ascii=False, indent=2)``,
``record`` the timeline's JSON record with every event of every period listed (``dyad_timeline(...,
events="all")``) and its phases, byte for byte; but the timeline is built with its top events only
and each period's events are read from the store in the timeline's order, a batch at a time, as
the JSON text DuckDB writes of them (``jsonsql``: one string a row, no record built in Python),
or, for a row whose text DuckDB may not write as json does, encoded here from its ``KeyEvent``, by
orjson where its text is json's (``encode_item``). The busiest pair of a 10M-event store lists some
300,000 events: held as records, dicts and one string they took over 3 GB.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from ..errors import StoreError
from .dyad import DyadTimeline, listed_columns, vague_sql
from .jsonsql import key_events_json_sql, plain_text
from .query import EventFilter, where_clause
from .records import key_events_of_rows

BATCH = 2000  # rows fetched from the cursor at a time
PIECES = 2000  # encoded events joined into one chunk
WINDOW = 20_000  # events a query lists at most (but for a larger period): DuckDB sorts a window's texts in memory
_SLOT = "\ue000detente-events-{}\ue000"  # a period's events in the outer record (a private-use character)
_SLOTS = re.compile('"\ue000detente-events-(\\d+)\ue000"')


class _Rows:
    """The dated, not vague, events of a dyad in the timeline's order, read a batch at a time, as
    (date_start, JSON text at indent 0); ``peek`` looks at the next one without taking it. The
    text is DuckDB's (``jsonsql``) where it is json's, else the row's ``KeyEvent`` encoded here.
    One query a window of consecutive periods (``windows``: first and last day), so that DuckDB
    sorts no more than a window's texts at a time."""

    def __init__(self, store: Any, f: EventFilter, score: str, windows: Sequence[tuple[Any, Any]]):
        cond, params = where_clause(f)
        self._where = (f"{' AND '.join(cond)} AND e.date_start IS NOT NULL AND NOT {vague_sql('e.')} "
                       "AND e.date_start BETWEEN ? AND ?")
        self._params, self._windows = params, iter(windows)
        self._store, self._score = store, score
        self._cursor: Any = None
        self._batch: list[tuple[Any, str]] = []
        self._at = 0

    def peek(self) -> tuple[Any, str] | None:
        while self._at == len(self._batch):
            rows = self._cursor.fetchmany(BATCH) if self._cursor is not None else []
            if not rows:
                window = next(self._windows, None)
                if window is None:
                    return None
                sql, params = key_events_json_sql(self._where, [*self._params, *window], self._score)
                self._cursor = _execute(self._store, self._store.con, sql, params)
                continue
            self._batch, self._at = [(start, text) for start, text, _, _ in rows], 0
            if not all(row[3] for row in rows) or not plain_text("".join(text for _, text in self._batch)):
                self._redo({i: row[2] for i, row in enumerate(rows) if not (row[3] and plain_text(row[1]))})
        return self._batch[self._at]

    def _redo(self, redo: dict[int, int]) -> None:
        """The batch's rows whose text may not be json's (position: rowid; the batch's texts
        are looked at joined first, a row at a time only when one may be), read whole (on a
        cursor of their own: the listing's is still being read) and encoded here."""
        columns = ", ".join(f'{sql} AS "{name}"' for name, sql in listed_columns(self._score))
        cursor = _execute(self._store, self._store.con.cursor(),
                          f"SELECT e.rowid, {columns} FROM events e WHERE e.rowid IN ?", [list(redo.values())])
        names = [d[0] for d in cursor.description][1:]
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
        for i, rowid in redo.items():
            event = key_events_of_rows(names, [rows[rowid]], score="_score")[0]
            self._batch[i] = (self._batch[i][0], encode_item(event.to_dict(), ""))

    def take(self) -> str:
        text = self._batch[self._at][1]
        self._at += 1
        return text


def _execute(store: Any, con: Any, sql: str, params: list[Any]) -> Any:
    import duckdb

    try:
        return con.execute(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc


class _PeriodEvents:
    """A period's events, read from the shared rows in the timeline's order. Events dated before
    the period and after the previous one belong to no period of the timeline and are passed
    over, as ``dyad_timeline`` leaves them out."""

    def __init__(self, rows: _Rows, start: Any, end: Any):
        self._rows, self._start, self._end = rows, start, end

    def __iter__(self) -> Iterator[str]:
        rows, start, end = self._rows, self._start, self._end
        while (item := rows.peek()) is not None and item[0] < start:
            rows.take()
        while (item := rows.peek()) is not None and item[0] <= end:
            yield rows.take()


def _plain(value: Any) -> bool:
    """Every float in ``value`` prints the same in orjson as in json (finite, no exponent)."""
    for v in value.values() if isinstance(value, dict) else value:
        cls = v.__class__
        if cls is str or cls is int or v is None or cls is bool:
            continue
        if cls is float:
            if not (v == 0 or (1e-4 <= abs(v) < 1e15)):  # NaN and the infinities fail too
                return False
        elif cls is dict or cls is list:
            if not _plain(v):
                return False
        else:
            return False  # a type json and orjson may write differently: json writes it
    return True


def encode_item(value: dict[str, Any], indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it as an item of a
    list whose items are indented by ``indent``: by orjson (C, ten times faster than json's Python
    encoder, which is the one json uses with an indent) where its text is the same — every float
    finite and printed without an exponent, str keys, plain types — else by json."""
    text = None
    if _plain(value):
        try:
            text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
        except (orjson.JSONEncodeError, TypeError):
            text = None
    if text is None:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return indent + text.replace("\n", "\n" + indent)


def dyad_json_chunks(store: Any, tl: DyadTimeline, phases: Sequence[Any]) -> Iterator[str]:
    """The JSON text of ``tl`` (built with ``events="top"`` or ``"all"``) with every event of
    each period listed, and ``phases``, in chunks (see the module docstring): the record without
    its periods' events is written by json, each event by DuckDB (or ``encode_item``) as it is read."""
    f = EventFilter(a=tl.a, b=tl.b, direction=tl.direction, since=tl.since, until=tl.until, modality="asserted")
    windows: list[tuple[Any, Any]] = []
    listed = 0
    for p in tl.periods:  # consecutive periods of up to WINDOW events a query (or one larger period)
        if windows and listed + p.n_events <= WINDOW:
            windows[-1], listed = (windows[-1][0], p.end), listed + p.n_events
        else:
            windows.append((p.start, p.end))
            listed = p.n_events
    rows = _Rows(store, f, tl.score, windows)
    record = tl.to_dict(with_lists=False)
    periods, lists = [], []
    for i, p in enumerate(tl.periods):
        out = p.to_dict(with_events=False)
        out["events"] = _SLOT.format(i)
        periods.append(out)
        lists.append(_PeriodEvents(rows, p.start, p.end))
    record["periods"] = periods
    record["undated"] = [e.to_dict() for e in tl.undated]
    record["vague"] = [e.to_dict() for e in tl.vague]
    record["phases"] = [p.to_dict() for p in phases]
    text = json.dumps(record, ensure_ascii=False, indent=2)
    at = 0
    for slot in _SLOTS.finditer(text):
        yield text[at:slot.start()]
        at = slot.end()
        key = text[text.rfind("\n", 0, slot.start()) + 1:slot.start()]  # '      "events": '
        outer = key[:len(key) - len(key.lstrip(" "))]
        yield from _list_chunks(lists[int(slot.group(1))], outer)
    yield text[at:]


def _list_chunks(events: _PeriodEvents, outer: str) -> Iterator[str]:
    """A period's events as json writes a list at indent ``outer``, PIECES events a chunk (each
    event's text, written at indent 0, indented here a chunk at a time)."""
    inner = "\n" + outer + "  "
    pieces: list[str] = []
    first = True
    for text in events:
        pieces.append(text)
        if len(pieces) == PIECES:
            yield ("[" if first else ",") + inner + ",\n".join(pieces).replace("\n", inner)
            first = False
            pieces.clear()
    if pieces:
        yield ("[" if first else ",") + inner + ",\n".join(pieces).replace("\n", inner)
        first = False
    yield "[]" if first else "\n" + outer + "]"
