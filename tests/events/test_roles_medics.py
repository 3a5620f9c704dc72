"""Medical workers named by their trade are actors (HLH) and take the country of the place they are
from, so a victim named so is the target, not the town (``titles`` of ``data/sectors.yaml``)."""
from __future__ import annotations

import pytest
from events_helpers import find

from detente.actors import resolve_actor


@pytest.mark.parametrize("text, iso", [
    ("a surgeon from Homs", "SYR"),
    ("a physician from Mosul", "IRQ"),
    ("two dentists from Aleppo", "SYR"),
    ("a pharmacist from Kandahar", "AFG"),
])
def test_a_medic_from_a_town_is_of_its_country(text, iso):
    actor = resolve_actor(text, "2018-03-01")
    assert actor is not None and (actor.country, actor.sector) == (iso, "HLH")


def test_a_victim_named_by_trade_is_the_target_not_the_town(code_default):
    ms = find(code_default("Among them is the sister of a surgeon from Homs who was abducted by masked gunmen in 2014."), "18")
    assert ms and all(m.target is not None and "surgeon" in m.target.text for m in ms)
