"""The last official of a sector no longer lends its country (``coref._fill_countries``) to an office
whose own phrase seats it in a named place (``_own_seat``); offices named by a noun and a post-positive
"general" (``sectors.yaml``) are no military rank; Faylaq al-Rahman's spelling "Falaq". Sentences our own."""
from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from detente.actors import resolve_actor
from tests.actors.spans import found_at

_at = partial(found_at, published=dt.date(2018, 2, 1))


def test_an_official_seated_in_a_town_does_not_take_the_last_officials_country(nlp, kb_resources):
    text = ("A Turkish official said the operation would go on. "
            "Rojhat Amed, a senior official in Afrin, told reporters that shells fell overnight.")
    (m,) = _at(nlp, kb_resources, text, "official", 1)
    assert m.actor.country != "TUR"


def test_an_official_seated_in_a_known_town_takes_its_country(nlp, kb_resources):
    text = ("A Turkish official said the operation would go on. "
            "A senior official in Aleppo told reporters that shells fell overnight.")
    (m,) = _at(nlp, kb_resources, text, "official", 1)
    assert m.actor.country == "SYR"


def test_an_unseated_official_still_takes_the_last_officials_country(nlp, kb_resources):
    text = ("A Turkish official said the operation would go on. "
            "A senior official said the army had reached the river.")
    (m,) = _at(nlp, kb_resources, text, "official", 1)
    assert m.actor.country == "TUR"


@pytest.mark.parametrize("text, expected", [
    ("The Director-General", None),  # a body's head: of the body the phrase names, else no actor
    ("the director general of the IAEA", ("IGO", "IGO")),
    ("the BBC director general", ("GBR", "MED")),
    ("the surgeon general", (None, "GOV")),
    ("the inspector general", (None, "GOV")),
    ("the solicitor general", (None, "GOV")),
    ("the governor-general", (None, "GOV")),
    ("Maj Gen Tom Reed", (None, "MIL")),  # a rank still is one
])
def test_a_noun_and_a_postpositive_general_is_no_military_rank(text, expected):
    actor = resolve_actor(text, date=dt.date(2018, 2, 1))
    got = None if actor is None or (actor.country is None and actor.sector is None) else (actor.country, actor.sector)
    assert got == expected


def test_the_falaq_spelling_is_the_syrian_rebel_group():
    actor = resolve_actor("fighters of Falaq al-Rahman", date=dt.date(2018, 3, 1))
    assert actor is not None and (actor.country, actor.sector) == ("SYR", "REB")
