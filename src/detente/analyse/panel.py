"""Panels: one table for every dyad (or country) and period at once, to join with covariates.

    import detente
    df = detente.panel("detente.duckdb", unit="dyad", by="year")              # undirected pairs
    df = detente.panel("detente.duckdb", unit="country", by="month", since="2015")

**What counts** is what ``detente dyad`` counts (see ``detente.analyse.dyad``): asserted, dated
events, each once however many articles report it (``weight="mentions"``: by its mentions),
placed in the period of their ``date_start`` however vaguely they are dated (``n_coarse`` counts
those dated less precisely than the period). The relations index and its band are computed by the
dyad module's own ``index_band`` on the same scores in the same order, so a row of the dyad panel
equals the period of ``dyad_timeline`` for that pair.

**Units.** ``unit="dyad"``: undirected pairs ``country_a`` < ``country_b`` (alphabetical), events of
both directions together, as ``detente dyad A B``; ``directed=True``: ``source`` -> ``target``.
Events without a country on both sides, or with the same country on both, are in no dyad.
``unit="country"``: every event a country takes part in, on either side and whatever the other
side is (unknown included), counted once for it; ``directed=True`` splits it by ``role``
(``source``: what the country did, ``target``: what was done to it).

**Columns.** The unit's columns, ``period``, ``start``, ``end``, ``n_events``, ``weight``, the quad
classes (``verbal_cooperation`` .. ``material_conflict``), one ``plover_<type>`` count per PLOVER
type (``plover_none``: CAMEO 01/02 statements and appeals, which PLOVER has no type for),
``goldstein_sum``, ``goldstein_mean``, ``index``, ``index_low``, ``index_high``, ``n_coarse``,
``n_articles`` (distinct articles reporting the row's events) and ``n_sources`` (distinct
publishers; an article without one counts as its own source). Periods without events have no row.

The reading and grouping run in DuckDB over the one event reader's query (``events_sql``); only
the index is computed per row, in Python, by the dyad module.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pandas as pd

from ..dates import as_day
from ..errors import QueryError
from .dyad import (PERIODS, SCORES, WEIGHTS, coarse_sql, index_band, period_bounds, period_of, score_sql,
                   vague_sql)
from .query import EVENT_COLUMNS, EventFilter, events_sql, open_db, run_query

UNITS = ("dyad", "country")
PANEL_FORMATS = ("csv", "parquet")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
_TRUNC = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def unit_columns(unit: str, directed: bool) -> tuple[str, ...]:
    """The key columns of a panel's unit."""
    if unit == "dyad":
        return ("source", "target") if directed else ("country_a", "country_b")
    return ("country", "role") if directed else ("country",)


def panel_columns(unit: str, directed: bool) -> list[str]:
    """Every column of a panel, in order."""
    return [*unit_columns(unit, directed), "period", "start", "end", "n_events", "weight", *QUADS,
            *(f"plover_{t.lower()}" for t in PLOVER_TYPES), "plover_none", "goldstein_sum", "goldstein_mean",
            "index", "index_low", "index_high", "n_coarse", "n_articles", "n_sources"]


def panel(db: Any, unit: str = "dyad", by: str = "year", directed: bool = False, since: Any = None,
          until: Any = None, weight: str = "event", score: str = "relations") -> pd.DataFrame:
    """The panel of ``unit`` x period over the store ``db`` (a path or an open store), one row
    per unit and period with events, ordered by unit then period (see the module docstring)."""
    if unit not in UNITS:
        raise QueryError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
    if by not in PERIODS:
        raise QueryError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    if weight not in WEIGHTS:
        raise QueryError(f"weight must be one of {', '.join(WEIGHTS)}, got {weight!r}")
    if score not in SCORES:
        raise QueryError(f"score must be one of {', '.join(SCORES)}, got {score!r}")
    f = EventFilter(since=since, until=until, modality="asserted", dated=True)
    keys = unit_columns(unit, directed)
    sql, params = _panel_sql(f, unit, directed, by, weight, score)
    with open_db(db) as store:
        frame = run_query(store, sql, params)
    return _finish(frame, keys, by, weight, unit, directed)


def _units_sql(unit: str, directed: bool) -> str:
    """SELECT of (unit keys, event columns) rows from ``ev``: one row per event and unit."""
    if unit == "dyad":
        pair = ("source_country AS k1, target_country AS k2" if directed else
                "least(source_country, target_country) AS k1, greatest(source_country, target_country) AS k2")
        return (f"SELECT {pair}, ev.* FROM ev WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
                "AND source_country <> target_country")
    if directed:
        return ("SELECT source_country AS k1, 'source' AS k2, ev.* FROM ev WHERE source_country IS NOT NULL "
                "UNION ALL SELECT target_country AS k1, 'target' AS k2, ev.* FROM ev WHERE target_country IS NOT NULL")
    return ("SELECT source_country AS k1, NULL::VARCHAR AS k2, ev.* FROM ev WHERE source_country IS NOT NULL "
            "UNION ALL SELECT target_country AS k1, NULL::VARCHAR AS k2, ev.* FROM ev "
            "WHERE target_country IS NOT NULL AND source_country IS DISTINCT FROM target_country")


