"""The corpus commands: ingest, code, articles, events, stats, demo — in process and as real processes."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.model import Actor, Event, EventMention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

P1 = ("Azerbaijan and Georgia signed an agreement on Thursday to expand a rail corridor that links the Caspian "
      "Sea with ports on the Black Sea, the two governments said in a statement.")
P2 = ("The ministers of transport said that freight volumes had doubled in two years and that a new terminal "
      "would open near the border before the end of the year.")
GERMAN = ("Die beiden Regierungen haben am Donnerstag ein Abkommen über den Ausbau einer Bahnstrecke "
          "unterzeichnet, die das Kaspische Meer mit den Häfen am Schwarzen Meer verbindet.")

runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def detente_process(*args):
    """The real command line in a new process."""
    return [sys.executable, "-c", "from detente.cli import main; main()", *[str(a) for a in args]]


def jsonl_record(i: int, **kw) -> str:
    record = {"id": f"art{i}", "text": f"{P1} Report {i}.\n\n{P2}", "title": f"Rail corridor {i}",
              "publisher": "Caucasus Wire", "published": "2022-11-03"}
    record.update(kw)
    return json.dumps(record)


# -- ingest -------------------------------------------------------------------------------
def test_ingest_is_idempotent(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(jsonl_record(i) for i in range(3)) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    first = invoke("ingest", src, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "3 stored" in first.stderr and first.stdout == ""
    second = invoke("ingest", src, "--db", db)
    assert second.exit_code == 0 and "0 stored, 3 already stored" in second.stderr
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
        assert con.execute("SELECT count(*) FROM runs").fetchall()[0][0] == 2


def test_ingest_from_stdin_with_published_date(tmp_path):
    db = tmp_path / "x.duckdb"
    result = invoke("ingest", "-", "--db", db, "--published", "2022-11-04", input=f"{P1}\n\n{P2}\n")
    assert result.exit_code == 0, result.stderr
    listed = invoke("articles", "--db", db, "--format", "jsonl")
    [record] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert record["published"] == "2022-11-04" and "published_from_option" in record["flags"]


def test_ingest_csv_columns_from_options(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f'key,when,content\nk1,2022-11-03,"{P1}"\n', encoding="utf-8")
    db = tmp_path / "x.duckdb"
    result = invoke("ingest", src, "--db", db, "--text-column", "content", "--date-column", "when",
                    "--id-column", "key")
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(x) for x in invoke("articles", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert record["id"] == "k1" and record["published"] == "2022-11-03"


def test_ingest_bad_options_exit_2_without_traceback(tmp_path):
    result = invoke("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--published", "someday")
    assert result.exit_code == 2 and "--published" in result.stderr
    settings = tmp_path / "s.yaml"
    settings.write_text("batch_size: 0\n")
    result = invoke("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--settings", settings)
    assert result.exit_code == 2 and "batch_size must be >= 1" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _mixed_folder(root: Path) -> dict[str, str]:
    """Good files and one file per kind of bad input; returns bad file name -> expected reason."""
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(f"Rail corridor expands\n\n{P1}\n\n{P2}", encoding="utf-8")
    (root / "good.jsonl").write_text(jsonl_record(1) + "\n{not json}\n" + json.dumps({"id": "t"}) + "\n",
                                     encoding="utf-8")
    (root / "sub" / "good.csv").write_text(f'date,text\n2022-11-05,"{P2} Again."\n', encoding="utf-8")
    (root / "sub" / "good.html").write_text(f"<html><body><article><p>{P1} Page.</p><p>{P2}</p></article></body></html>",
                                            encoding="utf-8")
    with gzip.open(root / "good.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(jsonl_record(2) + "\n")
    (root / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(200)))
    (root / "empty.txt").write_bytes(b"")
    (root / "latin1.txt").write_bytes(f"Caf\xe9 {P1}".encode("latin-1"))
    whole = gzip.compress((jsonl_record(3) + "\n").encode("utf-8"))
    (root / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (root / "huge.txt").write_text(P1 * 30, encoding="utf-8")
    (root / "german.txt").write_text(GERMAN, encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.7")
    os.symlink(root / "gone.txt", root / "unreadable.txt")
    return {"good.jsonl:2": "malformed JSON", "good.jsonl:3": "missing 'text' field",
            "binary.txt": "binary file", "empty.txt": "empty file", "latin1.txt": "not UTF-8 text (byte 0xe9 at byte offset 3)",
            "truncated.jsonl.gz": "truncated or corrupt gzip", "huge.txt": "oversized",
            "german.txt": "language 'de' (not in en)", "scan.pdf": "a PDF is not read; convert it to text first",
            "unreadable.txt": "cannot read"}


def test_folder_mixing_good_and_bad_inputs_in_a_real_process(tmp_path):
    folder = tmp_path / "inbox"
    expected = _mixed_folder(folder)
    settings = tmp_path / "s.yaml"
    settings.write_text("max_chars: 3000\n")
    db = tmp_path / "x.duckdb"
    done = subprocess.run(detente_process("ingest", folder, "--db", db, "--settings", settings),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    skipped = [line for line in done.stderr.splitlines() if line.startswith("  skipped ")]
    assert len(skipped) == len(expected)
    for name, reason in expected.items():
        assert any(f"{folder}/" in line and f"{name}: {reason}" in line.replace("sub/", "") for line in skipped), name
    listed = subprocess.run(detente_process("articles", "--db", db, "--format", "jsonl"),
                            capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(records) == 5  # txt, jsonl line 1, csv, html, jsonl.gz
    assert "5 stored" in done.stderr and f"{len(expected)} inputs skipped" in done.stderr


# -- crash safety -----------------------------------------------------------------------------
def _wait_for_wal(wal: Path, size: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size >= size:
            return
        time.sleep(0.005)


@pytest.mark.slow
def test_killed_ingest_rerun_stores_every_article_exactly_once(tmp_path):
    total = 3000
    corpus = tmp_path / "big.jsonl"
    corpus.write_text("".join(jsonl_record(i) + "\n" for i in range(total)), encoding="utf-8")
    settings = tmp_path / "s.yaml"
    settings.write_text("store_batch: 20\n")
    db = tmp_path / "x.duckdb"
    wal = Path(f"{db}.wal")
    counts = []
    for wal_size in (150_000, 1_000_000):  # killed early, then killed again later in the rerun
        proc = subprocess.Popen(detente_process("ingest", corpus, "--db", db, "--settings", settings),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_wal(wal, wal_size, proc)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL, "ingest finished before it could be killed"
        with duckdb.connect(str(db)) as con:
            counts.append(con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
    assert 0 < counts[0] <= counts[1] < total
    done = subprocess.run(detente_process("ingest", corpus, "--db", db, "--settings", settings),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{total - counts[1]} stored, {counts[1]} already stored" in done.stderr
    with duckdb.connect(str(db)) as con:
        rows = con.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash), "
                           "count(DISTINCT seq) FROM articles").fetchall()[0]
        ids = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    assert rows == (total, total, total, total)
    assert ids == {f"art{i}" for i in range(total)}


# -- articles, stats ---------------------------------------------------------------------------
def test_articles_jsonl_fields_and_lookup_by_id(tmp_path):
    src = tmp_path / "in.jsonl"
    text = f"Rail corridor 7\n\n{P1}\n\nSources: Caucasus Wire, Trend\n\nBy Nino Kapanadze\n\n{P2}"
    src.write_text(jsonl_record(7, text=text) + "\n" + jsonl_record(8) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", src, "--db", db).exit_code == 0
    result = invoke("articles", "--db", db, "--format", "jsonl", "--id", "art7")
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(record) >= {"id", "title", "publisher", "author", "published", "url", "language", "sources_cited",
                           "body", "raw_text", "flags"}
    assert record["raw_text"] == text
    assert record["body"] == f"{P1}\n\n{P2}"
    assert record["sources_cited"] == ["Caucasus Wire", "Trend"] and record["author"] == "Nino Kapanadze"
    missing = invoke("articles", "--db", db, "--id", "nope")
    assert missing.exit_code == 1 and "no article with id 'nope'" in missing.stderr
    table = invoke("articles", "--db", db, "--limit", "1")
    assert "art7" in table.stdout and "art8" not in table.stdout


def test_read_commands_need_an_existing_database(tmp_path):
    for command in ("articles", "stats", "events"):
        result = invoke(command, "--db", tmp_path / "none.duckdb")
        assert result.exit_code == 2 and "no database at" in result.stderr, command
    assert not (tmp_path / "none.duckdb").exists()


def test_stats(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl_record(1) + "\n{bad\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert invoke("ingest", src, "--db", db).exit_code == 1
    counts = json.loads(invoke("stats", "--db", db, "--format", "json").stdout)
    assert counts["articles"] == 1 and counts["rejections"] == 1 and counts["events"] == 0
    assert counts["share_dated_by_publication"] is None
    assert "articles" in invoke("stats", "--db", db).stdout


# -- code, events, demo (with a stand-in for detente.store.events) ------------------------------
def _event(article_id: str, cameo: str = "042", source: str = "AZE", target: str = "GEO") -> Event:
    mention = EventMention(article_id=article_id, sentence=P1, char_start=0, char_end=len(P1), trigger="signed",
                           trigger_char=30, cameo=cameo, rule="test#1")
    return Event(event_id=f"ev-{article_id}-{cameo}", cameo=cameo, source=Actor(country=source, name=source),
                 target=Actor(country=target, name=target), modality="asserted", mentions=(mention,),
                 confidence=0.8, date_basis="text")


@pytest.fixture
def light_pipeline(monkeypatch):
    """The pipeline with a blank spaCy model and stages that find nothing: these tests are about the
    commands' wiring, not about the (separately tested) coding stages."""
    import spacy

    from detente import pipeline
    from detente.events.ontology import load_ontology
    from detente.model import CodedArticle
    from detente.resources import Resources

    monkeypatch.setattr(pipeline, "load_resources",
                        lambda settings: Resources(settings=settings, kb=None, ontology=load_ontology(), lexicon=None))
    monkeypatch.setattr(pipeline, "load_nlp", lambda resources: spacy.blank("en"))
    monkeypatch.setattr(pipeline.Pipeline, "code_doc", lambda self, doc, article: CodedArticle(article=article))


