"""detente.policy: the CAMEO coding policy as data, checked when read."""
from __future__ import annotations

import copy
from importlib import resources as importlib_resources

import pytest
import yaml

from detente.errors import DataFileError
from detente.policy import build_policy, cameo_policy


@pytest.fixture(scope="module")
def data():
    return yaml.safe_load((importlib_resources.files("detente") / "data" / "policy.yaml").read_text(encoding="utf-8"))


def test_the_packaged_policy(data):
    policy = cameo_policy()
    assert policy == build_policy(data)
    assert policy.speech_act_roots == {"03", "13"} and "057" in policy.reciprocal_codes
    assert policy.domestic_roots >= policy.doer_domestic_roots  # a doer is domestic only where a side is
    assert policy.statement_countryless_any is False  # as before session 25's officials25 (docs/evaluation.md)
    assert set(policy.root_category.values()) <= set(__import__("detente.evaluate").evaluate.CATEGORIES)


@pytest.mark.parametrize("path, value, reason", [
    (("roots", "speech_act"), [3, 13], r"roots.speech_act: 3 is not a root \(quote codes"),
    (("roots", "domestic"), [], "roots.domestic: must be a non-empty list"),
    (("codes", "reciprocal"), ["40"], "codes.reciprocal: '40' is not a code"),
    (("sectors", "placeless"), ["gov"], "sectors.placeless: 'gov' is not a sector"),
    (("confidence", "with_source"), 1.5, r"confidence.with_source: must be a number in \[0, 1\]"),
    (("confidence", "bonus"), 0.1, "confidence: missing or unknown weight.s. bonus"),
    (("evaluation", "root_category"), {3: "AGREE"}, "evaluation.root_category: must map codes"),
    (("codes", "custody"), {"173": "police"}, "codes.custody: '173: police' is not a code and a sector"),
    (("codes", "custody"), [], "codes.custody: must map codes"),
    (("statements", "countryless_any"), "yes", "statements.countryless_any: must be true or false"),
])
def test_a_bad_entry_is_named(data, path, value, reason):
    bad = copy.deepcopy(data)
    bad[path[0]][path[1]] = value
    with pytest.raises(DataFileError, match="^data/policy.yaml: " + reason):
        build_policy(bad)


def test_a_missing_weight_is_named(data):
    bad = copy.deepcopy(data)
    del bad["confidence"]["carried"]
    with pytest.raises(DataFileError, match="missing or unknown weight.s. carried"):
        build_policy(bad)
