"""The Ray engine: Ray tasks map articles to mention shards (Parquet); the merge runs here.

Public API: ``run_ray(pipeline, inputs, store, ...) -> RunSummary`` (what ``detente code
--engine ray`` does; docs/scale.md shows it on a cluster).

1. Read, clean and store the inputs (this process: articles and their stories in the store).
2. Map: the articles to code go out in chunks of ``batch_size`` to Ray tasks; each task loads the
   model once per worker process, codes its chunk (``Pipeline.code_here``, a pure function of the
   articles) and returns the chunk's mention shard as Parquet bytes, which this process writes
   to ``shard_dir`` (so workers need no shared file system).
3. Merge: the shards, in name order, go through the store's writer (``write_coded``) ``store_batch``
   articles at a time; a shard is deleted once all its articles are merged.

A run killed at any point resumes with ``resume``: articles already in a shard are not mapped again,
articles already merged are not coded again, and the merge gives the same events whatever order or
batches the articles reach it in.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import EngineError
from ..model import Article, CodedArticle, RunSummary
from ..pipeline import Pipeline, Progress, in_chunks, shared_pipeline
from ..settings import Settings
from ..store.shards import read_shard, shard_articles, shard_bytes, write_shard


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise EngineError("the Ray engine needs Ray: pip install 'detente[ray]'") from exc
    return ray


def map_chunk(settings: Settings, articles: list[Article]) -> tuple[list[str], bytes]:
    """The map task: code articles, return their ids and their mention shard (Parquet bytes)."""
    coded = list(shared_pipeline(settings).code_here(articles))
    return [c.article.id for c in coded], shard_bytes(coded)


def run_ray(pipeline: Pipeline, inputs: Sequence[str], store: Any, shard_dir: Path,
            published: dt.date | None = None, address: str | None = None, resume: bool = False,
            progress: Progress | None = None, on_total: Progress | None = None) -> RunSummary:
    """Ingest ``inputs``, map the articles to code on Ray, merge the shards into ``store``."""
    ray = _ray()
    settings = pipeline.settings
    summary = pipeline.ingest(inputs, store, published=published, command="code") if inputs else RunSummary()
    todo = store.uncoded_articles(None if resume else summary.article_ids)
    if on_total:
        on_total(len(todo))
    sharded = _sharded(shard_dir)
    mapped = {a for ids in sharded.values() for a in ids}
    if progress:
        progress(sum(a.id in mapped for a in todo))
    to_map = [a for a in todo if a.id not in mapped]
    if to_map:
        _map(ray, settings, to_map, shard_dir, address, sharded, progress)
    wanted = {a.id for a in todo}
    coded = _merge(pipeline, store, sharded, wanted)
    known = set(summary.article_ids)
    summary.article_ids.extend(a for a in coded if a not in known)
    return summary


def _sharded(shard_dir: Path) -> dict[Path, list[str]]:
    """The shards a previous run left: path -> article ids."""
    if not shard_dir.is_dir():
        return {}
    return {p: shard_articles(p) for p in sorted(shard_dir.glob("*.parquet"))}


def _map(ray: Any, settings: Settings, articles: list[Article], shard_dir: Path, address: str | None,
         sharded: dict[Path, list[str]], progress: Progress | None) -> None:
    started = not ray.is_initialized()
    if started:
        try:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=settings.workers, include_dashboard=False, log_to_driver=False,
                         _node_ip_address="127.0.0.1")
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineError(f"cannot start or reach Ray ({address or 'a local instance'}): {exc}") from exc
    try:
        task = ray.remote(num_cpus=1, max_retries=2)(map_chunk)
        settings_ref = ray.put(settings)
        pending = {}
        for chunk in in_chunks(articles, settings.batch_size):
            name = hashlib.sha1("\n".join(a.id for a in chunk).encode("utf-8")).hexdigest()[:20]
            pending[task.remote(settings_ref, chunk)] = shard_dir / f"{name}.parquet"
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                path = pending.pop(ref)
                ids, data = ray.get(ref)
                write_shard(path, data)
                sharded[path] = ids
                if progress:
                    progress(len(ids))
    finally:
        if started:
            ray.shutdown()


def _merge(pipeline: Pipeline, store: Any, sharded: dict[Path, list[str]], wanted: set[str]) -> list[str]:
    """Merge the shards holding wanted articles into the store; delete each once merged."""
    done: list[str] = []
    batch: list[CodedArticle] = []
    merged: list[Path] = []
    for path in sorted(sharded):
        if not wanted & set(sharded[path]):
            continue
        batch.extend(c for c in read_shard(path) if c.article.id in wanted)
        merged.append(path)
        if len(batch) >= pipeline.settings.store_batch:
            done += pipeline.write(store, batch)
            _remove(merged)
    done += pipeline.write(store, batch)
    _remove(merged)
    return done


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
    paths.clear()
