"""The web app reads a snapshot of the store, so writers are never blocked by `serve`."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.errors import StoreError
from detente.store import Store
from detente.web.app import WebOptions, create_app
from detente.web.reader import AnswerCache, SnapshotReader, wait_for

TEXT = ("Iran's foreign minister visited Tajikistan on 3 May 2023 and met President Emomali Rahmon in "
        "Dushanbe. The two governments signed an agreement on trade.")


def _writer(*args):
    return [sys.executable, "-c", "from detente.cli import main; main()", *[str(a) for a in args]]


def test_the_store_is_writable_while_the_reader_holds_a_snapshot(store_path):
    reader = SnapshotReader(store_path, interval=60)
    try:
        cursor, generation = reader.cursor()
        before = cursor.execute("SELECT count(*) FROM events").fetchone()[0]
        with Store.open(store_path, lock_wait=0) as store:  # no wait: nothing holds the file
            store.con.execute("DELETE FROM events")
        assert cursor.execute("SELECT count(*) FROM events").fetchone()[0] == before  # the snapshot stays
        assert reader.refresh() and reader.generation == generation + 1
        fresh, _ = reader.cursor()
        assert fresh.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    finally:
        reader.close()


def test_the_reader_keeps_its_snapshot_while_a_writer_holds_the_store(store_path):
    reader = SnapshotReader(store_path, interval=60)
    try:
        generation = reader.generation
        with duckdb.connect(str(store_path)) as writer:
            writer.execute("DELETE FROM events")
            assert reader.refresh()  # the store is locked: the last snapshot answers
            assert reader.generation == generation
            cursor, _ = reader.cursor()
            assert cursor.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        reader.close()


@pytest.mark.slow
def test_detente_code_writes_while_serve_runs(store_path, tmp_path):
    src = tmp_path / "new.jsonl"
    src.write_text(json.dumps({"id": "new-1", "text": TEXT, "published": "2023-05-04"}) + "\n", encoding="utf-8")
    app = create_app(store_path, options=WebOptions(refresh_seconds=0.2))
    with TestClient(app) as client:
        assert client.get("/api/articles").json()["total"] == 4
        done = subprocess.run(_writer("code", src, "--db", store_path, "--format", "none"),
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert wait_for(lambda: client.get("/api/articles").json()["total"] == 5, timeout=30)
        assert client.get("/api/articles/new-1").status_code == 200


def test_answers_are_cached_per_snapshot(store_path):
    app = create_app(store_path, options=WebOptions(refresh_seconds=60))
    with TestClient(app) as client:
        first = client.get("/api/dyads/IRN/TJK/timeline?by=year")
        again = client.get("/api/dyads/IRN/TJK/timeline?by=year")
        assert first.status_code == 200 and first.content == again.content
        assert app.state.cache.hits == 1
        client.get("/api/dyads/IRN/TJK/timeline?by=month")
        assert app.state.cache.misses == 2


def test_answer_cache_forgets_the_oldest():
    cache = AnswerCache(size=2)
    for key in ("a", "b", "c"):
        cache.get_or_make(key, lambda k=key: k.encode())
    assert cache.get_or_make("a", lambda: b"new") == b"new"  # "a" was dropped
    assert cache.get_or_make("c", lambda: b"other") == b"c"


def test_the_first_snapshot_waits_for_a_writer_to_let_go(store_path):
    """A server (or one of its workers) that starts while the store is held waits for it, up to a
    limit, instead of failing at once; past the limit it names the store."""
    import threading

    holder = duckdb.connect(str(store_path))
    threading.Timer(0.6, holder.close).start()
    reader = SnapshotReader(store_path, interval=60, startup_wait=10)
    try:
        assert reader.generation == 1
    finally:
        reader.close()
    holder = duckdb.connect(str(store_path))
    try:
        with pytest.raises(StoreError, match="cannot read the database"):
            SnapshotReader(store_path, interval=60, startup_wait=0.5)
    finally:
        holder.close()


def test_the_server_starts_while_another_process_reads_the_store(store_path):
    """A store at the current version is only read at start-up, so another reader (a `detente dyad`,
    a notebook) does not keep the server from starting."""
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"con = duckdb.connect({str(store_path)!r}, read_only=True); print('open', flush=True); "
                               "sys.stdin.read()"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        with TestClient(create_app(store_path, options=WebOptions(refresh_seconds=60))) as client:
            assert client.get("/api/dyads/IRN/TJK/timeline?by=year").json()["n_events"] == 10
    finally:
        reader.communicate("", timeout=30)


def test_a_store_of_an_older_version_is_migrated_when_the_server_starts(tmp_path):
    from detente.store.migrations import MIGRATIONS
    from detente.web.app import prepare_store

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
        for m in MIGRATIONS[:1]:
            con.execute(m.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, NULL)", [m.version, m.name])
    prepare_store(path)
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == MIGRATIONS[-1].version
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO schema_version VALUES (?, 'future', NULL)", [MIGRATIONS[-1].version + 1])
    with pytest.raises(StoreError, match="newer than this detente"):
        prepare_store(path)


def test_an_answer_asked_by_several_threads_at_once_is_made_once():
    import threading

    cache, made, started = AnswerCache(size=4), [], threading.Event()

    def slow() -> bytes:
        made.append(1)
        started.set()
        time.sleep(1.0)  # the other threads ask meanwhile
        return b"answer"

    answers: list[bytes] = []
    threads = [threading.Thread(target=lambda: answers.append(cache.get_or_make("k", slow))) for _ in range(4)]
    threads[0].start()
    assert started.wait(10)
    for t in threads[1:]:
        t.start()
    for t in threads:
        t.join(10)
    assert answers == [b"answer"] * 4 and made == [1] and cache.misses == 1

    def failing() -> bytes:
        raise ValueError("bad query")

    with pytest.raises(ValueError):
        cache.get_or_make("bad", failing)
    assert cache.get_or_make("bad", lambda: b"made in turn") == b"made in turn"  # nothing left pending
