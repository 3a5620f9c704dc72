"""Custody and judgment with no doer named are the acts of the state where they happen, and a protest
with no doer named is by the people of its place (``unnamed_doers.custody_source``, ``unnamed_doers.crowd_source``;
``policy.yaml`` ``codes.custody``, ``roots.crowd``)."""
from __future__ import annotations

from events_helpers import find


def _source(m):
    return (m.source.actor.country, m.source.actor.sector) if m.source is not None else None


def test_a_passive_arrest_in_a_country_is_its_police(code_default):
    [m] = find(code_default("A Danish aid worker was arrested in Uzbekistan on Monday."), "17")
    assert _source(m) == ("UZB", "COP")
    assert m.target is not None and m.target.actor.country == "DNK"


def test_a_participle_jailed_in_a_city_takes_the_city_country(code_default):
    [m] = find(code_default("A Chilean engineer detained in Caracas last year has been freed, his family said."), "17")
    assert _source(m) == ("VEN", "COP")


def test_a_conviction_in_a_country_is_its_courts(code_default):
    [m] = find(code_default("Three Estonian students were convicted in Belarus of espionage on Friday."), "11")
    assert _source(m) == ("BLR", "JUD")


def test_a_named_doer_is_kept(code_default):
    [m] = find(code_default("A Danish aid worker was arrested by Kyrgyz police in Uzbekistan."), "17")
    assert m.source is not None and m.source.actor.country == "KGZ"


def test_no_place_no_source(code_default):
    for m in find(code_default("A Danish aid worker was arrested on Monday."), "17"):
        assert m.source is None or m.source.basis != "context"


def test_an_active_verb_with_an_unresolved_doer_takes_no_place(code_default):
    # the doer is named (though unknown): the place says nothing of who it is
    for m in find(code_default("They detained the Danish aid worker in Uzbekistan."), "17"):
        assert _source(m) != ("UZB", "COP")


def test_a_protest_with_no_named_doer_is_by_the_people_of_its_place(code_default):
    [m] = find(code_default("Protests erupted in Tashkent on Saturday after the election."), "14")
    assert _source(m) == ("UZB", "CVL")


def test_a_protest_with_its_doer_keeps_it(code_default):
    [m] = find(code_default("Kyrgyz students protested in Tashkent on Saturday."), "14")
    assert m.source is not None and m.source.actor.country == "KGZ"
