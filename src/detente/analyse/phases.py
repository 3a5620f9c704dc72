"""Phases of a dyad's relations: stretches of periods whose index is stable, found by change-point
detection (``ruptures``), each labelled from hostile to cooperative.

    tl = dyad_timeline(store, "IRN", "TJK", by="year")
    for ph in dyad_phases(tl):
        print(ph.label, ph.start, ph.end, ph.index, [e.event_id for e in ph.turning_events])

**Method.** The signal is the series of period indexes (periods with events, in order). PELT
(``ruptures.Pelt``, least-squares cost, segments of one period allowed) finds the change points
with the BIC-like penalty ``2 * SIGMA^2 * ln(n)``, where ``SIGMA`` = 2 Goldstein points is the
size of shift the segmentation treats as noise: the ordinary alternation of periods of visits
(+1.9) and of agreements (+8) is not a change of phase, a move from accusations (-2) to visits
and agreements is. The scale is fixed rather than estimated from the series because most dyad
series are short and rest on few events per period: an estimate from them would be noise
itself. The phases describe the series; the period bands say how much each period can be
trusted. Adjacent segments that get the same label are merged. A series of fewer than
``MIN_PERIODS`` periods is not segmented: it is one phase.

**Labels** from the phase's index (the weighted mean score of all its events): hostile < -5 <=
cold < -1 <= neutral <= 1 < warm < 5 <= cooperative.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .dyad import DyadTimeline, Period, band
from .records import KeyEvent

MIN_PERIODS = 2
SIGMA = 2.0
LABELS = ("hostile", "cold", "neutral", "warm", "cooperative")


@dataclass(frozen=True)
class Phase:
    """A stretch of stable relations: its dates, index, label and the events that opened it."""

    label: str
    start: dt.date  # first day of its first period
    end: dt.date  # last day of its last period
    first_period: str
    last_period: str
    n_periods: int
    n_events: int
    index: float
    low: float
    high: float
    turning_events: tuple[KeyEvent, ...]  # the most important events of its first period

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat(),
            "first_period": self.first_period, "last_period": self.last_period,
            "n_periods": self.n_periods, "n_events": self.n_events,
            "index": self.index, "index_low": self.low, "index_high": self.high,
            "turning_events": [e.to_dict() for e in self.turning_events],
        }


def label_for(index: float) -> str:
    """hostile / cold / neutral / warm / cooperative for an index on the Goldstein scale."""
    if index < -5:
        return "hostile"
    if index < -1:
        return "cold"
    if index <= 1:
        return "neutral"
    if index < 5:
        return "warm"
    return "cooperative"


def dyad_phases(timeline: DyadTimeline, penalty: float | None = None) -> list[Phase]:
    """Segment the timeline's index into phases (see the module docstring); [] when it has no periods.

    ``penalty`` overrides the penalty computed from the series.
    """
    periods = list(timeline.periods)
    if not periods:
        return []
    segments: list[list[Period]] = []
    start = 0
    for end in change_points([p.index for p in periods], penalty):
        segments.append(periods[start:end])
        start = end
    phases = [_phase(segments[0], timeline.weight)]
    for segment in segments[1:]:
        phase = _phase(segment, timeline.weight)
        if phase.label == phases[-1].label:  # same label on both sides: not a turn
            first = next(i for i, p in enumerate(periods) if p.label == phases[-1].first_period)
            phase = _phase(periods[first:periods.index(segment[-1]) + 1], timeline.weight)
            phases[-1] = phase
        else:
            phases.append(phase)
    return phases


def change_points(values: list[float], penalty: float | None = None) -> list[int]:
    """Ends (exclusive) of the segments of ``values``; the last one is ``len(values)``."""
    n = len(values)
    if n < MIN_PERIODS:
        return [n]
    import ruptures

    signal = np.asarray(values, dtype=float).reshape(-1, 1)
    pen = penalty if penalty is not None else series_penalty(values)
    bkps = ruptures.Pelt(custom_cost=_l2_cost(), min_size=1, jump=1).fit(signal).predict(pen=pen)
    return [int(b) for b in bkps]


def _l2_cost() -> Any:
    """ruptures' least-squares cost (``model="l2"``: a segment's sum of squared deviations from
    its mean) from running sums, O(1) a segment instead of a variance over its values: PELT asks
    it of every pair of admissible ends, which made phases by month of a long series cost more
    than the timeline's queries."""
    from ruptures.base import BaseCost

    class CostL2Sums(BaseCost):
        model = "l2"
        min_size = 1

        def fit(self, signal: Any) -> "CostL2Sums":
            x = self.signal = np.asarray(signal, dtype=float).reshape(len(signal), -1)
            self.s1 = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
            self.s2 = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x * x, axis=0)])
            return self

        def error(self, start: int, end: int) -> float:
            n = end - start
            s1 = self.s1[end] - self.s1[start]
            return max(float((self.s2[end] - self.s2[start] - s1 * s1 / n).sum()), 0.0)

    return CostL2Sums()


def series_penalty(values: list[float]) -> float:
    """2 * SIGMA^2 * ln(n) for a series of n periods."""
    return 2.0 * SIGMA ** 2 * math.log(max(len(values), 2))


def _phase(periods: list[Period], weight: str) -> Phase:
    """A phase's index and band pool its periods' sums (the same as pooling their events)."""
    total = sum(p.weight for p in periods)
    mean = sum(p.score_sum for p in periods) / total
    var = sum(p.score_sq_sum for p in periods) / total - mean * mean
    index, low, high = band(mean, var, total * total / sum(p.weight_sq_sum for p in periods))
    return Phase(
        label=label_for(index), start=periods[0].start, end=periods[-1].end,
        first_period=periods[0].label, last_period=periods[-1].label, n_periods=len(periods),
        n_events=sum(p.n_events for p in periods), index=index, low=low, high=high, turning_events=periods[0].top_events,
    )
