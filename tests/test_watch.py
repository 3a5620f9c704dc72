"""`detente watch`: polls code only what is new; a watch stopped or killed anywhere and started again
misses and duplicates nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from newsite import FAST, NewsSite, article_text

from detente.errors import SettingsError
from detente.pipeline import Pipeline
from detente.store import Store
from detente.watch import MAX_ATTEMPTS, parse_every, watch


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(FAST)


@pytest.fixture()
def site():
    with NewsSite() as s:
        yield s


def publish(site: NewsSite, numbers, **route) -> None:
    for i in numbers:
        site.article(f"/news/{i}", f"Story {i}", article_text(100 + i, sentences=4), **route)
    site.feed("/feed.xml", [(f"/news/{i}", f"guid-{i}") for i in sorted(int(p.rsplit("/", 1)[1])
                                                                        for p in site.routes if p.startswith("/news/"))])


def state(store):
    """(articles, coded articles, duplicate mentions, feed item statuses)."""
    con = store.con
    articles = con.execute("SELECT count(*), count(coded_at) FROM articles").fetchone()
    dup = con.execute("SELECT count(*) FROM (SELECT mention_id FROM mentions GROUP BY 1 HAVING count(*) > 1)").fetchone()
    statuses = dict(con.execute("SELECT status, count(*) FROM feed_items GROUP BY 1").fetchall())
    return articles[0], articles[1], dup[0], statuses


def test_parse_every():
    assert [parse_every(t) for t in ("90", "30s", "15m", "2h", "1d", "0.5s")] == [90, 30, 900, 7200, 86400, 0.5]
    for bad in ("", "15 minutes", "-1m", "0"):
        with pytest.raises(SettingsError):
            parse_every(bad)


def test_polls_store_and_code_only_what_is_new(site, tmp_path, pipeline):
    publish(site, range(6))
    reports = []
    with Store.open(tmp_path / "w.duckdb") as store:
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=2, on_poll=reports.append)
        assert [(r.items, r.new, r.stored, r.coded) for r in reports] == [(6, 6, 6, 6), (6, 0, 0, 0)]
        publish(site, range(6, 9))
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=1, on_poll=reports.append)
        assert (reports[-1].new, reports[-1].stored, reports[-1].coded) == (3, 3, 3)
        assert state(store) == (9, 9, 0, {"stored": 9})
    assert all(site.hits[f"/news/{i}"] == 1 for i in range(9))


def test_failing_items_are_tried_again_and_given_up_after_attempts(site, tmp_path, pipeline):
    publish(site, range(3))
    site.routes["/news/1"].fail_first = 6  # down for the first poll (two tries of three requests), up afterwards
    site.feed("/feed.xml", [("/news/0", "a"), ("/news/1", "b"), ("/news/2", "c"), ("/gone", "d")])
    with Store.open(tmp_path / "w.duckdb") as store:
        reports = []
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=1, on_poll=reports.append)
        assert reports[0].stored == 2 and {r.reason for r in reports[0].rejections} >= {"HTTP 404"}
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=MAX_ATTEMPTS, on_poll=reports.append)
        assert reports[1].stored == 1
        assert state(store) == (3, 3, 0, {"stored": 3, "given_up": 1})
    assert site.hits["/gone"] == MAX_ATTEMPTS and site.hits["/news/0"] == 1


def test_a_watch_interrupted_while_coding_resumes_without_loss_or_duplicates(site, tmp_path, pipeline, monkeypatch):
    publish(site, range(5))
    calls = []
    original = pipeline.code_doc

    def crash_on_third(doc, article):
        calls.append(article.id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(doc, article)

    with Store.open(tmp_path / "w.duckdb") as store:
        monkeypatch.setattr(pipeline, "code_doc", crash_on_third)
        with pytest.raises(KeyboardInterrupt):
            watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=1)
        assert state(store)[:2] == (5, 2)
        monkeypatch.setattr(pipeline, "code_doc", original)
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=1)
        assert state(store) == (5, 5, 0, {"stored": 5})
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        watch([site.url("/feed.xml")], store, pipeline, every=0.01, polls=1)
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == events


def _watch_process(site: NewsSite, db: Path, settings: Path, *extra: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("detente")
    return subprocess.Popen([str(exe), "watch", site.url("/feed.xml"), "--db", str(db), "--every", "1s",
                             "--settings", str(settings), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.mark.slow
def test_a_watch_killed_and_restarted_misses_and_duplicates_nothing(site, tmp_path):
    publish(site, range(12), delay=0.25)
    settings = tmp_path / "s.yaml"
    settings.write_text("fetch_private_hosts: true\nfetch_timeout: 2\nfetch_retries: 1\nfetch_backoff: 0.05\n"
                        "fetch_host_interval: 0\ncoder: rules\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    killed = _watch_process(site, db, settings)
    deadline = time.monotonic() + 60
    while sum(site.hits[f"/news/{i}"] for i in range(12)) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait(30)
    publish(site, range(12, 15))
    stopped = _watch_process(site, db, settings)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and "coded" not in (line := stopped.stderr.readline()):
        pass
    stopped.send_signal(signal.SIGTERM)
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 0 and "run the same command to resume" in err
    with Store.open(db) as store:
        assert state(store) == (15, 15, 0, {"stored": 15})
        urls = [r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()]
    assert sorted(urls) == sorted(site.url(f"/news/{i}") for i in range(15))
    # the cache kept what the killed run fetched: only a page in flight when it was killed is asked twice
    assert sum(site.hits[f"/news/{i}"] for i in range(15)) <= 16
