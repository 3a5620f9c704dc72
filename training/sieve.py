"""Count how often each trigger word form yields an event, for the sentence sieve (``detente.sieve``).

    python -m training.sieve count [--split train] [--out src/detente/data/sieve.yaml]
    python -m training.sieve choose [--split dev]
    python -m training.sieve recall [--split test]
    python -m training.sieve curve [--split dev | --input FILE] [--limit N]

``count`` runs the unfiltered pipeline over a split and writes, for every word form that could be
a trigger (``Sieve.may_trigger``), how many times it was seen and how many times an event mention
had it as its trigger; the threshold already in the file is kept. ``choose`` runs the unfiltered
pipeline over another split (``dev``: never the test split) and prints, for a range of thresholds,
the share of sentences kept and the share of mentions lost, to choose ``threshold`` by.
``recall`` codes a split with and without the sieve and prints the mentions the filtered run
finds of the unfiltered one's, and the evaluation's scores of both (``training.evaluate``): a
measurement only — the test split's misses are not read.
``curve`` runs the unfiltered pipeline over a split or a file of articles (the Guardian sample) and
prints what a sentence-level decision can save: the share of tokens in the sieve's sentences that
hold a mention (what a perfect decision parses), and the tokens kept and mentions lost when a
sentence is kept for its best word's yield (the sieve's rule) or for the chance that any of its
words fires, ``1 - prod(1 - yield)``, at several thresholds.
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
        triggers = {m.coded_from for m in coded.mentions}
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
    data = {"threshold": (old or {}).get("threshold", 0.0), "lede": (old or {}).get("lede", 0),
            "quotes": (old or {}).get("quotes", False), "quotes_ner": (old or {}).get("quotes_ner", True), "split": split,
            "forms": {f: [n, min(fired[f], n)] for f, n in sorted(seen.items())}}
    header = ("# The sentence sieve's word forms: [times seen, times an event mention's trigger] on the\n"
              "# corpus split named below, unfiltered (python -m training.sieve count). A sentence is parsed\n"
              "# when one of its words may trigger an event and its (fired + 1) / (seen + 2) reaches\n"
              "# `threshold` (chosen on the dev split: python -m training.sieve choose); unseen forms count 1.\n"
              "# An article's first `lede` sentences are parsed whatever their words, and with `quotes` a sentence\n"
              "# inside a quotation; with `quotes_ner: false` the NER skips such a sentence up to its closing mark\n"
              "# (all three kept from the old file).\n")
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
            keys |= {(art.id, m.coded_from, m.cameo) for m in coded.mentions}
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


def sentence_rows(articles: list[Any]) -> list[tuple[int, list[float], int]]:
    """Per sentence of the sieve's cut, unfiltered: tokens, the yields of its candidate trigger
    words (``Yields``: unseen forms 1.0), and the mentions whose trigger is in it."""
    import bisect

    pipe = Pipeline(Settings(sentence_filter=False))
    sieve = make_sieve(pipe.nlp, pipe.resources.lexicon, pipe.resources.learned, Yields({}, 0.0))
    if sieve is None:
        raise SystemExit("the configured model has no rule lemmatizer tables: no sieve to measure")
    counts = load_yields().forms
    rows = []
    for doc, art in parse(pipe.nlp, ((a.text, a) for a in articles), 16, 1):
        coded = pipe.code_doc(doc, art)
        sents = sieve.sentences(doc)
        starts = [s for s, _, _ in sents]
        at = {t.idx: t.i for t in doc}
        mentions = [0] * len(sents)
        for m in coded.mentions:
            if m.coded_from in at:
                mentions[bisect.bisect_right(starts, at[m.coded_from]) - 1] += 1
        for (start, end, _), n in zip(sents, mentions):
            forms = [t.lower_ for t in doc[start:end] if t.is_alpha and sieve.may_trigger(t.lower_)]
            yields = [(counts[f][1] + 1) / (counts[f][0] + 2) if f in counts else 1.0 for f in forms]
            rows.append((end - start, yields, n))
    return rows


def curve(articles: list[Any]) -> dict[str, Any]:
    import math

    rows = sentence_rows(articles)
    tokens = sum(n for n, _, _ in rows) or 1
    mentions = sum(m for *_, m in rows) or 1
    out: dict[str, Any] = {"sentences": len(rows), "tokens": tokens, "mentions": mentions,
                           "tokens_in_sentences_with_a_mention": round(sum(n for n, _, m in rows if m) / tokens, 3)}
    rules = {"best_word": lambda ys: max(ys, default=0.0),
             "any_word": lambda ys: 1.0 - math.prod(1.0 - y for y in ys)}
    for name, score in rules.items():
        out[name] = []
        for threshold in (0.1, 0.15, 0.2, 0.3, 0.4):
            kept = [score(ys) >= threshold for _, ys, _ in rows]
            out[name].append({"threshold": threshold,
                              "tokens_kept": round(sum(n for (n, _, _), k in zip(rows, kept) if k) / tokens, 3),
                              "mentions_lost": round(sum(m for (_, _, m), k in zip(rows, kept) if not k) / mentions, 4)})
    return out


def _articles(split: str | None, path: Path | None, limit: int | None) -> list[Any]:
    if path is None:
        return [make_article(s.id, s.text, published=s.published) for s in load_split(split or "dev")][:limit]
    from detente.clean import clean_article
    from detente.ingest import read_inputs
    from detente.model import Article

    out = [clean_article(a) for a in read_inputs([str(path)], Settings()) if isinstance(a, Article)]
    return out[:limit]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("count", "choose", "recall", "curve"))
    ap.add_argument("--split", default=None, choices=("train", "dev", "test"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--input", type=Path, default=None, help="curve: a file of articles instead of a split")
    ap.add_argument("--limit", type=int, default=None, help="curve: the first N articles only")
    args = ap.parse_args(argv)
    if args.step in ("count", "choose", "curve") and args.split == "test":
        ap.error("the test split is for measuring only: use train to count and dev to choose")
    if args.step == "count":
        print(count(args.split or "train", args.out))
    elif args.step == "recall":
        print(recall(args.split or "test"))
    elif args.step == "curve":
        report = curve(_articles(args.split, args.input, args.limit))
        for key, value in report.items():
            for row in value if isinstance(value, list) else [value]:
                print(key, row)
    else:
        for row in choose(args.split or "dev"):
            print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
