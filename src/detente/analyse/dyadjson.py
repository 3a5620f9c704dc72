"""A dyad timeline as JSON, written while its events are read: the memory it takes does not grow
with the pair.

``dyad_json_chunks`` yields the text of ``json.dumps(record, ensure_ascii=False, indent=2)``,
``record`` the timeline's JSON record with every event of every period listed (``dyad_timeline(...,
events="all")``) and its phases, byte for byte; but the timeline is built with its top events only
and each period's events are read from the store in the timeline's order, a batch at a time, and
encoded as they come. The busiest pair of a 10M-event store lists some 300,000 events: held as
records, dicts and one string they took over 3 GB.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import StoreError
from .dyad import DyadTimeline, listed_sql
from .query import EventFilter
from .records import KeyEvent, key_events_of_rows

BATCH = 2000  # rows fetched from the cursor at a time
PIECES = 20000  # pieces of the encoder's text joined into one chunk


class _Rows:
    """The dated, not vague, events of a dyad in the timeline's order, read a batch at a time;
    ``peek`` looks at the next one without taking it."""

    def __init__(self, store: Any, sql: str, params: list[Any]):
        import duckdb

        try:
            self._cursor = store.con.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc
        self._names = [d[0] for d in self._cursor.description]
        self._batch: list[KeyEvent] = []
        self._at = 0

    def peek(self) -> KeyEvent | None:
        if self._at == len(self._batch):
            rows = self._cursor.fetchmany(BATCH)
            self._batch, self._at = key_events_of_rows(self._names, rows, score="_score"), 0
            if not rows:
                return None
        return self._batch[self._at]

    def take(self) -> KeyEvent:
        event = self._batch[self._at]
        self._at += 1
        return event


class _PeriodEvents(list):
    """A period's events for ``json``'s encoder, which asks a list whether it is empty and then
    iterates over it: both read the shared rows, so the events are encoded as they are read.
    Events dated before the period and after the previous one belong to no period of the
    timeline and are passed over, as ``dyad_timeline`` leaves them out."""

    def __init__(self, rows: _Rows, start: Any, end: Any):
        super().__init__()
        self._rows, self._start, self._end = rows, start, end

    def _next(self) -> KeyEvent | None:
        while (event := self._rows.peek()) is not None and event.date_start is not None \
                and event.date_start < self._start:
            self._rows.take()
        if event is None or event.date_start is None or event.date_start > self._end:
            return None
        return event

    def __bool__(self) -> bool:
        return self._next() is not None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        while self._next() is not None:
            yield self._rows.take().to_dict()


def dyad_json_chunks(store: Any, tl: DyadTimeline, phases: Sequence[Any], top: int = 3) -> Iterator[str]:
    """The JSON text of ``tl`` (built with ``events="top"`` or ``"all"``) with every event of
    each period listed, and ``phases``, in chunks (see the module docstring)."""
    f = EventFilter(a=tl.a, b=tl.b, direction=tl.direction, since=tl.since, until=tl.until, modality="asserted")
    rows = _Rows(store, *listed_sql(f, tl.by, tl.score, top, "dated"))
    record = tl.to_dict(with_lists=False)
    periods = []
    for p in tl.periods:
        out = p.to_dict(with_events=False)
        out["events"] = _PeriodEvents(rows, p.start, p.end)
        periods.append(out)
    record["periods"] = periods
    record["undated"] = [e.to_dict() for e in tl.undated]
    record["vague"] = [e.to_dict() for e in tl.vague]
    record["phases"] = [p.to_dict() for p in phases]
    # with an indent, the encoder is json's own Python one, which iterates over a list subclass;
    # its pieces are a few characters each: they are handed on joined, PIECES at a time
    pieces: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(record):
        pieces.append(piece)
        if len(pieces) == PIECES:
            yield "".join(pieces)
            pieces.clear()
    yield "".join(pieces)
