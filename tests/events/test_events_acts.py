"""What an act is by what it is done to (events/acts.py): forces sent, people captured, resignations
in protest. The learned model proposes such events as the rules do, so each case is tried on an event
of the code it would propose."""
from __future__ import annotations

import pytest
from events_helpers import revised

from detente.events import acts
from detente.events.candidate import Candidate


def _retyped(nlp, resources, text: str, word: str, cameo: str) -> Candidate:
    return revised(nlp, resources, text, word, cameo, acts.retype)


@pytest.mark.parametrize("text, cameo", [
    ("Two of the Kyrgyz jihadists were captured near the border by the Uzbek army.", "173"),
    ("The Uzbek army captured three Kyrgyz journalists near the border.", "173"),
    ("The Uzbek army captured the border town after a week of fighting.", "192"),
    ("The Uzbek army captured a large swath of territory from Kyrgyz troops.", "192"),
])
def test_people_captured_are_arrested_not_territory_occupied(nlp, resources, text, cameo):
    assert _retyped(nlp, resources, text, "captured", "192").cameo == cameo


@pytest.mark.parametrize("text, cameo, target", [
    ("The Kazakh foreign minister resigned in protest from the Mongolian commission.", "111", "MNG"),
    ("The Kazakh envoy resigned over the Kazakh government's decision to leave the talks.", "111", "KAZ"),
    ("The Kazakh foreign minister resigned on Tuesday after weeks of street protests.", "0831", None),
    ("The Kazakh foreign minister resigned over a corruption scandal.", "0831", None),
])
def test_a_resignation_in_protest_criticises_what_it_protests(nlp, resources, text, cameo, target):
    cand = _retyped(nlp, resources, text, "resigned", "0831")
    assert cand.cameo == cameo
    if target:
        assert [t.actor.country for t in cand.roles.targets][:1] == [target]


@pytest.mark.parametrize("text, cameo, code, target", [
    ("The Kazakh president sent the Kazakh air force to prop up the Kyrgyz government.", "042", "072", "KGZ"),
    ("Kazakhstan sent troops to Kyrgyzstan to oust the rebels from the border town.", "074", "154", "KGZ"),
    ("Kazakhstan sent warplanes to the Kyrgyz border.", "043", "154", None),
    ("Kazakhstan sent troops to Mongolia as part of a UN peacekeeping mission.", "074", "074", None),
    ("Kazakhstan sent troops to help evacuate civilians after the floods in Kyrgyzstan.", "073", "073", None),
    ("The Kazakh president sent his foreign minister to Mongolia for talks.", "042", "042", None),
])
def test_forces_sent_are_a_deployment_not_a_visit_or_aid(nlp, resources, text, cameo, code, target):
    cand = _retyped(nlp, resources, text, "sent", cameo)
    assert cand.cameo == code
    if target:
        assert [t.actor.country for t in cand.roles.targets][:1] == [target]


