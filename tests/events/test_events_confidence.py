"""A rule event's confidence: the rule's own, moved by the named weights of data/policy.yaml."""
from __future__ import annotations

import dataclasses

import pytest

from detente.events import coder
from events_helpers import find

SENTENCE = "Kazakhstan attacked Kyrgyzstan."


@pytest.fixture()
def weights(monkeypatch):
    """Set the weights (all others 0, no clipping); returns the setter."""
    base = dataclasses.replace(coder._POLICY.confidence, **{
        f.name: 0.0 for f in dataclasses.fields(coder._POLICY.confidence)})
    base = dataclasses.replace(base, ceiling=1.0)

    def use(**changes):
        monkeypatch.setattr(coder, "_POLICY", dataclasses.replace(
            coder._POLICY, confidence=dataclasses.replace(base, **changes)))
    return use


def _confidence_and_rule(code):
    [m] = find(code(SENTENCE), "19")
    return m.confidence, m.rule


def test_with_zero_weights_the_confidence_is_the_rules(code, resources, weights):
    weights()
    confidence, rule_id = _confidence_and_rule(code)
    rule = next(r for r in resources.lexicon.rules if r.id == rule_id)
    assert confidence == round(rule.confidence, 3)


def test_each_found_side_adds_its_weight(code, weights):
    weights()
    bare, _ = _confidence_and_rule(code)
    weights(with_source=0.2)
    assert _confidence_and_rule(code)[0] == pytest.approx(bare + 0.2, abs=0.0015)
    weights(with_source=0.2, with_target=0.1)
    assert _confidence_and_rule(code)[0] == pytest.approx(bare + 0.3, abs=0.0015)
    weights(without_sides=0.3)  # both sides are found: no effect
    assert _confidence_and_rule(code)[0] == bare


def test_floor_and_ceiling_clip(code, weights):
    weights(with_source=1.0, ceiling=0.9)
    assert _confidence_and_rule(code)[0] == 0.9
    weights(floor=0.99, ceiling=1.0)
    assert _confidence_and_rule(code)[0] >= 0.99


def test_the_packaged_weights_are_the_named_ones():
    w = coder._POLICY.confidence
    assert (w.with_source, w.with_target, w.without_sides, w.floor, w.ceiling) == (0.15, 0.10, 0.15, 0.05, 0.97)
