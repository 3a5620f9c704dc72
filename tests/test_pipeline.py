"""The pipeline's store runs: the runs row records what a run coded."""
from __future__ import annotations

import json


def test_a_code_run_records_its_event_count(tmp_path):
    from detente.pipeline import Pipeline
    from detente.settings import Settings
    from detente.store import Store

    src = tmp_path / "in.jsonl"
    texts = ["Iran's president paid a visit to Tajikistan on 30 May 2023.",
             "Armenia and Azerbaijan signed a peace agreement on 2 June 2023. Russia condemned Georgia."]
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2023-06-05"}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    with Store.open(tmp_path / "x.duckdb") as store:
        summary = Pipeline(Settings(coder="rules")).run([str(src)], store)
        [(recorded,)] = store.con.execute("SELECT event_count FROM runs WHERE run_id = ?",
                                          [summary.run_id]).fetchall()
        [(stored,)] = store.con.execute("SELECT count(*) FROM events").fetchall()
    assert summary.events == recorded == stored >= 2
