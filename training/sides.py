"""Train the learned side chooser (``detente.events.chooser``) and measure it held out by writer.

    python -m training.sides rows                      # the rows of every writer (cached in training/.cache)
    python -m training.sides train [--out src/detente/data/models/sides.npz]
    python -m training.sides cv [--folds w15,w20] [--margins 0.1,0.3 --none-margins 2 --floor 0]  # default: the shipped policy

Rows: every kept candidate event of the coder (the rules' sides as the coder left them, the side
chooser off) whose trigger lies inside a gold ASSERTED event's trigger, on the train writers that
``training.roles`` codes sentence by sentence (the develop group and w18-w20). Each choice of the
candidate (``chooser.choices``: "none" and the actor mentions of the sentence) is one row, with
two labels: source (its span overlaps the gold source's; "none" when the gold names no source)
and target (the same for the target). Two logistic regressions (SGD, fixed seed) are fitted.
``cv`` fits without each fold's writer, codes that writer through the whole pipeline with the
model on and off, and counts sides right as ``training.roles`` does.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from detente.events import chooser
from detente.events.learned import export_model, read_model
from detente.pipeline import Pipeline
from detente.settings import Settings

from . import roles as rl
from .train import vectorise, vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "detente" / "data" / "models" / "sides.npz"
WRITERS = (*rl.GROUPS["develop"], "w18", "w19", "w20")
MIN_FEATURE = 2
ALPHA = 1e-5
SEED = 0


class Recorder:
    """A side hook that changes nothing: it keeps each kept candidate's trigger offset and the
    features and spans of its choices."""

    def __init__(self) -> None:
        self.records: list[tuple[int, list[tuple[tuple[int, int] | None, list[str]]]]] = []

    def choose(self, cands, index) -> None:
        for cand in cands:
            if not chooser.applies(cand):
                continue
            opts = chooser.choices(cand, index)
            self.records.append((cand.trigger.idx, [((c[0].char_start, c[0].char_end) if c else None,
                                                     chooser.choice_features(cand, c)) for c in opts]))


def _overlap(span: tuple[int, int] | None, gold: tuple[int, int] | None) -> bool:
    if span is None or gold is None:
        return span is None and gold is None
    return span[0] < gold[1] and gold[0] < span[1]


def writer_rows(pipe: Pipeline, writer: str) -> list[tuple[list[str], int, int, str]]:
    """(features, source label, target label, event key) of one writer's rows."""
    rec = Recorder()
    pipe._resources = dataclasses.replace(pipe.resources, sides=rec)
    sents = rl.writer_sentences(writer)
    docs, arts = rl.parsed_docs(pipe, sents)
    out = []
    for s, doc, art in zip(sents, docs, arts):
        rec.records = []
        pipe.code_doc(doc, art)
        for k, ann in enumerate(s.events):
            if ann.modality != "asserted":
                continue
            hit = next((opts for char, opts in rec.records if ann.trigger[0] <= char < ann.trigger[1]), None)
            for span, feats in hit or ():
                out.append((feats, int(_overlap(span, ann.source)), int(_overlap(span, ann.target)), f"{s.id}#{k}"))
    return out


def all_rows(writers: Sequence[str]) -> dict[str, list]:
    """Every writer's rows, cached by the code of the coder and the chooser's features."""
    src = rl.SRC
    h = hashlib.sha1()
    for f in sorted((src / "events").glob("*.py")) + sorted((src / "actors").glob("*.py")) + \
            sorted(p for p in (src / "data").rglob("*.yaml") if p.name != "sides_model.yaml"):
        h.update(f.read_bytes())
    rl.CACHE.mkdir(exist_ok=True)
    pipe = Pipeline(Settings())
    out = {}
    for w in writers:
        path = rl.CACHE / f"sides-{w}-{h.hexdigest()[:12]}.pkl"
        if not path.exists():
            path.write_bytes(pickle.dumps(writer_rows(pipe, w)))
        out[w] = pickle.loads(path.read_bytes())
    return out


