"""A blind audit of coded events: draw a sample for a human coder, then score the judgements.

    python benchmarks/audit.py sample EVENTS.jsonl --n 100 --seed 7 --out SHEET.jsonl
    python benchmarks/audit.py score SHEET.jsonl JUDGEMENTS.jsonl

``sample`` reads events as `detente code ... --format jsonl` writes them, keeps the asserted ones
and draws n at random; each sheet line holds what the coder sees: the sentence, the code and its
name, and each side as text / country / sector — nothing about which system or rule produced it.
``score`` reads the coder's lines ``{"n": 1, "real": true, "root": true, "source": true,
"target": true, "note": "..."}`` (``root``: the CAMEO root is right for what the sentence reports;
``source``/``target``: the actor and its country are right, or rightly empty) and prints the
shares: real events, root right, source right, target right, usable (all four).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def _side(actor: dict | None) -> str:
    if not actor:
        return "(none)"
    parts = [actor.get("text") or actor.get("name") or "?", actor.get("country") or "-", actor.get("sector") or "-"]
    return " / ".join(parts)


def sample(events_path: Path, n: int, seed: int, out: Path) -> int:
    events = [json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    asserted = [e for e in events if e.get("modality") == "asserted" and e.get("mentions")]
    picked = random.Random(seed).sample(asserted, min(n, len(asserted)))
    with out.open("w", encoding="utf-8") as fh:
        for i, e in enumerate(picked, 1):
            m = e["mentions"][0]
            fh.write(json.dumps({"n": i, "sentence": m["sentence"], "trigger": m.get("trigger"),
                                 "code": e["cameo"], "code_name": e.get("cameo_name"),
                                 "source": _side(e.get("source")), "target": _side(e.get("target")),
                                 "event_id": e["event_id"]}, ensure_ascii=False) + "\n")
    print(f"{len(picked)} of {len(asserted)} asserted events ({len(events)} in all) -> {out}", file=sys.stderr)
    return 0


def score(sheet: Path, judgements: Path) -> int:
    n_sheet = sum(1 for line in sheet.read_text(encoding="utf-8").splitlines() if line.strip())
    rows = [json.loads(line) for line in judgements.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(rows) != n_sheet:
        print(f"warning: {len(rows)} judgements for {n_sheet} sheet lines", file=sys.stderr)
    keys = ("real", "root", "source", "target")
    counts = {k: sum(bool(r.get(k)) for r in rows) for k in keys}
    counts["usable"] = sum(all(bool(r.get(k)) for k in keys) for r in rows)
    total = len(rows) or 1
    print(json.dumps({"judged": len(rows), **{k: round(v / total, 3) for k, v in counts.items()}}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("events", type=Path)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("sheet", type=Path)
    c.add_argument("judgements", type=Path)
    args = parser.parse_args()
    if args.cmd == "sample":
        return sample(args.events, args.n, args.seed, args.out)
    return score(args.sheet, args.judgements)


if __name__ == "__main__":
    sys.exit(main())
