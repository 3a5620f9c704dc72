"""What a dyad's relations are about: PLOVER contexts (trade, energy, education, transport,
military, security, ...) counted per period, split into cooperation and conflict.

    ctx = dyad_contexts(store, "IRN", "TJK", by="year")
    ctx.totals()       # {"trade": 2, "energy": 1, ...}
    ctx.to_frame()     # period, context, n_events, n_cooperation, n_conflict

Counts asserted, dated events of the dyad, once each; an event with several contexts counts
once in each. Events without a context are not counted.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import QueryError
from .dyad import PERIODS, period_bounds, period_of
from .query import EventFilter, parse_date, select_events

if TYPE_CHECKING:
    from ..store.db import Store
    from .query import DateLike


@dataclass(frozen=True)
class ContextCount:
    period: str
    context: str
    n_events: int
    n_cooperation: int  # quad classes 1-2
    n_conflict: int  # quad classes 3-4


@dataclass(frozen=True)
class DyadContexts:
    a: str
    b: str
    by: str
    rows: tuple[ContextCount, ...]  # by period, then by count (highest first)

    def totals(self, kind: str = "all") -> dict[str, int]:
        """Context -> events over all periods (``kind``: all | cooperation | conflict), highest first."""
        field = {"all": "n_events", "cooperation": "n_cooperation", "conflict": "n_conflict"}[kind]
        total: Counter[str] = Counter()
        for row in self.rows:
            total[row.context] += getattr(row, field)
        return {k: v for k, v in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])) if v}

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([asdict(r) for r in self.rows],
                            columns=["period", "context", "n_events", "n_cooperation", "n_conflict"])

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": [self.a, self.b], "by": self.by, "totals": self.totals(),
                "rows": [asdict(r) for r in self.rows]}


def dyad_contexts(store: Store, a: str, b: str, since: DateLike = None, until: DateLike = None, by: str = "year",
                  direction: str = "both") -> DyadContexts:
    """Context counts of the dyad A-B per period (see the module docstring)."""
    if by not in PERIODS:
        raise QueryError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    f = EventFilter(a=a, b=b, direction=direction, since=parse_date(since, "since"), until=parse_date(until, "until"),
                    modality="asserted", dated=True)
    frame = select_events(store, f)
    counts: dict[tuple[tuple[int, int], str], list[int]] = {}
    for day, quad, contexts in zip(frame["date_start"], frame["quad_class"], frame["contexts"]):
        key = period_of(day, by)
        for context in dict.fromkeys(contexts or ()):
            cell = counts.setdefault((key, str(context)), [0, 0, 0])
            cell[0] += 1
            cell[1 if int(quad) <= 2 else 2] += 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1]))
    rows = tuple(ContextCount(period=period_bounds(key, by)[0], context=context, n_events=c[0],
                              n_cooperation=c[1], n_conflict=c[2]) for (key, context), c in ordered)
    return DyadContexts(a=f.a or a, b=f.b or b, by=by, rows=rows)
