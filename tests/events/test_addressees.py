"""An appeal or demand "for X to do Y" is addressed to X (``events/addressees.py``, ``roots.addressee``
of ``policy.yaml``), not to the object of the act asked for."""
from __future__ import annotations

from detente.events.addressees import addressed


def _targets(ms, trigger):
    return [m.target.actor.country if m.target else None for m in ms if m.trigger == trigger]


def test_a_verb_appeal_for_a_party_to_act_is_addressed_to_that_party(code_default):
    assert _targets(code_default("Germany appealed for Iran to release the detained sailors."), "appealed") == ["IRN"]


def test_a_demand_for_a_party_to_act_is_addressed_to_it(code_default):
    ms = code_default("Poland demanded for Belarus to close the camps on the border.")
    assert "BLR" in _targets(ms, "demanded")


def test_a_nominal_request_for_a_body_to_meet_is_addressed_to_the_body(code_default):
    ms = code_default("Moscow made a request for the UN Security Council to meet on Monday.")
    assert _targets(ms, "request") == ["IGO"]


def test_an_appeal_with_its_addressee_as_object_is_unchanged(code_default):
    assert _targets(code_default("Sweden urged Turkey to release the journalists."), "urged") == ["TUR"]


def test_for_without_an_infinitive_names_no_addressee(nlp):
    doc = nlp("France appealed for calm after the riots in Dakar.")
    assert addressed(doc[1]) == []
    doc = nlp("Chile made a request for aid to Peru.")
    assert addressed(doc[3]) == []


def test_an_appeal_naming_its_addressee_keeps_it(code_default):
    ms = code_default("The governor of Lagos appealed to the Nigerian government for soldiers to help restore order.")
    assert "NGA" in _targets(ms, "appealed")
    assert all(m.target is None or m.target.actor.sector != "MIL" for m in ms if m.trigger == "appealed")


def test_a_date_is_no_addressee(code_default):
    ms = code_default("The Red Cross appealed on Thursday for Russia to let its delegates visit the camps.")
    assert "RUS" in _targets(ms, "appealed")
