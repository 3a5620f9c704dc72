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