@pytest.fixture
def fake_events(monkeypatch, light_pipeline):
    """The store's writer as the pipeline calls it, writing plain rows to the events table (the
    CLI reads them back through the one reader, detente.analyse.query)."""
    import detente.store.events as module

    extra: dict[str, list[Event]] = {}

    def write_coded(store, batch, settings, ontology):
        from detente.store.derived import maintained

        ids = [e.event_id for coded in batch for e in [_event(coded.article.id), *extra.get(coded.article.id, [])]]
        with store.transaction() as con, maintained(con, ids):  # the writer's hook: derived columns too
            _write_plain(store, batch)
        return []

    def _write_plain(store, batch):
        for coded in batch:
            store.mark_coded([coded.article.id])
            for event in [_event(coded.article.id), *extra.get(coded.article.id, [])]:
                store.con.execute("INSERT INTO events (event_id, cameo, source_country, target_country, quad_class, "
                                  "goldstein) VALUES (?, ?, ?, ?, 1, 1.0)",
                                  [event.event_id, event.cameo, event.source.country, event.target.country])
                store.con.execute("INSERT INTO mentions (mention_id, event_id, article_id) VALUES (?, ?, ?)",
                                  [event.event_id + "-m", event.event_id, coded.article.id])

    monkeypatch.setattr(module, "write_coded", write_coded)
    return types.SimpleNamespace(extra=extra)


