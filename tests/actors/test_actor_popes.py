"""The popes (``kb/people_religious.yaml``): heads of state of the Holy See, VAT REL, and "the Pope"
alone is the pope at the date (the develop writers code the pope VAT)."""
from __future__ import annotations

from detente.actors import resolve_actor


def test_a_named_pope_is_of_the_holy_see():
    actor = resolve_actor("Pope Francis", date="2016-05-01")
    assert actor is not None and (actor.country, actor.sector) == ("VAT", "REL")


def test_the_pope_alone_is_the_pope_at_the_date():
    for date, name in (("2001-06-01", "Pope John Paul II"), ("2010-06-01", "Pope Benedict XVI"),
                       ("2016-06-01", "Pope Francis")):
        actor = resolve_actor("the Pope", date=date)
        assert actor is not None and actor.name == name and actor.country == "VAT", date


def test_a_surname_pope_is_no_pope():
    actor = resolve_actor("Alexander Pope", date="2016-05-01")
    assert actor is None or actor.country != "VAT"
