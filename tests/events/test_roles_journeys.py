"""A journey named in an "on" phrase of a clause ("On a trip to Tokyo, X said ...") is made by the
clause's subject (``sides._on_journey``: ``journey_preps`` and ``journey_nouns`` of
``data/words/events.yaml``), not a definite one someone else made ("commented on the visit")."""
from __future__ import annotations

from events_helpers import find


def test_a_trip_in_an_on_phrase_is_the_subjects(code_default):
    ms = find(code_default("On a trip to Tokyo on Monday, Blinken said the talks would depend on progress."), "04")
    trips = [m for m in ms if m.trigger == "trip"]
    assert trips and trips[0].source is not None and trips[0].source.actor.country == "USA"
    assert trips[0].target is not None and trips[0].target.actor.country == "JPN"


def test_a_visit_after_the_subject_is_the_subjects(code_default):
    ms = find(code_default("Lavrov, on a two-day visit to Cairo, told reporters the plan had failed."), "04")
    visits = [m for m in ms if m.trigger == "visit"]
    assert visits and visits[0].source is not None and visits[0].source.actor.country == "RUS"


def test_a_definite_visit_commented_on_is_not_the_commenters(code_default):
    ms = find(code_default("Blinken commented on the visit to Beijing by a delegation from Berlin."), "04")
    assert not any(m.source is not None and m.source.actor.country == "USA" for m in ms if m.trigger == "visit")