def _panel_sql(f: EventFilter, unit: str, directed: bool, by: str, weight: str, score: str) -> tuple[str, list[Any]]:
    base, params = events_sql(f, (*EVENT_COLUMNS, "article_ids", "source_keys"))
    w = "coalesce(num_mentions, 1)::DOUBLE" if weight == "mentions" else "1.0"
    order = "ORDER BY date_start NULLS LAST, date_end NULLS LAST, event_id"  # select_events: sums as dyad sums
    plover = ", ".join(f"sum(w) FILTER (WHERE plover = '{t}') AS plover_{t.lower()}" for t in PLOVER_TYPES)
    quads = ", ".join(f"sum(w) FILTER (WHERE quad_class = {i}) AS {q}" for i, q in enumerate(QUADS, 1))
    sql = f"""
    WITH ev AS ({base}),
    u AS (
        SELECT *, {w} AS w, ({score_sql(score)}) AS score,
               CAST(date_trunc('{_TRUNC[by]}', date_start) AS DATE) AS p
        FROM ({_units_sql(unit, directed)})
        WHERE NOT {vague_sql()}
    ),
    agg AS (
        SELECT k1, k2, p, count(*) AS n_events, sum(w) AS weight, {quads}, {plover},
               sum(w) FILTER (WHERE plover IS NULL) AS plover_none,
               sum(w * coalesce(goldstein, 0.0)) AS goldstein_sum,
               count(*) FILTER (WHERE {coarse_sql(by)}) AS n_coarse,
               list(score {order}) AS scores, list(w {order}) AS weights
        FROM u GROUP BY k1, k2, p
    ),
    src AS (
        SELECT k1, k2, p, count(DISTINCT article) AS n_articles, count(DISTINCT source) AS n_sources
        FROM (SELECT k1, k2, p, unnest(article_ids) AS article, NULL AS source FROM u
              UNION ALL SELECT k1, k2, p, NULL, unnest(source_keys) FROM u)
        GROUP BY k1, k2, p
    )
    SELECT agg.*, coalesce(src.n_articles, 0) AS n_articles, coalesce(src.n_sources, 0) AS n_sources
    FROM agg LEFT JOIN src ON src.k1 = agg.k1 AND src.k2 IS NOT DISTINCT FROM agg.k2 AND src.p = agg.p
    ORDER BY agg.k1, agg.k2, agg.p
    """
    return sql, params


def _finish(frame: pd.DataFrame, keys: tuple[str, ...], by: str, weight: str, unit: str,
            directed: bool) -> pd.DataFrame:
    """Aggregated rows -> the panel: labels, the index and band per row, rounding as dyad rounds."""
    columns = panel_columns(unit, directed)
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out = frame.rename(columns={"k1": keys[0], **({"k2": keys[1]} if len(keys) > 1 else {})})
    bounds = [period_bounds(period_of(as_day(p, "period"), by), by) for p in out["p"]]
    out["period"] = [b[0] for b in bounds]
    out["start"] = [b[1] for b in bounds]
    out["end"] = [b[2] for b in bounds]
    bands = [index_band([float(x) for x in s], [float(x) for x in ws]) for s, ws in zip(out["scores"], out["weights"])]
    out["index"], out["index_low"], out["index_high"] = ([b[i] for b in bands] for i in range(3))
    counts = [*QUADS, *(f"plover_{t.lower()}" for t in PLOVER_TYPES), "plover_none", "weight"]
    out[counts] = out[counts].fillna(0.0)
    if weight == "event":
        out[counts] = out[counts].astype("int64")
    else:
        out[counts] = out[counts].round(3)
    out["goldstein_mean"] = (out["goldstein_sum"] / out["weight"]).round(3)
    out["goldstein_sum"] = out["goldstein_sum"].round(3)
    for name in ("n_events", "n_coarse", "n_articles", "n_sources"):
        out[name] = out[name].astype("int64")
    return out[columns].reset_index(drop=True)


def write_panel(frame: pd.DataFrame, fmt: str, out: str | Path | TextIO | BinaryIO) -> None:
    """Write a panel as CSV or Parquet to a path or an open file (text for CSV, binary for Parquet)."""
    if fmt not in PANEL_FORMATS:
        raise QueryError(f"format must be one of {', '.join(PANEL_FORMATS)}, got {fmt!r}")
    if fmt == "csv":
        frame.to_csv(out, index=False, lineterminator="\n")
        return
    table = frame.copy()
    for name in ("start", "end"):
        table[name] = pd.to_datetime(table[name]).dt.date
    table.to_parquet(out, index=False)
