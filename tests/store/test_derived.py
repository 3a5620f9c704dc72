"""The writer's derived columns and dyad_days: what incremental writes leave equals a rebuild."""
from __future__ import annotations

from detente.store.derived import SUMS, rebuild_sql
from test_events import A1, D, code, mention, store  # noqa: F401  (the fixture)

NAMES = ", ".join(name for name, _ in SUMS)


def _days(store):
    rows = store.con.execute(f"SELECT k, {NAMES} FROM dyad_days ORDER BY k").fetchall()
    return [tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]


def _derived(store):
    return store.con.execute("SELECT event_id, num_mentions, num_articles, num_sources, first_published, "
                             "list_sort(article_ids), evidence.mention_id FROM events ORDER BY event_id").fetchall()


def test_incremental_writes_equal_a_rebuild(store):
    code(store, "a1", A1)
    code(store, "a2", [mention("a2", 50, src="IRN", tgt="TJK", cameo="043", day=D(2023, 5, 30),
                               published=D(2023, 6, 8))])
    code(store, "a3", [mention("a3", 0, cameo="190", src="RUS", tgt="TJK", day=D(2022, 1, 10), modality="negated")])
    code(store, "a1", A1[:1])  # recoded with fewer mentions: an event goes, another loses one
    days, derived = _days(store), _derived(store)
    assert days and all(row[1] > 0 for row in days)
    store.con.execute(rebuild_sql())
    assert _days(store) == days
    assert _derived(store) == derived


def test_dyad_days_count_each_event_once_with_its_mentions(store):
    (visit, _) = code(store, "a1", A1)
    rows = store.con.execute("SELECT source_country, target_country, modality, day, end_day, n, nm, q1 "
                             "FROM dyad_days").fetchall()
    assert (visit.source.country, visit.target.country, "asserted", visit.date_start, visit.date_end, 1, 2, 1) in rows
    ev = store.con.execute("SELECT evidence FROM events WHERE event_id = ?", [visit.event_id]).fetchone()[0]
    assert ev["article_id"] == "a1" and ev["char_start"] == 100  # the first mention by date, then position


def test_emptied_dyad_days_rows_go(store):
    code(store, "a1", A1)
    code(store, "a1", [])
    assert store.con.execute("SELECT count(*) FROM dyad_days").fetchone()[0] == 0
    assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_a_version_5_store_with_events_migrates_and_gets_its_derived_tables(tmp_path, old_store):
    from detente.store import Store

    path = tmp_path / "old.duckdb"
    con = old_store(path, 5)
    con.execute("INSERT INTO articles (id, content_hash, raw_text, publisher, published) "
                "VALUES ('a1', 'h1', 'text', 'Wire', DATE '2023-06-05')")
    con.execute("INSERT INTO events (event_id, cameo, quad_class, goldstein, source_country, target_country, "
                "modality, date_start, date_end, date_precision, num_mentions) "
                "VALUES ('e1', '042', 1, 1.9, 'IRN', 'TJK', 'asserted', DATE '2023-05-30', DATE '2023-05-30', 'day', 2)")
    for i in (1, 2):
        con.execute("INSERT INTO mentions (mention_id, event_id, article_id, sentence, char_start, cameo, modality, "
                    "source_country, target_country, date_start, date_end, date_precision, published) "
                    "VALUES (?, 'e1', 'a1', 'Iran and Tajikistan met.', ?, '042', 'asserted', 'IRN', 'TJK', "
                    "DATE '2023-05-30', DATE '2023-05-30', 'day', DATE '2023-06-05')", [f"m{i}", 10 * i])
    con.close()
    with Store.open(path) as store:  # migrations 6 (blocks) and 7 (derived) on a store with mentions
        assert store.schema_version() >= 7
        assert store.con.execute("SELECT num_sources, num_articles, evidence.char_start FROM events").fetchone() == (1, 1, 10)
        assert store.con.execute("SELECT source_country, target_country, n, nm, q1 FROM dyad_days").fetchall() == [
            ("IRN", "TJK", 1, 2, 1)]


def test_a_bulk_write_of_more_than_a_row_group_keeps_every_event_in_pair_order(store):
    """A write of 130,000 events (more than a DuckDB row group) through the hook's staging table:
    every event is stored with its derived columns, a pair's events lie together."""
    from detente.store.derived import maintained

    n = 130_000
    con = store.con
    with store.transaction() as tx:
        tx.execute(f"CREATE TEMP TABLE _ids AS SELECT 'e' || lpad(i::VARCHAR, 6, '0') AS event_id, i FROM range({n}) t(i)")
        with maintained(tx, "_ids") as staged:
            tx.execute(f"INSERT INTO {staged} (event_id, cameo, quad_class, goldstein, source_country, target_country, "
                       "modality, date_start, date_end, date_precision) SELECT event_id, '042', 1, 1.9, "
                       "['IRN', 'TJK', 'RUS'][i % 3 + 1], ['TJK', 'RUS', 'IRN'][i % 3 + 1], 'asserted', "
                       "DATE '2020-01-01' + CAST(i % 900 AS INTEGER), DATE '2020-01-01' + CAST(i % 900 AS INTEGER), 'day' "
                       "FROM _ids")
            tx.execute("INSERT INTO mentions (mention_id, event_id, article_id, sentence, char_start) "
                       "SELECT 'm' || event_id, event_id, 'a1', 'Iran and Tajikistan met.', 0 FROM _ids")
    assert con.execute("SELECT count(*), count(pair), sum(num_mentions), count(evidence) FROM events").fetchone() == (n, n, n, n)
    assert con.execute("SELECT sum(n) FROM dyad_days").fetchone()[0] == n
    # in pair order: each pair's events are one run of rows
    runs = con.execute("SELECT count(*) FROM (SELECT pair, lag(pair) OVER (ORDER BY rowid) AS prev FROM events) "
                       "WHERE prev IS DISTINCT FROM pair").fetchone()[0]
    assert runs == 3
    day_runs = con.execute("SELECT count(*) FROM (SELECT pair, lag(pair) OVER (ORDER BY rowid) AS prev FROM dyad_days) "
                           "WHERE prev IS DISTINCT FROM pair").fetchone()[0]
    assert day_runs == 3
