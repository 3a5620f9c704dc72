""""Executive" before another title is an adjective: the body the title heads gives the sector
(``weak`` of ``data/sectors.yaml``), not the BUS of a company's executive."""
from __future__ import annotations

import pytest

from detente.actors import resolve_actor


@pytest.mark.parametrize("text, sector", [
    ("the executive director of Amnesty International", "NGO"),
    ("the executive director of the World Food Programme", "IGO"),
    ("the executive chair of the Hamas political bureau", "REB"),
    ("the executive secretary of the African Union", "IGO"),
])
def test_an_executive_title_takes_the_sector_of_its_body(text, sector):
    actor = resolve_actor(text, "2018-03-01")
    assert actor is not None and actor.sector == sector


def test_a_company_executive_is_still_business():
    actor = resolve_actor("the chief executive of Siemens", "2018-03-01")
    assert actor is not None and actor.sector == "BUS"
