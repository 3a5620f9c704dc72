"""Count how often each trigger word form yields an event, for the sentence sieve (``detente.sieve``).

    python -m training.sieve count [--split train] [--out src/detente/data/sieve.yaml]
    python -m training.sieve choose [--split dev]
    python -m training.sieve recall [--split test]

``count`` runs the unfiltered pipeline over a split and writes, for every word form that could be
a trigger (``Sieve.may_trigger``), how many times it was seen and how many times an event mention
had it as its trigger; the threshold already in the file is kept. ``choose`` runs the unfiltered
pipeline over another split (``dev``: never the test split) and prints, for a range of thresholds,
the share of sentences kept and the share of mentions lost, to choose ``threshold`` by.
``recall`` codes a split with and without the sieve and prints the mentions the filtered run
finds of the unfiltered one's, and the evaluation's scores of both (``training.evaluate``): a
measurement only — the test split's misses are not read.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from detente.ingest import make_article
from detente.nlp import parse
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.sieve import SIEVE_FILE, Yields, load_yields, make_sieve

from .corpus import load_split

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "detente" / SIEVE_FILE
THRESHOLDS = (0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2)


def observe(split: str) -> list[tuple[list[str], list[str], int]]:
    """Per sentence of ``split``, unfiltered: its candidate trigger forms, the forms an event
    mention was triggered by, and the number of mentions."""
    pipe = Pipeline(Settings(sentence_filter=False))
    sieve = make_sieve(pipe.nlp, pipe.resources.lexicon, pipe.resources.learned, Yields({}, 0.0))
    if sieve is None:
        raise SystemExit("the configured model has no rule lemmatizer tables: no sieve to train")
    arts = [make_article(s.id, s.text, published=s.published) for s in load_split(split)]
    rows = []
    for doc, art in parse(pipe.nlp, ((a.text, a) for a in arts), 64, 1):
        coded = pipe.code_doc(doc, art)
        triggers = {m.trigger_char for m in coded.mentions}
        forms = [t.lower_ for t in doc if t.is_alpha and sieve.may_trigger(t.lower_)]
        fired = [t.lower_ for t in doc if t.idx in triggers and t.is_alpha]
        rows.append((forms, fired, len(coded.mentions)))
    return rows


def count(split: str, out: Path) -> dict[str, Any]:
    seen: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    for forms, hits, _ in observe(split):
        seen.update(forms)
        fired.update(hits)
    old = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else {}
    data = {"threshold": (old or {}).get("threshold", 0.0), "split": split,
            "forms": {f: [n, min(fired[f], n)] for f, n in sorted(seen.items())}}
    header = ("# The sentence sieve's word forms: [times seen, times an event mention's trigger] on the\n"
              "# corpus split named below, unfiltered (python -m training.sieve count). A sentence is parsed\n"
              "# when one of its words may trigger an event and its (fired + 1) / (seen + 2) reaches\n"
              "# `threshold` (chosen on the dev split: python -m training.sieve choose); unseen forms count 1.\n")
    out.write_text(header + yaml.safe_dump(data, sort_keys=False, width=120, default_flow_style=None), encoding="utf-8")
    return {"forms": len(seen), "out": str(out)}


def choose(split: str) -> list[dict[str, Any]]:
    counts = load_yields()
    rows = observe(split)
    total = sum(n for *_, n in rows) or 1
    out = []
    for threshold in THRESHOLDS:
        y = Yields(counts.forms, threshold)
        kept = [any(y.passes(f) for f in forms) for forms, _, _ in rows]
        lost = sum(n for (_, _, n), k in zip(rows, kept) if not k)
        out.append({"threshold": threshold, "sentences_kept": round(sum(kept) / len(rows), 3),
                    "mentions_lost": round(lost / total, 4)})
    return out


def recall(split: str) -> dict[str, Any]:
    from detente.evaluate import top_event

    sents = load_split(split)
    pipe = Pipeline(Settings(sentence_filter=True))
    arts = [make_article(s.id, s.text, published=s.published) for s in sents]
    report: dict[str, Any] = {"split": split, "sentences": len(sents)}
    found = {}
    for name, sieve in (("unfiltered", None), ("filtered", pipe.sieve)):
        keys, agree, typed, typed_ok = set(), 0, 0, 0
        for s, (doc, art) in zip(sents, parse(pipe.nlp, ((a.text, a) for a in arts), 64, 1, sieve)):
            coded = pipe.code_doc(doc, art)
            keys |= {(art.id, m.trigger_char, m.cameo) for m in coded.mentions}
            gold = [e.cameo[:2] for e in s.events if e.modality == "asserted"]
            top = top_event(coded.mentions)
            got = top.cameo[:2] if top is not None and (top.modality == "asserted" or top.cameo[:2] in ("03", "13")) else None
            agree += bool(gold) == (got is not None)
            typed += bool(gold)
            typed_ok += bool(gold) and got in gold
        found[name] = keys
        report[name] = {"mentions": len(keys), "event_vs_none": round(agree / len(sents), 3),
                        "top_root_in_gold": round(typed_ok / typed, 3) if typed else None}
    a, b = found["unfiltered"], found["filtered"]
    report["recall"] = round(len(a & b) / len(a), 4) if a else None
    return report


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("count", "choose", "recall"))
    ap.add_argument("--split", default=None, choices=("train", "dev", "test"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if args.step in ("count", "choose") and args.split == "test":
        ap.error("the test split is for measuring only: use train to count and dev to choose")
    if args.step == "count":
        print(count(args.split or "train", args.out))
    elif args.step == "recall":
        print(recall(args.split or "test"))
    else:
        for row in choose(args.split or "dev"):
            print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
