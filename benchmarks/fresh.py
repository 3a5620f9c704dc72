"""Time a ``detente`` command in fresh processes, two versions of the code alternated in one run.

    git archive OLD src | tar -x -C /tmp/old
    python benchmarks/fresh.py --code old=/tmp/old/src --code new=src --repeat 8 -- \\
        dyad IRN TJK --by year --db /work/big/10m-reclustered.duckdb

Each run is a new Python process with the version's ``src`` first on its path. As in
``benchmarks/scale.py``, its time is split into the **start-up** (Python, the CLI and what the
dyad command imports: the analyse modules and ruptures) and the **command itself** (from calling
the application: parsing the arguments, building the command, opening the store cold, the
queries, the output). The versions run in turn, ``--repeat`` times each, so the load of the
machine falls on both alike; the line of each gives min/median/max, whether pydantic was
imported, and whether its output is byte for byte the first version's. The load average is
printed at the end: figures taken while other jobs run are comparable within one run only.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from scale import _CHILD  # one child script: it prints start-up, command, peak MB, pydantic imported


def _run(src: str, args: list[str]) -> tuple[float, float, str, str]:
    env = dict(os.environ, PYTHONPATH=src)
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], env=env, capture_output=True, text=True, check=True)
    _, startup, command, _, pydantic = [x for x in done.stderr.splitlines() if x.startswith("TIMING ")][-1].split()
    return float(startup), float(command), pydantic, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", action="append", required=True, metavar="NAME=SRC",
                        help="a version of the code: a name and its src directory (give two or more)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("args", nargs="+", help="the detente command (after --)")
    opts = parser.parse_args()
    versions = dict(v.split("=", 1) for v in opts.code)
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in versions}
    outputs: dict[str, set[str]] = {name: set() for name in versions}
    loads = [os.getloadavg()[0]]
    for _ in range(opts.repeat):
        for name, src in versions.items():
            startup, command, pydantic, out = _run(src, opts.args)
            runs[name].append((startup, command, pydantic))
            outputs[name].add(out)
        loads.append(os.getloadavg()[0])
    first = outputs[next(iter(versions))]
    for name, done in runs.items():
        start = sorted(r[0] * 1000 for r in done)
        command = sorted(r[1] * 1000 for r in done)
        print(f"{name:8} start-up {start[0]:.0f}/{statistics.median(start):.0f}/{start[-1]:.0f} ms, "
              f"command {command[0]:.0f}/{statistics.median(command):.0f}/{command[-1]:.0f} ms (min/median/max); "
              f"pydantic imported: {sorted({r[2] for r in done})}; "
              f"output the first version's: {outputs[name] == first and len(first) == 1}")
    print(f"load average (1 min) over the run: {min(loads):.2f}-{max(loads):.2f}")


if __name__ == "__main__":
    main()
