"""Does a change to the coding stages leave their output unchanged? Dump, then compare.

    python benchmarks/same_output.py dump OUT.json [--limit N] [--input FILE] [--unfiltered]
    python benchmarks/same_output.py compare A.json B.json

``dump`` parses the Guardian sample (all 249 articles by default) once and writes every coded
article's actors and mentions as JSON, one entry per article: every field of every actor mention
and event mention (``dataclasses.asdict``, so more than their ``to_dict()``, which leaves out e.g. a
mention's code, actors, date and place), floats in full.
``compare`` says whether two dumps are equal and, if not, which articles and fields differ. Run
``dump`` with the code before and after a change (e.g. two worktrees on PYTHONPATH).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

_SAMPLE = Path("shared") / "corpus" / "guardian_sdf_sample.csv"
# beside the project (../shared) or above a worktree: the first parent directory that holds it
DEFAULT_INPUT = next((p / _SAMPLE for p in Path(__file__).resolve().parents if (p / _SAMPLE).exists()),
                     Path(__file__).resolve().parents[1] / ".." / _SAMPLE)


def dump(out: Path, input_path: Path, limit: int | None, filtered: bool) -> None:
    from detente.pipeline import Pipeline, read_articles
    from detente.settings import Settings

    settings = Settings(sentence_filter=filtered)
    pipe = Pipeline(settings)
    articles = list(read_articles([str(input_path)], settings, limit))
    coded = []
    for c in pipe.code_articles(articles):
        coded.append({"article": c.article.id,
                      "actors": [dataclasses.asdict(a) for a in c.actors],
                      "mentions": [dataclasses.asdict(m) for m in c.mentions]})
    out.write_text(json.dumps(coded, default=str, sort_keys=True, indent=0))
    print(f"{len(coded)} articles, {sum(len(c['actors']) for c in coded)} actors, "
          f"{sum(len(c['mentions']) for c in coded)} mentions -> {out}")


def compare(a_path: Path, b_path: Path) -> int:
    a = json.loads(a_path.read_text())
    b = json.loads(b_path.read_text())
    if len(a) != len(b):
        print(f"different article counts: {len(a)} vs {len(b)}")
        return 1
    bad = 0
    for x, y in zip(a, b):
        if x == y:
            continue
        bad += 1
        for part in ("article", "actors", "mentions"):
            if x[part] != y[part]:
                n = len(x[part]) if isinstance(x[part], list) else 1
                print(f"{x['article']}: {part} differ ({n} vs {len(y[part]) if isinstance(y[part], list) else 1})")
    print("identical" if not bad else f"{bad} of {len(a)} articles differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    d.add_argument("--limit", type=int)
    d.add_argument("--unfiltered", action="store_true", help="parse every sentence (sentence_filter off)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out, args.input, args.limit, not args.unfiltered)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
