"""How long a panel takes on a store, against the same table built one dyad at a time, in one run.

    python benchmarks/panel.py [--db guardian.duckdb] [--repeat 3]

Without an existing ``--db``, codes ../shared/corpus/guardian_sdf_sample.csv into it first (a real
news sample, not shipped with detente; a few minutes). Then, for each unit (dyad, country) and
period (day .. year): ``detente.panel`` (best of ``--repeat``, store opened once), the same dyad
panel computed as ``dyad_timeline`` for every pair (the loop the panel replaces), and the whole
``detente panel`` command (a fresh process: Python start-up and imports included).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

GUARDIAN = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "guardian_sdf_sample.csv"


def _best(run, repeat: int) -> tuple[object, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return result, best


def _ensure_store(db: Path) -> None:
    if db.exists():
        return
    if not GUARDIAN.exists():
        sys.exit(f"no store at {db} and no {GUARDIAN} to code into it")
    print(f"coding {GUARDIAN.name} into {db} ...", file=sys.stderr)
    subprocess.run(["detente", "code", str(GUARDIAN), "--db", str(db)], check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("guardian.duckdb"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _ensure_store(args.db)

    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.panel import panel
    from detente.analyse.query import open_db

    with open_db(args.db) as store:
        n_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        print(f"{args.db}: {n_events} events")
        print(f"{'unit':8} {'by':8} {'rows':>6} {'panel s':>8} {'per-pair s':>10} {'ratio':>6}")
        for unit in ("dyad", "country"):
            for by in ("day", "week", "month", "quarter", "year"):
                frame, seconds = _best(lambda: panel(store, unit=unit, by=by), args.repeat)
                loop, ratio = "", ""
                if unit == "dyad":
                    pairs = list(frame.groupby(["country_a", "country_b"]).groups)
                    _, per_pair = _best(lambda: [dyad_timeline(store, a, b, by=by) for a, b in pairs], 1)
                    loop, ratio = f"{per_pair:.3f}", f"{seconds / per_pair:.3f}"
                print(f"{unit:8} {by:8} {len(frame):>6} {seconds:>8.3f} {loop:>10} {ratio:>6}")
    for argv in (["--unit", "dyad", "--by", "year"], ["--unit", "country", "--by", "day", "--directed"]):
        _, seconds = _best(lambda: subprocess.run(["detente", "panel", *argv, "--db", str(args.db)], check=True,
                                                  stdout=subprocess.DEVNULL), args.repeat)
        print(f"detente panel {' '.join(argv)}: {seconds:.2f} s (whole command)")


if __name__ == "__main__":
    main()
