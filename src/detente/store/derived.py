"""What the store derives from its events and mentions, kept up to date by the one writer.

Two kinds of derived data make reads cheap at millions of events (no reader joins mentions):

- **Per-event columns** of ``events``: ``num_mentions``, ``num_articles``, ``num_sources``
  (distinct publishers, an article naming none counting as its own), ``first_published``,
  ``article_ids`` and ``source_keys`` (the distinct articles and sources, so that a reader can
  count them over any set of events) and ``evidence``, the first mention (by publication date,
  article, position) with its article's title, publisher and url.
- **``dyad_days``**: per directed country pair, modality, start day, end day and date precision,
  the number of events and the sums a timeline or a partner list is made of (mentions, quad
  classes, Goldstein values and relations scores, their squares, each also weighted by mentions).
  A period's figures are sums of its days, so any period length and any date window is answered
  from this table. Its rows are maintained by difference: what the events touched by a write
  contributed before is subtracted, what they contribute after is added.

Every write of events goes through ``maintained(con, event_ids)``::

    with store.transaction() as con, maintained(con, ids) as staged:
        ... delete or update the events ``ids``, write their mentions, insert new events into ``staged`` ...

It snapshots the contributions of those events on entry; on exit it recomputes their derived
columns from the mentions (one set-based aggregate), drops events left without mentions, and
applies the difference to ``dyad_days``. ``event_ids`` is a list of ids or the name of a table
with an ``event_id`` column (bulk writers: ``benchmarks/scale.py`` writes a million events a
transaction).

**Clustered by pair.** Both tables carry ``pair`` (``least(source, target) || '|' ||
greatest(...)``, NULL without both countries). On exit the touched events are written anew
(deleted and inserted, not updated: DuckDB updates of list and struct columns are slow) in the
order of ``pair`` and date, and new ``dyad_days`` rows are inserted in that order, so each
write leaves a pair's rows together and DuckDB's per-row-group min/max of ``pair`` lets a reader
of one pair (``pair = ?``) skip the rest of the table. Many small writes scatter a pair over
many row groups again; ``recluster(con)`` rewrites both tables in pair order (migration 8 does).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

OPPOSITION_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "UAF"})
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "unknown": 6}
_IDS = "_derived_ids"
_OLD = "_derived_old"


def score_sql(score: str = "relations", prefix: str = "") -> str:
    """An event's score on the Goldstein scale as SQL over the events table's columns: the CAMEO
    code's Goldstein value, except (``relations``) that cooperation with an opposition, rebel,
    insurgent or separatist side counts against relations with its government (minus its value)."""
    gold = f"coalesce({prefix}goldstein, 0.0)"
    if score != "relations":
        return gold
    sectors = ", ".join(f"'{s}'" for s in sorted(OPPOSITION_SECTORS))
    return (f"CASE WHEN {gold} > 0 AND ({prefix}source_sector IN ({sectors}) OR {prefix}target_sector IN ({sectors})) "
            f"THEN -{gold} ELSE {gold} END")


def _rank_sql() -> str:
    cases = " ".join(f"WHEN '{p}' THEN {r}" for p, r in PRECISION_RANK.items())
    return f"CASE date_precision {cases} ELSE {PRECISION_RANK['unknown']} END"


PAIR_SQL = ("CASE WHEN source_country IS NULL OR target_country IS NULL THEN NULL ELSE "
            "least(source_country, target_country) || '|' || greatest(source_country, target_country) END")


def pair_key(a: str, b: str) -> str:
    """The ``pair`` value of the dyad a-b (either direction)."""
    return f"{min(a, b)}|{max(a, b)}"


_W = "coalesce(num_mentions, 1)"
# dyad_days: key columns, then the summed columns and what one event contributes to each
KEYS = ("source_country", "target_country", "modality", "day", "end_day", "prank")
_KEY_SQL = ("source_country", "target_country", "coalesce(modality, 'asserted')", "date_start",
            "coalesce(date_end, date_start)", _rank_sql())
SUMS: tuple[tuple[str, str], ...] = (
    ("n", "1"), ("nm", _W), ("nm2", f"{_W} * {_W}"),
    *((f"q{q}", f"coalesce((quad_class = {q})::INTEGER, 0)") for q in (1, 2, 3, 4)),
    *((f"mq{q}", f"coalesce((quad_class = {q})::INTEGER, 0) * {_W}") for q in (1, 2, 3, 4)),
    ("g", "coalesce(goldstein, 0.0)"), ("g2", "coalesce(goldstein, 0.0) ^ 2"),
    ("mg", f"{_W} * coalesce(goldstein, 0.0)"), ("mg2", f"{_W} * coalesce(goldstein, 0.0) ^ 2"),
    ("r", score_sql()), ("r2", f"({score_sql()}) ^ 2"),
    ("mr", f"{_W} * ({score_sql()})"), ("mr2", f"{_W} * ({score_sql()}) ^ 2"),
)
_INTEGER_SUMS = {"n", "nm", "nm2", "q1", "q2", "q3", "q4", "mq1", "mq2", "mq3", "mq4"}

SCHEMA = """
ALTER TABLE events ADD COLUMN num_sources INTEGER;
ALTER TABLE events ADD COLUMN first_published DATE;
ALTER TABLE events ADD COLUMN article_ids VARCHAR[];
ALTER TABLE events ADD COLUMN source_keys VARCHAR[];
ALTER TABLE events ADD COLUMN evidence STRUCT(mention_id VARCHAR, article_id VARCHAR, sentence VARCHAR,
    "trigger" VARCHAR, char_start INTEGER, char_end INTEGER, trigger_char INTEGER, published DATE,
    title VARCHAR, publisher VARCHAR, url VARCHAR);
