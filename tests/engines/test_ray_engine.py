"""The Ray engine on a local 2-CPU Ray instance: the same events as the local engine."""
from __future__ import annotations

import random
import subprocess
import sys

import duckdb
import pytest

from tests.test_pipeline import contents, corpus

ray = pytest.importorskip("ray")


def detente(*args) -> list[str]:
    return [sys.executable, "-c", "from detente.cli import main; main()", *[str(a) for a in args]]


@pytest.mark.slow
def test_ray_gives_the_local_engines_events_whatever_the_order_and_partition(tmp_path):
    src = corpus(tmp_path / "corpus.jsonl", 40)
    lines = src.read_text(encoding="utf-8").splitlines()
    random.Random(5).shuffle(lines)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = tmp_path / "local.duckdb"
    done = subprocess.run(detente("code", src, "--db", local, "--format", "none"), capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    settings = tmp_path / "s.yaml"
    settings.write_text("batch_size: 3\nstore_batch: 7\n")  # other chunks and merge batches
    on_ray = tmp_path / "ray.duckdb"
    done = subprocess.run(detente("code", shuffled, "--db", on_ray, "--engine", "ray", "--workers", "2",
                                  "--settings", settings, "--format", "none"),
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert contents(on_ray) == contents(local)
    assert not list((tmp_path / "ray.duckdb.shards").glob("*.parquet"))  # merged shards are removed


def test_shards_round_trip_what_the_store_keeps(tmp_path):
    from detente.ingest import make_article
    from detente.model import Actor, ActorMention, CodedArticle
    from detente.settings import Settings
    from detente.store import Store
    from detente.store.events import write_coded
    from detente.store.shards import read_shard, shard_articles, shard_bytes, write_shard
    from tests.store.test_events import A1, Ontology

    coded = [CodedArticle(make_article("a1", "text", published="2023-06-05"), mentions=tuple(A1),
                          actors=(ActorMention(0, 1, 0, 5, "Tajik", Actor(country="TJK", name="Tajikistan")),)),
             CodedArticle(make_article("a2", "nothing", published="2023-06-06"))]
    path = tmp_path / "s" / "one.parquet"
    write_shard(path, shard_bytes(coded))
    assert shard_articles(path) == ["a1", "a2"]
    back = read_shard(path)
    results = []
    for i, batch in enumerate((coded, back)):
        with Store.open(tmp_path / f"{i}.duckdb") as store:
            store.add_articles([c.article for c in coded], None)
            write_coded(store, batch, Settings(), Ontology())
        results.append(contents(tmp_path / f"{i}.duckdb"))
        with duckdb.connect(str(tmp_path / f"{i}.duckdb")) as con:
            results.append(con.execute("SELECT * EXCLUDE (updated_at) FROM events ORDER BY 1").fetchall())
            results.append(con.execute("SELECT * FROM actors").fetchall())
    assert results[:3] == results[3:]
