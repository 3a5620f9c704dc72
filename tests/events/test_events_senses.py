"""Words whose political sense depends on who does what to whom (the lexicon's rules, data/lexicon):
a ruler removed is not expelled; politicians who clash argue, forces who clash fight."""
from __future__ import annotations

import pytest


def _codes(code, text: str, word: str) -> list[str]:
    return [m.cameo for m in code(text) if m.trigger == word]


@pytest.mark.parametrize("text, word", [
    ("The Kyrgyz army ousted the Kazakh president on Tuesday.", "ousted"),
    ("The Mongolian parliament voted to depose the Mongolian president.", "depose"),
])
def test_a_ruler_removed_is_not_expelled(code, text, word):
    """Removing a ruler or a government is 172 (never 174, an expulsion of people from a country)."""
    codes = _codes(code, text, word)
    assert codes and all(c.startswith("17") for c in codes) and "174" not in codes


def test_people_sent_out_of_a_country_are_expelled(code):
    assert "174" in _codes(code, "Kazakhstan expelled two Chinese diplomats on Monday.", "expelled")


@pytest.mark.parametrize("text, root", [
    ("The Kazakh foreign minister clashed with the Mongolian president over the pipeline.", "11"),
    ("Kazakh troops clashed with Kyrgyz troops near the disputed village on Sunday.", "19"),
])
def test_who_clashes_decides_between_argument_and_fighting(code, text, root):
    codes = _codes(code, text, "clashed")
    assert codes and codes[0].startswith(root)


@pytest.mark.parametrize("text, coded", [
    ("The Kyrgyz trial of the Kazakh journalist opened on Monday.", True),
    ("Kyrgyz clinical trials of the Chinese vaccine began on Monday.", False),
])
def test_a_medical_trial_is_no_prosecution(code, text, coded):
    assert ("173" in _codes(code, text, "trial" if "trial " in text else "trials")) == coded


@pytest.mark.parametrize("text, coded", [
    ("Kazakhstan remains committed to the peace talks with Kyrgyzstan.", True),
    ("Terrible massacres were committed by Kyrgyz troops.", False),
])
def test_committed_is_an_intent_only_when_committed_to_something(code, text, coded):
    assert any(c.startswith("03") for c in _codes(code, text, "committed")) == coded


@pytest.mark.parametrize("text, coded", [
    ("Kazakhstan backed the Kyrgyz bid for a seat on the council.", True),
    ("Kazakhstan backed out of the pipeline agreement with Kyrgyzstan.", False),
    ("Kazakhstan backed down after the Kyrgyz protest.", False),
])
def test_backing_out_or_down_is_no_endorsement(code, text, coded):
    assert ("051" in _codes(code, text, "backed")) == coded


@pytest.mark.parametrize("text", [
    "Speaking to the BBC, the Kazakh foreign minister said the border would stay closed.",
    "The Kazakh president spoke to reporters in Astana on Monday.",
])
def test_speaking_to_the_media_is_no_consultation(code_default, text):
    """A party that speaks to a broadcaster or to reporters gives an interview (session 24: the writers
    code none of such clauses); speaking to another party is a consultation (04)."""
    assert not [m for m in code_default(text) if m.cameo.startswith("04")]


def test_speaking_to_another_party_is_a_consultation(code_default):
    mentions = code_default("The Kazakh president spoke to his Kyrgyz counterpart on Monday about the border.")
    assert [m.cameo for m in mentions if m.trigger == "spoke"] == ["040"]
