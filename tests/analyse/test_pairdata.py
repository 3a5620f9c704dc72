"""Dyad timelines from a pair's rows in memory (``analyse.pairdata``): the same answers whether
the pair's rows are cached, read for the one answer, or too many to keep; one read per pair and
snapshot; a new snapshot never answered from an older one's rows."""
from __future__ import annotations

import itertools
from pathlib import Path

import duckdb
import pytest
from fixture_store import Art, Ev, build_store, irn_tjk_events

from detente.analyse.dyad import dyad_timeline
from detente.analyse.pairdata import PairCache, PairData, load_days, pair_data
from detente.analyse.phases import dyad_phases
from detente.analyse.query import open_db
from detente.store.derived import rebuild_sql
from detente.web.answers import render_json

WINDOWS = [(None, None), ("2019", None), ("2021-03-04", "2023-05-31"), ("1990", "1991")]


@pytest.fixture
def rich_store(tmp_path: Path) -> Path:
    """The fixture corpus plus an event dated to a decade (vague) and one with the opposition."""
    events, articles = irn_tjk_events()
    remark = "Relations were cold for most of the past decade, when Dushanbe accused Tehran of meddling."
    aid = "Iran pledged aid to the Tajik opposition on 3 March 2022."
    events += [Ev("decade", "112", "TJK", "IRN", "2013-06-01", [("a-extra", remark, "accused")]),
               Ev("opp", "070", "IRN", "TJK", "2022-03-03", [("a-extra", aid, "pledged")], tgt_sector="OPP")]
    path = build_store(tmp_path / "rich.duckdb", events, [*articles, Art("a-extra", f"{remark} {aid}")])
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET date_end = DATE '2023-06-01', date_precision = 'decade' WHERE event_id = 'decade'")
        con.execute(rebuild_sql())
    return path


def _answers(store, pairs=(("IRN", "TJK"), ("AFG", "IRN"))) -> dict[str, bytes]:
    out = {}
    for (a, b), (since, until), by, direction, weight, score, events in itertools.product(
            pairs, WINDOWS, ("auto", "day", "week", "month", "quarter", "year"), ("both", "A>B", "B>A"),
            ("event", "mentions"), ("relations", "goldstein"), ("all", "top", "none")):
        if by != "month" and (weight, score) != ("event", "relations"):
            continue  # the period length and the weights are independent: fewer combinations
        tl = dyad_timeline(store, a, b, since=since, until=until, by=by, direction=direction, weight=weight,
                           score=score, events=events, top=1)
        key = f"{a}-{b} {since} {until} {by} {direction} {weight} {score} {events}"
        phases = [p.to_dict() for p in dyad_phases(tl)] if events == "none" else []  # as /phases asks
        out[key] = render_json({**tl.to_dict(), "phases": phases})
    return out


def test_cached_uncached_and_too_big_to_keep_give_the_same_answers(rich_store):
    with open_db(rich_store) as store:
        plain = _answers(store)
        store.pair_cache, store.snapshot = PairCache(), 1
        cached = _answers(store)
        assert store.pair_cache.misses == 2 and store.pair_cache.hits == len(cached) - 2
        store.pair_cache, store.snapshot = PairCache(max_pair_events=0), 1  # day rows only: events by SQL
        days_only = _answers(store)
    assert cached == plain and days_only == plain
    assert any(b'"vague":[{' in v for v in plain.values()) and any(b'"undated":[{' in v for v in plain.values())
    assert any(b'"excluded":{"' in v for v in plain.values())


def test_day_rows_are_read_in_pair_order_with_every_modality(rich_store):
    with open_db(rich_store) as store:
        days = load_days(store, "IRN|TJK")
        n_rows = store.con.execute("SELECT count(*), sum(n) FROM dyad_days WHERE pair = 'IRN|TJK'").fetchone()
        asserted = store.con.execute("SELECT sum(n) FROM dyad_days WHERE pair = 'IRN|TJK' AND modality = 'asserted'")
        assert len(days) == n_rows[0] and int(days.cols["n"].sum()) == n_rows[1]
        assert days.n_asserted() == asserted.fetchone()[0]
        assert len(load_days(store, "AAA|ZZZ")) == 0