CREATE TABLE dyad_days (
    k VARCHAR PRIMARY KEY, source_country VARCHAR NOT NULL, target_country VARCHAR NOT NULL,
    modality VARCHAR NOT NULL, day DATE, end_day DATE, prank TINYINT NOT NULL,
""" + ",\n".join(f"    {name} {'BIGINT' if name in _INTEGER_SUMS else 'DOUBLE'} NOT NULL" for name, _ in SUMS) + """
);
CREATE INDEX dyad_days_pair ON dyad_days(source_country, target_country);
"""


def _contributions() -> str:
    """SELECT list: one event's key and contributions (events with both countries only)."""
    key = " || '|' || ".join(f"coalesce(CAST({expr} AS VARCHAR), '')" for expr in _KEY_SQL)
    cols = [f"{key} AS k"] + [f"{expr} AS {name}" for name, expr in zip(KEYS, _KEY_SQL)]
    cols += [f"CAST({expr} AS {'BIGINT' if name in _INTEGER_SUMS else 'DOUBLE'}) AS {name}" for name, expr in SUMS]
    return ", ".join(cols)


_PAIRED = "source_country IS NOT NULL AND target_country IS NOT NULL"


@contextmanager
def maintained(con: Any, event_ids: Sequence[str] | str, now: dt.datetime | None = None) -> Iterator[str]:
    """Keep the derived columns and ``dyad_days`` right for the events ``event_ids`` written
    inside the block (see the module docstring). Use it inside the write's transaction.

    It yields the name of a temporary table shaped like ``events``: a writer inserts its new
    events there (their rows are inserted into ``events`` on exit, with their derived columns,
    in pair order, so they are written once); rows it deletes, updates or inserts in ``events``
    directly are taken as they are on exit."""
    if isinstance(event_ids, str):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {_IDS} AS SELECT DISTINCT event_id FROM {event_ids}")
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {_IDS} AS SELECT DISTINCT unnest(?::VARCHAR[]) AS event_id",
                    [list(event_ids)])
    con.execute(f"CREATE OR REPLACE TEMP TABLE {_OLD} AS SELECT {_contributions()} FROM events "
                f"WHERE event_id IN (SELECT event_id FROM {_IDS}) AND {_PAIRED}")
    _create_like(con, STAGED, "events")
    try:
        yield STAGED
        con.execute(f"INSERT INTO {_IDS} SELECT DISTINCT event_id FROM {STAGED} "
                    f"WHERE event_id NOT IN (SELECT event_id FROM {_IDS})")
        refresh_events(con, _IDS, now)
        _apply_difference(con)
    finally:
        for table in (_OLD, _IDS, STAGED):
            con.execute(f"DROP TABLE IF EXISTS {table}")


