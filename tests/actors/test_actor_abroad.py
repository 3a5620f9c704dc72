"""A word before an actor's head that says it is from abroad ("western", "foreign", "expatriate"; the
``abroad_modifiers`` of ``data/words/actors.yaml``) keeps the place it is seated in from giving it a
country (``readings.from_abroad``): a Lisbon-based western envoy is not Portugal's."""
from __future__ import annotations

import pytest

from detente.actors import resolve_actor


@pytest.mark.parametrize("text", [
    "A Lisbon-based western diplomat",
    "a western envoy in Lisbon",
    "foreign reporters in Hanoi",
    "Oslo-based multinational officials",
    "expatriate teachers in Lima",
])
def test_an_actor_from_abroad_takes_no_country_from_its_seat(text):
    actor = resolve_actor(text, "2020-01-01")
    assert actor is not None and actor.country is None


@pytest.mark.parametrize("text, iso", [
    ("a Lisbon-based diplomat", "PRT"),  # no word of abroad: the seat's
    ("the Hanoi foreign ministry", "VNM"),  # an office of foreign affairs is the state's own
    ("exiled Peruvian opposition leaders", "PER"),  # a demonym is a nationality, not a seat
    ("the Western Cape provincial government", "ZAF"),  # "Western" inside a place's name
    ("western Homs province", "SYR"),  # a direction before a place
    ("north-western Homs province", "SYR"),
    ("a senior Kremlin foreign policy aide", "RUS"),  # a seat of power, and foreign policy is an office's
])
def test_a_seat_or_a_nationality_still_gives_the_country(text, iso):
    actor = resolve_actor(text, "2020-01-01")
    assert actor is not None and actor.country == iso


@pytest.fixture()
def country_of(nlp, kb_resources):
    import datetime as dt

    from detente.actors import find_actors
    from detente.model import Article

    def run(text, word):
        doc = nlp(text)
        mentions = find_actors(doc, Article(id="a", raw_text=text, published=dt.date(2019, 3, 1)), kb_resources)
        idx = next(t.i for t in doc if t.text == word)
        found = [m for m in mentions if m.start <= idx < m.end]
        return found[0].actor.country if found else None
    return run


def test_a_western_diplomat_is_not_of_the_official_named_before(country_of):
    # coref._fill_countries: a countryless title takes the country of the last official of its sector, unless
    # a word of abroad says it is someone else's
    text = ('The Omani foreign minister met rebel leaders in Muscat on Monday. "The talks went nowhere," said a '
            'senior western diplomat.')
    assert country_of(text, "diplomat") is None


@pytest.mark.parametrize("text, word", [
    ('The Omani foreign minister met rebel leaders in Muscat on Monday. "The talks went nowhere," said a senior '
     'diplomat.', "diplomat"),
    ("The Omani sultan met rebel leaders in Muscat on Monday. The foreign minister said the talks went well.",
     "minister"),
])
def test_other_titles_still_take_the_country_of_the_official_before(country_of, text, word):
    assert country_of(text, word) == "OMN"


def test_a_foreign_leader_may_be_the_official_named_before(country_of):
    text = "Emmanuel Macron became the first foreign leader to address Vietnam's new parliament, in a speech in Hanoi."
    assert country_of(text, "leader") == "FRA"
