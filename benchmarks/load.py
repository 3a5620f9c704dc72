"""API latency under concurrent clients: p50/p99 of the dyad endpoints on a store, in one run.

    python benchmarks/load.py --db guardian.duckdb --clients 1 10 50 --seconds 20 [--workers 2] [--cold]

Starts the API (``detente serve --workers N``, on 127.0.0.1) on the store, then for each number
of clients runs that many async clients for ``--seconds``, each asking one request after another
on a connection of its own, round robin over the dyad endpoints (``/timeline``, ``/phases``,
``/contexts``) of the store's ``--dyads`` busiest dyads and ``/partners`` of their countries, by
year and by month. Reports requests/s and latency percentiles, with the
answer cache warm (the first pass over the URLs is not counted), and, with ``--cold``, a pass in
which every request asks a timeline no one asked before (each request its own ``since``/``until``
window, never repeated in the run: the cache cannot help), and, with ``--changing 2``, the warm
pass again while the store "changes" every 2 s (a new snapshot each time, as under a writer), and,
with ``--mixed 2``, steps in which 2 of the clients ask uncached timelines while the others ask
the warm URLs (a line for each group).

One line per client count, with the CPU the server (all its processes) and this load client
spent per request, and the load average when the step ended: the client runs on the same
machine, so on two cores it takes part of the CPU the server would have. ``--client raw`` (the
default) writes HTTP/1.1 by hand and costs a tenth of ``--client httpx``'s CPU a request.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _urls(db: Path, dyads: int, chosen: list[str] | None = None) -> list[str]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        pairs = [tuple(p.upper().split("-")) for p in chosen] if chosen else con.execute(
            "SELECT least(source_country, target_country) a, greatest(source_country, target_country) b "
            "FROM dyad_days WHERE modality = 'asserted' AND source_country <> target_country GROUP BY ALL ORDER BY sum(n) DESC LIMIT ?", [dyads]).fetchall()
    urls = []
    for a, b in pairs:
        for by in ("year", "month"):
            urls += [f"/api/dyads/{a}/{b}/timeline?by={by}", f"/api/dyads/{a}/{b}/phases?by={by}"]
        urls += [f"/api/dyads/{a}/{b}/contexts", f"/api/partners/{a}"]
    return urls


def _cold_urls(urls: list[str]) -> Iterator[str]:
    """Timelines with a window never asked before: since from 2016-01-01 on, until back from
    2019-12-31, one step each (every URL of the run is distinct)."""
    bases = [u for u in urls if "/timeline" in u]
    first, last = dt.date(2016, 1, 1), dt.date(2019, 12, 31)
    for k in itertools.count():
        base, step = bases[k % len(bases)], k // len(bases)
        since, until = first + dt.timedelta(days=step % 1200), last - dt.timedelta(days=step // 1200 % 365)
        yield f"{base}&since={since}&until={until}"


async def _client(base: str, next_url: Callable[[], str], until: float, times: list[float],
                  errors: list[int]) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.perf_counter() < until:
            url = next_url()
            t0 = time.perf_counter()
            response = await client.get(url)
            times.append(time.perf_counter() - t0)
            if response.status_code != 200:
                errors.append(response.status_code)


async def _raw_client(base: str, next_url: Callable[[], str], until: float, times: list[float],
                      errors: list[int]) -> None:
    """The same as ``_client`` over one kept-alive HTTP/1.1 connection written by hand: a tenth
    of httpx's CPU a request, which on a small machine the server would otherwise lose."""
    host, port = base.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        while time.perf_counter() < until:
            url = next_url()
            t0 = time.perf_counter()
            writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"))
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            times.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


CLIENTS = {"raw": _raw_client, "httpx": _client}


async def _run(base: str, next_urls: list[Callable[[], str]], seconds: float, client: str,
               groups: list[int]) -> tuple[list[list[float]], list[int]]:
    """Each client asks ``next_urls[i]()`` until the time is up; its latencies go to the list of
    its group (``groups[i]``)."""
    times: list[list[float]] = [[] for _ in range(max(groups) + 1)]
    errors: list[int] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(CLIENTS[client](base, next_url, until, times[g], errors)
                           for next_url, g in zip(next_urls, groups)))
    return times, errors


def _touch_every(path: Path, seconds: float, stop: threading.Event) -> None:
    while not stop.wait(seconds):
        os.utime(path)


def _round_robin(urls: list[str], start: int) -> Callable[[], str]:
    cycle = itertools.cycle(urls[start % len(urls):] + urls[:start % len(urls)])
    return lambda: next(cycle)


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of process ``pid`` and its live descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += stats.get(p, (0, 0.0))[1]
        todo += [child for child, (parent, _) in stats.items() if parent == p]
    return total


