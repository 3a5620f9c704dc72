"""API latency under concurrent clients: p50/p99 of the dyad endpoints on a store, in one run.

    python benchmarks/load.py --db guardian.duckdb --clients 1 10 50 --seconds 20 [--workers 2]

Starts the API (``detente.web.app:app_from_env`` under uvicorn, on 127.0.0.1, ``--workers``
processes) on the store, then for each number of clients runs that many httpx async clients for
``--seconds``, each asking one request after another, round robin over the dyad endpoints
(``/timeline``, ``/phases``, ``/contexts``) of the store's busiest dyads and ``/partners`` of their
countries, at ``--by`` year and month. Reports requests/s and latency percentiles, with the
answer cache warm (the first pass over the URLs is not counted), and, with ``--cold``, a pass in
which every request asks a timeline no one asked before (``since`` varies: the cache cannot help).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _urls(db: Path, dyads: int) -> list[str]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        pairs = con.execute(
            "SELECT least(source_country, target_country) a, greatest(source_country, target_country) b "
            "FROM dyad_days WHERE modality = 'asserted' AND source_country <> target_country GROUP BY ALL ORDER BY sum(n) DESC LIMIT ?", [dyads]).fetchall()
    urls = []
    for a, b in pairs:
        for by in ("year", "month"):
            urls += [f"/api/dyads/{a}/{b}/timeline?by={by}", f"/api/dyads/{a}/{b}/phases?by={by}"]
        urls += [f"/api/dyads/{a}/{b}/contexts", f"/api/partners/{a}"]
    return urls


async def _client(base: str, urls: list[str], start: int, until: float, times: list[float],
                  errors: list[int]) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        i = start
        while time.perf_counter() < until:
            url = urls[i % len(urls)]
            i += 1
            t0 = time.perf_counter()
            response = await client.get(url)
            times.append(time.perf_counter() - t0)
            if response.status_code != 200:
                errors.append(response.status_code)


async def _run(base: str, urls: list[str], clients: int, seconds: float) -> tuple[list[float], list[int]]:
    times: list[float] = []
    errors: list[int] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_client(base, urls, i * 7, until, times, errors) for i in range(clients)))
    return times, errors


def _report(label: str, times: list[float], errors: list[int], seconds: float) -> None:
    ms = sorted(t * 1000 for t in times)
    q = statistics.quantiles(ms, n=100) if len(ms) > 1 else ms * 99
    print(f"{label:34} {len(ms):>7} {len(ms) / seconds:>8.1f} {q[49]:>8.1f} {q[94]:>8.1f} {q[98]:>8.1f} "
          f"{ms[-1]:>8.1f} {len(errors):>6}" + (f"  statuses {dict(Counter(errors))}" if errors else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="also time uncached timelines")
    args = parser.parse_args()
    import httpx

    port = _free_port()
    env = {**os.environ, "DETENTE_DB": str(args.db)}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "detente.web.app:app_from_env", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers), "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        start = time.perf_counter()
        while True:
            try:
                if httpx.get(base + "/api/codes", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.perf_counter() - start > 600:
                sys.exit("the server did not start")
            time.sleep(0.5)
        print(f"server up in {time.perf_counter() - start:.1f} s ({args.workers} worker(s)), store {args.db}")
        urls = _urls(args.db, args.dyads)
        for url in urls:  # warm the answer cache (and every worker's, roughly)
            for _ in range(args.workers):
                httpx.get(base + url, timeout=600)
        print(f"{len(urls)} URLs over the {args.dyads} busiest dyads")
        print(f"{'clients':34} {'requests':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'max ms':>8} {'errors':>6}")
        for clients in args.clients:
            times, errors = asyncio.run(_run(base, urls, clients, args.seconds))
            _report(f"{clients} clients, cache warm", times, errors, args.seconds)
        if args.cold:
            cold = [f"{u.split('?')[0]}?by=month&since={1990 + i % 30}-{1 + i % 12:02d}-{1 + i % 28:02d}"
                    for i, u in enumerate(urls * 40) if "/timeline" in u]
            for clients in args.clients:
                times, errors = asyncio.run(_run(base, cold[:], clients, args.seconds))
                _report(f"{clients} clients, timelines uncached", times, errors, args.seconds)
                cold = cold[len(times):] + cold[:len(times)]
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
