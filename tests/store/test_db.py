"""The DuckDB store: migrations, idempotent article writes, transactions, runs, queries."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import StoreError
from detente.ingest import make_article
from detente.model import Rejection, RunSummary
from detente.settings import Settings
from detente.store import Store
from detente.store.migrations import MIGRATIONS


def art(article_id: str, text: str, **meta):
    return make_article(article_id, text, **meta)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "t.duckdb") as s:
        yield s


def test_open_applies_every_migration_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store.open(path) as s:
        assert s.schema_version() == MIGRATIONS[-1].version
        rows = s.con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
        assert rows == [(m.version, m.name) for m in MIGRATIONS]
        tables = {r[0] for r in s.con.execute("SHOW TABLES").fetchall()}
        assert {"articles", "events", "mentions", "actors", "runs", "rejections"} <= tables
    with Store.open(path) as s:
        assert s.migrate() == []
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == len(MIGRATIONS)


def test_stores_open_without_duckdbs_progress_bar(tmp_path):
    """DuckDB prints its progress bar on stdout (a query of over 2 s), into a command's output."""
    from detente.analyse.query import open_db

    path = tmp_path / "q.duckdb"
    setting = "SELECT current_setting('enable_progress_bar')"
    with Store.open(path) as s:
        assert s.con.execute(setting).fetchone()[0] is False
    with open_db(path) as s:
        assert s.con.execute(setting).fetchone()[0] is False
        assert s.con.cursor().execute(setting).fetchone()[0] is False


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "n.duckdb"
    with Store.open(path) as s:
        s.con.execute("INSERT INTO schema_version VALUES (999, 'future', NULL)")
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "text.duckdb"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError):
        Store.open(path)


def test_articles_round_trip(store):
    article = art("a1", "Some text about a visit.", published="2023-05-17", title="Visit", publisher="Wire",
                  author="A. B.", url="https://example.org/1", language="en", origin="f.jsonl:1")
    article = article.__class__(**{**article.__dict__, "body": "Some text.", "sources_cited": ("X", "Y"),
                                   "removed": ("caption: c",)})
    assert store.add_articles([article], "run") == (["a1"], [], [])
    [back] = store.get_articles()
    assert back == article


def test_add_articles_is_idempotent_by_id_and_by_content_hash(store):
    a = art("a", "Text one.")
    b = art("b", "Text two.")
    assert store.add_articles([a, b], "r1") == (["a", "b"], [], [])
    again = art("a", "Text one.")
    same_text_other_id = art("z", "  text   ONE. ")  # whitespace and case folded by the content hash
    assert store.add_articles([again, same_text_other_id], "r2") == ([], ["a", "a"], [])
    assert store.article_count() == 2


def test_same_id_with_another_text_is_a_conflict_not_a_duplicate(store):
    store.add_articles([art("b", "Text two.")], "r1")
    changed = art("b", "Changed text.", origin="feed.jsonl:7")
    stored, duplicates, [conflict] = store.add_articles([changed], "r2")
    assert stored == [] and duplicates == []
    assert conflict.origin == "feed.jsonl:7" and conflict.reason.startswith("id conflict: id 'b'")
    assert changed.content_hash[:12] in conflict.reason
    assert [a.raw_text for a in store.get_articles()] == ["Text two."]


def test_duplicates_within_one_batch(store):
    stored, duplicates, conflicts = store.add_articles([art("a", "Same."), art("b", "same."), art("a", "Other.")], "r")
    assert stored == ["a"] and duplicates == ["a"]
    assert [c.reason[:19] for c in conflicts] == ["id conflict: id 'a'"]


def test_insertion_order_and_paging(store):
    for i in range(5):
        store.add_articles([art(f"id{9 - i}", f"Text number {i}.")], "r")
    assert [a.id for a in store.get_articles()] == ["id9", "id8", "id7", "id6", "id5"]
    assert [a.id for a in store.get_articles(limit=2, offset=1)] == ["id8", "id7"]
    assert [a.id for a in store.get_articles(ids=["id5", "id9"])] == ["id9", "id5"]


