"""Choose the learned coder's settings honestly: leave-one-writer-out on train, and the dev split.

    python -m training.cv --grid '{"dense_weight": [0, 0.5]}' --policies '[{}, {"retype": 0.4}]'

For each train writer the models are trained on the other writers, and the held-out writer's
sentences are coded by the whole pipeline (actors, the ensemble, roles, time) from the cached
parses: a new writer is the honest proxy for new text. The dev split is coded with the models
trained on every train writer. The test split is never read here.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from detente.events import combine as cb
from detente.events.learned import read_model
from detente.ingest import make_article
from detente.pipeline import Pipeline
from detente.resources import load_resources
from detente.settings import Settings

from .corpus import Sentence, load_split
from .evaluate import score_coded
from .parse import parsed
from .train import DEFAULTS, examples, fit, fold_codes, joined, write


@contextmanager
def policy(overrides: dict):
    """Code with the packaged thresholds changed by ``overrides`` (the coder reads them through
    ``combine.load_policy``; this harness swaps that function for the duration)."""
    base = cb.load_policy()
    changed = dataclasses.replace(base, **overrides)
    original = cb.load_policy
    cb.load_policy = lambda: changed
    try:
        yield changed
    finally:
        cb.load_policy = original


def cached_examples(sents: list[Sentence], folding: dict[str, str], salt: str = ""):
    """``train.examples``, cached in training/.cache under a key of the sentences, the folding and
    the sources that make features (features.py, the lexicon), so that runs of a grid share them;
    ``salt``: a name for features changed at run time (``training.augment``'s masked names)."""
    import hashlib
    import pickle

    from detente.events import features

    from .parse import CACHE

    lex = sorted(p for p in (Path(features.__file__).parent.parent / "data" / "lexicon").rglob("*.yaml")
           if p.name != "coder.yaml")  # the thresholds make no features
    digest = hashlib.sha1()
    for part in ([s.id + s.text + repr(s.events) for s in sents] + [json.dumps(folding, sort_keys=True)]
                 + [Path(features.__file__).read_text()] + [p.read_text() for p in lex] + [salt]):
        digest.update(part.encode("utf-8"))
    path = CACHE / f"examples-{digest.hexdigest()[:16]}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    ex = examples(sents, folding)
    part = path.with_suffix(f".{os.getpid()}.part")
    with open(part, "wb") as fh:
        pickle.dump(ex, fh, protocol=pickle.HIGHEST_PROTOCOL)
    part.replace(path)
    return ex


def code(sents: list[Sentence], docs: list, model_path: Path) -> list:
    settings = Settings(coder="ensemble")
    pipe = Pipeline(settings)
    pipe._resources = dataclasses.replace(load_resources(settings), learned=read_model(model_path))
    return [pipe.code_doc(doc, make_article(s.id, s.text, published=s.published)) for s, doc in zip(sents, docs)]


def run(grid: dict, policies: list[dict], folds: list[str] | None, dev: bool,
        exclude: tuple[str, ...] = (), out: Path | None = None, extra: list[Sentence] = (),
        salt: str = "") -> list[dict]:
    """``exclude``: train writers left out of every model (as ``train --exclude``); ``out``: a
    directory for each run's per-sentence rows (id, gold roots, top root), to read a held-out writer's
    misses; ``extra``: more training sentences (``training.augment``'s name-swapped copies), each
    held out with its writer and never coded; ``salt``: as ``cached_examples``."""
    train_s = [s for s in load_split("train") if s.writer not in exclude]
    folding = fold_codes(train_s)
    t0 = time.time()
    ex = cached_examples(train_s, folding, salt)
    if extra:
        ex = joined(ex, cached_examples(list(extra), folding, salt))
    print(f"examples: {len(ex.label)} rows in {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    docs = [d for _, d in parsed(train_s)]
    dev_s = load_split("dev")
    dev_docs = [d for _, d in parsed(dev_s)]
    writers = np.asarray(ex.writer)
    folds = folds if folds is not None else sorted(set(ex.writer))
    keys = sorted(grid)
    results = []
    tmp = Path(tempfile.mkdtemp(prefix="detente-cv-"))
    for values in itertools.product(*(grid[k] for k in keys)):
        params = {**DEFAULTS, **dict(zip(keys, values))}
        per_policy: dict[int, dict[str, list]] = {i: {} for i in range(len(policies))}
        splits = [(w, np.flatnonzero(writers != w)) for w in folds] + ([("dev", np.arange(len(ex.label)))] if dev else [])
        for held, rows in splits:
            t1 = time.time()
            fitted = fit(ex, rows, **params)
            path = tmp / f"{held}.npz"
            write(path, ex, rows, folding, fitted, {"cv": held})
            if held == "dev":
                sents, hdocs = dev_s, dev_docs
            else:
                pick = [i for i, s in enumerate(train_s) if s.writer == held]
                sents, hdocs = [train_s[i] for i in pick], [docs[i] for i in pick]
            for i, pol in enumerate(policies):
                rows_out = None
                if out is not None and held != "dev":  # the dev split measures: its misses are not listed
                    out.mkdir(parents=True, exist_ok=True)
                    tag = "-".join(f"{k}{v}" for k, v in zip(keys, values)) or "base"
                    rows_out = out / f"{held}-{tag}-p{i}.jsonl"
                with policy(pol):
                    rep = score_coded(sents, code(sents, hdocs, path), rows_out)
                per_policy[i].setdefault(held, []).append((rep["event_vs_none"], rep["top_root_in_gold"]))
            print(f"{params} {held}: {[per_policy[i][held][-1] for i in per_policy]} ({time.time() - t1:.0f}s)",
                  file=sys.stderr, flush=True)
        for i, pol in enumerate(policies):
            lowo = [v[0] for k, v in per_policy[i].items() if k != "dev"]
            row = {"params": params, "policy": pol,
                   "lowo_event": round(float(np.mean([a for a, _ in lowo])), 4) if lowo else None,
                   "lowo_root": round(float(np.mean([b for _, b in lowo])), 4) if lowo else None,
                   "folds": {k: v[0] for k, v in per_policy[i].items()}}
            results.append(row)
            print(json.dumps(row), flush=True)
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--grid", default="{}", help="JSON: training parameter -> list of values")
    ap.add_argument("--policies", default="[{}]", help="JSON list of threshold overrides")
    ap.add_argument("--folds", help="comma-separated train writers to hold out (default: all)")
    ap.add_argument("--no-dev", action="store_true")
    ap.add_argument("--exclude", default="", help="comma-separated train writers left out of every model")
    ap.add_argument("--out", type=Path, help="write the held-out writers' per-sentence rows here")
    args = ap.parse_args(argv)
    exclude = tuple(w for w in args.exclude.split(",") if w)
    if args.folds and set(args.folds.split(",")) & set(exclude):
        ap.error("a held-out writer cannot also be excluded")
    run(json.loads(args.grid), json.loads(args.policies), args.folds.split(",") if args.folds else None,
        not args.no_dev, exclude, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
