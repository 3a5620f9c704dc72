"""kill -9 trials: `detente code` killed at a random moment, then run again, must end with the
same articles, mentions and events (ids and counts) as one uninterrupted run.

    python benchmarks/crash_trials.py [--trials 20] [--articles 30] [--input FILE] [--seed S]

Inputs: the first N articles of ../shared/corpus/guardian_sdf_sample.csv (local use only), or
any CSV/JSONL given with --input. Each trial starts a fresh store, kills the first run with
SIGKILL after a random delay between the moment the model is loaded and the end of a normal run,
runs the same command again to completion, and compares the store with the reference: article
ids, mention ids and count, event ids and count, and each mention's event. Prints one line per
trial and a JSON summary; exit 1 if any trial differs.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "guardian_sdf_sample.csv"


def _corpus(source: Path, n: int, out: Path) -> Path:
    """The first n rows of a CSV (text, date columns guessed by detente) or JSONL, as JSONL."""
    if source.suffix == ".jsonl":
        lines = source.read_text(encoding="utf-8").splitlines()[:n]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out
    csv.field_size_limit(10**8)
    with source.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:n]
    text_col = next(c for c in ("text", "body", "content", "article") if c in rows[0])
    date_col = next((c for c in ("published", "date", "publication_date", "pub_date") if c in rows[0]), None)
    with out.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            rec = {"id": f"a{i}", "text": row[text_col]}
            if date_col and row.get(date_col):
                rec["published"] = row[date_col][:10]
            fh.write(json.dumps(rec) + "\n")
    return out


def _command(corpus: Path, db: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "detente"), "code", str(corpus), "--db", str(db), "--format", "none"]


def _snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: sorted(tuple(r) for r in con.execute(sql).fetchall())  # noqa: E731
        return {"articles": q("SELECT id FROM articles"),
                "mentions": q("SELECT mention_id, event_id FROM mentions"),
                "events": q("SELECT event_id, cameo FROM events")}
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="detente-kill-"))
    corpus = _corpus(args.input, args.articles, work / "corpus.jsonl")
    env = dict(os.environ)

    ref_db = work / "ref.duckdb"
    t0 = time.perf_counter()
    subprocess.run(_command(corpus, ref_db), env=env, check=False, capture_output=True)
    full = time.perf_counter() - t0
    reference = _snapshot(ref_db)
    print(f"reference: {len(reference['articles'])} articles, {len(reference['mentions'])} mentions, "
          f"{len(reference['events'])} events in {full:.1f} s", file=sys.stderr)

    differing = 0
    for trial in range(args.trials):
        db = work / f"t{trial}.duckdb"
        delay = rng.uniform(0.2 * full, 0.95 * full)
        proc = subprocess.Popen(_command(corpus, db), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = len(_snapshot(db)["events"]) if db.exists() else 0
        rerun = subprocess.run(_command(corpus, db), env=env, capture_output=True, text=True)
        got = _snapshot(db)
        same = got == reference
        differing += not same
        print(f"trial {trial + 1}: killed after {delay:.1f} s ({'killed' if killed else 'had ended'}; "
              f"{partial} events stored), rerun exit {rerun.returncode}: "
              f"{'same' if same else 'DIFFERENT'}", file=sys.stderr)
        if not same:
            for key in reference:
                a, b = set(reference[key]), set(got[key])
                print(f"  {key}: {len(a - b)} missing, {len(b - a)} extra", file=sys.stderr)
    summary = {"trials": args.trials, "articles": len(reference["articles"]),
               "events": len(reference["events"]), "differing": differing}
    print(json.dumps(summary))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
