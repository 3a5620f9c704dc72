"""benchmarks/sentence_audit.py: the coders' majority label and the scores against it."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import sentence_audit as sa  # noqa: E402


def _coder(*labels):
    return {n: {"n": n, "event": label is not None, "root": label} for n, label in enumerate(labels, 1)}


def test_the_majority_label_needs_more_than_half_the_coders():
    coders = [_coder("04", None, "11", "01"), _coder("04", None, "12", None), _coder("05", "04", "13", None)]
    assert sa.majority(coders) == {1: {"n": 1, "event": True, "root": "04"},
                                   2: {"n": 2, "event": False, "root": None},
                                   4: {"n": 4, "event": False, "root": None}}  # item 3: three roots, no majority


def test_the_report_against_the_majority():
    coders = [_coder("04", None, "11", "01"), _coder("04", None, "12", None), _coder("05", "04", "13", None)]
    ours = {1: "04", 2: None, 3: "11", 4: "01"}
    report = sa._majority_report(coders, ours)
    assert report["items"] == 4 and report["with_majority_label"] == 3
    # majority event flags: yes, no, yes, no; ours: yes, no, yes, yes
    assert report["event_vs_none_majority_flag"] == 0.75
    against = report["against_majority_label"]
    assert against["root_all"] == round(2 / 3, 3) and against["root_on_coder_events"] == 1.0
    # pairs agree on items 1 and 2 (coders 1-2), 4 (2-3), none (1-3): 3 of 12
    assert report["coders_pairwise_root_all"] == 0.25


def test_pooled_rows_score_the_flag_on_every_item_and_the_root_on_majority_events():
    coders = [_coder("04", None, "11", "01"), _coder("04", None, "12", None), _coder("05", "04", "13", None)]
    rows = sa.pool_rows(coders, {1: "04", 2: "19", 3: None, 4: None})
    # flags yes, no, yes, no; labels 04, none, (no majority), none
    assert rows == {1: (True, True, True), 2: (False, False, False), 3: (False, False, False), 4: (True, False, False)}


def test_a_sheet_verdict_counts_only_where_the_coders_agree():
    assert sa.verdict(["04", "04"], "04") == "right"
    assert sa.verdict(["04", "04"], "05") == "wrong"
    assert sa.verdict(["04", "04"], None) == "miss"
    assert sa.verdict([None, None], "01") == "false"
    assert sa.verdict([None, None], None) == "none"
    assert sa.verdict(["04", None], "04") == "disputed"


def _sided(root, source, target):
    return {"event": root is not None, "root": root, "source_country": source, "target_country": target}


def _write(folder, name, rows):
    import json

    (folder / name).write_text("".join(json.dumps({"n": n, **r}) + "\n" for n, r in rows.items()))


def test_sides_are_scored_where_the_coders_agree_on_the_root_and_we_have_it(tmp_path):
    # a tiny hand-made development folder: keys and two coders' answers (no article text is needed)
    _write(tmp_path, "key.jsonl", {n: {"article_id": "a", "start": 0, "end": 10} for n in range(1, 8)})
    _write(tmp_path, "answers1.jsonl", {1: _sided("04", "FRA", "DEU"), 2: _sided("19", "RUS", "UKR"),
                                        3: _sided("11", "USA", None), 4: _sided("17", "ISR", "LBN"),
                                        5: _sided("04", "FRA", "ITA"), 6: _sided("19", "SYR", None),
                                        7: _sided("12", "GBR", "IRN")})
    _write(tmp_path, "answers2.jsonl", {1: _sided("04", "FRA", "DEU"), 2: _sided("19", "RUS", "UKR"),
                                        3: _sided("11", "USA", None), 4: _sided("17", "ISR", "LBN"),
                                        5: _sided("04", "FRA", "ESP"), 6: _sided("19", "SYR", None),
                                        7: _sided("05", "GBR", "IRN")})
    keys, coders = sa._folder(tmp_path)
    assert len(keys) == 7 and len(coders) == 2

    def top(root, source, target, place=False):
        return {"root": root, "source": source, "target": target, "target_place": place}

    ours = {1: top("04", "FRA", "DEU"),  # usable
            2: top("19", "UKR", "RUS"),  # swapped: both sides wrong
            3: top("11", None, "USA"),  # source empty, target extra
            4: top("18", "ISR", "LBN"),  # another root: not scored
            5: top("04", "FRA", None),  # target disputed by the coders: source scored only
            6: top("19", "SYR", "LBY", place=True),  # a place given as target
            7: top("12", "GBR", "IRN")}  # the coders disagree on the root: not scored
    rows = sa.sides_rows(coders, ours)
    assert sorted(rows) == [1, 2, 3, 5, 6]
    assert rows[1]["usable"] and rows[2]["swapped"] and not rows[2]["usable"]
    assert (rows[3]["source"], rows[3]["target"]) == ("empty", "extra")
    assert rows[5]["target"] is None and rows[5]["usable"] is None and rows[5]["source"] == "right"
    assert rows[6]["target"] == "place"
    tally = sa.sides_tally(rows)
    assert tally["source"] == {"right": 3, "empty": 1, "wrong": 1, "extra": 0, "place": 0, "scored": 5}
    assert tally["target"] == {"right": 1, "empty": 0, "wrong": 1, "extra": 1, "place": 1, "scored": 4}
    assert (tally["both_scored"], tally["usable"], tally["swapped"]) == (4, 1, 1)


def test_a_side_verdict():
    assert sa.side_verdict(None, None) == "right"
    assert sa.side_verdict("USA", None) == "empty"
    assert sa.side_verdict("USA", "RUS") == "wrong"
    assert sa.side_verdict(None, "RUS") == "extra"
    assert sa.side_verdict("USA", "SYR", place=True) == "place"
