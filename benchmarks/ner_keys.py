"""The distilled NER's honest recall loss: event-mention keys of whole runs, dumped, then compared.

    python benchmarks/ner_keys.py dump OUT.jsonl [--ner model|shared] [--unfiltered] [--limit N] [--input FILE]
    python benchmarks/ner_keys.py compare BASE.jsonl RUN.jsonl [--other OTHER.jsonl] [--show]

``dump`` codes the Guardian sample (all 249 articles by default; no store, no merge) and writes one
line per event mention: its article, ``coded_from`` (the word whose clause was coded), CAMEO code,
modality, sides' countries and its sentence. ``compare`` counts the mentions of BASE (as
``throughput.py`` keys them: article, coded_from, code) that RUN finds (the recall loss) and RUN's
new ones; with ``--other`` (e.g. the filtered run with the model's NER) it splits RUN's losses into
those OTHER loses too and those only RUN loses. The honest loss of ``ner: shared`` (sessions 16-21):
BASE the unfiltered run with the model's NER, RUN the filtered run with the student.
``--show`` prints the changed mentions' sentences, for reading by hand: the sample's text stays on
this machine (never quote it in the repository).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from same_output import DEFAULT_INPUT  # noqa: E402  (run as a script from benchmarks/)


def _country(a: Any) -> str | None:
    return a.actor.country if a is not None and a.actor is not None else None


def dump(out: Path, input_path: Path, limit: int | None, filtered: bool, ner: str | None) -> int:
    from detente.nlp import parse
    from detente.pipeline import Pipeline, read_articles
    from detente.settings import Settings

    settings = Settings(sentence_filter=filtered).replace(ner=ner)
    pipe = Pipeline(settings)
    articles = list(read_articles([str(input_path)], settings, limit))
    if filtered:
        coded = list(pipe.code_articles(articles))
    else:
        items = ((a.text, a) for a in articles)
        coded = [pipe.code_doc(doc, a) for doc, a in parse(pipe.nlp, items, settings.batch_size, 1)]
    n = 0
    with out.open("w") as fh:
        for c in coded:
            for m in c.mentions:
                fh.write(json.dumps({"article": m.article_id, "at": m.coded_from, "cameo": m.cameo,
                                     "modality": m.modality, "source": _country(m.source),
                                     "target": _country(m.target), "sentence": m.sentence}) + "\n")
                n += 1
    print(f"{n} mentions of {len(coded)} articles ({'filtered' if filtered else 'unfiltered'}, "
          f"ner {settings.ner}) -> {out}", file=sys.stderr)
    return n


def load(path: Path) -> dict[tuple, dict]:
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {(r["article"], r["at"], r["cameo"]): r for r in rows}


def compare(base: dict, run: dict, other: dict | None = None) -> dict[str, Any]:
    lost = set(base) - set(run)
    out = {"mentions_base": len(base), "mentions_run": len(run), "lost": len(lost),
           "recall_loss": round(len(lost) / len(base), 4) if base else None, "new": len(set(run) - set(base))}
    if other is not None:
        out["lost_by_other_too"] = len(lost - set(other))
        out["lost_only_by_run"] = len(lost & set(other))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="step", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--ner", choices=("model", "shared"), default=None)
    d.add_argument("--unfiltered", action="store_true", help="every sentence parsed (no sieve)")
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    c = sub.add_parser("compare")
    c.add_argument("base", type=Path)
    c.add_argument("run", type=Path)
    c.add_argument("--other", type=Path, default=None)
    c.add_argument("--show", action="store_true", help="print the changed mentions' sentences")
    args = ap.parse_args(argv)
    if args.step == "dump":
        dump(args.out, args.input, args.limit, not args.unfiltered, args.ner)
        return 0
    base, run = load(args.base), load(args.run)
    other = load(args.other) if args.other else None
    print(json.dumps(compare(base, run, other)))
    if args.show:
        lost = sorted(set(base) - set(run))
        if other is not None:
            lost = [k for k in lost if k in other]
        for tag, keys, rows in (("lost", lost, base), ("new", sorted(set(run) - set(base)), run)):
            for k in keys:
                r = rows[k]
                print(f"{tag} {k[0]} @{k[1]} {k[2]} {r['modality']} {r['source']}->{r['target']}: {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
