"""A state's diplomat posted abroad acts where posted (places/posting.py)."""
from __future__ import annotations

from functools import partial

from places_helpers import SHORT, where


_where = partial(where, fields=SHORT)


def test_a_un_ambassador_speaks_at_the_uns_seat(code):
    events = code("The French UN ambassador condemned Russia on Monday.")
    assert _where(events["condemned"]) == ("New York City", "USA", "seat")


def test_an_ambassador_to_a_country_speaks_there(code):
    events = code("Russia's ambassador to the UK condemned the strikes on Monday.")
    assert _where(events["condemned"])[1:] == ("GBR", "seat")


def test_an_ambassador_posted_who_knows_where_is_not_placed_at_home(code):
    events = code("The Syrian ambassador condemned the strikes on Monday.")
    assert events["condemned"].location is None or events["condemned"].location.basis != "actors"


def test_a_minister_still_speaks_at_home(code):
    events = code("The Russian foreign minister condemned the strikes on Monday.")
    assert _where(events["condemned"])[1:] == ("RUS", "actors")
