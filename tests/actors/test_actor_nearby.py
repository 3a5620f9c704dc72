"""A bare countryless office or body of the state ("the ministry", "officials", "a military
spokesman") takes the country of the place its phrase seats it in, of the earlier mention of its
own noun, or of the one country its sentence and the two before name (coref._nearby)."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors
from detente.model import Article


@pytest.fixture()
def country(nlp, kb_resources):
    def run(text, word, nth=0, published=dt.date(2023, 3, 1)):
        doc = nlp(text)
        mentions = find_actors(doc, Article(id="a", raw_text=text, published=published), kb_resources)
        idx = [t.i for t in doc if t.text == word][nth]
        found = [m for m in mentions if m.start <= idx < m.end]
        return found[0].actor.country if found else None
    return run


@pytest.mark.parametrize("text, word, iso", [
    ("Germany arrested a man suspected of sabotage on Tuesday. The interior ministry said the case was serious.",
     "ministry", "DEU"),
    ("Egypt closed the crossing for a week. Officials said the decision would be reviewed.", "Officials", "EGY"),
    ("Kenyan police arrested four men near the border. A spokesman said they had been armed.", "spokesman", "KEN"),
])
def test_one_country_named_nearby(country, text, word, iso):
    assert country(text, word) == iso


def test_the_place_its_phrase_seats_it_in(country):
    assert country("Officials in Cairo said the talks would resume next week.", "Officials") == "EGY"
    assert country("Officials in Paris and Berlin declined to comment on the report.", "Officials") is None


def test_the_earlier_mention_of_its_own_noun(country):
    text = ("The defence ministry in Ankara announced new naval drills. Greece protested on Friday. "
            "The ministry said the drills were routine.")
    assert country(text, "ministry", 1) == "TUR"  # the window names Turkey and Greece: its noun decides


@pytest.mark.parametrize("text, word", [
    ("Russia expelled the British ambassador on Monday. The foreign ministry said the move was a response.",
     "ministry"),  # two countries named
    ("“The Iranian state ordered this killing,” the presiding judge said on Thursday.", "judge"),  # only in what it says
    ("France hosted the talks on Monday. Two officials said the meeting had gone well.", "officials"),  # counted
    ("Kenya sent more soldiers in May. Troops from the regional bloc arrived on Friday.", "Troops"),  # from elsewhere
])
def test_left_countryless(country, text, word):
    assert country(text, word) is None


@pytest.mark.parametrize("text, word", [
    ("Syria holds thousands of foreign fighters in its camps. Most governments refuse to take them back.",
     "governments"),  # a quantified group: of many countries
    ("France hosted the talks on Monday. Many officials said the meeting had gone well.", "officials"),
])
def test_quantified_group_left_countryless(country, text, word):
    assert country(text, word) is None


def test_forces_take_no_seat(country):
    # an army is where it is sent: only offices are seated by the place of their phrase
    assert country("Troops in Lebanon fired warning shots on Monday.", "Troops") is None
    assert country("Officials in Lebanon said warning shots were fired on Monday.", "Officials") == "LBN"


@pytest.mark.parametrize("text, word", [
    ("Britain refused to let her return. Lawyer Jane Doe said the decision was unlawful.", "Lawyer"),
    ("Britain refused to let her return. A lawyer for the family said the decision was unlawful.", "lawyer"),
    ("Britain refused to let her return. Her solicitor said the decision was unlawful.", "solicitor"),
])
def test_private_counsel_left_countryless(country, text, word):
    assert country(text, word) is None


def test_state_counsel_takes_the_country(country):
    text = "Britain refused to let her return. The attorney general said the decision was lawful."
    assert country(text, "attorney") == "GBR"


def test_a_member_of_a_group_outside_the_state_names_no_state(country):
    # the Islamic State leader's nationality is not the country of the officials who hunt him
    text = "Abu Bakr al-Baghdadi fled the town in March. Officials who hunted him for years said he avoided phones."
    assert country(text, "Officials", published=dt.date(2018, 3, 1)) is None


def test_a_group_outside_the_state_still_names_its_country(country):
    text = "The TPLF seized two towns in the north on Monday. Federal forces said they had retaken one of them."
    assert country(text, "forces") == "ETH"


@pytest.mark.parametrize("text, word, iso", [
    # a junta is the soldiers who rule: of the country they rule, like the army
    ("Soldiers seized power in Niger in July. The junta said elections would be held within three years.",
     "junta", "NER"),
    # a country's opposition speaks at home
    ("Zimbabwe held its general election on Wednesday. The opposition said the count had been rigged.",
     "opposition", "ZWE"),
])
def test_junta_and_opposition_take_the_country_named_nearby(country, text, word, iso):
    assert country(text, word) == iso
