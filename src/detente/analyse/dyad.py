"""Dyad timelines: how relations between two countries move, period by period.

    with Store.open("detente.duckdb") as store:
        tl = dyad_timeline(store, "IRN", "TJK", by="year")
    for p in tl.periods:
        print(p.label, p.n_events, p.index, (p.low, p.high))

**What counts.** Only *asserted*, *dated* events of the dyad are in the series; each event counts
once however many sentences and articles report it (``weight="mentions"`` weights each event by
its number of mentions instead). Undated background events are listed apart (``undated``);
negated, hypothetical and intended events are only counted (``excluded``). An event is placed in
the period (day, ISO week, month, quarter or year) of its ``date_start``; ``n_coarse`` says how
many of a period's events are dated less precisely than the period (e.g. a year-dated event in a
monthly series). An event dated only to a span of more than ``VAGUE_DAYS`` (a year: "for most of
the past decade", "in the 2010s") belongs to no one period: it is kept out of the series and
listed apart (``vague``), as the undated ones are, since placing it in its first year would make
that year's index out of one remark.

**The relations index** of a period is the weighted mean *score* of its events, on the Goldstein
scale (-10 most hostile .. +10 most cooperative). The score is the CAMEO code's Goldstein value,
except (``score="relations"``, the default) that cooperation with the partner country's
opposition, rebels, insurgents or separatists (sectors OPP, REB, INS, SEP, UAF) counts against
relations with its government: its score is minus its Goldstein value. ``score="goldstein"``
uses the Goldstein values as coded. ``goldstein_sum``/``goldstein_mean`` are always as coded.

**The uncertainty band** (``low``..``high``, 95%) is a Student-t interval around the mean whose
variance is shrunk towards a prior: the period's weighted variance is pooled with
``PRIOR_N`` = 2 pseudo-events of standard deviation ``PRIOR_SD`` = 4 Goldstein points, and the
t quantile has n_eff + 1 degrees of freedom (n_eff = Kish effective number of events). A period
resting on one event gets a band of about ±14 (clipped to -10..10); the band narrows as
consistent events accumulate. The band says how few events the index rests on; it does not
model coding errors.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
from scipy.special import stdtrit  # the t quantile (scipy.stats.t.ppf calls it; a lighter import)

from ..errors import QueryError
from ..store.derived import OPPOSITION_SECTORS, PRECISION_RANK as _PRECISION_RANK, score_sql
from .pairdata import VAGUE_DAYS, PairEvents, load_events, pair_data
from .query import EventFilter, as_date, count_sources, events_sql, run_rows, where_clause
from .records import EVIDENCE_FIELDS, KEY_EVENT_COLUMNS, KeyEvent, clean, key_events_of_rows

PERIODS = ("day", "week", "month", "quarter", "year")
WEIGHTS = ("event", "mentions")
SCORES = ("relations", "goldstein")
EVENT_LISTS = ("all", "top", "none")
PRIOR_SD = 4.0
PRIOR_N = 2.0


@dataclass(frozen=True)
class Period:
    """One period of a dyad timeline."""

    label: str  # 2023-05-17, 2023-W20, 2023-05, 2023-Q2, 2023
    start: dt.date
    end: dt.date
    n_events: int
    weight: float  # sum of weights (= n_events when weight="event")
    quad_counts: dict[int, float]  # quad class (1..4) -> weighted count
    goldstein_sum: float
    goldstein_mean: float
    index: float  # weighted mean score, -10..10
    low: float
    high: float
    n_coarse: int  # events dated less precisely than the period
    contexts: dict[str, float]  # PLOVER context -> weighted count
    events: tuple[KeyEvent, ...]  # in date order (all, or only the top events: see ``dyad_timeline``)
    top_events: tuple[KeyEvent, ...]  # by |goldstein| x mentions
    score_sum: float = 0.0  # sums of weight x score, weight x score^2 and weight^2 (phases pool them)
    score_sq_sum: float = 0.0
    weight_sq_sum: float = 0.0

    def to_dict(self, with_events: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "period": self.label, "start": self.start.isoformat(), "end": self.end.isoformat(),
            "n_events": self.n_events, "weight": self.weight,
            "verbal_cooperation": self.quad_counts.get(1, 0), "material_cooperation": self.quad_counts.get(2, 0),
            "verbal_conflict": self.quad_counts.get(3, 0), "material_conflict": self.quad_counts.get(4, 0),
            "goldstein_sum": self.goldstein_sum, "goldstein_mean": self.goldstein_mean,
            "index": self.index, "index_low": self.low, "index_high": self.high,
            "n_coarse": self.n_coarse, "contexts": dict(self.contexts),
            "top_events": [e.event_id for e in self.top_events],
        }
        if with_events:
            out["events"] = [e.to_dict() for e in self.events]
        return out


@dataclass(frozen=True)
class DyadTimeline:
    """A dyad's series of periods, its undated background events and what was left out."""

    a: str
    b: str
    by: str
    direction: str
    weight: str
    score: str
    since: dt.date | None
    until: dt.date | None
    periods: tuple[Period, ...]
    undated: tuple[KeyEvent, ...]  # asserted events with no recoverable date
    excluded: dict[str, int]  # non-asserted events of the dyad by modality
    n_articles: int
    n_sources: int
    vague: tuple[KeyEvent, ...] = ()  # asserted events dated only to a span of over VAGUE_DAYS

    @property
    def events(self) -> tuple[KeyEvent, ...]:
        """Every event of the series, in date order."""
        return tuple(e for p in self.periods for e in p.events)

    @property
    def n_events(self) -> int:
        return sum(p.n_events for p in self.periods)

    def to_dict(self, with_lists: bool = True) -> dict[str, Any]:
        """The JSON record; ``with_lists=False``: without its last three keys (periods, undated,
        vague; ``web.answers.render_timeline`` writes them)."""
        out: dict[str, Any] = {
            "dyad": [self.a, self.b], "by": self.by, "direction": self.direction, "weight": self.weight,
            "score": self.score, "since": _iso(self.since), "until": _iso(self.until),
            "n_events": self.n_events, "n_articles": self.n_articles, "n_sources": self.n_sources,
            "excluded": dict(self.excluded),
            "method": "index = weighted mean score; 95% t-interval with a shrinkage prior "
                      f"({PRIOR_N:g} pseudo-events, sd {PRIOR_SD:g})",
        }
        if with_lists:
            out["periods"] = [p.to_dict() for p in self.periods]
            out["undated"] = [e.to_dict() for e in self.undated]
            out["vague"] = [e.to_dict() for e in self.vague]
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per period (no event lists)."""
        rows = [p.to_dict(with_events=False) for p in self.periods]
        for row in rows:
            row["contexts"] = ";".join(f"{k}:{v:g}" for k, v in row["contexts"].items())
            row["top_events"] = ";".join(row["top_events"])
        return pd.DataFrame(rows)


def dyad_timeline(store: Any, a: str, b: str, since: Any = None, until: Any = None, by: str = "month",
                  direction: str = "both", weight: str = "event", score: str = "relations",
                  top: int = 3, events: str = "all", contexts: bool = True) -> DyadTimeline:
    """The timeline of the dyad A-B (see the module docstring for what counts and how).

    ``by="auto"`` picks year when the dated events span six years or more, quarter from two
    years, else month; the timeline's ``by`` says which. The figures of each period come from the
    writer's ``dyad_days`` table; ``events`` says which events are listed: ``all`` (each period's
    events and the undated ones), ``top`` (each period's ``top`` events and the undated ones) or
    ``none`` (the figures only, and the top events). ``contexts=False`` leaves each period's
    ``contexts`` empty, for a reader that does not show them (one query less).

    The pair's ``dyad_days`` rows and its events are read once (``analyse.pairdata``; kept per
    snapshot when ``store`` has a ``pair_cache``, as the web app's stores do) and every window,
    direction, period, weight and score is computed from them in memory. A pair of more events
    than the cache keeps is read for the window asked (its top events, for ``top`` and ``none``,
    by SQL).
    """
    if by not in PERIODS and by != "auto":
        raise QueryError(f"by must be auto or one of {', '.join(PERIODS)}, got {by!r}")
    if weight not in WEIGHTS:
        raise QueryError(f"weight must be one of {', '.join(WEIGHTS)}, got {weight!r}")
    if score not in SCORES:
        raise QueryError(f"score must be one of {', '.join(SCORES)}, got {score!r}")
    if events not in EVENT_LISTS:
        raise QueryError(f"events must be one of {', '.join(EVENT_LISTS)}, got {events!r}")
    base = EventFilter(a=a, b=b, direction=direction, since=since, until=until)
    if base.a == base.b:
        raise QueryError(f"a dyad needs two different countries, got {base.a} twice")
    data = pair_data(store, base.a or a, base.b or b)
    rows = data.days.select(base)
    if by == "auto":
        by = auto_period(data.days.span(rows))
    stats = data.days.period_stats(rows, by, weight, score)
    excluded = data.days.excluded(rows)
    asserted = base.replace(modality="asserted")
    pair_events = data.events if data.events is not None or events != "all" else load_events(store, asserted)
    if pair_events is not None:
        listed, by_context, (n_articles, n_sources) = _from_events(pair_events, asserted, by, weight, score, top,
                                                                   events)
    else:  # the top events of a pair of too many events to keep in memory: their SQL
        listed = _listed_events(store, asserted, by, score, top, events)
        by_context = _period_contexts(store, asserted, by, weight) if contexts else {}
        n_articles, n_sources = count_sources(store, asserted)
    if not contexts:
        by_context = {}
    undated = tuple(k for k in listed if k.date_start is None)
    vague_list: list[KeyEvent] = []
    by_period: dict[tuple[int, int], list[KeyEvent]] = {}
    for k in listed:
        if k.date_start is None:
            continue
        if _vague(k):
            vague_list.append(k)
        else:
            by_period.setdefault(period_of(k.date_start, by), []).append(k)
    periods = [_period(key, row, by_period.get(key, []), by_context.get(key, {}), by, top) for key, row in stats]
    return DyadTimeline(
        a=base.a or a, b=base.b or b, by=by, direction=direction, weight=weight, score=score,
        since=base.since, until=base.until, periods=tuple(periods), undated=undated,
        excluded=excluded, n_articles=n_articles, n_sources=n_sources, vague=tuple(vague_list),
    )


_PERIOD_SQL = {"day": "year({c}), dayofyear({c})", "week": "isoyear({c}), week({c})",
               "month": "year({c}), month({c})", "quarter": "year({c}), quarter({c})", "year": "year({c}), 0"}


def _vague(k: KeyEvent) -> bool:
    """``is_vague`` on a KeyEvent's dates."""
    return k.date_start is not None and k.date_end is not None and (k.date_end - k.date_start).days > VAGUE_DAYS


def _rank(k: KeyEvent) -> tuple[Any, ...]:
    """A period's top events first: by |goldstein| x mentions, articles, date, id."""
    return -k.importance, -k.num_articles, k.date_start or dt.date.min, k.event_id


def _from_events(pair_events: PairEvents, f: EventFilter, by: str, weight: str, score: str, top: int,
                 events: str) -> tuple[list[KeyEvent], dict[tuple[int, int], dict[str, float]], tuple[int, int]]:
    """From the events of the pair in memory: the events the timeline lists (see ``dyad_timeline``),
    the weighted contexts of each period's events and the (articles, sources) behind them all."""
    chosen = pair_events.select(f)
    scored = pair_events.scored(score)
    window = [scored[i] for i in chosen]
    contexts: dict[tuple[int, int], dict[str, float]] = {}
    members: dict[tuple[int, int], list[KeyEvent]] = {}
    for k in window:
        if k.date_start is None or _vague(k):
            continue
        key = period_of(k.date_start, by)
        members.setdefault(key, []).append(k)
        sums = contexts.setdefault(key, {})
        w = float(k.num_mentions or 1) if weight == "mentions" else 1.0
        for c in k.contexts:
            sums[c] = sums.get(c, 0.0) + w
    if events == "all":
        listed = window
    else:
        tops = {id(k) for group in members.values() for k in sorted(group, key=_rank)[:top]}
        listed = [k for k in window if id(k) in tops or (events == "top" and (k.date_start is None or _vague(k)))]
    return listed, contexts, pair_events.count_sources(chosen)


def _period_contexts(store: Any, f: EventFilter, by: str, weight: str) -> dict[tuple[int, int], dict[str, float]]:
    sql, params = events_sql(f.replace(dated=True), ("date_start", "date_end", "num_mentions", "contexts"))
    w = "coalesce(num_mentions, 1)" if weight == "mentions" else "1"
    # Python tuples: a DataFrame of these few rows cost a fresh process some 20 ms of pandas' first use
    _, rows = run_rows(store, f"""
        SELECT {_PERIOD_SQL[by].format(c='date_start')}, c, sum(w) FROM (
            SELECT date_start, {w} AS w, unnest(contexts) AS c FROM ({sql}) WHERE NOT {vague_sql()})
        GROUP BY ALL""", params)
    out: dict[tuple[int, int], dict[str, float]] = {}
    for y, part, context, total in rows:
        out.setdefault((int(y), int(part)), {})[str(context)] = float(total)
    return out


def _listed_events(store: Any, f: EventFilter, by: str, score: str, top: int, events: str) -> list[KeyEvent]:
    """The KeyEvents the timeline lists: all asserted events of the dyad, or the ``top`` of each
    period (and, but for ``none``, the undated ones), each with its score."""
    names, rows = run_rows(store, *listed_sql(f, by, score, top, events))
    return key_events_of_rows(names, rows, score="_score")


def listed_sql(f: EventFilter, by: str, score: str, top: int, events: str) -> tuple[str, list[Any]]:
    """The query of ``_listed_events`` (``events`` ``dated``: every dated event that is not vague,
    the events the periods list), in the timeline's order, and its parameters."""
    columns = ", ".join(f'{sql} AS "{name}"' for name, sql in listed_columns(score))
    cond, params = where_clause(f)
    where = " AND ".join(cond)
    if events == "all":
        sql = f"SELECT {columns} FROM events e WHERE {where}"
    elif events == "dated":
        sql = (f"SELECT {columns} FROM events e WHERE {where} "
               f"AND e.date_start IS NOT NULL AND NOT {vague_sql('e.')}")
    else:  # the rows are picked over the ranking's columns, then read whole (the window sorts less)
        rank = ("abs(coalesce(e.goldstein, 0)) * coalesce(e.num_mentions, 1) DESC, e.num_articles DESC, "
                "e.date_start, e.event_id")
        undated = "" if events == "none" else f" OR e.date_start IS NULL OR {vague_sql('e.')}"
        sql = (f"SELECT {columns} FROM events e WHERE {where} AND e.rowid IN ("
               f"SELECT e.rowid FROM events e WHERE {where} "
               f"QUALIFY (e.date_start IS NOT NULL AND NOT {vague_sql('e.')} AND row_number() OVER (PARTITION BY "
               f"{_PERIOD_SQL[by].format(c='e.date_start')} ORDER BY {rank}) <= {int(top)}){undated})")
        params = params + params
    # Python values straight from the cursor (a DataFrame costs more than the query for thousands of events)
    return sql + " ORDER BY e.date_start NULLS LAST, e.date_end NULLS LAST, e.event_id", params


def listed_columns(score: str) -> list[tuple[str, str]]:
    """(name, SQL) of the columns ``key_events_of_rows`` reads a listed event from, over the events
    table as ``e``: ``KEY_EVENT_COLUMNS``, the evidence's fields as ``evidence.<field>`` (a struct
    costs more to hand to Python than its fields) and the score as ``_score``."""
    columns = [(c, f"e.{c}" if c != "num_sources" else "coalesce(e.num_sources, 0)")
               for c in KEY_EVENT_COLUMNS if c != "evidence"]
    return columns + [(f"evidence.{f}", f'e.evidence."{f}"') for f in EVIDENCE_FIELDS] + [
        ("_score", score_sql(score, "e."))]


def auto_period(dates: list[dt.date]) -> str:
    """year when the dates span six years or more, quarter from two years, else month."""
    span = (max(dates).year - min(dates).year) if dates else 0
    return "year" if span >= 6 else "quarter" if span >= 2 else "month"


def event_score(goldstein: float, source_sector: Any, target_sector: Any, score: str = "relations") -> float:
    """An event's score on the Goldstein scale (see the module docstring; ``score_sql`` in SQL)."""
    g = float(goldstein or 0.0)
    if score == "relations" and g > 0 and ({clean(source_sector), clean(target_sector)} & OPPOSITION_SECTORS):
        return -g
    return g


def is_vague(start: Any, end: Any) -> bool:
    """Whether an event dated from ``start`` to ``end`` is dated only to a span of over VAGUE_DAYS."""
    start, end = as_date(clean(start)), as_date(clean(end))
    return start is not None and end is not None and (end - start).days > VAGUE_DAYS


def vague_sql(prefix: str = "") -> str:
    """SQL: ``is_vague`` over the events table's ``date_start``/``date_end`` (``prefix``: a table alias and dot)."""
    return (f"({prefix}date_start IS NOT NULL AND {prefix}date_end IS NOT NULL "
            f"AND {prefix}date_end - {prefix}date_start > {VAGUE_DAYS})")


def coarse_sql(by: str) -> str:
    """SQL: whether an event's ``date_precision`` is less precise than the period ``by`` (``n_coarse``)."""
    cases = " ".join(f"WHEN '{p}' THEN {r}" for p, r in _PRECISION_RANK.items())
    return f"(CASE date_precision {cases} ELSE {_PRECISION_RANK['unknown']} END) > {_PRECISION_RANK[by]}"


def _period(key: tuple[int, int], row: dict[str, float], listed: list[KeyEvent], contexts: dict[str, float],
            by: str, top: int) -> Period:
    label, start, end = period_bounds(key, by)
    total = row["w"]
    mean = row["s"] / total
    index, low, high = band(mean, row["s2"] / total - mean * mean, total * total / row["w2"])
    ranked = sorted(listed, key=_rank)
    return Period(
        label=label, start=start, end=end, n_events=int(row["n"]), weight=round(total, 3),
        quad_counts={q: _num(row[f"q{q}"]) for q in (1, 2, 3, 4)},
        goldstein_sum=round(row["gold"], 3), goldstein_mean=round(row["gold"] / total, 3),
        index=index, low=low, high=high, n_coarse=int(row["coarse"]),
        contexts={k: _num(v) for k, v in sorted(contexts.items(), key=lambda kv: (-kv[1], kv[0]))},
        events=tuple(listed), top_events=tuple(ranked[:top]),
        score_sum=row["s"], score_sq_sum=row["s2"], weight_sq_sum=row["w2"],
    )


def index_band(values: list[float], weights: list[float] | None = None) -> tuple[float, float, float]:
    """(weighted mean, low, high): the index and its 95% band (see the module docstring)."""
    if not values:
        raise QueryError("no events to compute an index from")
    w = [1.0] * len(values) if weights is None else [float(x) for x in weights]
    total = sum(w)
    mean = sum(wi * x for wi, x in zip(w, values)) / total
    n_eff = total ** 2 / sum(wi * wi for wi in w)
    var = sum(wi * (x - mean) ** 2 for wi, x in zip(w, values)) / total
    return band(mean, var, n_eff)


def band(mean: float, var: float, n_eff: float) -> tuple[float, float, float]:
    """(mean, low, high) from a weighted mean, its (population) variance and the effective count."""
    pooled = (n_eff * max(var, 0.0) + PRIOR_N * PRIOR_SD ** 2) / (n_eff + PRIOR_N)
    half = float(stdtrit(n_eff + PRIOR_N - 1, 0.975)) * math.sqrt(pooled / n_eff)
    clip = lambda x: round(max(-10.0, min(10.0, x)), 3)  # noqa: E731
    return round(mean, 3), clip(mean - half), clip(mean + half)


def period_of(day: dt.date, by: str) -> tuple[int, int]:
    """(year, day of year | ISO week | month | quarter | 0) of a date; for weeks, the ISO year."""
    if by == "day":
        return day.year, day.timetuple().tm_yday
    if by == "week":
        iso = day.isocalendar()
        return iso[0], iso[1]
    if by == "month":
        return day.year, day.month
    if by == "quarter":
        return day.year, (day.month - 1) // 3 + 1
    return day.year, 0


def period_bounds(key: tuple[int, int], by: str) -> tuple[str, dt.date, dt.date]:
    """(label, first day, last day) of a period key: 2023-05-17, 2023-W20 (ISO week, Monday to
    Sunday), 2023-05, 2023-Q2 or 2023."""
    year, part = key
    if by == "year":
        return f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31)
    if by == "day":
        day = dt.date(year, 1, 1) + dt.timedelta(days=part - 1)
        return day.isoformat(), day, day
    if by == "week":
        monday = dt.date.fromisocalendar(year, part, 1)
        return f"{year}-W{part:02d}", monday, monday + dt.timedelta(days=6)
    first_month = part if by == "month" else 3 * (part - 1) + 1
    last_month = part if by == "month" else first_month + 2
    start = dt.date(year, first_month, 1)
    end = (dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1))
    label = f"{year}-{part:02d}" if by == "month" else f"{year}-Q{part}"
    return label, start, end


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 3)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
