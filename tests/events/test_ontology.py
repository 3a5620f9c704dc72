"""Invariants of the packaged CAMEO codebook and CAMEO->PLOVER mapping."""
import pytest

from detente.errors import DataFileError
from detente.events.ontology import PLOVER05_TYPES, ROOTS, build_ontology, load_ontology, quad_class


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_every_root_and_its_unspecified_code_exist(onto):
    for root in ROOTS:
        assert onto.is_code(root)
        assert onto.is_code(root + "0"), f"{root}0 missing"


def test_every_code_has_name_goldstein_quad_and_parent(onto):
    assert len(onto.codes()) > 280
    for code in onto.codes():
        entry = onto.get(code)
        assert entry.name.strip()
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class in (1, 2, 3, 4)
        if len(code) > 2:
            assert onto.is_code(code[:-1])


def test_every_code_outside_statements_and_appeals_has_a_plover_type(onto):
    for code in onto.codes():
        entry = onto.get(code)
        if code[:2] in ("01", "02"):
            assert entry.plover is None and entry.plover05 is None
        else:
            assert entry.plover is not None, code
            assert entry.plover05 in PLOVER05_TYPES, code


def test_plover05_categories_follow_the_eval_mapping(onto):
    expected = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
                "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
                "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
                "19": "FIGHT", "20": "FIGHT"}
    for root, category in expected.items():
        assert onto.plover_category(root + "0") == category
    for code in ("081", "082", "083", "0831"):
        assert onto.plover_category(code) == "CONCEDE"
    for code in ("084", "0841", "085", "086", "087", "0871"):
        assert onto.plover_category(code) == "RETREAT"
    assert onto.plover_category("057") == "AGREE"


def test_goldstein_signs_and_quad_classes(onto):
    assert onto.describe("057")["goldstein"] > 0 > onto.describe("190")["goldstein"]
    assert onto.describe("042") == {**onto.describe("042"), "name": "Make a visit", "plover": "CONSULT",
                                    "plover_mode": "visit", "quad_class": 1}
    assert [quad_class(c) for c in ("051", "061", "112", "173")] == [1, 2, 3, 4]
    for code in onto.codes():
        if code[:2] in ("18", "19", "20"):
            assert onto.get(code).goldstein <= -8.0


def test_unknown_code_describes_as_empty(onto):
    assert onto.describe("999") == {}
    assert onto.plover_category("999") is None


@pytest.mark.parametrize("cameo, plover, message", [
    ({"codes": {"01": ["x", 0.0], "0111": ["y", 1.0]}}, {"map": {}}, "parent"),
    ({"codes": {"21": ["x", 0.0]}}, {"map": {}}, "root"),
    ({"codes": {"01": ["x", 12.0]}}, {"map": {}}, "goldstein"),
    ({"codes": {"01": ["x", 0.0]}}, {"map": {"04": {"type": "CONSULT"}}}, "not a CAMEO code"),
    ({"codes": {"04": ["x", 0.0]}}, {"map": {"04": {"type": "CHAT"}}}, "unknown PLOVER type"),
    ({"codes": {"04": ["x", 0.0]}}, {"map": {"04": {"contexts": ["nowhere"]}}, "contexts_vocabulary": []},
     "contexts"),
])
def test_invalid_data_is_rejected_with_a_reason(cameo, plover, message):
    with pytest.raises(DataFileError, match=message):
        build_ontology(cameo, plover)