STAGED = "_derived_new_events"


def _create_like(con: Any, name: str, table: str) -> None:
    """An empty temporary table with ``table``'s columns, made from their definitions: rows
    inserted in the same transaction into a table made by ``CREATE TABLE AS ... LIMIT 0`` are
    lost once they fill a row group (DuckDB 2.0.0)."""
    columns = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                          "AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index",
                          [table]).fetchall()
    definitions = ", ".join('"' + n + '" ' + t for n, t in columns)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({definitions})")
_ROWS = "_derived_rows"
_ORDER = "pair NULLS LAST, date_start NULLS LAST, event_id"


def refresh_events(con: Any, ids_table: str, now: dt.datetime | None = None) -> None:
    """Recompute the per-event derived columns of the events listed in ``ids_table`` (those in
    ``events`` and those staged in ``STAGED``, a staged row replacing a stored one) from their
    mentions (``updated_at`` = ``now``) and write them anew in pair order; those left without a
    mention go."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [STAGED]).fetchone()[0]:
        _create_like(con, STAGED, "events")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {_ROWS} AS
        SELECT e.* REPLACE (c.n AS num_mentions, c.a AS num_articles, c.s AS num_sources, c.fp AS first_published,
                            c.aids AS article_ids, c.skeys AS source_keys, c.ev AS evidence,
                            CAST(? AS TIMESTAMP) AS updated_at, {PAIR_SQL} AS pair)
        FROM (SELECT * FROM {STAGED}
              UNION ALL BY NAME
              SELECT * FROM events WHERE event_id IN (SELECT event_id FROM {ids_table})
                                     AND event_id NOT IN (SELECT event_id FROM {STAGED})) e
        JOIN ({_derived_sql(ids_table)}) c ON c.event_id = e.event_id""", [now])
    con.execute(f"DELETE FROM events WHERE event_id IN (SELECT event_id FROM {ids_table})")
    con.execute(f"INSERT INTO events BY NAME SELECT * FROM {_ROWS} ORDER BY {_ORDER}")
    con.execute(f"DROP TABLE {_ROWS}")


def _derived_sql(ids_table: str | None) -> str:
    """Per event (of ``ids_table``, or all): its derived columns from its mentions and their articles."""
    far = "DATE '9999-12-31'"
    where = f"WHERE m.event_id IN (SELECT event_id FROM {ids_table})" if ids_table else ""
    return f"""
            SELECT m.event_id, count(*) AS n, count(DISTINCT m.article_id) AS a,
                   count(DISTINCT coalesce(ar.publisher, m.article_id)) AS s,
                   min(coalesce(m.published, ar.published)) AS fp,
                   list(DISTINCT m.article_id) AS aids, list(DISTINCT coalesce(ar.publisher, m.article_id)) AS skeys,
                   arg_min(struct_pack(mention_id := m.mention_id, article_id := m.article_id,
                                       sentence := m.sentence, "trigger" := m.trigger, char_start := m.char_start,
                                       char_end := m.char_end, trigger_char := m.trigger_char,
                                       published := coalesce(ar.published, m.published), title := ar.title,
                                       publisher := ar.publisher, url := ar.url),
                           struct_pack(p := coalesce(m.published, ar.published, {far}), a := m.article_id,
                                       c := m.char_start, i := m.mention_id)) AS ev
            FROM mentions m LEFT JOIN articles ar ON ar.id = m.article_id
            {where}
            GROUP BY m.event_id"""


def _refresh_sql(ids_table: str | None, stamp: bool) -> str:
    """The derived columns by UPDATE (what migration 7 ran; ``rebuild_sql``)."""
    return f"""
        UPDATE events SET num_mentions = c.n, num_articles = c.a, num_sources = c.s, first_published = c.fp,
               article_ids = c.aids, source_keys = c.skeys, evidence = c.ev{', updated_at = ?' if stamp else ''}
        FROM ({_derived_sql(ids_table)}) c
        WHERE events.event_id = c.event_id"""