def _step(labels: list[str], base: str, next_urls: list[Callable[[], str]], seconds: float, server: int,
          client: str, groups: list[int] | None = None) -> None:
    """Run one step and print a line for each group of clients (``labels[g]``); the CPU columns
    are the whole step's over all its requests."""
    groups = groups or [0] * len(next_urls)
    server0, client0 = _cpu_seconds(server), time.process_time()
    times, errors = asyncio.run(_run(base, next_urls, seconds, client, groups))
    server_cpu, client_cpu = _cpu_seconds(server) - server0, time.process_time() - client0
    n = max(sum(len(t) for t in times), 1)
    for label, group in zip(labels, times):
        ms = sorted(t * 1000 for t in group) or [float("nan")]
        q = statistics.quantiles(ms, n=100) if len(ms) > 1 else ms * 99
        print(f"{label:34} {len(group):>7} {len(group) / seconds:>8.1f} {q[49]:>8.1f} {q[94]:>8.1f} "
              f"{q[98]:>8.1f} {ms[-1]:>8.1f} {len(errors):>6} {server_cpu * 1000 / n:>7.2f} "
              f"{client_cpu * 1000 / n:>7.2f} {os.getloadavg()[0]:>5.1f}"
              + (f"  statuses {dict(Counter(errors))}" if errors else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--dyads", type=int, default=10, help="how many of the busiest dyads to ask about")
    parser.add_argument("--pairs", nargs="+", metavar="A-B", help="ask about these dyads instead (e.g. IRN-TJK)")
    parser.add_argument("--cold", action="store_true", help="also time uncached timelines")
    parser.add_argument("--changing", type=float, default=0.0, metavar="SECONDS",
                        help="also time the warm URLs while the store changes every SECONDS (its modification "
                             "time is set: the server copies a new snapshot, as when a writer runs)")
    parser.add_argument("--mixed", type=int, default=0, metavar="K",
                        help="also a step per client count in which K of the clients ask uncached timelines "
                             "and the others the warm URLs (a line for each)")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="raw",
                        help="raw: kept-alive HTTP/1.1 written by hand (light); httpx: httpx.AsyncClient")
    args = parser.parse_args()
    import httpx

    port = _free_port()
    server = subprocess.Popen(  # detente serve, as a user starts it
        [sys.executable, "-c", "from detente.cli import main; main()", "serve", "--db", str(args.db),
         "--port", str(port), "--workers", str(args.workers)])
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
        print(f"server up in {time.perf_counter() - start:.1f} s (detente serve --workers {args.workers}), "
              f"store {args.db}, {args.client} clients, {args.seconds:g} s a step, {os.cpu_count()} CPUs")
        urls = _urls(args.db, args.dyads, args.pairs)
        for url in urls:  # warm the answer cache (and every worker's, roughly: each request a new connection)
            for _ in range(3 * args.workers - 2):
                httpx.get(base + url, timeout=600)
        print(f"{len(urls)} URLs over " + (" ".join(args.pairs) if args.pairs else f"the {args.dyads} busiest dyads"))
        print(f"{'clients':34} {'requests':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'max ms':>8} {'errors':>6} {'srv cpu':>7} {'cli cpu':>7} {'load':>5}  (cpu: ms a request)")
        for clients in args.clients:
            _step([f"{clients} clients, cache warm"], base, [_round_robin(urls, i * 7) for i in range(clients)],
                  args.seconds, server.pid, args.client)
        if args.changing:
            stop = threading.Event()
            changer = threading.Thread(target=_touch_every, args=(args.db, args.changing, stop), daemon=True)
            changer.start()
            try:
                for clients in args.clients:
                    _step([f"{clients} clients, store changing"], base,
                          [_round_robin(urls, i * 7) for i in range(clients)], args.seconds, server.pid, args.client)
            finally:
                stop.set()
                changer.join()
        cold = _cold_urls(urls)  # one sequence for the whole run: no window is asked twice
        if args.mixed:
            for clients in args.clients:
                k = min(args.mixed, clients - 1)
                _step([f"{clients} clients ({k} uncached): warm", f"{clients} clients ({k} uncached): uncached"],
                      base, [_round_robin(urls, i * 7) for i in range(clients - k)] + [lambda: next(cold)] * k,
                      args.seconds, server.pid, args.client, [0] * (clients - k) + [1] * k)
        if args.cold:
            for clients in args.clients:
                _step([f"{clients} clients, timelines uncached"], base, [lambda: next(cold)] * clients,
                      args.seconds, server.pid, args.client)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
