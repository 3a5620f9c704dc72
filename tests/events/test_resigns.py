"""A speaker announcing its own stepping down is the intent to change leadership (0341;
``events/resigns.py``)."""
from __future__ import annotations

import pytest

from detente.events.resigns import resigns, stepping_down


def _said(mentions):
    return [m.cameo for m in mentions if m.modality == "asserted" and m.trigger in ("said", "told")]


@pytest.mark.parametrize("text", [
    "\u201cI believe the time has come for me to step down as leader,\u201d the Dutch foreign minister said.",
    "\u201cI have decided to resign,\u201d the Dutch foreign minister told reporters.",
    "The Dutch foreign minister said she was stepping down.",
])
def test_a_speaker_announcing_its_own_stepping_down_intends_a_change_of_leadership(code_default, text):
    assert _said(code_default(text)) == ["0341"], text


@pytest.mark.parametrize("text", [
    "\u201cI will not resign,\u201d the Dutch foreign minister said.",
    "\u201cI resigned in 2010 because the party had lost its way,\u201d the Dutch foreign minister said.",
    "The Dutch foreign minister said the prime minister should step down.",
    "The Dutch foreign minister said that if she lost the vote she would step down.",
    "\u201cThey want me to step up my work,\u201d the Dutch foreign minister said.",
])
def test_a_denied_past_supposed_or_other_s_resignation_is_no_announcement(nlp, text):
    doc = nlp(text)
    said = next(t for t in doc if t.lemma_ == "say")
    assert stepping_down(said, resigns()) is None, text
