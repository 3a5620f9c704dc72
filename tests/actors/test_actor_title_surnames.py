"""A title word written alone as a name ("Bishop said") after a person of that surname was named is
that person, not a countryless cleric (``surnames._bare_title_word``); with no such person, or with a
determiner or a complement ("the Bishop of Leeds"), it stays a title."""
from __future__ import annotations

import datetime as dt
from functools import partial

from tests.actors.spans import found_at

_at = partial(found_at, published=dt.date(2017, 6, 1))


def test_a_surname_that_is_a_title_word_is_the_person_named_before(nlp, kb_resources):
    text = ("Australia's foreign minister, Julie Bishop, flew to Jakarta on Monday. "
            "Bishop said Indonesia must hand over the suspect.")
    (m,) = _at(nlp, kb_resources, text, "Bishop", 1)
    assert (m.actor.country, m.actor.sector) == ("AUS", "GOV")


def test_the_title_word_alone_with_no_such_person_stays_a_title(nlp, kb_resources):
    (m,) = _at(nlp, kb_resources, "Bishop said the church would help the refugees.", "Bishop")
    assert m.actor.country is None and m.actor.sector == "REL"


def test_a_title_with_its_see_is_not_a_surname(nlp, kb_resources):
    text = "Julie Bishop visited London. Later the Bishop of Leeds said the church would help."
    (m,) = _at(nlp, kb_resources, text, "Bishop", 1)
    assert m.actor.sector == "REL"


def test_an_aide_to_a_named_leader_is_of_the_leaders_country(nlp, kb_resources):
    text = ("Reza Golpayegani, a senior aide to Ayatollah Ali Khamenei, arrived in Beirut on Monday. "
            "Golpayegani met the speaker of parliament.")
    (title,) = _at(nlp, kb_resources, text, "aide")
    assert (title.actor.country, title.actor.sector) == ("IRN", "GOV")
    (later,) = _at(nlp, kb_resources, text, "Golpayegani", 1)
    assert later.actor.country == "IRN"


def test_an_envoy_to_a_leader_takes_no_country_from_the_host(nlp, kb_resources):
    (m,) = _at(nlp, kb_resources, "A special envoy to Bashar al-Assad arrived in Moscow.", "envoy")
    assert m.actor.country != "SYR"