def test_the_cache_is_bounded_and_a_newer_snapshot_drops_older_ones(rich_store):
    with open_db(rich_store) as store:
        cache = PairCache(max_rows=10_000)
        store.pair_cache = cache
        for snapshot in (1, 2):
            store.snapshot = snapshot
            for pair in (("IRN", "TJK"), ("AFG", "IRN")):
                assert isinstance(pair_data(store, *pair), PairData)
        assert len(cache) == 4  # snapshot 1 kept while snapshot 2 is the newest (requests may still read it)
        store.snapshot = 3
        pair_data(store, "IRN", "TJK")
        assert len(cache) == 3 and cache.misses == 5
        small = PairCache(max_rows=pair_data(store, "IRN", "TJK").size)
        store.pair_cache = small
        pair_data(store, "IRN", "TJK")
        pair_data(store, "AFG", "IRN")
        assert len(small) == 1  # the older pair made room


def test_rows_are_kept_per_snapshot_so_a_new_one_is_read_afresh(rich_store):
    cache = PairCache()
    with open_db(rich_store) as store:
        store.pair_cache, store.snapshot = cache, 1
        before = dyad_timeline(store, "IRN", "TJK", by="year", since="2020")
    with duckdb.connect(str(rich_store)) as con:  # a writer changes the store: the reader's next snapshot is 2
        con.execute("DELETE FROM events WHERE event_id <> 'opp'")
        con.execute(rebuild_sql())
    with open_db(rich_store) as store:
        store.pair_cache, store.snapshot = cache, 2
        after = dyad_timeline(store, "IRN", "TJK", by="year", since="2021")  # a window not asked before
        plain = dyad_timeline(store.__class__(store.con, store.path), "IRN", "TJK", by="year", since="2021")
    assert before.n_events > 1 and after.n_events == 1 and after == plain and cache.misses == 2


def test_event_records_from_cursor_rows_are_those_of_the_row_by_row_path(rich_store):
    """``key_events_of_rows`` (by column position, what the timelines read) makes the KeyEvents
    the row-by-row ``key_event`` of each row's values and evidence makes, missing evidence, a
    missing sentence and a missing date included."""
    import dataclasses

    from detente.analyse.pairdata import load_events
    from detente.analyse.query import EventFilter
    from detente.analyse.records import EVIDENCE_FIELDS, KEY_EVENT_COLUMNS, Evidence, key_event, key_events_of_rows

    assert tuple(f.name for f in dataclasses.fields(Evidence)) == EVIDENCE_FIELDS  # read by position
    with duckdb.connect(str(rich_store)) as con:
        con.execute("UPDATE events SET evidence = NULL WHERE event_id = 'opp'")
        con.execute("UPDATE events SET evidence = struct_update(evidence, sentence := NULL) WHERE event_id = 'decade'")
    with open_db(rich_store) as store:
        columns = ", ".join(f"e.{c}" for c in KEY_EVENT_COLUMNS)
        columns += ", " + ", ".join(f'e.evidence."{f}" AS "evidence.{f}"' for f in EVIDENCE_FIELDS)
        cursor = store.con.execute(f"SELECT {columns}, goldstein * 2 - 1 AS _score FROM events e ORDER BY event_id")
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        flat = [n for n in names if n != "evidence"]
        flat_rows = [tuple(v for n, v in zip(names, row) if n != "evidence") for row in rows]
        fast = key_events_of_rows(flat, flat_rows, score="_score")
        slow = [key_event({n: v for n, v in zip(names, row) if not n.startswith("evidence.")},
                          score=round(float(row[-1]), 3)) for row in rows]  # the evidence as a struct
        assert fast == slow and len(fast) > 10
        assert {k.event_id: k.evidence for k in fast}["opp"] is None
        assert {k.event_id: k.evidence.sentence for k in fast if k.evidence}["decade"] == ""
        assert any(k.date_start is None for k in fast)
        assert key_events_of_rows(flat, flat_rows[:1], score=1.5)[0].score == 1.5
        # and what a timeline reads: the pair's events, each scored for the relations index
        events = load_events(store, EventFilter(a="IRN", b="TJK")).events
        assert [k.event_id for k in events] and all(k.score is not None for k in events)
