"""Listed events' JSON text written by DuckDB, byte for byte what Python's ``json`` writes.

``key_events_json_sql`` is a query whose rows are, for each event matching a filter, its
``date_start``, the text of ``json.dumps(event.to_dict(), ensure_ascii=False, indent=2)`` for the
``KeyEvent`` that ``records.key_events_of_rows`` builds of the same row (the evidence's fields,
the CAMEO code's name, the importance, the rounded score, the dyad and the date label included),
the row's ``rowid`` and whether its values are ones DuckDB writes as json does. A listing of
thousands of events then hands Python a string and three values a row, instead of some thirty
values to build a record of and encode. DuckDB's text is json's (``plain_text`` checks the text):

- strings: ``to_json`` escapes as json does without ``ensure_ascii`` (every code point compared),
  but for the control characters whose escape has a letter (U+000B: json writes ``\\u000b``,
  DuckDB ``\\u000B``): a text holding ``\\u00`` is not taken (``plain_text``);
- floats: a DOUBLE cast to VARCHAR is Python's ``repr`` (shortest round trip, ``1e-05``,
  ``1e+16``, ``-0.0``; a million random doubles compared); NaN and the infinities are not taken;
- ``round(x, 3)``: DuckDB divides ``round(x * 1000)`` by 1000, Python rounds the decimal value
  exactly; the two agree when ``x * 1000`` is within a quarter of an integer (and under 2**53),
  else the row is not taken;
- dates: ``CAST(d AS VARCHAR)`` is ``isoformat`` for years 1-9999 (else not taken).

A row not taken is read and encoded in Python, as before (``dyadjson``); the tests compare both
on rows made to hit each case. The text is built by one ``concat`` over a subquery that computes
each value once (a chain of ``||`` and repeated expressions take DuckDB longer to plan).
"""
from __future__ import annotations

from typing import Any

from ..events.ontology import load_ontology
from ..store.derived import score_sql
from .records import EVIDENCE_FIELDS

_NEAR = 0.25  # how near an integer x * 1000 must be for DuckDB's round(x, 3) to be Python's
_INTS = ("char_start", "char_end", "trigger_char")


def _str(x: str) -> str:
    return f"coalesce(CAST(to_json({x}) AS VARCHAR), 'null')"


def _num(x: str) -> str:
    return f"coalesce(CAST({x} AS VARCHAR), 'null')"


def _date(x: str) -> str:
    return f"coalesce('\"' || CAST({x} AS VARCHAR) || '\"', 'null')"


def _object(fields: list[tuple[str, str]], indent: str) -> str:
    """SQL of a JSON object of ``fields`` (key, SQL of its JSON text) as json.dumps writes it
    with indent 2, the object's braces at ``indent``."""
    inner = indent + "  "
    parts = [f"'{{\n{inner}\"{fields[0][0]}\": '", fields[0][1]]
    for key, value in fields[1:]:
        parts += [f"',\n{inner}\"{key}\": '", value]
    parts.append(f"'\n{indent}}}'")
    return "concat(" + ", ".join(parts) + ")"


def _strings(x: str, indent: str) -> str:
    """SQL of a list of strings as json.dumps writes it at ``indent``."""
    inner = indent + "  "
    return (f"CASE WHEN {x} IS NULL OR len({x}) = 0 THEN '[]' ELSE concat('[\n{inner}', "
            f"array_to_string(list_transform({x}, lambda v: {_str('v')}), ',\n{inner}'), '\n{indent}]') END")


def _label(start: str, precision: str) -> str:
    """``records.date_label`` in SQL."""
    year = f"CAST(year({start}) AS VARCHAR)"
    return (f"CASE WHEN {start} IS NULL THEN 'undated' WHEN {precision} = 'year' THEN {year} "
            f"WHEN {precision} = 'month' THEN concat({year}, '-', lpad(CAST(month({start}) AS VARCHAR), 2, '0')) "
            f"WHEN {precision} = 'decade' THEN concat(CAST(year({start}) // 10 * 10 AS VARCHAR), 's') "
            f"ELSE CAST({start} AS VARCHAR) END")


def _round_ok(x: str) -> str:
    """``round(x, 3)`` in DuckDB is Python's (see the module docstring)."""
    return f"(isfinite({x}) AND abs({x}) < 1e12 AND abs({x} * 1000 - round({x} * 1000)) < {_NEAR})"


