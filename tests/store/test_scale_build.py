"""benchmarks/scale.py builds its store through the writer's hook, and a stopped build resumes
to the store an uninterrupted one gives."""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import scale  # noqa: E402


def _content(path: Path) -> tuple:
    with duckdb.connect(str(path), read_only=True) as con:
        return (con.execute("SELECT event_id, pair, cameo, date_start, num_mentions, num_sources, evidence.mention_id "
                            "FROM events ORDER BY event_id").fetchall(),
                con.execute("SELECT k, n, nm, r FROM dyad_days ORDER BY k").fetchall(),
                con.execute("SELECT count(*) FROM mentions").fetchone())


def test_a_resumed_build_equals_an_uninterrupted_one(tmp_path):
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    scale.build(whole, 1500, 500, 0.42)
    scale.build(resumed, 1000, 500, 0.42)  # stopped after two chunks
    scale.build(resumed, 1500, 500, 0.42)
    events, days, mentions = _content(whole)
    assert len(events) == 1500 and mentions[0] > 1500
    assert all(e[1] == "|".join(sorted(e[1].split("|"))) for e in events if e[1])  # pair: both countries, in order
    assert all(e[4] >= 1 and e[6] for e in events)  # derived by the writer's hook
    assert sum(d[1] for d in days) == sum(1 for e in events if e[1])
    assert _content(resumed) == (events, days, mentions)
