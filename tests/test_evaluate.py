"""detente.evaluate: reading PLOVER gold records, the top event, the scores and the tables."""
from __future__ import annotations

import json

import pytest

from detente.errors import GoldFileError
from detente.evaluate import (EvalReport, GoldActor, GoldRecord, _tables, category_of, evaluate, normalize_code,
                              read_gold, score_record, top_event)
from detente.model import Actor, ActorMention, EventMention

RECORDS = [
    {"id": "T-1", "date": "2001-02-03", "event": "THREATEN", "text": "Kazakhstan threatened to impose sanctions on Japan.",
     "source": [{"actorText": "Kazakhstan", "code": "KAZ"}], "target": [{"actorText": "Japan", "code": "JAP"}],
     "textInfo": {"markup": "(SRC: Kazakhstan) (EVT: threatened) ... (TAR: Japan)."}},
    {"id": "T-2", "date": "2001-02-03", "event": "AGREE", "text": "Mongolia and Kyrgyzstan agreed on a trade pact.",
     "source": [{"actorText": "Mongolia", "code": "MNG", "sector": "***"},
                {"actorText": "Kyrgyzstan", "code": "KGZ", "sector": "GOVxyz"}], "target": "",
     "textInfo": {"markup": "(SRC/TAR: Mongolia) and (SRC/TAR: Kyrgyzstan) (EVT: agreed) ..."}},
    {"id": "T-3", "date": "2001-02-03", "event": "PROTEST", "text": "Thousands of students marched in Tashkent.",
     "source": [{"actorText": "students", "code": "UZB", "sector": "EDU"}],
     "textInfo": {"markup": "Thousands of (SRC: students) (EVT: marched) in Tashkent."}},
]


@pytest.fixture()
def gold_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


def _mention(cameo, src=None, tgt=None, modality="asserted", confidence=0.5, sector=None):
    def actor(country):
        if country is None:
            return None
        return ActorMention(0, 1, 0, 1, country, Actor(country=country, sector=sector))

    return EventMention(article_id="a", sentence="s", char_start=0, char_end=1, trigger="t", trigger_char=0,
                        cameo=cameo, rule="r", source=actor(src), target=actor(tgt), modality=modality,
                        confidence=confidence)


def test_read_gold_handles_non_list_targets_and_old_codes(gold_file):
    records = read_gold(gold_file)
    assert [r.id for r in records] == ["T-1", "T-2", "T-3"]
    assert records[0].targets[0].code == "JPN"
    assert records[1].targets == () and records[1].reciprocal
    assert records[2].targets == ()  # missing target
    assert [a.sector for a in records[1].sources] == [None, "GOV"]


def test_read_gold_rejects_bad_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFileError):
        read_gold(bad)
    bad.write_text(json.dumps({"records": []}), encoding="utf-8")
    with pytest.raises(GoldFileError, match="list"):
        read_gold(bad)


def test_normalize_code():
    assert normalize_code("JAP") == "JPN"
    assert normalize_code("ITL") == "ITA"
    assert normalize_code(" igo ") == "IGO"
    assert normalize_code("") is None and normalize_code(None) is None


def test_category_mapping_without_ontology():
    assert category_of("036") == "AGREE"
    assert category_of("042") == "CONSULT"
    assert category_of("0811") == "CONCEDE" and category_of("083") == "CONCEDE"
    assert category_of("0841") == "RETREAT" and category_of("0874") == "RETREAT"
    assert category_of("1384") == "THREATEN"
    assert category_of("194") == "FIGHT" and category_of("202") == "FIGHT"
    assert category_of("010") is None and category_of("020") is None


def test_category_mapping_follows_the_ontology(resources):
    onto = resources.ontology
    assert category_of("057", onto) == "AGREE"
    assert category_of("0871", onto) == "RETREAT"
    assert category_of("020", onto) is None


def test_top_event_prefers_asserted_then_intent_codes():
    low = _mention("111", confidence=0.4)
    hypothetical = _mention("190", modality="hypothetical", confidence=0.9)
    intent = _mention("0333", modality="intended", confidence=0.8)
    assert top_event([low, hypothetical]) is low
    assert top_event([low, intent]) is intent  # an expressed intent is itself the event
    plain_intended = _mention("111", modality="intended", confidence=0.9)
    assert top_event([low, plain_intended]) is low
    assert top_event([plain_intended]) is plain_intended
    assert top_event([hypothetical]) is None


def test_score_record_type_source_target_sector():
    rec = GoldRecord("x", "t", None, "THREATEN", (GoldActor("a", "KAZ", "GOV"),), (GoldActor("b", "JPN", None),), False)
    res = score_record(rec, [_mention("1312", "KAZ", "JPN", sector="GOV", confidence=0.8), _mention("111", "KAZ")])
    assert (res.predicted, res.type_ok, res.recall_ok) == ("THREATEN", True, True)
    assert (res.source_ok, res.target_ok, res.sector_ok) == (True, True, True)
    assert res.categories == ["DISAPPROVE", "THREATEN"]


def test_score_record_reciprocal_gold_accepts_either_order():
    rec = GoldRecord("x", "t", None, "AGREE", (GoldActor("a", "MNG", None), GoldActor("b", "KGZ", None)), (), True)
    res = score_record(rec, [_mention("057", "KGZ", "MNG")])
    assert res.type_ok and res.source_ok and res.target_ok


def test_057_counts_as_agree_or_support():
    rec = GoldRecord("x", "t", None, "SUPPORT", (GoldActor("a", "MNG", None),), (), False)
    res = score_record(rec, [_mention("057", "MNG")])
    assert res.type_ok and res.predicted == "SUPPORT"
    assert res.target_ok is None  # no gold target: not scored


def test_no_event_scores_wrong():
    rec = GoldRecord("x", "t", None, "PROTEST", (GoldActor("a", "UZB", "EDU"),), (), False)
    res = score_record(rec, [])
    assert not res.type_ok and res.source_ok is False and res.predicted is None


def test_tables_and_report(tmp_path):
    recs = [GoldRecord(str(i), "t", None, g, (GoldActor("a", "KAZ", None),), (), False)
            for i, g in enumerate(["AGREE", "AGREE", "FIGHT"])]
    results = [score_record(recs[0], [_mention("030", "KAZ")]), score_record(recs[1], [_mention("190", "KAZ")]),
               score_record(recs[2], [_mention("190", "KAZ")])]
    rows, confusion = _tables(results)
    by = {r.category: r for r in rows}
    assert (by["AGREE"].gold, by["AGREE"].correct, by["FIGHT"].predicted) == (2, 1, 2)
    assert by["FIGHT"].precision == 0.5 and by["AGREE"].recall == 0.5
    assert confusion == [("AGREE", "FIGHT", 1)]
    report = EvalReport("g.json", results, rows, confusion)
    assert report.event_type_accuracy == pytest.approx(2 / 3)
    assert report.to_dict()["confusion"][0]["predicted"] == "FIGHT"
    out = tmp_path / "r.jsonl"
    report.write_records(out)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["0", "1", "2"] and lines[1]["type_ok"] is False


def test_evaluate_end_to_end(gold_file):
    report = evaluate(gold_file)
    assert report.n == 3
    first = report.records[0]
    assert first.predicted == "THREATEN" and first.cameo.startswith("13")
    assert report.event_type_accuracy >= 2 / 3
    assert 0.0 <= report.source_accuracy <= 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_dev_gold_event_type_accuracy(shared_dir):
    report = evaluate(shared_dir / "eval" / "plover_gsr_dev.json")
    assert report.n == 160
    assert report.event_type_accuracy >= 0.75
