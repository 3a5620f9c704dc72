"""The orchestrator: what a run records, coding stored articles in batches, a killed run resumed."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

PAIRS = [("Iran", "Tajikistan"), ("Russia", "Ukraine"), ("India", "Pakistan"), ("China", "Japan"),
         ("France", "Germany"), ("Turkey", "Greece")]
ACTS = ["'s foreign minister visited {b} and met its president", " accused {b} of violating the ceasefire",
        " signed a trade agreement with {b}", " criticised {b} over its border policy"]


def corpus(path: Path, n: int) -> Path:
    """n short articles: four kinds of acts between six pairs, on days that repeat (so articles share events)."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = PAIRS[i % len(PAIRS)]
            act = ACTS[(i // len(PAIRS)) % len(ACTS)].format(b=b)
            text = (f"On {1 + (i * 7) % 27} May 2023, {a}{act}. Officials in {b} said talks would continue. "
                    f"Report number {i}.")
            out.write(json.dumps({"id": f"k{i}", "text": text, "published": f"2023-06-{1 + i % 9:02d}"}) + "\n")
    return path


def detente(*args) -> list[str]:
    return [sys.executable, "-c", "from detente.cli import main; main()", *[str(a) for a in args]]


def contents(db: Path) -> tuple[list, list, list]:
    """Every article with whether it is coded, every mention with its event, every event with its counts."""
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT id, coded_at IS NOT NULL FROM articles ORDER BY id").fetchall()
        mentions = con.execute("SELECT mention_id, event_id, article_id FROM mentions ORDER BY 1").fetchall()
        events = con.execute("SELECT event_id, cameo, num_mentions, num_articles, "
                             "(SELECT count(*) FROM mentions m WHERE m.event_id = e.event_id) FROM events e "
                             "ORDER BY 1").fetchall()
    return articles, mentions, events


@pytest.mark.slow
def test_a_killed_code_run_resumes_with_nothing_lost_or_duplicated(tmp_path):
    total = 120
    src = corpus(tmp_path / "corpus.jsonl", total)
    settings = tmp_path / "s.yaml"
    settings.write_text("store_batch: 2\n")  # a transaction every two articles
    db = tmp_path / "k.duckdb"
    wal = Path(f"{db}.wal")
    subprocess.run(detente("ingest", src, "--db", db, "--settings", settings), check=True, capture_output=True,
                   timeout=600)
    run = subprocess.Popen(detente("code", src, "--db", db, "--settings", settings, "--format", "none"),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and run.poll() is None:
        if wal.exists() and wal.stat().st_size >= 60_000:  # several coded batches written
            break
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    assert run.wait(timeout=60) == -signal.SIGKILL, "the run finished before it could be killed"
    articles, mentions, _ = contents(db)
    coded = sum(done for _, done in articles)
    assert len(articles) == total and 0 < coded < total and mentions
    resumed = subprocess.run(detente("code", "--resume", "--db", db, "--settings", settings, "--format", "none"),
                             capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    # the reference: one uninterrupted run, coded in two worker processes
    clean = tmp_path / "clean.duckdb"
    done = subprocess.run(detente("code", src, "--db", clean, "--workers", "2", "--format", "none"),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    got, want = contents(db), contents(clean)
    assert got == want
    articles, mentions, events = got
    assert all(done for _, done in articles) and len(mentions) > total
    assert all(n == stored for _, _, n, _, stored in events)
    assert len({m[0] for m in mentions}) == len(mentions)


def test_a_code_run_records_its_event_count(tmp_path):
    from detente.pipeline import Pipeline
    from detente.settings import Settings
    from detente.store import Store

    src = tmp_path / "in.jsonl"
    texts = ["Iran's president paid a visit to Tajikistan on 30 May 2023.",
             "Armenia and Azerbaijan signed a peace agreement on 2 June 2023. Russia condemned Georgia."]
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2023-06-05"}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    with Store.open(tmp_path / "x.duckdb") as store:
        summary = Pipeline(Settings(coder="rules")).run([str(src)], store)
        [(recorded,)] = store.con.execute("SELECT event_count FROM runs WHERE run_id = ?",
                                          [summary.run_id]).fetchall()
        [(stored,)] = store.con.execute("SELECT count(*) FROM events").fetchall()
    assert summary.events == recorded == stored >= 2


def test_read_articles_cleans_skips_rejections_and_stops_at_the_limit(tmp_path):
    from detente.pipeline import read_articles
    from detente.settings import Settings

    (tmp_path / "a.txt").write_text("Iran's foreign minister visited Dushanbe on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tajikistan's president received him in Dushanbe.", encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02" * 100)
    got = list(read_articles([str(tmp_path)], Settings()))
    assert sorted(a.text for a in got) == ["Iran's foreign minister visited Dushanbe on Monday.",
                                           "Tajikistan's president received him in Dushanbe."]
    assert all(a.body is not None for a in got)  # cleaned
    assert len(list(read_articles([str(tmp_path)], Settings(), limit=1))) == 1


def test_an_article_a_stage_fails_on_loses_its_events_only(monkeypatch, caplog):
    """A bug one article's text sets off in a coding stage is logged with the article's id; the
    run goes on and the other articles keep their events."""
    import detente.pipeline as pl
    from detente.ingest import make_article
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    real = pl.date_events

    def fails_on_b(doc, mentions, article):
        if article.id == "b":
            raise KeyError("a word no table knows")
        return real(doc, mentions, article)

    monkeypatch.setattr(pl, "date_events", fails_on_b)
    text = "Iran's defence minister visited Tajikistan on Monday."
    arts = [make_article(i, text, published="2023-06-05") for i in ("a", "b", "c")]
    with caplog.at_level("ERROR", logger="detente"):
        coded = list(Pipeline(Settings()).code_articles(arts))
    assert [c.article.id for c in coded] == ["a", "b", "c"]
    assert coded[0].mentions and coded[2].mentions and not coded[1].mentions
    assert "article b: coding failed (KeyError" in caplog.text
