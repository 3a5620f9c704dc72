"""benchmarks/audit.py: the sheets drawn for the two coders and the scores of their answers."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import audit  # noqa: E402


def _event(i: int, code: str, src: str | None, tgt: str | None, modality: str = "asserted") -> dict:
    side = (lambda c: {"text": c, "country": c, "sector": "GOV"} if c else None)
    return {"event_id": f"e{i}", "cameo": code, "cameo_root": code[:2], "modality": modality,
            "source": side(src), "target": side(tgt),
            "mentions": [{"article_id": "a1", "sentence": f"Sentence {i}.", "char_start": 10 * i, "trigger": "met"}]}


def test_sample_writes_aligned_sheets_and_hides_the_answer_from_the_blind_coder(tmp_path):
    events = tmp_path / "events.jsonl"
    rows = [_event(i, "042", "IRN", "TJK") for i in range(5)] + [_event(9, "036", "IRN", None, "hypothetical")]
    events.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert audit.sample(events, 3, 1, tmp_path / "out") == 0
    read = (lambda name: [json.loads(x) for x in (tmp_path / "out" / name).read_text().splitlines()])
    judge, blind, key = read("judge.jsonl"), read("blind.jsonl"), read("key.jsonl")
    assert [r["n"] for r in judge] == [r["n"] for r in blind] == [r["n"] for r in key] == [1, 2, 3]
    assert all("code" not in r and "source" not in r for r in blind)
    assert all(r["code"] == "042" and r["source"] == "IRN / IRN / GOV" for r in judge)
    assert {k["event_id"] for k in key} <= {f"e{i}" for i in range(5)}  # never the hypothetical one


def test_the_blind_coders_answers_are_compared_mechanically():
    key = [{"n": 1, "root": "04", "source_country": "IRN", "target_country": "TJK"},
           {"n": 2, "root": "11", "source_country": "USA", "target_country": None},
           {"n": 3, "root": "19", "source_country": "RUS", "target_country": "UKR"}]
    answers = [{"n": 1, "real": True, "root": "04", "source_country": "IRN", "target_country": "TJK"},
               {"n": 2, "real": True, "code": "112", "source_country": "USA", "target_country": ""},
               {"n": 3, "real": False, "root": None, "source_country": None, "target_country": None}]
    rows = audit.mechanical(key, answers)
    assert [all(r[k] for k in audit.KEYS) for r in rows] == [True, True, False]
    assert audit.shares(rows) == {"judged": 3, "real": 0.667, "root": 0.667, "source": 0.667,
                                  "target": 0.667, "usable": 0.667}


def test_the_mention_rows_of_guardian_places_are_sampled_as_events(tmp_path):
    rows = [{"article": "a1", "char_start": 40 * i, "published": "2019-01-02", "sentence": f"S {i}.", "trigger": "hit",
             "cameo": "190", "source": "Russia=RUS/-" if i % 2 else "-", "target": "-",
             "source_country": "RUS" if i % 2 else None, "target_country": None} for i in range(6)]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert audit.sample(path, 6, 3, tmp_path / "out") == 0
    key = [json.loads(x) for x in (tmp_path / "out" / "key.jsonl").read_text().splitlines()]
    assert sorted(k["source_country"] or "" for k in key) == ["", "", "", "RUS", "RUS", "RUS"]
    assert all(k["root"] == "19" and k["target_country"] is None for k in key)


def test_a_location_check_draws_only_located_events_and_shows_the_place(tmp_path):
    events = tmp_path / "events.jsonl"
    rows = [_event(i, "042", "IRN", "TJK") for i in range(6)]
    for r in rows[:3]:
        r["location"] = {"name": "Dushanbe", "country": "TJK", "kind": "city", "basis": "clause"}
    events.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert audit.sample(events, 5, 1, tmp_path / "out", located=True) == 0
    judge = [json.loads(x) for x in (tmp_path / "out" / "judge.jsonl").read_text().splitlines()]
    assert len(judge) == 3
    assert all(r["location"] == "Dushanbe / TJK / city (basis: clause)" for r in judge)
    blind = (tmp_path / "out" / "blind.jsonl").read_text()
    assert "Dushanbe" not in blind
