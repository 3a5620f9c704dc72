"""Hold out a group of train writers together, fit one model without them, and score them and dev.

    python -m training.holdout --hold w24,w25 --exclude w21,w22,w23 --save DIR/coder.npz \
        --policies '[{}, {"veto": 0.9}]'
    python -m training.holdout --hold w24,w25 --model src/detente/data/models/coder.npz --policies ...

One fit gives an honest proxy for new text on several writers at once (``training.cv`` fits one
model per held-out writer) and, since dev is never trained on, dev with the same model. With
``--model`` nothing is fitted: an existing model (the shipped one, say) is scored under the
policies, to re-choose the thresholds of ``data/lexicon/coder.yaml`` for it. The examples are
those of ``training.cv`` (cached in training/.cache); the test split is never read.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from .corpus import load_split
from .cv import cached_examples, code, policy
from .evaluate import score_coded
from .parse import parsed
from .train import DEFAULTS, fit, fold_codes, write


def _score(sents, docs, model: Path, pol: dict, rows_out: Path | None) -> dict:
    with policy(pol):
        rep = score_coded(sents, code(sents, docs, model), rows_out)
    return {k: rep[k] for k in ("event_vs_none", "top_root_in_gold", "with_events", "time_right")}


def run(hold: tuple[str, ...], exclude: tuple[str, ...], params: dict, policies: list[dict],
        model: Path | None, save: Path | None, out: Path | None, dev: bool = True) -> list[dict]:
    """Fit on the train split less ``hold`` and ``exclude`` (unless ``model`` is given), then score
    the held-out writers (together and one by one) and dev under each policy."""
    train_s = list(load_split("train"))
    if model is None:
        folding = fold_codes(train_s)
        t0 = time.time()
        ex = cached_examples(train_s, folding)
        rows = np.flatnonzero([w not in hold and w not in exclude for w in ex.writer])
        print(f"examples: {len(ex.label)} rows, {len(rows)} fitted ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
        t1 = time.time()
        fitted = fit(ex, rows, **{**DEFAULTS, **params})
        model = save or Path("/tmp") / f"holdout-{'-'.join(hold)}.npz"
        model.parent.mkdir(parents=True, exist_ok=True)
        write(model, ex, rows, folding, fitted, {"holdout": list(hold), "exclude": list(exclude),
                                                 **{k: v for k, v in params.items()}})
        print(f"fitted in {time.time() - t1:.0f}s -> {model}", file=sys.stderr, flush=True)
    held_s = [s for s in train_s if s.writer in hold]
    held_docs = [d for _, d in parsed(held_s)]
    dev_s = list(load_split("dev"))
    dev_docs = [d for _, d in parsed(dev_s)] if dev else []
    results = []
    for i, pol in enumerate(policies):
        t2 = time.time()
        rows_out = None
        if out is not None:  # the held-out train writers' rows (to read); never dev's
            out.mkdir(parents=True, exist_ok=True)
            rows_out = out / f"{'-'.join(hold)}-p{i}.jsonl"
        row = {"model": str(model), "params": params, "policy": pol,
               "held": _score(held_s, held_docs, model, pol, rows_out)}
        if rows_out is not None:
            got = [json.loads(x) for x in rows_out.read_text().splitlines()]
            for w in hold:
                mine = [r for r in got if r["id"].split("-")[0] == w]
                ev = [r for r in mine if r["gold"]]
                row[w] = {"event_vs_none": round(sum(bool(r["gold"]) == (r["got"] is not None) for r in mine) / len(mine), 3),
                          "top_root_in_gold": round(sum(r["got"] in r["gold"] for r in ev) / len(ev), 3)}
        if dev:
            row["dev"] = _score(dev_s, dev_docs, model, pol, None)
        row["seconds"] = round(time.time() - t2)
        results.append(row)
        print(json.dumps(row), flush=True)
    return results


INTEGER_PARAMS = ("min_feature", "root_hidden", "root_epochs")


def training_params(pairs: list[str], writer_weight: str) -> dict:
    """``train.fit``'s keyword arguments from NAME=VALUE pairs and WRITER=WEIGHT,... (integers where
    ``fit`` counts, floats elsewhere); unknown names are refused."""
    params: dict = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in DEFAULTS or name == "writer_weight" or not value:
            raise ValueError(f"not a training parameter: {pair!r}")
        params[name] = int(value) if name in INTEGER_PARAMS else float(value)
    weights = {w: float(x) for w, x in (p.split("=") for p in writer_weight.split(",") if p)}
    if weights:
        params["writer_weight"] = weights
    return params


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hold", required=True, help="comma-separated train writers held out together")
    ap.add_argument("--exclude", default="", help="comma-separated train writers left out of the fit")
    ap.add_argument("--writer-weight", default="", help="comma-separated WRITER=WEIGHT (others 1)")
    ap.add_argument("--param", action="append", default=[], help="a training parameter of train.fit, NAME=VALUE")
    ap.add_argument("--policies", default="[{}]", help="JSON list of threshold overrides")
    ap.add_argument("--model", type=Path, help="score this model instead of fitting one")
    ap.add_argument("--save", type=Path, help="where to write the fitted model")
    ap.add_argument("--out", type=Path, help="write the held-out writers' per-sentence rows here")
    ap.add_argument("--no-dev", action="store_true")
    args = ap.parse_args(argv)
    hold = tuple(w for w in args.hold.split(",") if w)
    exclude = tuple(w for w in args.exclude.split(",") if w)
    if set(hold) & set(exclude):
        ap.error("a held-out writer cannot also be excluded")
    params = training_params(args.param, args.writer_weight)
    run(hold, exclude, params, json.loads(args.policies), args.model, args.save, args.out, not args.no_dev)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
