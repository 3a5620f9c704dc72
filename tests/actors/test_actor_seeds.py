"""Acceptance on the seed articles: the actors of the expected events resolve right, sector included."""
from __future__ import annotations

import json

import pytest

from detente.actors import find_actors
from detente.clean import clean_article
from detente.ingest import make_article
from detente.actors.names import fold

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds(shared_dir, nlp, kb_resources):
    out = {}
    for line in (shared_dir / "seeds" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        article = clean_article(make_article(rec["id"], rec["text"], published=rec["published"], title=rec.get("title")))
        doc = nlp(article.text)
        out[rec["id"]] = (doc, find_actors(doc, article, kb_resources))
    return out


@pytest.fixture(scope="module")
def expected(shared_dir):
    return json.loads((shared_dir / "acceptance" / "seed_events.json").read_text(encoding="utf-8"))["expected"]


def _sentence_mentions(doc, mentions, evidence):
    for sent in doc.sents:
        if fold(evidence) in fold(sent.text):
            return [m for m in mentions if sent.start <= m.start < sent.end]
    return None


def test_expected_event_actors_resolve_with_their_sector(seeds, expected):
    checked, failures = 0, []
    for event in expected:
        doc, mentions = seeds[event["article"]]
        for role in ("source", "target"):
            sector = event.get(f"{role}_sector")
            if not sector:
                continue
            countries = {alt[role] for alt in event["alternatives"]}
            for evidence in event["evidence"]:
                found = _sentence_mentions(doc, mentions, evidence)
                if found is None:
                    continue
                checked += 1
                if not any(m.actor.country in countries and sector in (m.actor.sector, m.actor.sector2)
                           for m in found):
                    failures.append((event["id"], role, evidence, [(m.text, m.actor.country, m.actor.sector)
                                                                   for m in found]))
    assert checked >= 10
    assert failures == []


@pytest.mark.parametrize("article, word, country, sector", [
    ("000_6a858bc3a9a49642", "Bagheri", "IRN", "MIL"),
    ("000_6a858bc3a9a49642", "Rahmon", "TJK", "GOV"),
    ("000_6a858bc3a9a49642", "Raisi", "IRN", "GOV"),
    ("003_ed85e02c0dd218b3", "Rouhani", "IRN", "GOV"),
    ("003_ed85e02c0dd218b3", "Zarif", "IRN", "GOV"),
    ("003_ed85e02c0dd218b3", "Kabiri", "TJK", "OPP"),
    ("003_ed85e02c0dd218b3", "Mirza", "TJK", None),
])
def test_named_people_of_the_seeds(seeds, article, word, country, sector):
    doc, mentions = seeds[article]
    positions = [t.i for t in doc if t.text == word]
    assert positions, word
    for i in positions:
        (m,) = [m for m in mentions if m.start <= i < m.end]
        assert m.actor.country == country, (word, m.text)
        if sector:
            assert m.actor.sector == sector, (word, m.text)