def test_uncoded_articles(store):
    store.add_articles([art("a", "One."), art("b", "Two."), art("c", "Three.")], "r")
    store.mark_coded(["b"])
    assert [a.id for a in store.uncoded_articles()] == ["a", "c"]
    assert [a.id for a in store.uncoded_articles(["c", "b"])] == ["c"]
    assert store.uncoded_articles([]) == []


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction() as con:
            con.execute("INSERT INTO rejections VALUES ('r', 'x', 'y', NULL)")
            raise RuntimeError("boom")
    assert store.con.execute("SELECT count(*) FROM rejections").fetchall()[0][0] == 0


def test_sql_error_in_transaction_is_a_store_error_and_rolls_back(store):
    with pytest.raises(StoreError):
        with store.transaction() as con:
            con.execute("INSERT INTO rejections VALUES ('r', 'x', 'y', NULL)")
            con.execute("INSERT INTO no_such_table VALUES (1)")
    assert store.con.execute("SELECT count(*) FROM rejections").fetchall()[0][0] == 0
    store.add_articles([art("a", "Still usable.")], "r")
    assert store.article_count() == 1


def test_nested_transactions_join_the_outer_one(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_articles([art("a", "One.")], "r")
            raise RuntimeError("boom")
    assert store.article_count() == 0


def test_runs_and_rejections(store):
    run_id = store.start_run("ingest", Settings())
    store.add_rejections(run_id, [Rejection("f.jsonl:3", "malformed JSON"), Rejection("g.bin", "binary file")])
    store.finish_run(run_id, RunSummary(read=4, stored=3, duplicates=1,
                                        rejections=[Rejection("f.jsonl:3", "malformed JSON")]))
    row = store.con.execute("SELECT command, read_count, stored_count, duplicate_count, rejected_count, "
                            "finished_at IS NOT NULL, settings_json FROM runs").fetchall()[0]
    assert row[:6] == ("ingest", 4, 3, 1, 1, True)
    assert '"store_batch": 200' in row[6]
    rejected = store.con.execute("SELECT origin, reason FROM rejections ORDER BY origin").fetchall()
    assert rejected == [("f.jsonl:3", "malformed JSON"), ("g.bin", "binary file")]


def _event(con, event_id, src, tgt, quad, goldstein, day, basis="text"):
    con.execute("INSERT INTO events (event_id, cameo, source_country, target_country, quad_class, goldstein, "
                "date_start, date_basis) VALUES (?, '042', ?, ?, ?, ?, ?, ?)",
                [event_id, src, tgt, quad, goldstein, day, basis])


def test_counts_and_dyads(store):
    store.add_articles([art("a", "One.", published="2023-01-01"), art("b", "Two.")], "r")
    con = store.con
    _event(con, "e1", "IRN", "TJK", 1, 1.9, dt.date(2023, 5, 17))
    _event(con, "e2", "TJK", "IRN", 4, -10.0, dt.date(2015, 1, 1), basis="publication")
    _event(con, "e3", "SAU", "IRN", 1, 3.0, dt.date(2023, 3, 10))
    _event(con, "e4", "IRN", None, 1, 3.0, dt.date(2023, 3, 10))
    con.execute("INSERT INTO mentions (mention_id, event_id, article_id) VALUES ('m1', 'e3', 'b')")
    counts = store.counts()
    assert counts["articles"] == 2 and counts["articles_without_date"] == 1
    assert counts["events"] == 4 and counts["mentions"] == 1
    assert counts["share_dated_by_publication"] == 0.25
    dyads = store.dyad_counts()
    assert dyads[0] == {"a": "IRN", "b": "TJK", "events": 2, "cooperative": 1, "conflictual": 1,
                        "mean_goldstein": -4.05, "first": dt.date(2015, 1, 1), "last": dt.date(2023, 5, 17)}
    assert [(d["a"], d["b"]) for d in store.dyad_counts(article_ids=["b"])] == [("IRN", "SAU")]