def fit(rows: list, seed: int = SEED, alpha: float = ALPHA):
    from sklearn.linear_model import SGDClassifier

    feats = [f for f, *_ in rows]
    vocab = vocabulary(feats, MIN_FEATURE)
    x = vectorise(feats, vocab)
    models = {}
    for k, role in enumerate(chooser.ROLES):
        y = np.array([str(r[1 + k]) for r in rows])
        clf = SGDClassifier(loss="log_loss", alpha=alpha, average=True, max_iter=40, tol=None, random_state=seed)
        clf.fit(x, y)
        models[role] = clf
    return vocab, models


def train(writers: Sequence[str], out: Path, alpha: float = ALPHA) -> None:
    rows = [r for rs in all_rows(writers).values() for r in rs]
    vocab, models = fit(rows, alpha=alpha)
    export_model(out, vocab, models, {}, {"writers": list(writers), "rows": len(rows), "alpha": alpha, "seed": SEED})
    print(f"{len(rows)} rows, {len(vocab)} features -> {out}")


def measure(writer: str, model_path: Path | None, policy: chooser.SidePolicy) -> dict:
    pipe = Pipeline(Settings())
    hook = None if model_path is None else chooser.SideChooser(read_model(model_path, names=chooser.ROLES), policy)
    pipe._resources = dataclasses.replace(pipe.resources, sides=hook)
    return rl.summary(rl.measure(rl.coded(pipe, rl.writer_sentences(writer))))


def brief(v: dict) -> str:
    return (f"src {v['source']['share_right']} {v['source']['right']}/{v['source']['empty']}/{v['source']['wrong']}  "
            f"tgt {v['target']['share_right']} {v['target']['right']}/{v['target']['empty']}/{v['target']['wrong']} "
            f"extra {v['target']['extra']}  both {v['both_right']}")


def cv(folds: Sequence[str], policies: Sequence[chooser.SidePolicy], scratch: Path, alpha: float = ALPHA) -> None:
    rows = all_rows(WRITERS)
    for w in folds:
        train_rows = [r for x, rs in rows.items() if x != w for r in rs]
        vocab, models = fit(train_rows, alpha=alpha)
        path = scratch / f"sides-without-{w}.npz"
        export_model(path, vocab, models, {}, {"without": w})
        print(w, "rules ", brief(measure(w, None, policies[0])), flush=True)
        for pol in policies:
            print(w, f"m{pol.margin['source']}/{pol.margin['target']} n{pol.none_margin['source']} f{pol.floor['source']}",
                  brief(measure(w, path, pol)), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("rows", "train", "cv"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--folds", default="w15,w20")
    ap.add_argument("--margins", default="", help="comma-separated margins to try (cv); default: the shipped policy's")
    ap.add_argument("--floor", type=float, default=None)
    ap.add_argument("--none-margins", default="", help="comma-separated margins for emptying a side (cv)")
    ap.add_argument("--alpha", type=float, default=ALPHA)
    ap.add_argument("--scratch", type=Path, default=Path("/tmp"))
    args = ap.parse_args(argv)
    if args.command == "rows":
        for w, rs in all_rows(WRITERS).items():
            print(w, len(rs), sum(r[1] for r in rs), sum(r[2] for r in rs))
    elif args.command == "train":
        train(WRITERS, args.out, args.alpha)
    else:
        base = chooser.load_policy()
        margins = [float(m) for m in args.margins.split(",") if m]
        floor = base.floor if args.floor is None else {"source": args.floor, "target": args.floor}
        nones = [float(m) for m in args.none_margins.split(",") if m] or [None]
        pols = [dataclasses.replace(base, margin={"source": m, "target": m}, fill_margin={"source": m, "target": m},
                                    floor=floor,
                                    none_margin=base.none_margin if n is None else {"source": n, "target": n})
                for m in margins for n in nones] or [base]  # without --margins: the shipped policy
        cv(args.folds.split(","), pols, args.scratch, args.alpha)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
