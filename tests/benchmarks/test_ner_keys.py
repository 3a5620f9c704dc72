"""benchmarks/ner_keys.py: the honest recall loss from dumps of event-mention keys."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import ner_keys  # noqa: E402


def _dump(path: Path, keys: list[tuple]) -> Path:
    path.write_text("".join(json.dumps({"article": a, "at": at, "cameo": c, "modality": "asserted", "source": None,
                                        "target": None, "sentence": "s"}) + "\n" for a, at, c in keys))
    return path


def test_the_losses_are_split_into_those_the_other_run_loses_too(tmp_path):
    base = ner_keys.load(_dump(tmp_path / "b", [("a", 1, "010"), ("a", 9, "190"), ("b", 3, "042"), ("b", 7, "010")]))
    run = ner_keys.load(_dump(tmp_path / "r", [("a", 1, "010"), ("b", 3, "042"), ("b", 5, "020")]))
    other = ner_keys.load(_dump(tmp_path / "o", [("a", 1, "010"), ("b", 3, "042"), ("b", 7, "010")]))
    assert ner_keys.compare(base, run) == {"mentions_base": 4, "mentions_run": 3, "lost": 2, "recall_loss": 0.5,
                                           "new": 1}
    out = ner_keys.compare(base, run, other)
    assert out["lost_by_other_too"] == 1 and out["lost_only_by_run"] == 1  # (a, 9) both; (b, 7) only the run
