"""events.chooser: the learned side chooser's choices, features and when it overrides the rules."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from events_helpers import gazetteer_mentions

from detente.errors import SettingsError
from detente.events.chooser import ROLES, SideChooser, SidePolicy, choice_features, choices
from detente.events.coder import analyse_sentence
from detente.events.learned import Prediction
from detente.events.roles import ActorIndex
from detente.settings import Settings


class _Stub:
    """A side model whose target probability is high for the choice with ``feature`` only."""

    def __init__(self, feature: str):
        self.vocab = {feature: 0}

    def known(self, feats):
        return [self.vocab[f] for f in feats if f in self.vocab]

    def run(self, name, idx):
        p = 0.9 if (idx and name == "target") else 0.1
        return Prediction(("0", "1"), np.array([1 - p, p]), np.array([1 - p, p]))


def _analysed(nlp, resources, text: str, sides=None):
    doc = nlp(text)
    index = ActorIndex(gazetteer_mentions(doc))
    sent = next(iter(doc.sents))
    return analyse_sentence(sent, index, resources.lexicon, sides=sides), index


def _policy(margin: float) -> SidePolicy:
    return SidePolicy({r: margin for r in ROLES}, {r: margin for r in ROLES}, {r: margin for r in ROLES},
                      {r: 0.5 for r in ROLES}, True)


def test_the_choices_are_none_and_each_actor_span_of_the_sentence(nlp, resources) -> None:
    analysis, index = _analysed(nlp, resources, "Kazakhstan accused Kyrgyzstan of shelling a village near Tashkent.")
    cand = next(c for c in analysis.kept if c.trigger.lower_ == "accused")
    opts = choices(cand, index)
    assert opts[0] == ()
    assert [c[0].text for c in opts[1:]] == ["Kazakhstan", "Kyrgyzstan", "Tashkent"]


def test_features_give_the_dependency_path_and_what_the_rule_chose(nlp, resources) -> None:
    analysis, index = _analysed(nlp, resources, "Kazakhstan accused Kyrgyzstan of shelling a village.")
    cand = next(c for c in analysis.kept if c.trigger.lower_ == "accused")
    by_text = {c[0].text if c else None: choice_features(cand, c) for c in choices(cand, index)}
    assert "p=vnsubj" in by_text["Kazakhstan"] and "rs=True" in by_text["Kazakhstan"]
    assert "p=vdobj" in by_text["Kyrgyzstan"] and "rt=True" in by_text["Kyrgyzstan"]
    assert "before" in by_text["Kazakhstan"] and "after" in by_text["Kyrgyzstan"]
    assert "none" in by_text[None] and "rs=False" in by_text[None]


def test_a_confident_model_replaces_the_rules_target_and_says_so(nlp, resources) -> None:
    text = "Mongolian officials met Chinese diplomats in Tashkent on Monday."
    chooser = SideChooser(_Stub("p=vin/vpobj"), _policy(0.3))  # type: ignore[arg-type]
    before, _ = _analysed(nlp, resources, text)
    after, _ = _analysed(nlp, resources, text, sides=chooser)
    cand0 = next(c for c in before.kept if c.trigger.lower_ == "met")
    cand = next(c for c in after.kept if c.trigger.lower_ == "met")
    assert [m.text for m in cand0.roles.targets] == ["Chinese diplomats"]
    assert [m.text for m in cand.roles.targets] == ["Tashkent"] and cand.roles.target_slot == "learned"
    assert cand.roles.sources == cand0.roles.sources
    assert any(n.startswith("side model: target Chinese diplomats") for n in cand.notes)


def test_a_margin_the_model_does_not_reach_leaves_the_rules_sides(nlp, resources) -> None:
    text = "Mongolian officials met Chinese diplomats in Tashkent on Monday."
    chooser = SideChooser(_Stub("p=vin/vpobj"), _policy(0.9))  # type: ignore[arg-type]
    before, _ = _analysed(nlp, resources, text)
    after, _ = _analysed(nlp, resources, text, sides=chooser)
    assert [c.roles for c in after.kept] == [c.roles for c in before.kept]
    met = next(c for c in after.kept if c.trigger.lower_ == "met")
    assert any(n.startswith("side model: target Chinese diplomats kept") for n in met.notes)


def test_the_setting_is_validated() -> None:
    assert Settings().sides in ("rules", "learned")
    with pytest.raises(SettingsError):
        Settings(sides="both")


def test_the_shipped_model_and_policy_load() -> None:
    from detente.events.chooser import load_side_model

    chooser = load_side_model()
    assert set(chooser.model.models) == set(ROLES)
    assert all(0.0 <= chooser.policy.margin[r] for r in ROLES)


def test_a_replacing_margin_above_one_keeps_the_side_the_rules_found_whatever_the_fill_margin(nlp, resources) -> None:
    text = "Mongolian officials met Chinese diplomats in Tashkent on Monday."
    policy = dataclasses.replace(_policy(0.3), margin={r: 2.0 for r in ROLES}, fill_margin={r: 0.0 for r in ROLES})
    before, _ = _analysed(nlp, resources, text)
    after, _ = _analysed(nlp, resources, text, sides=SideChooser(_Stub("p=vin/vpobj"), policy))  # type: ignore[arg-type]
    assert [c.roles.targets for c in after.kept] == [c.roles.targets for c in before.kept]