def _date_ok(x: str) -> str:
    return f"({x} IS NULL OR year({x}) BETWEEN 1 AND 9999)"


def _text() -> str:
    """The JSON text of a row of ``_inner``'s subquery ``k``."""
    evidence = [(f, _num(f'k.ev."{f}"') if f in _INTS else _date(f'k.ev."{f}"') if f == "published"
                 else _str(f'k.ev."{f}"')) for f in EVIDENCE_FIELDS]
    evidence[1] = ("sentence", _str("coalesce(k.ev.sentence, '')"))
    fields = [("event_id", _str("k.event_id")), ("date_start", _date("k.date_start")),
              ("date_end", _date("k.date_end")), ("date_precision", _str("k.precision")), ("cameo", _str("k.cameo")),
              ("cameo_name", _str("k.cameo_name")), ("plover", _str("k.plover")),
              ("quad_class", _num("k.quad_class")), ("goldstein", _num("k.goldstein"))]
    fields += [(f"{side}_{c}", _str(f"k.{side}_{c}")) for side in ("source", "target")
               for c in ("country", "name", "sector")]
    fields += [("modality", _str("k.modality")), ("contexts", _strings("k.contexts", "  ")),
               ("num_mentions", _num("k.num_mentions")), ("num_articles", _num("k.num_articles")),
               ("num_sources", _num("k.num_sources")), ("importance", _num("round(k.importance, 3)")),
               ("evidence", f"CASE WHEN k.ev.article_id IS NULL THEN 'null' ELSE {_object(evidence, '  ')} END"),
               ("score", _num("round(k.score, 3)")), ("dyad", _str("k.dyad")),
               ("date_label", _str(_label("k.date_start", "k.precision")))]
    return _object(fields, "")


def _inner(where: str, score: str) -> str:
    """The events matching ``where`` (over ``e``), each value the text needs computed once."""
    mentions = "e.num_mentions"
    return f"""SELECT e.rowid AS row_id, e.event_id, e.date_start, e.date_end,
        coalesce(nullif(e.date_precision, ''), 'unknown') AS precision, e.cameo, n.name AS cameo_name, e.plover,
        e.quad_class, e.goldstein, e.source_country, e.source_name, e.source_sector, e.target_country,
        e.target_name, e.target_sector, coalesce(nullif(e.modality, ''), 'asserted') AS modality, e.contexts,
        coalesce({mentions}, 0) AS num_mentions, coalesce(e.num_articles, 0) AS num_articles,
        coalesce(e.num_sources, 0) AS num_sources,
        abs(coalesce(e.goldstein, 0.0)) * CASE WHEN coalesce({mentions}, 0) = 0 THEN 1 ELSE {mentions} END
            AS importance,
        e.evidence AS ev, CAST({score_sql(score, 'e.')} AS DOUBLE) AS score,
        concat(coalesce(nullif(e.source_country, ''), '?'), '>', coalesce(nullif(e.target_country, ''), '?')) AS dyad
        FROM events e LEFT JOIN (SELECT unnest(?::VARCHAR[]) AS code, unnest(?::VARCHAR[]) AS name) n
            ON n.code = e.cameo
        WHERE {where}"""


def key_events_json_sql(where: str, params: list[Any], score: str) -> tuple[str, list[Any]]:
    """The query (and its parameters) of the events matching ``where`` (SQL over the events table
    as ``e``, with ``params``), in the timeline's order: (date_start, JSON text at indent 0, the
    row's ``rowid``, whether the values are ones DuckDB writes as json does); the score by ``score``
    (``derived.score_sql``). See the module docstring."""
    entries = load_ontology().entries
    codes = sorted(entries)
    taken = " AND ".join(["(k.goldstein IS NULL OR isfinite(k.goldstein))", _round_ok("k.importance"),
                          _round_ok("k.score"), _date_ok("k.date_start"), _date_ok("k.date_end"),
                          _date_ok("k.ev.published")])
    sql = (f"SELECT k.date_start, {_text()}, k.row_id, {taken} "
           f"FROM ({_inner(where, score)}) k "
           "ORDER BY k.date_start NULLS LAST, k.date_end NULLS LAST, k.event_id")
    return sql, [codes, [entries[c].name for c in codes], *params]


def plain_text(text: str) -> bool:
    """Whether DuckDB's ``text`` is json's: no ``\\u00`` escape in it (see the module docstring;
    a literal backslash before ``u00`` is taken for one too, and the row encoded in Python)."""
    return "\\u00" not in text
