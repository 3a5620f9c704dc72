"""Material backing is no praise (``events/backing.py``): a backing verb whose clause tells what was given,
or whose target is an armed group or forces, is the material act (07x, or 062 between forces); backing a
plan, a bid or a government with no word of what was given stays 051."""
from __future__ import annotations

import pytest


def _codes(mentions, word: str) -> list[str]:
    return [m.cameo for m in mentions if m.trigger == word]


@pytest.mark.parametrize("text, word, code", [
    # what was given, told with "with" or a verb of giving
    ("Tehran backed Hezbollah with rockets and cash for two decades.", "backed", "072"),
    ("Washington supported the Kabul government with vast sums of military and civilian aid.", "supported", "072"),
    ("Washington supported two presidents, first Smith and then Jones, with weapons and generous military aid over many years.",
     "supported", "072"),
    ("Qatar backed the new Egyptian government with billions of dollars in aid.", "backed", "071"),
    # an armed group or forces backed
    ("Moscow and Washington had both backed the PKK at one time, each for its own reasons.", "backed", "072"),
    ("The United States supports some Kurdish forces in the north.", "supports", "072"),
    ("Britain backed the army's campaign against the insurgents.", "backed", "072"),
    ("Ankara had backed two branches of the Kurdish militia.", "backed", "072"),
    ("Pakistan has backed the Taliban, providing logistical aid and sanctuary to its commanders.", "backed", "072"),
    ("Britain backed the regional government for years, providing it with training and weapons.", "backed", "072"),
])
def test_material_backing_is_aid(code_default, text, word, code):
    codes = _codes(code_default(text), word)
    assert codes and all(c == code for c in codes), (text, codes)


@pytest.mark.parametrize("text, word", [
    ("Spain backed Morocco's autonomy plan on Friday.", "backed"),
    ("France supported Ukraine's bid to join the EU.", "supported"),
    ("Russia and China backed the Syrian government at the Security Council.", "backed"),
    ("The army backed the president during the crisis.", "backed"),
    # what an armed party says or asks, backed
    ("Washington backed the rebels' call for a ceasefire.", "backed"),
])
def test_plain_backing_stays_an_endorsement(code_default, text, word):
    codes = _codes(code_default(text), word)
    assert codes and all(c == "051" for c in codes), (text, codes)


def test_what_was_given_is_read_through_its_quantity(nlp, resources):
    from detente.events.backing import given
    lexicon = resources.lexicon
    doc = nlp("Riyadh backed the government in Sanaa with huge amounts of fuel aid.")
    trig = next(t for t in doc if t.text == "backed")
    assert given(trig, lexicon)[0] == "070"
    doc = nlp("The senate backed the bill with a large majority.")
    trig = next(t for t in doc if t.text == "backed")
    assert given(trig, lexicon) == (None, None)


def test_a_policy_of_giving_backed_is_no_aid_given(code_default):
    """"backed sending tanks" endorses a policy; the sending is an event of its own."""
    assert "072" not in _codes(code_default("The chancellor has backed sending tanks to Kyiv."), "backed")
