from __future__ import annotations

import json

import pytest

from training import cv
from training.audit import fired_rows
from training.corpus import Sentence, cameo_codes, parse_line
from training.parse import nlp


def _sentence(text: str, events: list[dict]) -> Sentence:
    return parse_line(json.dumps({"id": "w99-001-001", "text": text, "published": "2020-01-01",
                                  "style": "wire", "events": events}), cameo_codes(), "w99")


def test_a_left_out_background_event_is_a_none_row_and_the_annotated_one_is_not():
    text = "The president resigned on Sunday after weeks of protests, and Mexico offered him asylum."
    offer = {"trigger": "offered", "cameo": "033", "modality": "asserted", "time": "current",
             "source": "Mexico", "source_country": "MEX", "source_sector": None, "target": "him",
             "target_country": None, "target_sector": None, "intended_cameo": None}
    rows = {tok.text: is_none for tok, _, is_none in fired_rows(_sentence(text, [offer]), nlp()(text))}
    assert rows.get("offered") is False
    assert rows.get("protests") is True
    protest = dict(offer, trigger="protests", cameo="141", source=None, source_country=None, target=None)
    rows = {tok.text: is_none for tok, _, is_none in fired_rows(_sentence(text, [offer, protest]), nlp()(text))}
    assert rows.get("protests") is False


def test_cv_refuses_to_hold_out_an_excluded_writer():
    with pytest.raises(SystemExit):
        cv.main(["--folds", "w10", "--exclude", "w10,w12"])
