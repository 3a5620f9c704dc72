"""Acts of armed parties that news tells without a force noun (session 25, recall25): an armed party's
withdrawal whatever its subject's head noun (``withdraw.armed``, not out of a government, a deal or talks:
``exclude_prep_object``), its men or fighters sent (``deploy.fighters``), forces taking positions
(``take_positions.v``), control established or regained (``take_control.v``); and a relation verb's passive
with "be" ("is allied with") is a state, not an act (``states._state_participle``)."""
from __future__ import annotations

import pytest


def _codes(mentions, word: str) -> list[str]:
    return [m.cameo for m in mentions if m.trigger == word and m.modality == "asserted"]


@pytest.mark.parametrize("text, word, code", [
    ("Hamas sent about three thousand of its men to hold the district.", "sent", "154"),
    ("The Taliban dispatched hundreds of their men towards the border town.", "dispatched", "154"),
    ("Boko Haram militants retreated towards the border on Sunday.", "retreated", "0874"),
    ("Israeli troops took up positions along the border on Friday.", "took", "154"),
    ("Russia last year established control over the port of Mariupol.", "established", "192"),
    ("The Ethiopian army regained control of the town on Monday.", "regained", "192"),
])
def test_armed_moves_are_coded(code_default, text, word, code):
    codes = _codes(code_default(text), word)
    assert codes and codes[0][:2] == code[:2], (text, codes)


@pytest.mark.parametrize("text, word", [
    ("The company sent its men to fix the road.", "sent"),  # no armed party
    ("The minister took a position on the issue.", "took"),  # an opinion, no force
    ("He withdrew his candidacy on Tuesday.", "withdrew"),
])
def test_unarmed_look_alikes_are_not(code_default, text, word):
    assert not any(c[:2] in ("15", "08", "19") for c in _codes(code_default(text), word)), text


def test_armed_party_leaving_a_government_is_no_retreat():
    """``exclude_prep_object``: the armed-party rule does not fire on a withdrawal out of a political body."""
    from detente.events.matcher import matches_for
    from detente.pipeline import Pipeline

    pipe = Pipeline()
    doc = pipe.nlp("Hezbollah withdrew from the unity government on Monday.")
    tok = next(t for t in doc if t.text == "withdrew")
    matches, tried = matches_for(tok, pipe.resources.lexicon)
    assert "withdraw.armed" not in {m.rule.id for m in matches}
    assert ("object of a preposition is excluded" in {o for r, o in tried if r.id == "withdraw.armed"})
    doc = pipe.nlp("Hezbollah fighters withdrew through the valley on Monday.")
    tok = next(t for t in doc if t.text == "withdrew")
    assert "withdraw.armed" in {r.id for r, o in matches_for(tok, pipe.resources.lexicon)[1] if o == "fired"}


@pytest.mark.parametrize("text, word", [
    ("The militia is allied with Iran.", "allied"),
    ("Hungary's ruling party was closely aligned with the Kremlin.", "aligned"),
    ("Venezuela under Maduro is closely aligned with Cuba.", "aligned"),  # coded 050 before session 25
    ("Belarus, while still a partner of the EU, is now firmly allied with Russia.", "allied"),  # the same
])
def test_a_relation_told_with_be_is_a_state(code_default, text, word):
    assert not _codes(code_default(text), word), text


def test_an_act_of_aligning_is_still_coded(code_default):
    assert _codes(code_default("Poland aligned itself with Washington on Monday."), "aligned") == ["050"]


@pytest.mark.parametrize("text, word, code", [
    ("Fighting resumed in Donetsk on Monday between Ukrainian forces and separatists.", "resumed", "190"),
    ("After a week-long truce, the offensive restarted on Sunday against the last rebel town.", "restarted", "190"),
    ("Russian forces flattened the town of Popasna last spring.", "flattened", "1712"),
])
def test_fighting_going_on_and_places_flattened(code_default, text, word, code):
    codes = _codes(code_default(text), word)
    assert codes and codes[0][:2] == code[:2], (text, codes)


@pytest.mark.parametrize("text, word", [
    ("Prices continued to rise in the capital.", "continued"),
    ("The general strike continued for a third day.", "continued"),
    ("A cyclone flattened villages across the southern islands.", "flattened"),
    ("The government hopes to flatten the curve of infections.", "flatten"),
])
def test_no_fighting_or_destruction_in_look_alikes(code_default, text, word):
    assert not any(c[:2] in ("17", "19") for c in _codes(code_default(text), word)), text
