"""DuckDB's JSON text of a listed event is json's, or the row is left to Python."""
from __future__ import annotations

import datetime as dt
import json
import math

from detente.analyse.dyad import listed_columns
from detente.analyse.jsonsql import key_events_json_sql, plain_text
from detente.analyse.records import key_events_of_rows
from detente.store import Store

D = dt.date
EVIDENCE = {"mention_id": "m1", "article_id": "art-1", "sentence": "Iran's envoy visited Dushanbe.", "trigger": "visited",
            "char_start": 10, "char_end": 40, "trigger_char": 22, "published": D(2023, 6, 5), "title": "A visit",
            "publisher": "Steppe Wire", "url": "https://example.org/a"}
ODD = "quote \" backslash \\ newline \n tab \t return \r bell \x08 feed \x0c del \x7f \u2028 é 中 😀 </script>"


def _event(event_id: str, **changes):
    row = {"event_id": event_id, "cameo": "042", "plover": "CONSULT", "quad_class": 1, "goldstein": 1.9,
           "source_country": "IRN", "source_name": "Iran", "source_sector": "GOV", "target_country": "TJK",
           "target_name": "Tajikistan", "target_sector": "GOV", "modality": "asserted", "date_start": D(2023, 5, 17),
           "date_end": D(2023, 5, 17), "date_precision": "day", "contexts": ["military"], "num_mentions": 2,
           "num_articles": 1, "num_sources": 1, "evidence": dict(EVIDENCE), "pair": "IRN|TJK"}
    row.update(changes)
    return row


# (event id, what it changes, whether DuckDB's text is taken)
CASES = [
    ("plain", {}, True),
    ("odd-strings", {"source_name": ODD, "target_name": "", "plover": None, "contexts": [ODD, None, ""],
                     "evidence": {**EVIDENCE, "sentence": ODD, "title": None, "trigger": None, "url": ODD}}, True),
    ("nulls", {"quad_class": None, "goldstein": None, "source_name": None, "contexts": None, "num_mentions": None,
               "num_articles": None, "num_sources": None, "evidence": None, "date_end": None}, True),
    ("no-article", {"evidence": {**EVIDENCE, "article_id": None}}, True),
    ("no-sentence", {"evidence": {**EVIDENCE, "sentence": None, "published": None, "char_start": None}}, True),
    ("empty", {"date_precision": "", "modality": "", "source_country": "", "target_country": None, "contexts": []}, True),
    ("unknown-code", {"cameo": "999", "plover": None}, True),
    ("no-code", {"cameo": None}, True),
    ("year", {"date_precision": "year", "date_start": D(999, 1, 1), "date_end": D(999, 12, 31)}, True),
    ("month", {"date_precision": "month", "date_start": D(2023, 2, 1), "date_end": D(2023, 2, 28)}, True),
    ("decade", {"date_precision": "decade", "date_start": D(2010, 1, 1), "date_end": D(2019, 12, 31)}, True),
    ("undated", {"date_precision": "unknown", "date_start": None, "date_end": None}, True),
    ("week", {"date_precision": "week"}, True),
    ("opposition", {"target_sector": "OPP", "goldstein": 3.4, "num_mentions": 3}, True),
    ("rebels-conflict", {"source_sector": "REB", "goldstein": -7.2}, True),
    ("no-mentions", {"num_mentions": 0, "goldstein": -10.0}, True),
    ("negative-mentions", {"num_mentions": -2}, True),
    ("floats", {"goldstein": 0.1, "num_mentions": 7}, True),
    ("tiny", {"goldstein": 1e-05}, True),
    ("zero", {"goldstein": 0.0}, True),
    ("minus-zero", {"goldstein": -0.0}, True),
    ("large", {"goldstein": 123456.789, "num_mentions": 3}, True),
    ("huge", {"goldstein": 2.5e16}, False),  # its importance is over 1e12: left to Python
    ("rounding", {"goldstein": 2.675, "num_mentions": 1}, True),
    ("nan", {"goldstein": math.nan}, False),
    ("infinite", {"goldstein": -math.inf}, False),
    ("near-half", {"goldstein": 1.0005}, False),  # round(x, 3): a half away from two values
    ("near-half-score", {"goldstein": 0.0025, "num_mentions": 1}, False),
    ("capital-escape", {"source_name": "a\x0bb"}, False),  # DuckDB writes \u000B, json \u000b
    ("control", {"evidence": {**EVIDENCE, "title": "a\x01b\x1fc"}}, False),
    ("literal-escape", {"target_name": "a \\u0041 b"}, False),  # taken for an escape: left to Python
    ("context-escape", {"contexts": ["x\x1a"]}, False),
]


def _store(tmp_path):
    path = tmp_path / "j.duckdb"
    with Store.open(path) as store:
        for event_id, changes, _ in CASES:
            row = _event(event_id, **changes)
            store.con.execute(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                              list(row.values()))
    return path


