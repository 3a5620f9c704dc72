"""An armed party's act of force is trusted against the learned model (``events/trust.py``,
``policy.yaml`` ``roots.armed_force`` and ``sectors.armed_doer``): the model vetoes many fights whose
sides have no country ("They hit the school", "the killings were carried out by the militia"). Acts
that are not of force, doers that are not armed, and clauses that describe a noun keep the model's word."""
from __future__ import annotations

import pytest

from detente.events.trust import _armed_force
from detente.policy import cameo_policy


def _asserted(mentions, word):
    return [m for m in mentions if m.trigger == word and m.modality == "asserted"]


@pytest.mark.parametrize("text, word, root", [
    ("Rebel fighters stormed the village on Monday. They hit the school with rockets.", "hit", "19"),
    ("The killings were carried out by the militia.", "killings", "18"),
    ("The militias, backed by Russia, are fighting to retake the town.", "fighting", "19"),
])
def test_an_armed_partys_act_of_force_is_kept(code_full, text, word, root):
    found = _asserted(code_full(text), word)
    assert found and found[0].cameo[:2] == root, text


@pytest.mark.parametrize("text, word", [
    # not armed: the doers are civilians
    ("Angry villagers hit the school with stones.", "hit"),
    # armed, but what they did is no act of force, and what the model says stands
    ("The militia hit the headlines again this week.", "hit"),
])
def test_other_doers_and_acts_keep_the_models_word(code_full, text, word):
    assert not _asserted(code_full(text), word), text


def test_the_policy_names_acts_of_force_and_armed_sectors():
    policy = cameo_policy()
    assert {"18", "19", "20"} <= policy.armed_force_roots
    assert "01" not in policy.armed_force_roots and "04" not in policy.armed_force_roots
    assert {"REB", "INS", "MIL"} <= policy.armed_doer_sectors
    assert "CVL" not in policy.armed_doer_sectors


def test_no_rule_no_trust(nlp, resources):
    from detente.events.roles import Roles
    doc = nlp("Rebels attacked the village.")
    assert not _armed_force(Roles(), doc[1], resources.lexicon, None)
