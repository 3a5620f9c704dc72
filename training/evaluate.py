"""Score a coder on a corpus split, sentence by sentence (the split's text is never tuned on).

    python -m training.evaluate dev [--coder rules|learned|ensemble] [--ner model|shared] [--out misses.jsonl]

Measures: event vs no event (any asserted event), the root of the top event against the roots of
the gold asserted events, and per-root precision and recall of top events.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from detente.evaluate import top_event
from detente.ingest import make_article
from detente.pipeline import CodedArticle, Pipeline
from detente.settings import Settings

from .corpus import Sentence, load_split


def score(split: str, coder: str, out: Path | None = None, cached: bool = False, ner: str | None = None,
          writers: tuple[str, ...] = ()) -> dict:
    """``writers``: only these writers' sentences of the split (e.g. the train writers the shipped
    model never saw, as a held-out proxy). ``cached``: code the parses cached by ``training.parse`` (the same pipeline's, faster; stale
    if the gazetteer or the spaCy model changed since they were made) instead of parsing anew."""
    sents = [s for s in load_split(split) if not writers or s.id.split("-")[0] in writers]
    pipe = Pipeline(Settings(coder=coder).replace(ner=ner))
    arts = [make_article(s.id, s.text, published=s.published) for s in sents]
    if cached:
        from .parse import parsed

        coded = (pipe.code_doc(doc, art) for (_, doc), art in zip(parsed(sents), arts))
    else:
        coded = pipe.code_articles(arts)
    report = score_coded(sents, coded, out)
    return {"split": split, "coder": coder, **({"writers": list(writers)} if writers else {}), **report}


def score_coded(sents: list[Sentence], coded: Iterable[CodedArticle], out: Path | None = None) -> dict:
    """The measures of ``score`` for sentences and their coded articles (in the same order)."""
    n = agree = typed = typed_ok = 0
    timed = timed_ok = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    rows = []
    for s, coded in zip(sents, coded):
        gold = [e.cameo[:2] for e in s.events if e.modality == "asserted"]
        top = top_event(coded.mentions)
        got = top.cameo[:2] if top is not None and top.modality == "asserted" or (top and top.cameo[:2] in ("03", "13")) else None
        n += 1
        agree += bool(gold) == (got is not None)
        if gold:
            typed += 1
            typed_ok += got in gold
            (tp if got in gold else fn)[gold[0]] += 1
        if got is not None and got not in gold:
            fp[got] += 1
        rows.append({"id": s.id, "gold": gold, "got": got})
        for ev in s.events:  # current news dated, background history not dated at publication
            hit = [m for m in coded.mentions if ev.trigger[0] <= m.coded_from < ev.trigger[1]]
            if hit and ev.modality == "asserted":
                timed += 1
                undated_or_text = hit[0].date_basis != "publication"
                timed_ok += undated_or_text if ev.time == "background" else hit[0].date_basis is not None
    roots = sorted(set(tp) | set(fp) | set(fn))
    per_root = {r: {"precision": round(tp[r] / (tp[r] + fp[r]), 3) if tp[r] + fp[r] else None,
                    "recall": round(tp[r] / (tp[r] + fn[r]), 3) if tp[r] + fn[r] else None,
                    "gold": tp[r] + fn[r]} for r in roots}
    if out is not None:
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return {"sentences": n, "event_vs_none": round(agree / n, 3),
            "top_root_in_gold": round(typed_ok / typed, 3) if typed else None, "with_events": typed,
            "time_right": round(timed_ok / timed, 3) if timed else None,
            "per_root": per_root}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", choices=("train", "dev", "test"))
    ap.add_argument("--coder", default="ensemble", choices=("rules", "learned", "ensemble"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--summary", action="store_true", help="leave out the per-root table")
    ap.add_argument("--cached", action="store_true", help="code the cached parses of training/.cache")
    ap.add_argument("--ner", choices=("model", "shared"), help="the NER setting (default: Settings')")
    ap.add_argument("--writers", default="", help="comma-separated writers of the split to score (default: all)")
    args = ap.parse_args(argv)
    writers = tuple(w for w in args.writers.split(",") if w)
    report = score(args.split, args.coder, args.out, args.cached, args.ner, writers)
    if args.summary:
        report.pop("per_root")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
