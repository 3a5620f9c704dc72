"""A pronoun whose antecedent its own words put beyond any one state ("European envoys", "western
diplomats": ``beyond_state_words``) takes no country from its sentence either (``roles._beyond_state``).
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from events_helpers import find


@pytest.mark.parametrize("text, iso", [
    ("Western diplomats said Lavrov refused to meet them in Moscow.", "RUS"),
    ("European envoys in Washington say Pompeo is unwilling to talk with them about anything else.", "USA"),
])
def test_a_pronoun_for_diplomats_from_abroad_takes_no_sentence_country(code_default, text, iso):
    ms = find(code_default(text), "12")
    assert ms and all(m.target is not None and m.target.text == "them" and m.target.actor.country != iso for m in ms)


def test_a_pronoun_for_a_national_group_keeps_its_country(code_default):
    ms = find(code_default("Russian diplomats said the British government refused to meet them."), "12")
    assert ms and any(m.target is not None and m.target.actor.country == "RUS" for m in ms)
