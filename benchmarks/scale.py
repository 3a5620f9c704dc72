"""Build a store of N synthetic events through the store's writer, then time the readers on it.

    nice -n 10 python benchmarks/scale.py --events 1000000 --db /tmp/scale-1m.duckdb
    python benchmarks/scale.py --db /tmp/scale-1m.duckdb --time-only

**The store** is generated in DuckDB SQL (no Python loop over rows), a chunk at a time, and
written the way the pipeline writes: inside ``Store.transaction()`` and
``detente.store.derived.maintained(...)``, the writer's one hook that derives the per-event columns
(sources, articles, evidence) and the ``dyad_days`` aggregates and keeps both tables in pair
order, so the store is what a real run of that size would leave (a million events a
transaction by default). A killed build resumes where it stopped: every chunk is one
transaction, and a chunk's ids and random draws depend only on its number. What it holds is
shaped like news event data, not uniform noise:

- 60 countries with Zipf-like weights (a few large dyads, a long tail), sources and targets
  drawn from the same weights; 4% of sides are non-state (opposition, rebels) of their country;
- CAMEO codes from the packaged ontology, weighted like news (statements, consultations and
  visits common, force rare), with their Goldstein values, quad classes and PLOVER types;
- dates 1990-2025, more events in later years; 80% dated to the day, 12% to the month, 6% to the
  year, 2% undated; 85% asserted, the rest negated, hypothetical or intended;
- 1-10 mentions an event (70% one), about four mentions an article, 40 publishers.

**The timings** (``--time-only`` skips the build) are of the library calls behind ``detente dyad``,
``detente partners``, ``detente export --format csv`` and the API's timeline answer on the store
opened once (query time, best of ``--repeat``), and of ``detente dyad`` in a fresh process, split
into its start-up (imports) and the command itself (opening the store cold, the queries, the JSON),
with the child's peak memory (``ru_maxrss``). ``benchmarks/load.py`` times the API server.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import time
from pathlib import Path

COUNTRIES = ("USA CHN RUS GBR FRA DEU IRN ISR IND PAK TUR SAU UKR SYR IRQ AFG JPN KOR PRK EGY "
             "NGA ZAF BRA MEX CAN AUS ITA ESP POL IDN PHL VNM THA MYS KAZ UZB TJK KGZ AZE ARM "
             "GEO BLR SRB HUN GRC LBY SDN ETH KEN SOM YEM QAT ARE JOR LBN CUB VEN COL ARG CHL").split()
ROOT_WEIGHTS = {"01": 14, "02": 6, "03": 8, "04": 22, "05": 8, "06": 4, "07": 3, "08": 2, "09": 1, "10": 2,
                "11": 8, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2, "17": 3, "18": 3, "19": 3, "20": 1}
PUBLISHERS = 40


def build(db: Path, n_events: int, chunk: int, seed: float) -> None:
    from detente.events.ontology import load_ontology
    from detente.store import Store
    from detente.store.derived import maintained

    onto = load_ontology()
    codes = [e for c, e in sorted(onto.entries.items()) if len(c) == 3 and c[:2] in ROOT_WEIGHTS]
    per_root: dict[str, int] = {}
    for e in codes:
        per_root[e.code[:2]] = per_root.get(e.code[:2], 0) + 1
    stride = chunk + chunk // 10 + 10  # ids a chunk may use
    with Store.open(db) as store:
        con = store.con
        _lookup_tables(con, codes, per_root)
        done = int(con.execute("SELECT count(*) FROM events").fetchone()[0])
        if done % chunk:
            raise SystemExit(f"{db} holds {done:,} events, not whole chunks of {chunk:,}: give the --chunk it was "
                             "built with")
        start = time.perf_counter()
        first = done
        while done < n_events:
            size = min(chunk, n_events - done)
            number = done // chunk
            con.execute("SELECT setseed(?)", [((seed * 1_000_003 + number * 7919) % 1_000_003) / 1_000_003])
            step = time.perf_counter()
            with store.transaction() as tx:
                _stage(tx, number * stride, size)  # ``size`` events (a source is never its own target)
                with maintained(tx, "_gen_ids") as staged:
                    tx.execute("INSERT INTO articles BY NAME SELECT * FROM _gen_articles")
                    tx.execute(f"INSERT INTO {staged} BY NAME SELECT * FROM _gen_events")
                    tx.execute("INSERT INTO mentions BY NAME SELECT * FROM _gen_mentions")
            done += size
            rate = (done - first) / (time.perf_counter() - start)
            print(f"{done:,} events written (chunk {time.perf_counter() - step:.0f} s, {rate:,.0f} events/s)",
                  file=sys.stderr, flush=True)
        for name in ("_gen_ids", "_gen_articles", "_gen_events", "_gen_mentions"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute("CHECKPOINT")


def _lookup_tables(con, codes, per_root) -> None:
    """Weighted slots to draw countries, codes and the rest from (a join on a random slot)."""
    rows = []
    for rank, country in enumerate(COUNTRIES, 1):
        rows += [country] * max(1, round(400 / rank ** 0.9))
    con.execute("CREATE OR REPLACE TEMP TABLE _gen_country AS SELECT row_number() OVER () - 1 AS slot, c "
                "FROM (SELECT unnest(?::VARCHAR[]) AS c)", [rows])
    slots = []
    for e in codes:
        share = ROOT_WEIGHTS[e.code[:2]] * 100 / per_root[e.code[:2]]
        slots += [(e.code, e.goldstein, e.quad_class, e.plover, e.plover_mode, list(e.contexts))] * max(1, round(share))
    columns = list(zip(*slots))  # one INSERT of the columns as lists (executemany is a statement a row)
    con.execute("CREATE OR REPLACE TEMP TABLE _gen_code AS SELECT row_number() OVER () - 1 AS slot, * FROM ("
                "SELECT unnest(?::VARCHAR[]) AS cameo, unnest(?::DOUBLE[]) AS goldstein, unnest(?::INTEGER[]) AS quad_class, "
                "unnest(?::VARCHAR[]) AS plover, unnest(?::VARCHAR[]) AS plover_mode, unnest(?::VARCHAR[][]) AS contexts)",
                [list(c) for c in columns])


def _stage(con, first: int, size: int) -> None:
    """One chunk of articles, events and mentions in temp tables (ids continue from ``first``)."""
    n_country = con.execute("SELECT count(*) FROM _gen_country").fetchone()[0]
    n_code = con.execute("SELECT count(*) FROM _gen_code").fetchone()[0]
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _gen_raw AS
        SELECT i, random() AS r_date, random() AS r_prec, random() AS r_mod, random() AS r_n, random() AS r_sec,
               floor(random() * {n_country})::BIGINT AS s_slot, floor(random() * {n_country})::BIGINT AS t_slot,
               floor(random() * {n_code})::BIGINT AS c_slot
        FROM range({first}, {first + size + size // 10 + 10}) t(i)""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _gen_events AS
        SELECT 'ev' || lpad(i::VARCHAR, 9, '0') AS event_id, c.cameo, substr(c.cameo, 1, 2) AS cameo_root,
               c.plover, c.plover_mode, c.quad_class, c.goldstein,
               s.c || ' officials' AS source_text, s.c AS source_name, s.c AS source_country,
               CASE WHEN r_sec < 0.02 THEN 'OPP' WHEN r_sec < 0.04 THEN 'REB' WHEN r_sec < 0.2 THEN 'MIL'
                    ELSE 'GOV' END AS source_sector,
               t.c || ' government' AS target_text, t.c AS target_name,
               t.c AS target_country, 'GOV' AS target_sector,
               CASE WHEN r_mod < 0.85 THEN 'asserted' WHEN r_mod < 0.91 THEN 'negated'
                    WHEN r_mod < 0.96 THEN 'hypothetical' ELSE 'intended' END AS modality,
               r_mod > 0.97 AS reported,
               CASE WHEN r_prec < 0.98 THEN DATE '1990-01-01' + CAST(floor(sqrt(r_date) * 13149) AS INTEGER) END AS d0,
               CASE WHEN r_prec < 0.80 THEN 'day' WHEN r_prec < 0.92 THEN 'month' WHEN r_prec < 0.98 THEN 'year'
                    ELSE 'unknown' END AS date_precision,
               c.contexts, 0.5 + r_n / 2 AS confidence,
               CASE WHEN r_n < 0.70 THEN 1 WHEN r_n < 0.88 THEN 2 ELSE 3 + CAST(floor((r_n - 0.88) * 58) AS INTEGER)
                    END AS n_mentions
        FROM _gen_raw JOIN _gen_country s ON s.slot = s_slot JOIN _gen_country t ON t.slot = t_slot
                      JOIN _gen_code c ON c.slot = c_slot
        WHERE s.c <> t.c ORDER BY i LIMIT {size}""")
    con.execute("""
        ALTER TABLE _gen_events ADD COLUMN date_start DATE;
        ALTER TABLE _gen_events ADD COLUMN date_end DATE;
        UPDATE _gen_events SET
            date_start = CASE date_precision WHEN 'month' THEN date_trunc('month', d0)
                              WHEN 'year' THEN date_trunc('year', d0) ELSE d0 END,
            date_end = CASE date_precision WHEN 'month' THEN last_day(d0)
                            WHEN 'year' THEN make_date(year(d0), 12, 31) ELSE d0 END;
        ALTER TABLE _gen_events ADD COLUMN date_basis VARCHAR;
        UPDATE _gen_events SET date_basis = CASE WHEN d0 IS NULL THEN NULL ELSE 'text' END;
        ALTER TABLE _gen_events DROP COLUMN d0;
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _gen_mentions AS
        SELECT 'm' || e.event_id || '-' || k AS mention_id, e.event_id,
               'art' || lpad((hash(e.event_id || k) % (greatest(1, (SELECT count(*) FROM _gen_events) // 3)))::VARCHAR, 8, '0')
                   || '-' || (SELECT min(event_id) FROM _gen_events) AS article_id,
               e.source_name || ' and ' || e.target_name || ' (' || e.cameo || ') on '
                   || coalesce(CAST(e.date_start AS VARCHAR), 'an unknown day') || ', report ' || e.event_id || '/' || k
                   || '.' AS sentence,
               100 * k AS char_start, 100 * k + 80 AS char_end, 'met' AS "trigger", 100 * k + 20 AS trigger_char,
               'synthetic#1' AS rule, e.cameo, e.modality, e.reported, e.confidence,
               e.source_text, e.source_name, e.source_country, e.source_sector, 0.8 AS source_confidence,
               e.target_text, e.target_name, e.target_country, e.target_sector, 0.8 AS target_confidence,
               e.date_start, e.date_end, e.date_precision, e.date_basis, NULL::VARCHAR AS date_text,
               coalesce(e.date_end, DATE '2025-12-31') + CAST(k AS INTEGER) AS published, e.contexts
        FROM _gen_events e, LATERAL (SELECT unnest(range(e.n_mentions)) AS k)""")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _gen_articles AS
        SELECT article_id AS id, 'hash-' || article_id AS content_hash, 'Report ' || article_id AS title,
               'Publisher ' || (hash(article_id) % {PUBLISHERS}) AS publisher, min(published) AS published,
               'https://news.example/' || article_id AS url, 'en' AS language,
               string_agg(sentence, ' ') AS raw_text, 'synthetic' AS origin
        FROM _gen_mentions GROUP BY article_id""")
    con.execute("""
        UPDATE _gen_articles SET raw_text = left(raw_text, 2000);
        ALTER TABLE _gen_events DROP COLUMN n_mentions;
        CREATE OR REPLACE TEMP TABLE _gen_ids AS SELECT event_id FROM _gen_events;
        DROP TABLE _gen_raw;""")


# -- timing ----------------------------------------------------------------------------------------
from panel import _best  # noqa: E402  (benchmarks/ is on sys.path: the best of N runs, as panel.py times it)


def time_readers(db: Path, repeat: int) -> None:
    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.export import write_events_csv
    from detente.analyse.partners import partners
    from detente.analyse.phases import dyad_phases
    from detente.analyse.query import EventFilter, open_db
    from detente.web.answers import render_json

    with open_db(db) as store:
        n_events, n_mentions = store.con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM mentions)").fetchone()
        big = store.con.execute("SELECT source_country, target_country FROM dyad_days GROUP BY ALL "
                                "ORDER BY sum(n) DESC LIMIT 1").fetchone()
        print(f"{db}: {n_events:,} events, {n_mentions:,} mentions, {db.stat().st_size / 2**30:.1f} GiB; "
              f"busiest dyad {big[0]}-{big[1]}")
        rows = []
        for (a, b), times in ((("IRN", "TJK"), repeat), (big, 1)):  # the busiest pair once: it lists every event
            for by, events in (("year", "all"), ("year", "top"), ("month", "all"), ("month", "top")):
                tl, seconds = _best(lambda: dyad_timeline(store, a, b, by=by, events=events), times)
                _, phase_s = _best(lambda: dyad_phases(tl), times)
                rows.append((f"dyad {a} {b} --by {by} (events={events})", tl.n_events, seconds + phase_s))
            # what the API's /dyads/A/B/timeline computes for an answer not cached (its defaults: by month, all events)
            body, seconds = _best(lambda: render_json(dyad_timeline(store, a, b, by="month").to_dict()), times)
            rows.append((f"API /dyads/{a}/{b}/timeline answer ({len(body) / 1e6:.1f} MB)", tl.n_events, seconds))
        for a in ("TJK", big[0]):
            found, seconds = _best(lambda: partners(store, a), repeat)
            rows.append((f"partners {a}", len(found), seconds))
        for label, f in (("export csv, dyad IRN-TJK", EventFilter(a="IRN", b="TJK")),
                         (f"export csv, dyad {big[0]}-{big[1]}", EventFilter(a=big[0], b=big[1])),
                         ("export csv, 100,000 events", EventFilter(limit=100_000))):
            sink = io.StringIO()
            start = time.perf_counter()
            n = write_events_csv(store, f, sink)
            rows.append((label, n, time.perf_counter() - start))
    print(f"{'query (store opened once; best of ' + str(repeat) + ', busiest pair once)':60} {'events':>9} {'ms':>9}")
    for label, n, seconds in rows:
        print(f"{label:60} {n:>9,} {seconds * 1000:>9.1f}")
    for a, b in (("IRN", "TJK"), big):
        for fmt in ("table", "json"):  # the table lists each period's top event, the JSON every event
            startup, query, rss = _command(["dyad", a, b, "--by", "year", "--format", fmt, "--db", str(db)])
            print(f"`detente dyad {a} {b} --by year --format {fmt}` in a fresh process: start-up {startup * 1000:.0f} "
                  f"ms (imports), query and output {query * 1000:.0f} ms (store opened cold), peak RSS {rss:.0f} MB")


# A fresh process: its imports (the start-up: the CLI and what the command imports when it runs,
# ruptures with scipy.stats for the phases), then the command (opening the store, the queries, the
# output). Peak memory from VmHWM (ru_maxrss would carry the parent's peak over the fork).
_CHILD = """
import sys, time
t0 = time.perf_counter()
import detente.cli, detente.analyse.dyad, detente.analyse.phases, detente.analyse.query, ruptures
t1 = time.perf_counter()
try:
    detente.cli.app(sys.argv[1:], standalone_mode=False)
finally:
    t2 = time.perf_counter()
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
    sys.stderr.write(f"TIMING {t1 - t0} {t2 - t1} {int(hwm) / 1024} {'pydantic' in sys.modules}\\n")
"""


def _command(args: list[str]) -> tuple[float, float, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    line = [x for x in done.stderr.splitlines() if x.startswith("TIMING ")][-1]
    startup, query, rss = (float(v) for v in line.split()[1:4])
    return startup, query, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--chunk", type=int, default=1_000_000, help="events per write transaction")
    parser.add_argument("--seed", type=float, default=0.42)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-only", action="store_true", help="time the readers on an existing store")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    if not args.time_only:
        start = time.perf_counter()
        build(args.db, args.events, args.chunk, args.seed)
        print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if not args.build_only:
        time_readers(args.db, args.repeat)


if __name__ == "__main__":
    main()