def _apply_difference(con: Any) -> None:
    names = [name for name, _ in SUMS]
    summed = ", ".join(f"sum({n}) AS {n}" for n in names)
    neg = ", ".join(f"-{n} AS {n}" for n in names)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _derived_delta AS
        SELECT k, any_value(source_country) AS source_country, any_value(target_country) AS target_country,
               any_value(modality) AS modality, any_value(day) AS day, any_value(end_day) AS end_day,
               any_value(prank) AS prank, {summed}
        FROM (SELECT * FROM (SELECT {_contributions()} FROM events
                             WHERE event_id IN (SELECT event_id FROM {_IDS}) AND {_PAIRED})
              UNION ALL BY NAME
              SELECT k, {', '.join(KEYS)}, {neg} FROM {_OLD})
        GROUP BY k""")
    # Rows of days already there are updated, new ones inserted in pair order (an INSERT ... ON
    # CONFLICT upsert does not keep its rows in the order given: the pairs would scatter).
    updates = ", ".join(f"{n} = dyad_days.{n} + d.{n}" for n in names)
    con.execute("CREATE OR REPLACE TEMP TABLE _derived_known AS SELECT k FROM dyad_days "
                "WHERE k IN (SELECT k FROM _derived_delta)")
    con.execute(f"UPDATE dyad_days SET {updates} FROM _derived_delta d "
                "WHERE dyad_days.k = d.k AND d.k IN (SELECT k FROM _derived_known)")
    con.execute(f"INSERT INTO dyad_days (k, {', '.join(KEYS)}, {', '.join(names)}, pair) "
                f"SELECT k, {', '.join(KEYS)}, {', '.join(names)}, {PAIR_SQL} AS pair FROM _derived_delta "
                "WHERE k NOT IN (SELECT k FROM _derived_known) ORDER BY pair, day NULLS LAST, k")
    con.execute("DELETE FROM dyad_days WHERE n = 0")
    con.execute("DROP TABLE IF EXISTS _derived_known")
    con.execute("DROP TABLE IF EXISTS _derived_delta")


def rebuild_sql(clustered: bool = True) -> str:
    """SQL that derives everything anew from events and mentions (for a store written before
    these tables, or changed behind the writer's back); ``updated_at`` is left as it was.
    ``clustered=False``: what migration 7 ran, before the tables had ``pair``."""
    names = [name for name, _ in SUMS]
    if not clustered:
        return (_refresh_sql(None, stamp=False) + ";\nDELETE FROM dyad_days;\n"
                f"INSERT INTO dyad_days SELECT k, {', '.join(f'any_value({k})' for k in KEYS)}, "
                f"{', '.join(f'sum({n})' for n in names)} FROM (SELECT {_contributions()} FROM events "
                f"WHERE {_PAIRED}) GROUP BY k;\n")
    return (_refresh_sql(None, stamp=False) + ";\n" + recluster_sql() + "DELETE FROM dyad_days;\n"
            f"INSERT INTO dyad_days (k, {', '.join(KEYS)}, {', '.join(names)}, pair) "
            f"SELECT k, {', '.join(f'any_value({k})' for k in KEYS)}, {', '.join(f'sum({n})' for n in names)}, "
            f"any_value({PAIR_SQL}) AS pair FROM (SELECT {_contributions()} FROM events "
            f"WHERE {_PAIRED}) GROUP BY k ORDER BY pair, any_value(day) NULLS LAST;\n")


def recluster_sql(tables: Sequence[str] = ("events", "dyad_days")) -> str:
    """SQL that sets ``pair`` and rewrites ``events`` and ``dyad_days`` (or those of ``tables``)
    in pair order (after many small writes have scattered the pairs over them; migration 8)."""
    out = []
    orders = {"events": _ORDER, "dyad_days": "pair, day NULLS LAST, k"}
    for table, order in ((t, orders[t]) for t in tables):
        out.append(f"CREATE OR REPLACE TEMP TABLE _derived_copy AS SELECT * REPLACE ({PAIR_SQL} AS pair) "
                   f"FROM {table} ORDER BY {order};\nDELETE FROM {table};\n"
                   f"INSERT INTO {table} BY NAME SELECT * FROM _derived_copy ORDER BY {order};\n"
                   "DROP TABLE _derived_copy;\n")
    return "".join(out)
