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

import dataclasses
import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from .dyad import VAGUE_DAYS, band
from .query import EventFilter, days_window, run_query, where_clause
from .records import clean, country_name


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


def partners(store: Any, a: str, since: Any = None, until: Any = None, limit: int | None = None) -> list[Partner]:
    """A's dyads (other country, not A itself), by number of events then index, highest first.
    The figures come from the writer's ``dyad_days`` table (no scan of the events)."""
    f = EventFilter(country=a, since=since, until=until, modality="asserted")
    window, dates = days_window(f)
    vague = f"coalesce(end_day - day > {VAGUE_DAYS}, FALSE)"  # dated only to a span: no first or last date
    # A's rows by ``pair`` (the writer's dictionary-compressed, clustered column): 'A|X' or 'X|A'
    params = [f.country] * 2 + [f"{f.country}|", f"{f.country}}}", f"%|{f.country}"] + dates
    sql = f"""
        SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END AS partner,
               sum(n), sum(n) FILTER (WHERE source_country = ?),
               coalesce(sum(n) FILTER (WHERE day IS NOT NULL AND NOT {vague}), 0),
               sum(r) / sum(n), sum(r2) / sum(n) - (sum(r) / sum(n)) ^ 2, (sum(q1) + sum(q2)) / sum(n), sum(q4),
               min(day) FILTER (WHERE NOT {vague}), max(end_day) FILTER (WHERE NOT {vague})
        FROM dyad_days
        WHERE (pair >= ? AND pair < ? OR pair LIKE ?) AND source_country <> target_country
              AND modality = 'asserted'{window}
        GROUP BY partner"""
    rows = run_query(store, sql, params).itertuples(index=False)
    out = []
    for row in rows:
        (country, n, n_out, n_dated, mean, var, coop, conflict, first, last) = (clean(v) for v in row)
        index, low, high = band(float(mean or 0.0), float(var or 0.0), float(n))
        out.append(Partner(
            country=country, name=country_name(country), n_events=int(n), n_outgoing=int(n_out or 0),
            n_incoming=int(n) - int(n_out or 0), n_dated=int(n_dated), index=index, low=low, high=high,
            cooperative_share=round(float(coop), 3), material_conflict=int(conflict),
            first_date=_date(first), last_date=_date(last)))
    out.sort(key=lambda p: (-p.n_events, -p.index, p.country))
    out = out[:limit] if limit else out
    return _named(store, f, out)


def _named(store: Any, f: EventFilter, found: list[Partner]) -> list[Partner]:
    """Partners without a country name (IGO, ...) take the name their events give them most."""
    unnamed = [p.country for p in found if p.name == p.country]
    if not unnamed:
        return found
    cond, params = where_clause(f)
    frame = run_query(store, f"""
        SELECT CASE WHEN e.source_country = ? THEN e.target_country ELSE e.source_country END AS partner,
               mode(CASE WHEN e.source_country = ? THEN e.target_name ELSE e.source_name END)
        FROM events e WHERE {" AND ".join(cond)} AND (e.source_country IN (SELECT unnest(?::VARCHAR[]))
              OR e.target_country IN (SELECT unnest(?::VARCHAR[]))) GROUP BY partner""",
                      [f.country, f.country, *params, unnamed, unnamed])
    names = {clean(c): clean(n) for c, n in frame.itertuples(index=False)}
    return [dataclasses.replace(p, name=names.get(p.country) or p.name) if p.name == p.country else p
            for p in found]


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if hasattr(value, "date") and not isinstance(value, dt.date):
        return value.date()
    return value
