"""A dyad's rows, read once and answered from memory: what ``dyad_timeline`` computes a window from.

``load_pair(store, a, b)`` reads the pair's rows of the writer's ``dyad_days`` table (both
directions, every modality, dated or not) in one query into columns (``DayRows``), and, unless
the pair has more than ``PairCache.max_pair_events`` asserted events, its asserted events in
another (``PairEvents``: the ``KeyEvent`` of each, in date order, with the articles and sources
behind it). Every figure of a timeline for any window, direction, period length, weight or score
is then a selection and a sum of these columns (``DayRows.period_stats``), and its event lists,
contexts and counts of articles and sources a selection of these events (``PairEvents.select``).

``PairCache`` keeps them between requests: a small thread-safe LRU owned by whoever owns the
snapshots (the web app: ``app.state.pairs``), keyed by the snapshot's generation and the pair,
bounded by the number of rows it holds. A store read through it carries the cache and its
snapshot (``Store.pair_cache``, ``Store.snapshot``); a new snapshot has a new generation, so no
answer is ever made from an older snapshot's rows, and entries older than the previous snapshot
are dropped as soon as a newer one is asked for. A store without a cache (the CLI) reads the
pair for the one answer it makes.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..store.derived import PRECISION_RANK, pair_key, score_sql
from ..errors import StoreError
from .once import OnceCache
from .query import EventFilter, run_rows, where_clause
from .records import EVIDENCE_FIELDS, KEY_EVENT_COLUMNS, KeyEvent, key_events_of_rows

VAGUE_DAYS = 366  # an event dated to a longer span is in no period's index (see ``analyse.dyad``)
_EPOCH = dt.date(1970, 1, 1)
_NO_DAY = -(2 ** 31)  # an undated row's day
_SUM_COLUMNS = ("n", "nm", "nm2", "q1", "q2", "q3", "q4", "mq1", "mq2", "mq3", "mq4", "g", "mg", "r", "r2",
                "mr", "mr2", "g2", "mg2")
# the period of a row: (first part, second part) columns by period length (as ``dyad._PERIOD_SQL``)
_PERIOD_PARTS = {"day": ("year", "doy"), "week": ("isoyear", "week"), "month": ("year", "month"),
                 "quarter": ("year", "quarter"), "year": ("year", None)}


def _days(day: dt.date | None) -> int:
    return _NO_DAY if day is None else (day - _EPOCH).days


class DayRows:
    """A pair's ``dyad_days`` rows as numpy columns (days as days since 1970; undated: ``_NO_DAY``)."""

    def __init__(self, cols: dict[str, np.ndarray]):
        self.cols = cols
        self.dated = cols["day"] != _NO_DAY
        self.vague = self.dated & (cols["end_day"] - cols["day"] > VAGUE_DAYS)
        self.asserted = cols["modality"] == "asserted"

    def __len__(self) -> int:
        return len(self.cols["day"])

    def n_asserted(self) -> int:
        return int(self.cols["n"][self.asserted].sum())

    def select(self, f: EventFilter) -> np.ndarray:
        """The rows of the dyad, direction and window of ``f`` (as ``query.days_window``: rows whose
        dates overlap the window; with a window, dated rows only)."""
        c = self.cols
        if f.direction == "A>B":
            mask = (c["source_country"] == f.a) & (c["target_country"] == f.b)
        elif f.direction == "B>A":
            mask = (c["source_country"] == f.b) & (c["target_country"] == f.a)
        else:
            mask = c["source_country"] != c["target_country"]
        if f.since or f.until:
            mask = mask & self.dated
        if f.since:
            mask = mask & (c["end_day"] >= _days(f.since))
        if f.until:
            mask = mask & (c["day"] <= _days(f.until))
        return np.asarray(mask, dtype=bool)

    def series(self, mask: np.ndarray) -> np.ndarray:
        """Of the rows ``mask``, those the series counts: asserted, dated and not vague."""
        return mask & self.asserted & self.dated & ~self.vague

    def span(self, mask: np.ndarray) -> list[dt.date]:
        """The first and last day of the rows ``mask`` that the series counts (none: [])."""
        days = self.cols["day"][self.series(mask)]
        if not len(days):
            return []
        return [_EPOCH + dt.timedelta(days=int(days.min())), _EPOCH + dt.timedelta(days=int(days.max()))]

    def excluded(self, mask: np.ndarray) -> dict[str, int]:
        """Non-asserted events of the rows ``mask`` (from ``select``) by modality."""
        keep = mask & ~self.asserted
        out: dict[str, int] = {}
        for modality, n in zip(self.cols["modality"][keep], self.cols["n"][keep]):
            out[str(modality)] = out.get(str(modality), 0) + int(n)
        return dict(sorted(out.items()))

    def period_stats(self, mask: np.ndarray, by: str, weight: str,
                     score: str) -> list[tuple[tuple[int, int], dict[str, float]]]:
        """Per period of the series rows of ``mask``, in period order: the sums a ``Period`` is
        made of (``n``, ``w``, ``w2``, ``q1``..``q4``, ``gold``, ``s``, ``s2``, ``coarse``)."""
        keep = self.series(mask)
        first, second = _PERIOD_PARTS[by]
        part1 = self.cols[first][keep]
        part2 = self.cols[second][keep] if second else np.zeros_like(part1)
        keys, inverse = np.unique(part1 * 1000 + part2, return_inverse=True)
        m = "m" if weight == "mentions" else ""
        s = "r" if score == "relations" else "g"
        sources = {"n": "n", "w": "nm" if m else "n", "w2": "nm2" if m else "n",
                   **{f"q{q}": f"{m}q{q}" for q in (1, 2, 3, 4)}, "gold": f"{m}g", "s": f"{m}{s}", "s2": f"{m}{s}2"}
        sums = {name: np.bincount(inverse, weights=self.cols[col][keep], minlength=len(keys))
                for name, col in sources.items()}
        coarse = np.where(self.cols["prank"][keep] > PRECISION_RANK[by], self.cols["n"][keep], 0.0)
        sums["coarse"] = np.bincount(inverse, weights=coarse, minlength=len(keys))
        names = list(sums)
        table = np.stack([sums[name] for name in names], axis=1).tolist() if len(keys) else []
        return [((int(k) // 1000, int(k) % 1000), dict(zip(names, row))) for k, row in zip(keys.tolist(), table)]


class PairEvents:
    """A pair's asserted events (or those of one direction and window), in date order (undated
    last), each as a ``KeyEvent`` scored for the relations index, with its articles and sources."""

    def __init__(self, events: list[KeyEvent], articles: list[Sequence[str]], sources: list[Sequence[str]]):
        self.events = events
        self._by_score: dict[str, list[KeyEvent]] = {"relations": events}
        self._lock = threading.Lock()
        self.articles, self.sources = articles, sources
        self.source_country = np.array([k.source_country for k in events], dtype=object)
        self.target_country = np.array([k.target_country for k in events], dtype=object)
        self.start = np.array([_days(k.date_start) for k in events], dtype=np.int64)
        self.end = np.array([_days(k.date_end or k.date_start) for k in events], dtype=np.int64)

    def __len__(self) -> int:
        return len(self.events)

    def scored(self, score: str) -> list[KeyEvent]:
        """The events with ``score`` the score of ``score`` (relations or goldstein)."""
        with self._lock:
            found = self._by_score.get(score)
            if found is None:
                # ``score_sql("goldstein")``: the Goldstein value, 0 when missing
                found = self._by_score[score] = [dataclasses.replace(k, score=round(float(k.goldstein or 0.0), 3))
                                                 for k in self.events]
            return found

    def select(self, f: EventFilter) -> np.ndarray:
        """Indices of the events of the direction and window of ``f`` (``query.where_clause``:
        dates overlapping the window; with a window, no undated event), in date order."""
        mask = np.ones(len(self.events), dtype=bool)
        if f.direction == "A>B":
            mask &= (self.source_country == f.a) & (self.target_country == f.b)
        elif f.direction == "B>A":
            mask &= (self.source_country == f.b) & (self.target_country == f.a)
        if f.since or f.until:
            mask &= self.start != _NO_DAY
        if f.since:
            mask &= self.end >= _days(f.since)
        if f.until:
            mask &= self.start <= _days(f.until)
        return np.flatnonzero(mask)

    def count_sources(self, chosen: np.ndarray) -> tuple[int, int]:
        """(distinct articles, distinct sources) behind the events ``chosen`` (``query.count_sources``)."""
        articles: set[str] = set()
        sources: set[str] = set()
        for i in chosen:
            articles.update(self.articles[i])
            sources.update(self.sources[i])
        return len(articles), len(sources)


@dataclasses.dataclass(frozen=True)
class PairData:
    """A pair's day rows, and its asserted events unless it has too many to keep (None)."""

    pair: str
    days: DayRows
    events: PairEvents | None

    @property
    def size(self) -> int:
        return len(self.days) + (len(self.events) if self.events is not None else 0)


def load_days(store: Any, pair: str) -> DayRows:
    """The pair's ``dyad_days`` rows, both directions, every modality (one query)."""
    sums = ", ".join(f"CAST({c} AS DOUBLE) AS {c}" for c in _SUM_COLUMNS)
    parts = ", ".join(f"coalesce({fn}(day), 0)::BIGINT AS {name}" for name, fn in
                      (("year", "year"), ("month", "month"), ("quarter", "quarter"), ("isoyear", "isoyear"),
                       ("week", "week"), ("doy", "dayofyear")))
    import duckdb

    try:
        found = store.con.execute(f"""
            SELECT source_country, target_country, modality,
                   coalesce(day - DATE '1970-01-01', {_NO_DAY})::BIGINT AS day,
                   coalesce(end_day - DATE '1970-01-01', {_NO_DAY})::BIGINT AS end_day, prank::BIGINT AS prank,
                   {parts}, {sums}
            FROM dyad_days WHERE pair = ? ORDER BY day NULLS LAST, k""", [pair]).fetchnumpy()
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: query failed: {exc}") from exc
    cols: dict[str, np.ndarray] = {}
    for name, values in found.items():  # no NULLs (coalesced or NOT NULL): plain arrays
        kind = object if name in ("source_country", "target_country", "modality") else \
            np.float64 if name in _SUM_COLUMNS else np.int64
        cols[name] = np.asarray(values, dtype=kind)
    return DayRows(cols)


def load_events(store: Any, f: EventFilter) -> PairEvents:
    """The asserted events matching ``f`` (a dyad, perhaps a direction and a window) (one query)."""
    columns = ", ".join(f"e.{c}" if c != "num_sources" else "coalesce(e.num_sources, 0) AS num_sources"
                        for c in KEY_EVENT_COLUMNS if c != "evidence")
    columns += ", " + ", ".join(f'e.evidence."{f}" AS "evidence.{f}"' for f in EVIDENCE_FIELDS)
    cond, params = where_clause(f.replace(modality="asserted"))
    names, rows = run_rows(store, f"""
        SELECT {columns}, e.article_ids, e.source_keys, {score_sql('relations', 'e.')} AS _score
        FROM events e WHERE {' AND '.join(cond)}
        ORDER BY e.date_start NULLS LAST, e.date_end NULLS LAST, e.event_id""", params)
    events = key_events_of_rows(names, rows, score="_score")
    return PairEvents(events, [row[-3] or () for row in rows], [row[-2] or () for row in rows])


class PairCache(OnceCache[tuple[Any, str], PairData]):
    """A bounded, thread-safe LRU of ``PairData`` keyed by (snapshot, pair); see the module
    docstring. At most ``max_rows`` day rows and events in all; a pair of more than
    ``max_pair_events`` asserted events keeps its day rows only."""

    def __init__(self, max_rows: int = 100_000, max_pair_events: int = 20_000):
        super().__init__()
        self.max_rows, self.max_pair_events = max_rows, max_pair_events
        self._items: OrderedDict[tuple[Any, str], PairData] = OrderedDict()
        self._rows = 0
        self._latest: Any = None

    def get(self, snapshot: Any, pair: str, make: Callable[[], PairData]) -> PairData:
        """The data of ``pair`` on ``snapshot``, made by ``make()`` when missing (once: a thread
        asking while another makes it waits for it)."""
        return self._once((snapshot, pair), make)

    def _find(self, key: tuple[Any, str]) -> PairData | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def _keep(self, key: tuple[Any, str], value: PairData) -> None:
        self._put(key, value)

    def _put(self, key: tuple[Any, str], data: PairData) -> None:
        with self._lock:
            snapshot = key[0]
            if self._latest is None or snapshot > self._latest:  # a newer snapshot: the older ones go
                previous, self._latest = self._latest, snapshot
                for old in [k for k in self._items if previous is None or k[0] < previous]:
                    self._rows -= self._items.pop(old).size
            if data.size > self.max_rows:
                return
            self._items[key] = data
            self._rows += data.size
            while self._rows > self.max_rows:
                self._rows -= self._items.popitem(last=False)[1].size

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def pair_data(store: Any, a: str, b: str) -> PairData:
    """The data of the pair a-b on ``store``: from its ``pair_cache`` when it has one (all the
    pair's events, if not too many), else read for this answer (the day rows only: the caller
    reads the events of its window with ``load_events``)."""
    pair = pair_key(a, b)
    cache: PairCache | None = getattr(store, "pair_cache", None)
    snapshot = getattr(store, "snapshot", None)
    if cache is None or snapshot is None:
        return PairData(pair, load_days(store, pair), None)

    def make() -> PairData:
        days = load_days(store, pair)
        events = None
        if days.n_asserted() <= cache.max_pair_events:
            events = load_events(store, EventFilter(a=a, b=b))
        return PairData(pair, days, events)

    return cache.get(snapshot, pair, make)

