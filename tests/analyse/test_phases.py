from __future__ import annotations

import datetime as dt
from pathlib import Path

from fixture_store import Art, Ev, build_store

from detente.analyse.contexts import dyad_contexts
from detente.analyse.dyad import dyad_timeline
from detente.analyse.partners import partners
from detente.analyse.phases import change_points, dyad_phases, label_for
from detente.analyse.query import open_db


def _cold_then_warm(tmp_path: Path) -> Path:
    """Six cold years (accusations, criticism) then six warm ones (visits, agreements), TJK-UZB."""
    art = Art("a1", body="Headline\n\n" + " ".join(f"Sentence {i} happened." for i in range(40)), published="2024-01-01")
    events = []
    cold = ["112", "111", "112", "111", "112", "111"]
    warm = ["042", "057", "043", "042", "057", "061"]
    for i, code in enumerate(cold + warm):
        year = 2010 + i
        for k in range(3):
            events.append(Ev(f"e{year}-{k}", code if k != 2 else code[:2] + "0", "TJK" if k % 2 else "UZB",
                             "UZB" if k % 2 else "TJK", f"{year}-0{k + 3}-10",
                             [("a1", f"Sentence {(i * 3 + k) % 40} happened.", "happened")]))
    return build_store(tmp_path / "cw.duckdb", events, [art])


def test_cold_to_warm_splits_there(tmp_path):
    with open_db(_cold_then_warm(tmp_path)) as store:
        tl = dyad_timeline(store, "TJK", "UZB", by="year")
        phases = dyad_phases(tl)
    assert len(phases) == 2
    cold, warm = phases
    assert cold.label == "cold" and cold.last_period == "2015"
    assert warm.first_period == "2016" and warm.label in {"warm", "cooperative"}
    assert warm.start == dt.date(2016, 1, 1) and warm.end == dt.date(2021, 12, 31)
    assert cold.index < 0 < warm.index
    assert warm.turning_events and all(e.date_start.year == 2016 for e in warm.turning_events)
    assert cold.n_events + warm.n_events == tl.n_events


def test_fixture_corpus_phases(store):
    phases = dyad_phases(dyad_timeline(store, "IRN", "TJK", by="year"))
    assert phases[0].label == "cold" and phases[0].first_period == "2015"
    assert "e-kabiri" in [e.event_id for e in phases[0].turning_events]
    assert phases[-1].label in {"warm", "cooperative"} and phases[-1].last_period == "2023"
    assert phases[0].index < 0 < phases[-1].index


def test_short_and_flat_series():
    assert change_points([]) == [0]
    assert change_points([3.0]) == [1]
    assert change_points([-5.0, 5.0]) == [1, 2]  # two periods far apart are two phases
    assert change_points([1.0, 1.5]) == [2]
    assert change_points([2.0, 2.1, 1.9, 2.0, 2.05]) == [5]  # flat: one phase
    assert change_points([-3, -3.2, -2.8, -3, 4, 4.2, 3.9, 4]) == [4, 8]


def test_labels():
    assert [label_for(x) for x in (-7, -3, 0, 3, 7)] == ["hostile", "cold", "neutral", "warm", "cooperative"]


def test_no_periods_no_phases(store):
    assert dyad_phases(dyad_timeline(store, "ARM", "AZE")) == []


def test_partners(store):
    found = partners(store, "IRN")
    assert [p.country for p in found] == ["TJK", "AFG"]
    tjk = found[0]
    assert tjk.n_events == 11 and tjk.n_outgoing + tjk.n_incoming == 11
    assert tjk.n_dated == 10 and tjk.name == "Tajikistan"
    assert tjk.first_date == dt.date(2015, 12, 1) and tjk.last_date == dt.date(2023, 5, 31)
    recent = partners(store, "IRN", since="2023-01-01")
    assert recent[0].country == "TJK" and recent[0].n_events == 3 and recent[0].index > 4
    assert [p.country for p in partners(store, "AFG")] == ["IRN"]


def test_contexts(store):
    ctx = dyad_contexts(store, "IRN", "TJK", by="year")
    assert ctx.totals() == {"transport": 2, "energy": 1, "security": 1, "terrorism": 1, "trade": 1}
    assert ctx.totals("conflict") == {"terrorism": 1}
    frame = ctx.to_frame()
    assert set(frame["period"]) == {"2016", "2023"}
    row = frame[(frame["period"] == "2023") & (frame["context"] == "transport")].iloc[0]
    assert row["n_cooperation"] == 2 and row["n_conflict"] == 0


def test_the_running_sums_cost_segments_like_ruptures_l2():
    """change_points' cost from running sums finds the change points ruptures' own l2 cost finds."""
    import numpy as np
    import ruptures

    from detente.analyse.phases import _l2_cost

    rng = np.random.default_rng(7)
    for n in (2, 5, 36, 120):
        for _ in range(10):
            x = np.concatenate([rng.normal(rng.uniform(-6, 6), 2, size=n) for _ in range(4)])[:n].reshape(-1, 1)
            pen = 8 * np.log(n)
            expected = ruptures.Pelt(model="l2", min_size=1, jump=1).fit(x).predict(pen=pen)
            assert ruptures.Pelt(custom_cost=_l2_cost(), min_size=1, jump=1).fit(x).predict(pen=pen) == expected
