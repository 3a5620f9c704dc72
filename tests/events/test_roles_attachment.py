"""Role attachment through a passive participle adjoined to a clause and through the body a
countryless official serves (issue 11: a country on at least one side of more events)."""
from __future__ import annotations

from events_helpers import dyad, find


def test_passive_participle_adjunct_takes_its_agent_as_doer(code):
    # "X ..., supported by Y": Y supports X (before: X was read as the supporter, with no target)
    for text in ("Kyrgyz troops still hold sway in the south, supported by Russia.",
                 "Supported by Russia, Kyrgyz troops advanced into the valley."):
        [m] = find(code(text), "05")
        assert dyad(m) == ("RUS", "KGZ"), text


def test_participle_adjunct_with_its_own_passive_subject_is_left_as_it_is(code):
    # "when X was shot down by Y": a clause with its own subject, not an adjunct of the main one
    [m] = find(code("Tension rose when the Uzbek army was attacked by Kyrgyz troops."), "19")
    assert dyad(m) == ("KGZ", "UZB")


def test_spokesperson_for_a_body_speaks_for_it(code_full):
    [m] = find(code_full("A spokesperson for the Kazakh foreign ministry criticised Uzbekistan on Monday."), "11")
    assert dyad(m) == ("KAZ", "UZB")


def test_official_at_a_mere_place_takes_no_country_from_it(code_full):
    mentions = code_full("An official at Tashkent airport criticised the decision on Monday.")
    assert all(m.source is None or m.source.actor.country is None for m in find(mentions, "11"))
