"""The large fuzz run of the hardening issue: N hostile inputs through `detente ingest` and
`detente code` in one batch, then every stored text and every hostile text coded alone and timed.

    python benchmarks/fuzz.py [--inputs 10000] [--seed S] [--workdir DIR]

Uses the generators of tests/test_fuzz.py (a different seed from the test's 2,000, so this run is
not the one CI checks). Reports: units, stored, named rejections, duplicates (a file with the text of another stored
input: kept once), unnamed units (must be 0),
tracebacks (must be 0), good inputs lost (must be 0), the slowest single input (hangs: over 10 s).
Exit 1 if any of those fails.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import test_fuzz as gen  # noqa: E402  (the test's generators)
from typer.testing import CliRunner  # noqa: E402

from detente.cli import app  # noqa: E402
from detente.errors import InputError  # noqa: E402
from detente.store import Store  # noqa: E402

HANG_SECONDS = 10.0


def _file_text(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", default="bench-10k")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="detente-fuzz-"))
    settings = work / "settings.yaml"
    work.mkdir(parents=True, exist_ok=True)
    settings.write_text(gen.SETTINGS_YAML, encoding="utf-8")
    rng = random.Random(args.seed)
    units, good_ids = [], []
    for part in range(max(1, args.inputs // 1000)):  # folders of 1,000: each JSONL file stays under max_file_bytes
        n = min(1000, args.inputs)
        u, g = gen.make_corpus(work / "in" / f"part{part:02d}", rng, n * 3 // 10, n * 7 // 10 - n // 100, n // 100,
                               offset=part * 1_000_000)
        units += u
        good_ids += g
    db = work / "fuzz.duckdb"
    runner = CliRunner()
    report: dict[str, object] = {"units": len(units)}
    failures: list[str] = []
    for command in ("ingest", "code"):
        t0 = time.perf_counter()
        res = runner.invoke(app, [command, str(work / "in"), "--db", str(db), "--settings", str(settings),
                                  *(["--format", "none"] if command == "code" else [])])
        report[f"{command}_seconds"] = round(time.perf_counter() - t0, 1)
        report[f"{command}_exit"] = res.exit_code
        if "Traceback" in res.stderr or "Traceback" in res.stdout or res.exit_code not in (0, 1):
            failures.append(f"{command}: exit {res.exit_code} {res.exception!r} {res.stderr[-500:]}")
    with Store.open(db) as store:
        articles = store.get_articles()
        rejected = {row[0] for row in store.con.execute("SELECT origin FROM rejections").fetchall()}
        uncoded = store.uncoded_articles()
    stored = {a.origin for a in articles}
    ids = {a.id for a in articles}
    texts_stored = {a.raw_text for a in articles}
    unnamed, duplicates = [], []
    for unit in units:
        file = unit.rsplit(":", 1)[0] if ".jsonl:" in unit else unit
        named = unit in rejected or file in rejected or any(o.startswith(file + ":") for o in rejected)
        if not (unit in stored or named or any(o.startswith(unit) for o in stored)):
            # a whole file whose text is that of an article stored from another input is a duplicate:
            # kept once, counted in the run's summary ("already stored"), not lost
            text = _file_text(unit) if ".jsonl:" not in unit else None
            if text is not None and (text in texts_stored or text.strip() in texts_stored):
                duplicates.append(unit)
            else:
                unnamed.append(unit)
    lost = [g for g in good_ids if gen.good_text(int(g[4:])) not in texts_stored]
    report.update(stored=len(articles), rejected=len(rejected), duplicates=len(duplicates), unnamed=len(unnamed),
                  good_lost=len(lost),
                  uncoded=len(uncoded))
    if unnamed or lost or uncoded:
        failures.append(f"unnamed {unnamed[:5]}, lost {lost[:5]}, uncoded {len(uncoded)}")

    from detente.pipeline import Pipeline
    from detente.settings import Settings

    pipe = Pipeline(Settings.from_file(settings))
    texts = [a.raw_text for a in articles]
    texts += [gen._random_text(rng, rng.randrange(1, 5000)) for _ in range(200)]
    texts += [rng.choice(gen.SYMBOLS) * 50_000, "Iran visited Tajikistan, " * 4000, "Iran " * 20_000,
              "(" * 20_000 + "Iran" + ")" * 20_000]
    pipe.code_text("Iran's foreign minister visited Tajikistan.")  # load the models before timing
    slowest, refused, crashed, hangs = (0.0, ""), 0, [], 0
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        try:
            pipe.code_text(text, published=("2023-06-05", "0001-01-01", "9999-12-31", None)[i % 4])
        except InputError:
            refused += 1
        except Exception as exc:  # noqa: BLE001 - a crash is what this run looks for
            crashed.append(f"{type(exc).__name__}: {exc}"[:200])
        took = time.perf_counter() - t0
        hangs += took > HANG_SECONDS
        if took > slowest[0]:
            slowest = (took, text[:40])
    report.update(api_texts=len(texts), api_refused=refused, api_crashes=len(crashed),
                  slowest_seconds=round(slowest[0], 2), slowest_text=slowest[1], hangs_over_10s=hangs)
    if crashed or hangs:
        failures.append(f"crashes {crashed[:3]}, slowest {slowest[0]:.1f}s")
    report["failures"] = failures
    print(json.dumps(report, indent=1, ensure_ascii=True))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
