"""Offices the text or the knowledge base gives a person: cabinet posts named "<portfolio>
secretary", the head of an organisation that is not the state's, the cabinet file's tenures, and
think tanks (sectors.yaml: titles, org_heads, org_head_sectors; kb/people_cabinet.yaml)."""
from __future__ import annotations

import pytest

from detente.actors import resolve_actor
from detente.actors.titles import build_titles


def cs(text, date=None):
    actor = resolve_actor(text, date=date)
    return None if actor is None else (actor.country, actor.sector, actor.sector2)


@pytest.mark.parametrize("text, expected", [
    ("the British international development secretary", ("GBR", "GOV", None)),
    ("Britain's justice secretary", ("GBR", "GOV", "JUD")),
    ("the UK health secretary", ("GBR", "GOV", "HLH")),
    ("the American treasury secretary", ("USA", "GOV", "BUS")),
    ("the American commerce secretary", ("USA", "GOV", "BUS")),
    ("the British work and pensions secretary", ("GBR", "GOV", None)),
    ("the British shadow health secretary", ("GBR", "OPP", None)),
    ("the former British education secretary", ("GBR", "ELI", None)),
])
def test_a_cabinet_post_named_portfolio_secretary_is_a_state_office(text, expected):
    assert cs(text) == expected


def test_a_title_before_or_after_an_unknown_name_gives_the_office():
    assert cs("Justice Secretary Tom Bakewell")[1:] == ("GOV", "JUD")
    assert cs("Tom Bakewell, the British business secretary") == ("GBR", "GOV", "BUS")


@pytest.mark.parametrize("text, expected", [
    ("the secretary", None),
    ("his secretary", None),
    ("the secretary of Russia's Security Council", None),  # not the UN's (IGO) as a weak title made it
    ("the Vietnamese party secretary", ("VNM", "GOV", "PTY")),  # a communist state's, as the KB files them
])
def test_secretary_alone_is_no_title(text, expected):
    assert cs(text) == expected


def test_a_known_person_out_of_the_kbs_posts_takes_the_title_in_apposition():
    """The text's title beats the KB's "former" (ELI) when it names a state post."""
    assert cs("Penny Mordaunt, the development secretary", "2020-06-01") == ("GBR", "GOV", None)


@pytest.mark.parametrize("text, date, expected", [
    ("Priti Patel", "2017-03-01", ("GBR", "GOV", None)),  # international development
    ("Priti Patel", "2018-06-01", ("GBR", "ELI", None)),  # between her posts
    ("Priti Patel", "2020-01-01", ("GBR", "GOV", "COP")),  # home secretary
    ("Jeremy Hunt", "2017-05-01", ("GBR", "GOV", "HLH")),
    ("Jeremy Hunt", "2019-01-01", ("GBR", "GOV", None)),  # foreign secretary
    ("David Gauke", "2018-06-01", ("GBR", "GOV", "JUD")),
    ("Emily Thornberry", "2018-06-01", ("GBR", "OPP", None)),
    ("Steven Mnuchin", "2019-06-01", ("USA", "GOV", "BUS")),
    ("Brett McGurk", "2018-06-01", ("USA", "GOV", None)),
    ("Brett McGurk", "2019-06-01", ("USA", "ELI", None)),
    ("Jeremy Fleming", "2019-06-01", ("GBR", "SPY", None)),
])
def test_cabinet_file_tenures(text, date, expected):
    assert cs(text, date) == expected


@pytest.mark.parametrize("text, expected", [
    ("the president of the International Rescue Committee", (None, "NGO", None)),
    ("Microsoft's president", ("USA", "BUS", None)),
    ("the president of Harvard University", ("USA", "EDU", None)),
    ("the vice-chancellor of Harvard University", ("USA", "EDU", None)),
    ("the president of the European Commission", ("IGO", "GOV", None)),  # IGO heads: GOV, as the writers code them
    ("the president of Iran", ("IRN", "GOV", None)),  # a country: the state's
    ("the Russian president", ("RUS", "GOV", None)),
    ("the president of the Palestinian Authority", ("PSE", "GOV", None)),  # a state body
])
def test_the_head_of_an_organisation_takes_its_sector(text, expected):
    assert cs(text) == expected


def test_a_former_official_heading_an_ngo_is_the_ngos():
    # session 26: an international charity's head is of no country, not of his nationality (audit AE's judge)
    actor = resolve_actor("David Miliband, the president of the International Rescue Committee", date="2018-04-01")
    assert (actor.country, actor.sector, actor.kb_id) == (None, "NGO", "gbr-david-miliband")


@pytest.mark.parametrize("text, expected", [
    ("the Brookings Institution", ("USA", "NGO", None)),
    ("Chatham House", ("GBR", "NGO", None)),
    ("the director of the Atlantic Council", ("USA", "NGO", None)),
    ("the North Atlantic Council", ("IGO", "IGO", "MIL")),  # NATO's, not the think tank
])
def test_think_tanks_are_ngos(text, expected):
    assert cs(text) == expected


def test_org_head_sectors_are_checked():
    titles = build_titles({"titles": {"president": "GOV"}, "org_heads": ["president"], "org_head_sectors": ["XYZ"]})
    assert titles.problems == ["org_head_sectors: unknown sector 'XYZ'"]
