"""Acts done in a body that sits in one place are at its seat (places/seats.py, basis "seat")."""
from __future__ import annotations

from functools import partial

from places_helpers import SHORT, where


_where = partial(where, fields=SHORT)


def test_what_is_said_to_the_security_council_is_said_in_new_york(code):
    events = code("The British ambassador urged the UN Security Council to act on Monday.")
    assert _where(events["urged"]) == ("New York City", "USA", "seat")


def test_what_is_said_in_the_security_council_is_said_in_new_york(code):
    assert _where(code("The French ambassador condemned Russia in the UN Security Council on Monday.")
                  ["condemned"]) == ("New York City", "USA", "seat")


def test_a_veto_of_a_permanent_member_on_a_resolution_is_cast_in_new_york(code):
    assert _where(code("Russia vetoed the resolution on Syria on Tuesday.")["vetoed"]) == \
        ("New York City", "USA", "seat")


def test_a_veto_elsewhere_is_not_placed_at_the_seat(code):
    for event in code("Hungary vetoed the statement on Monday.").values():
        assert event.location is None or event.location.basis != "seat"


def test_the_body_as_an_owner_or_an_intended_proposal_is_no_seat(code):
    for text in ("The high commissioner condemned the Security Council's failure to act on Monday.",
                 "Russia said it would propose a UN Security Council resolution on Monday."):
        for event in code(text).values():
            assert event.location is None or event.location.basis != "seat", text


def test_a_national_security_council_is_another_body(code):
    for event in code("Trump agreed at a US National Security Council meeting to keep troops in Syria.").values():
        assert event.location is None or event.location.basis != "seat"


def test_every_seat_is_a_city_of_the_gazetteer():
    from detente.places.gazetteer import load_config
    from detente.places.seats import _lookup
    for body, city in load_config().seats.items():
        assert _lookup(city) is not None, body


def test_other_bodies_sit_in_their_own_cities(code):
    assert _where(code("The British ambassador urged the UN Human Rights Council to act on Monday.")["urged"]) == \
        ("Geneva", "CHE", "seat")
    assert _where(code("The British ambassador urged the OPCW executive council to act on Monday.")["urged"]) == \
        ("The Hague", "NLD", "seat")


def test_a_body_on_a_noun_of_the_act_is_its_seat(code):
    events = code("Russia rejected the American proposals in the UN Security Council on Monday.")
    assert _where(events["rejected"]) == ("New York City", "USA", "seat")
