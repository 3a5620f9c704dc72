"""The project's own corpus: every line valid, splits kept apart by writer, PLOVER conversion."""
from __future__ import annotations

import json

import pytest

from training.corpus import CORPUS, SPLITS, cameo_codes, load_split, parse_line, read_file
from training.plover import from_gsr, to_gsr


def test_every_corpus_file_is_valid():
    codes = cameo_codes()
    files = sorted(CORPUS.glob("w*/batch_*.jsonl"))
    assert files, "the corpus is committed with the project"
    errors = [e for path in files for e in read_file(path, codes)[1]]
    assert errors == []


def test_splits_share_no_writer_and_no_sentence():
    writers = [w for ws in SPLITS.values() for w in ws]
    assert len(writers) == len(set(writers))
    texts = {name: {s.text for s in load_split(name)} for name in SPLITS}
    assert not texts["test"] & texts["train"] and not texts["dev"] & texts["train"]


def test_a_bad_line_names_its_problem():
    codes = cameo_codes()
    line = {"id": "x", "text": "Kenya attacked Uganda.", "published": "2020-01-01", "style": "wire",
            "events": [{"trigger": "attacked", "cameo": "999", "modality": "asserted", "time": "current"}]}
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        parse_line(json.dumps(line), codes)
    line["events"][0].update(cameo="190", source="Tanzania")
    with pytest.raises(ValueError, match="not in text"):
        parse_line(json.dumps(line), codes)


def test_second_occurrence_of_a_trigger():
    codes = cameo_codes()
    line = {"id": "x", "text": "Kenya said Uganda said it attacked.", "published": "2020-01-01", "style": "wire",
            "events": [{"trigger": "said#2", "cameo": "010", "modality": "asserted", "time": "current"}]}
    [ev] = parse_line(json.dumps(line), codes).events
    assert ev.trigger == (18, 22)


def test_plover_round_trip_keeps_category_spans_and_actors():
    codes = cameo_codes()
    line = {"id": "x", "text": "Kenyan troops shelled Ugandan positions on Monday.", "published": "2020-01-01",
            "style": "wire", "events": [{"trigger": "shelled", "cameo": "194", "modality": "asserted",
                                         "time": "current", "source": "Kenyan troops", "source_country": "KEN",
                                         "source_sector": "MIL", "target": "Ugandan positions",
                                         "target_country": "UGA", "target_sector": "MIL"}]}
    [record] = to_gsr([parse_line(json.dumps(line), codes)])
    assert record["event"] == "FIGHT" and "(EVT: shelled)" in record["textInfo"]["markup"]
    back = from_gsr(record)
    again = parse_line(json.dumps(back), codes)
    [ev] = again.events
    assert again.text[ev.source[0]:ev.source[1]] == "Kenyan troops"
    assert ev.cameo[:2] == "19" and ev.target_country == "UGA"
