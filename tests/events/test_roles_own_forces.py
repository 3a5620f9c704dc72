"""A state's own forces that its intention is carried out with are no target of it
(``roles._own_forces``, sectors ``own_force_sectors`` in ``words/events.yaml``, roots
``instrument_force`` in ``policy.yaml``): the place or party a slot names instead, or none."""
from __future__ import annotations

from events_helpers import find


def _target_country(mentions, root):
    [m] = find(mentions, root)
    return m.target.actor.country if m.target is not None else None


def test_troops_kept_or_sent_give_way_to_the_place(code_default):
    assert _target_country(code_default("Canada agreed to keep Canadian troops in Latvia for another year."), "03") == "LVA"
    assert _target_country(code_default("Germany pledged to send German troops to Lithuania."), "03") == "LTU"
    assert _target_country(code_default("Washington agreed to withdraw its 800 troops from Chad by June."), "03") == "TCD"


def test_own_troops_pledged_with_no_counterpart_are_no_target(code_default):
    assert _target_country(code_default("Germany pledged 500 German soldiers."), "03") is None


def test_soldiers_a_threat_is_aimed_at_stay_its_target(code_default):
    assert _target_country(code_default("The Kenyan government vowed to punish Kenyan soldiers who looted shops."), "13") == "KEN"
