"""The engines on one corpus: local processes and Ray, 1 -> 2 workers; the merge's independence of
order and partition.

    python benchmarks/engines.py [--input CSV] [--limit N] [--no-ray]

Reads ../shared/corpus/guardian_sdf_sample.csv by default (local use only; never committed). All
figures come from one run on this machine, as ratios:

- local: ``Pipeline.code_articles`` (parse and every coding stage) with ``workers`` 1 and 2, the
  model loaded and warmed first; speed-up = time(1) / time(2);
- ray: a local Ray instance of 2 CPUs, the map tasks (chunks of ``batch_size`` articles -> Parquet
  shard bytes) with at most 1, then 2 in flight, every worker warmed first; efficiency =
  time(1) / (2 x time(2));
- merge: the coded articles written through ``write_coded`` in order in one batch, shuffled in
  batches of 7, reversed in batches of 50, and read back from Ray's shards: the stored event ids,
  their mention and article counts and each mention's event must be identical.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "guardian_sdf_sample.csv"


def _articles(path: Path, limit: int | None, settings):
    from detente.clean import clean_article
    from detente.ingest import read_inputs
    from detente.model import Article

    out = [clean_article(a) for a in read_inputs([str(path)], settings) if isinstance(a, Article)]
    return out[:limit] if limit else out


def _store_events(articles, batches, settings, ontology, workdir: Path, name: str):
    from detente.store import Store
    from detente.store.events import write_coded

    with Store.open(workdir / f"{name}.duckdb") as store:
        store.add_articles([c.article for batch in batches for c in batch], None)
        for batch in batches:
            write_coded(store, batch, settings, ontology)
        events = store.con.execute("SELECT event_id, num_mentions, num_articles FROM events ORDER BY 1").fetchall()
        mentions = store.con.execute("SELECT mention_id, event_id FROM mentions ORDER BY 1").fetchall()
    return events, mentions


def _ray_map(ray, task, settings_ref, chunks, in_flight: int):
    """Run the map tasks with at most ``in_flight`` at once; returns (seconds, shard bytes)."""
    start = time.perf_counter()
    pending, results, todo = [], [], list(chunks)
    while todo or pending:
        while todo and len(pending) < in_flight:
            pending.append(task.remote(settings_ref, todo.pop(0)))
        done, pending = ray.wait(pending, num_returns=1)
        results.extend(ray.get(done))
    return time.perf_counter() - start, [data for _, data in results]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    from detente.pipeline import Pipeline, in_chunks
    from detente.settings import Settings

    settings = Settings()
    articles = _articles(args.input, args.limit, settings)
    words = sum(len(a.text.split()) for a in articles)
    report: dict[str, object] = {"articles": len(articles), "words": words}
    times = {}
    coded = None
    for workers in (1, 2):
        pipe = Pipeline(settings.replace(workers=workers))
        list(pipe.code_here(articles[:2]))  # loads data and model, warms up
        start = time.perf_counter()
        out = list(pipe.code_articles(articles))
        times[workers] = time.perf_counter() - start
        coded = coded or out
        print(f"local, {workers} worker(s): {times[workers]:.1f} s, {len(articles) / times[workers]:.2f} articles/s",
              flush=True)
    report["local_seconds"] = times
    report["local_speedup_2_over_1"] = round(times[1] / times[2], 2)
    ontology = Pipeline(settings).resources.ontology
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rng = random.Random(17)
        shuffled = coded[:]
        rng.shuffle(shuffled)
        runs = {"in order, one batch": [coded],
                "shuffled, batches of 7": [shuffled[i:i + 7] for i in range(0, len(shuffled), 7)],
                "reversed, batches of 50": [coded[::-1][i:i + 50] for i in range(0, len(coded), 50)]}
        if not args.no_ray:
            import ray

            from detente.engines.ray_engine import map_chunk
            from detente.store.shards import read_shard, write_shard

            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
            task = ray.remote(num_cpus=1)(map_chunk)
            settings_ref = ray.put(settings)
            chunks = list(in_chunks(articles, settings.batch_size))
            ray.get([task.remote(settings_ref, articles[i:i + 1]) for i in range(2)])  # two workers load the model
            ray_times = {}
            for in_flight in (1, 2):
                ray_times[in_flight], shards = _ray_map(ray, task, settings_ref, chunks, in_flight)
                print(f"ray, {in_flight} task(s) in flight: {ray_times[in_flight]:.1f} s", flush=True)
            ray.shutdown()
            report["ray_seconds"] = ray_times
            report["ray_efficiency_1_to_2"] = round(ray_times[1] / (2 * ray_times[2]), 2)
            from_shards = []
            for i, data in enumerate(shards):
                write_shard(workdir / f"{i}.parquet", data)
                from_shards.append(read_shard(workdir / f"{i}.parquet"))
            rng.shuffle(from_shards)
            runs["ray shards, shuffled"] = from_shards
        results, merge_seconds = {}, {}
        for i, (name, batches) in enumerate(runs.items()):
            start = time.perf_counter()
            results[name] = _store_events(articles, batches, settings, ontology, workdir, f"m{i}")
            merge_seconds[name] = round(time.perf_counter() - start, 2)
        report["merge_seconds"] = merge_seconds
    reference = results["in order, one batch"]
    report["events"] = len(reference[0])
    report["mentions"] = len(reference[1])
    report["identical_events"] = {name: r == reference for name, r in results.items()}
    print(json.dumps(report, indent=2))
    return 0 if all(report["identical_events"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
