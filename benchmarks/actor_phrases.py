"""Held-out actor phrases (issue 11): how well `resolve_actor` reads them.

    python benchmarks/actor_phrases.py [FILE] [--misses]

FILE (default benchmarks/actor_phrases.jsonl) holds one phrase a line:
{"text", "date", "country" (ISO3 | "IGO" | null), "sector" (CAMEO code | null),
 "sector_alt" (optional list), "kind"}. Prints, overall and by kind:
- country accuracy over actor phrases (the gold country may be null: then none is right),
- sector accuracy over actor phrases with a gold sector (the main or an alternative counts),
- the share of non-actors left unresolved (no actor, or one with neither country nor sector).
--misses lists the misses. The set is a TEST set: never change the resolver to fit it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from detente.actors import resolve_actor

KINDS = ("place_institution", "demonym_noun", "person", "organisation", "non_actor")
DEFAULT = Path(__file__).with_name("actor_phrases.jsonl")


def load(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("kind") not in KINDS or not row.get("text") or not row.get("date"):
            sys.exit(f"{path}:{n}: bad row (kind, text and date are required): {line}")
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", action="store_true", help="list the misses")
    args = ap.parse_args(argv)

    score: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses = []
    for row in load(args.file):
        actor = resolve_actor(row["text"], row["date"])
        got_c = actor.country if actor else None
        got_s = actor.sector if actor else None
        kind = row["kind"]
        checks = []
        if kind == "non_actor":
            checks.append(("unresolved", got_c is None and got_s is None))
        else:
            checks.append(("country", got_c == row["country"]))
            if row["sector"]:
                checks.append(("sector", got_s in {row["sector"], *row.get("sector_alt", [])}))
        for metric, ok in checks:
            for group in (kind, "all"):
                score[metric][group][0] += ok
                score[metric][group][1] += 1
            if not ok:
                gold = row["country"] if metric == "country" else row["sector"]
                misses.append(f"{metric:10} {kind:17} {row['date']} {row['text']!r}: "
                              f"gold {gold}, got {got_c} {got_s}")

    print(f"{'':18}" + "".join(f"{m:>18}" for m in ("country", "sector", "unresolved")))
    for group in (*KINDS, "all"):
        cells = []
        for metric in ("country", "sector", "unresolved"):
            right, n = score[metric].get(group, (0, 0))
            cells.append(f"{right / n:.3f} ({right:>3}/{n:>3})" if n else "-")
        print(f"{group:18}" + "".join(f"{c:>18}" for c in cells))
    if args.misses:
        print("\n".join(["", *misses]))


if __name__ == "__main__":
    main()