def test_code_prints_the_events_of_the_articles_given(tmp_path, fake_events):
    db = tmp_path / "x.duckdb"
    old = tmp_path / "old.jsonl"
    old.write_text(jsonl_record(1) + "\n", encoding="utf-8")
    assert invoke("code", old, "--db", db, "--format", "none").exit_code == 0
    new = tmp_path / "new.jsonl"
    new.write_text(jsonl_record(1) + "\n" + jsonl_record(2) + "\n", encoding="utf-8")
    result = invoke("code", new, "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["event_id"] for e in events] == ["ev-art1-042", "ev-art2-042"]
    first = events[0]
    assert first["cameo"] == "042" and first["source"]["country"] == "AZE" and first["target"]["country"] == "GEO"
    assert first["mentions"][0]["article_id"] == "art1" and first["num_mentions"] == 1
    assert "1 stored, 1 already stored" in result.stderr


def test_events_filters_and_formats(tmp_path, fake_events):
    db = tmp_path / "x.duckdb"
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl_record(1) + "\n", encoding="utf-8")
    fake_events.extra["art1"] = [_event("art1", cameo="190", source="ARM", target="AZE")]
    assert invoke("code", src, "--db", db, "--format", "none").exit_code == 0
    as_jsonl = invoke("events", "--db", db, "--format", "jsonl", "--country", "arm")
    assert [json.loads(x)["cameo"] for x in as_jsonl.stdout.splitlines()] == ["190"]
    as_csv = invoke("events", "--db", db, "--format", "csv", "--code", "04")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["cameo"], r["source_country"], r["article_id"]) for r in rows] == [("042", "AZE", "art1")]
    limited = invoke("events", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(limited.stdout.splitlines()) == 1
    assert "AZE" in invoke("events", "--db", db).stdout


def test_demo_codes_the_bundled_examples_and_summarises_dyads(tmp_path, fake_events):
    out = tmp_path / "out"
    result = invoke("demo", "--db", tmp_path / "demo.duckdb", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "AZE–GEO" in result.stdout
    assert (out / "events.jsonl").read_text().count("\n") >= 12
    assert (out / "dyads.csv").read_text().startswith("a,b,events")


def test_demo_leaves_the_current_folder_alone_and_says_where_and_what_next(tmp_path, monkeypatch, fake_events):
    here = tmp_path / "clone"
    here.mkdir()
    monkeypatch.chdir(here)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    result = invoke("demo")
    assert result.exit_code == 0, result.stderr
    assert list(here.iterdir()) == []  # nothing written where the user stands
    [folder] = list((tmp_path / "tmp").iterdir())
    assert (folder / "detente.duckdb").exists() and (folder / "events.jsonl").exists()
    assert f"the demo's files are in {folder}" in result.stderr
    assert "try next:" in result.stderr and f"detente dyad" in result.stderr and "detente serve --db" in result.stderr
    stats = json.loads(invoke("stats", "--db", folder / "detente.duckdb", "--format", "json").stdout)
    assert f", {stats['events']} events (" in result.stderr  # the demo's count is the store's


def test_demo_without_examples_says_so(tmp_path, monkeypatch, fake_events):
    from detente.cli import corpus_cmds

    monkeypatch.setattr(corpus_cmds, "EXAMPLES", "data/no-such-folder")
    result = invoke("demo", "--db", tmp_path / "demo.duckdb")
    assert result.exit_code == 2 and "no bundled example corpus" in result.stderr


# -- ../shared ----------------------------------------------------------------------------------
@pytest.mark.shared
def test_seeds_and_guardian_sample_store_251_articles_once(tmp_path):
    seeds = SHARED / "seeds" / "seeds.jsonl"
    guardian = SHARED / "corpus" / "guardian_sdf_sample.csv"
    if not (seeds.exists() and guardian.exists()):
        pytest.skip(f"{SHARED} is absent (seeds.jsonl and guardian_sdf_sample.csv are needed)")
    db = tmp_path / "x.duckdb"
    first = invoke("ingest", seeds, guardian, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "251 stored" in first.stderr
    again = invoke("ingest", seeds, guardian, "--db", db)
    assert again.exit_code == 0 and "0 stored, 251 already stored" in again.stderr
    records = {json.loads(x)["id"]: json.loads(x) for x in invoke("articles", "--db", db, "--format", "jsonl").stdout.splitlines()}
    assert len(records) == 251
    assert "Yemen" not in records["000_6a858bc3a9a49642"]["body"]
    assert "Yemen" in records["000_6a858bc3a9a49642"]["raw_text"]
    seed3 = records["003_ed85e02c0dd218b3"]
    assert seed3["author"] == "Farzad Ramezani Bonesh" and "Farzad" not in seed3["body"]


def test_code_without_inputs_asks_for_them_or_resume(tmp_path):
    result = invoke("code", "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 2 and "--resume" in result.stderr
    assert invoke("code", "x.txt", "--address", "auto", "--db", tmp_path / "x.duckdb").exit_code == 2


def test_resume_codes_the_stored_articles_left_uncoded(tmp_path, fake_events):
    db = tmp_path / "x.duckdb"
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl_record(1) + "\n" + jsonl_record(2) + "\n", encoding="utf-8")
    assert invoke("ingest", src, "--db", db).exit_code == 0
    result = invoke("code", "--resume", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["event_id"] for line in result.stdout.splitlines()] == ["ev-art1-042", "ev-art2-042"]
    again = invoke("code", "--resume", "--db", db, "--format", "jsonl")
    assert again.exit_code == 0 and again.stdout == ""
