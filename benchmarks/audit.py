"""A blind audit of coded events: draw a sample for two human coders, then score them.

    python benchmarks/audit.py sample EVENTS.jsonl --n 100 --seed 7 --out DIR [--input CORPUS]
    python benchmarks/audit.py score DIR/judge.jsonl DIR/judgements.jsonl
    python benchmarks/audit.py compare DIR [--answers DIR/blind_answers.jsonl]
    python benchmarks/audit.py sample EVENTS.jsonl --located --n 50 --seed 7 --out DIR --input CORPUS  # a location check

``sample`` reads events as ``detente code ... --format jsonl`` writes them (merged events), or the
asserted event mentions ``benchmarks/guardian_places.py --out`` writes (one row a mention, as audits
N to Z drew them), keeps the asserted ones and draws n at random. It writes three files in DIR:

- ``judge.jsonl``, what the judge sees: the text before the sentence (``context_before``, 500
  characters, when ``--input`` gives the corpus the events were coded from), the sentence, the trigger,
  the code and its name, and each side as text / country / sector, nothing about which rule produced it;
- ``blind.jsonl``, what the blind coder sees: the same context, sentence and trigger, without any answer;
- ``key.jsonl``: the coder's answer for each item (event id, code, root, side countries), for ``compare``.

Two new coders, each with its own brief (``benchmarks/audit_brief.md``), one per file. The judge
answers ``{"n": 1, "real": true, "root": true, "source": true, "target": true, "note": "..."}``
(``root``: the CAMEO root is right for what the sentence reports; ``source``/``target``: the actor and
its country are right, or rightly empty); ``score`` prints the shares of real events, root right,
source right, target right and usable (all four). The blind coder codes the event the trigger names on
its own (``{"n": 1, "real": true, "root": "04", "code": "042", "source_country": "IRN",
"target_country": "TJK", "note": ""}``); ``compare`` scores the coder against it mechanically: real
(the blind coder found a real event), root (same root), source and target (same country, or both
none), usable (all four).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

CONTEXT = 500
KEYS = ("real", "root", "source", "target")


def _side(actor: dict | None) -> str:
    if not actor:
        return "(none)"
    parts = [actor.get("text") or actor.get("name") or "?", actor.get("country") or "-", actor.get("sector") or "-"]
    return " / ".join(parts)


def _place(location: dict) -> str:
    parts = [location.get("name") or "?", location.get("country") or "-", location.get("kind") or "-"]
    return " / ".join(parts) + f' (basis: {location.get("basis") or "-"})'


def _texts(corpus: str | None) -> dict[str, str]:
    """Article id -> cleaned text, as ``detente code`` read it (empty without a corpus)."""
    if not corpus:
        return {}
    from detente.pipeline import read_articles
    from detente.settings import Settings

    return {a.id: a.text for a in read_articles([corpus], Settings())}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _as_event(row: dict) -> dict:
    """A row of ``guardian_places.py --out`` (one asserted mention) in the shape of an exported event."""
    if "mentions" in row:
        return row
    side = (lambda text, country: None if text in (None, "-") else {"text": text, "country": country})
    return {"event_id": f'{row["article"]}:{row["char_start"]}:{row["cameo"]}', "cameo": row["cameo"],
            "modality": "asserted", "source": side(row.get("source"), row.get("source_country")),
            "target": side(row.get("target"), row.get("target_country")),
            "mentions": [{"article_id": row["article"], "sentence": row["sentence"], "trigger": row["trigger"],
                          "char_start": row["char_start"], "published": row.get("published")}]}


def sample(events_path: Path, n: int, seed: int, out: Path, corpus: str | None = None, located: bool = False) -> int:
    events = [_as_event(e) for e in _lines(events_path)]
    asserted = [e for e in events if e.get("modality") == "asserted" and e.get("mentions")
                and (e.get("location") or not located)]
    picked = random.Random(seed).sample(asserted, min(n, len(asserted)))
    texts = _texts(corpus)
    out.mkdir(parents=True, exist_ok=True)
    judge, blind, key = [], [], []
    for i, e in enumerate(picked, 1):
        m = e["mentions"][0]
        text = texts.get(m.get("article_id", ""), "")
        start = m.get("char_start") or 0
        shown = {"n": i, "published": m.get("published"), "context_before": text[max(0, start - CONTEXT):start],
                 "sentence": m["sentence"], "trigger": m.get("trigger")}
        blind.append(shown)
        judge.append({**shown, "code": e["cameo"], "code_name": e.get("cameo_name"),
                      "source": _side(e.get("source")), "target": _side(e.get("target")),
                      **({"location": _place(e["location"])} if located else {})})
        key.append({"n": i, "event_id": e["event_id"], "article_id": m.get("article_id"), "code": e["cameo"],
                    "root": e.get("cameo_root") or e["cameo"][:2],
                    "source_country": (e.get("source") or {}).get("country"),
                    "target_country": (e.get("target") or {}).get("country")})
    _write(out / "judge.jsonl", judge)
    _write(out / "blind.jsonl", blind)
    _write(out / "key.jsonl", key)
    print(f"{len(picked)} of {len(asserted)} asserted events ({len(events)} in all) -> {out}", file=sys.stderr)
    return 0


def shares(rows: list[dict]) -> dict:
    """The shares of the four judgements and of usable (all four) over ``rows``."""
    counts = {k: sum(bool(r.get(k)) for r in rows) for k in KEYS}
    counts["usable"] = sum(all(bool(r.get(k)) for k in KEYS) for r in rows)
    total = len(rows) or 1
    return {"judged": len(rows), **{k: round(v / total, 3) for k, v in counts.items()}}


def score(sheet: Path, judgements: Path) -> int:
    n_sheet = len(_lines(sheet))
    rows = _lines(judgements)
    if len(rows) != n_sheet:
        print(f"warning: {len(rows)} judgements for {n_sheet} sheet lines", file=sys.stderr)
    print(json.dumps(shares(rows)))
    return 0


def _root(answer: dict) -> str | None:
    root = answer.get("root") or (answer.get("code") or "")[:2] or None
    return str(root).zfill(2) if root else None


def mechanical(key: list[dict], answers: list[dict]) -> list[dict]:
    """The blind coder's answers turned into judgements of the coder's events."""
    by_n = {a["n"]: a for a in answers}
    rows = []
    for k in key:
        a = by_n.get(k["n"])
        if a is None:
            continue
        real = bool(a.get("real"))
        rows.append({"n": k["n"], "real": real, "root": real and _root(a) == k["root"],
                     "source": real and (a.get("source_country") or None) == k["source_country"],
                     "target": real and (a.get("target_country") or None) == k["target_country"]})
    return rows


def compare(folder: Path, answers: Path | None = None) -> int:
    key = _lines(folder / "key.jsonl")
    rows = mechanical(key, _lines(answers or folder / "blind_answers.jsonl"))
    if len(rows) != len(key):
        print(f"warning: {len(rows)} answers for {len(key)} items", file=sys.stderr)
    print(json.dumps(shares(rows)))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("events", type=Path)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--out", type=Path, required=True, help="a folder for judge.jsonl, blind.jsonl, key.jsonl")
    s.add_argument("--input", default=None, help="the corpus the events were coded from (for the context)")
    s.add_argument("--located", action="store_true",
                   help="only located events (exported events), the location on the judge's sheet: a location check")
    c = sub.add_parser("score")
    c.add_argument("sheet", type=Path)
    c.add_argument("judgements", type=Path)
    m = sub.add_parser("compare")
    m.add_argument("folder", type=Path)
    m.add_argument("--answers", type=Path, default=None)
    args = parser.parse_args()
    if args.cmd == "sample":
        return sample(args.events, args.n, args.seed, args.out, args.input, args.located)
    if args.cmd == "compare":
        return compare(args.folder, args.answers)
    return score(args.sheet, args.judgements)


if __name__ == "__main__":
    sys.exit(main())
