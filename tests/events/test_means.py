"""What a killing is done with decides its root (``events/means.py``): CAMEO's 18 is violence that needs
no military means, 19 conventional military force; a chemical attack is 20."""
from __future__ import annotations

import pytest


def _codes(mentions, word: str) -> list[str]:
    return [m.cameo for m in mentions if m.trigger == word]


@pytest.mark.parametrize("text, word, code", [
    ("Four farmers lost their lives in a coalition bombing of the village on Monday.", "bombing", "195"),
    ("The Russians bombed a clinic near the front and killed four nurses.", "killed", "195"),
    ("The Russians bombed a clinic near the front and killed four nurses.", "bombed", "195"),
    ("Sudanese jets bombed two villages on Tuesday, killing at least nine farmers.", "killing", "195"),
])
def test_a_killing_by_military_means_is_a_fight(code_default, text, word, code):
    assert code in _codes(code_default(text), word), text


def test_a_killing_in_a_drone_attack_is_no_assault(code_default):
    codes = [m.cameo for m in code_default("Three Kazakh soldiers were killed in a drone attack on their base on Sunday.")]
    assert "195" in codes and not any(c.startswith("18") for c in codes)


def test_a_chemical_attack_that_kills_is_mass_violence(code_default):
    text = "Government aircraft dropped chlorine bombs on the Kurdish town of Sardasht, killing hundreds of civilians."
    codes = _codes(code_default(text), "killing")
    assert codes and all(c.startswith("20") for c in codes)


@pytest.mark.parametrize("text, word, root", [
    # a bomb set off by a group or a person stays an assault (18)
    ("A suicide bombing at a bus station in Kabul killed 12 people on Friday.", "killed", "18"),
    ("Rebels set off a bomb at the market, killing nine people.", "killing", "18"),
    # a named leader killed by a strike stays an assassination, as the writers code it
    ("Israel killed the group's military chief in an air strike on his car.", "killed", "18"),
])
def test_a_bomb_or_a_targeted_killing_stays_an_assault(code_default, text, word, root):
    codes = _codes(code_default(text), word)
    assert codes and all(c.startswith(root) for c in codes), (text, codes)