def test_duckdbs_text_is_jsons_or_the_row_is_left_to_python(tmp_path):
    with Store.open(_store(tmp_path)) as store:
        for score in ("relations", "goldstein"):
            columns = ", ".join(f'{sql} AS "{name}"' for name, sql in listed_columns(score))
            cursor = store.con.execute(f"SELECT e.rowid, {columns} FROM events e")
            names = [d[0] for d in cursor.description][1:]
            expected = {}
            for row in cursor.fetchall():
                event = key_events_of_rows(names, [row[1:]], score="_score")[0]
                expected[row[0]] = (event.event_id, json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
            rows = store.con.execute(*key_events_json_sql("e.pair = ?", ["IRN|TJK"], score)).fetchall()
            assert len(rows) == len(CASES) == len(expected)
            taken = {}
            for start, text, rowid, ok in rows:
                event_id, wanted = expected[rowid]
                taken[event_id] = bool(ok and plain_text(text))
                if taken[event_id]:
                    assert text == wanted, event_id
            assert taken == {event_id: plain for event_id, _, plain in CASES}
            # the timeline's order: by date_start (undated last), date_end, event id
            assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=lambda d: (d is None, d or D.min))


def test_a_dyads_json_with_rows_left_to_python_is_jsons(store_path, monkeypatch):
    """The streamed JSON (``dyadjson``) with some rows DuckDB writes and some it leaves to Python,
    in batches that end inside periods, in one query or one a period: byte for byte json.dumps of
    the timeline listing every event."""
    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.dyadjson import dyad_json_chunks
    from detente.analyse.phases import dyad_phases
    from detente.analyse.query import open_db

    with Store.open(store_path) as store:
        ids = [r[0] for r in store.con.execute(  # events the periods list: asserted, dated, not vague
            "SELECT event_id FROM events WHERE modality = 'asserted' AND date_start IS NOT NULL "
            "AND date_end - date_start <= 366 ORDER BY date_start, event_id").fetchall()]
        assert len(ids) >= 6
        for event_id, sql, value in ((ids[0], "source_name = ?", ODD), (ids[1], "goldstein = ?", math.nan),
                                     (ids[2], "target_name = ?", "a\x0bb"), (ids[3], "goldstein = ?", 1.0005),
                                     (ids[4], "contexts = ?", [ODD, "x\x1f"])):
            store.con.execute(f"UPDATE events SET {sql} WHERE event_id = ?", [value, event_id])
    import detente.analyse.dyadjson as dyadjson

    monkeypatch.setattr(dyadjson, "BATCH", 2)
    redone: list[int] = []
    real_redo = dyadjson._Rows._redo

    def spy(self, redo):
        redone.extend(redo.values())
        return real_redo(self, redo)

    monkeypatch.setattr(dyadjson._Rows, "_redo", spy)
    with open_db(store_path) as store:
        for window in (20_000, 1):  # one query, or one a period
            monkeypatch.setattr(dyadjson, "WINDOW", window)
            for by in ("year", "month"):
                full = dyad_timeline(store, "IRN", "TJK", by=by, events="all")
                phases = dyad_phases(full)
                expected = json.dumps({**full.to_dict(), "phases": [p.to_dict() for p in phases]},
                                      ensure_ascii=False, indent=2)
                top = dyad_timeline(store, "IRN", "TJK", by=by, events="top")
                assert "".join(dyad_json_chunks(store, top, phases)) == expected
                assert "NaN" in expected and "\\u000b" in expected and "\\u001f" in expected
    assert len(redone) == 2 * 2 * 4  # all but the first changed row are left to Python, by year and by month


def test_duckdb_writes_strings_and_floats_as_json_does():
    """What ``jsonsql`` rests on, for this DuckDB: ``to_json`` of a string is json's but for the
    escapes with a hex letter (which ``plain_text`` refuses), a DOUBLE cast to text is ``repr``."""
    import random
    import struct

    import duckdb

    con = duckdb.connect()
    chars = [chr(c) for c in [*range(0x3000), *range(0xE000, 0x10000, 7), *range(0x10000, 0x110000, 997)]]
    strings = chars + ["x" + c + 'y"\\' for c in chars[:0x100]]
    got = con.execute("SELECT CAST(to_json(s) AS VARCHAR) FROM (SELECT unnest(?::VARCHAR[]) AS s, "
                      "generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i", [strings, strings]).fetchall()
    differ = [text for s, (text,) in zip(strings, got) if text != json.dumps(s, ensure_ascii=False)]
    assert differ and not any(plain_text(text) for text in differ)  # "\u000B" and the like
    rng = random.Random(20261207)
    floats = [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(20_000)]
    floats = [f for f in floats if math.isfinite(f)] + [rng.uniform(-10, 10) * rng.randint(1, 60) for _ in range(20_000)]
    floats += [round(rng.uniform(-10, 10), 1) for _ in range(5_000)] + [0.0, -0.0, 1e-05, 1e16, 1e15, 0.1, 2.5e-300]
    got = con.execute("SELECT CAST(v AS VARCHAR) FROM (SELECT unnest(?::DOUBLE[]) AS v, "
                      "generate_subscripts(?::DOUBLE[], 1) AS i) ORDER BY i", [floats, floats]).fetchall()
    assert [text for (text,) in got] == [repr(f) for f in floats]
