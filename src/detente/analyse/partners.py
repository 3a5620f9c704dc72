"""A country's partners: its dyads ranked by volume, then tone — who is it turning to?

    for p in partners(store, "IRN", since="2022"):
        print(p.country, p.n_events, p.index, p.cooperative_share)

Counts asserted events (dated or not; with ``since``/``until`` only those dated in the window)
between A and another country, once each. ``index`` is the mean relations score of those
events with its 95% band, as in ``analyse.dyad``. ``first_date``/``last_date`` (and ``n_dated``)
leave out events dated only to a span of over a year ("for most of the past decade"): such a
remark is no first contact in the span's first year.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..dates import as_date
from .dyad import OPPOSITION_SECTORS, band, vague_sql
from .query import EventFilter, parse_date, run_query, where_clause
from .records import clean, country_name

if TYPE_CHECKING:
    from ..store.db import Store
    from .query import DateLike


@dataclass(frozen=True)
class Partner:
    country: str
    n_events: int
    n_outgoing: int  # A is the source
    n_incoming: int  # A is the target
    n_dated: int
    index: float
    low: float
    high: float
    cooperative_share: float  # share of events in quad classes 1-2
    material_conflict: int  # events in quad class 4
    first_date: dt.date | None
    last_date: dt.date | None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["first_date"] = self.first_date.isoformat() if self.first_date else None
        out["last_date"] = self.last_date.isoformat() if self.last_date else None
        return out


_SCORE = ("CASE WHEN e.goldstein > 0 AND (e.source_sector IN ({s}) OR e.target_sector IN ({s})) "
          "THEN -e.goldstein ELSE e.goldstein END")


def partners(store: Store, a: str, since: DateLike = None, until: DateLike = None,
             limit: int | None = None) -> list[Partner]:
    """A's dyads (other country, not A itself), by number of events then index, highest first."""
    f = EventFilter(country=a, since=parse_date(since, "since"), until=parse_date(until, "until"), modality="asserted")
    cond, params = where_clause(f)
    sectors = ", ".join(f"'{s}'" for s in sorted(OPPOSITION_SECTORS))
    score = _SCORE.format(s=sectors)
    sql = f"""
        WITH d AS (
            SELECT CASE WHEN e.source_country = ? THEN e.target_country ELSE e.source_country END AS partner,
                   CASE WHEN e.source_country = ? THEN e.target_name ELSE e.source_name END AS pname,
                   e.source_country = ? AS outgoing, {score} AS score, e.quad_class,
                   CASE WHEN {vague_sql("e.")} THEN NULL ELSE e.date_start END AS date_start,
                   CASE WHEN {vague_sql("e.")} THEN NULL ELSE coalesce(e.date_end, e.date_start) END AS date_end
            FROM events e
            WHERE {" AND ".join(cond)} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
              AND e.source_country <> e.target_country
        )
        SELECT partner, mode(pname), count(*), sum(CASE WHEN outgoing THEN 1 ELSE 0 END),
               count(date_start), avg(coalesce(score, 0)), var_pop(coalesce(score, 0)),
               avg(CASE WHEN quad_class <= 2 THEN 1.0 ELSE 0.0 END),
               sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END), min(date_start), max(date_end)
        FROM d GROUP BY partner
    """
    rows = run_query(store, sql, [f.country, f.country, f.country, *params]).itertuples(index=False)
    out = []
    for row in rows:
        (country, name, n, n_out, n_dated, mean, var, coop, conflict, first, last) = (clean(v) for v in row)
        index, low, high = band(float(mean or 0.0), float(var or 0.0), float(n))
        out.append(Partner(
            country=country, name=country_name(country) if country_name(country) != country else name, n_events=int(n), n_outgoing=int(n_out),
            n_incoming=int(n) - int(n_out), n_dated=int(n_dated), index=index, low=low, high=high,
            cooperative_share=round(float(coop), 3), material_conflict=int(conflict),
            first_date=as_date(first), last_date=as_date(last)))
    out.sort(key=lambda p: (-p.n_events, -p.index, p.country))
    return out[:limit] if limit else out


