"""Ordinary dealings of parties that are no political actors (``events/private.py``, issue 10): a
business, a sports body or player, a family, a hotel, a company by its name's form, doing an ordinary
thing with a political trigger word to no political party, is no event; the same parties dealing with a
state, a state's company, and protesters or unions acting politically still are. The sentences are
written for these tests (each dropped one was coded by main 4d9fb11)."""
from __future__ import annotations

import pytest
from events_helpers import find

DROPPED = [
    ("The two breweries signed a distribution deal in Ghent on Monday.", "05"),
    ("Chile's rugby union team signed a sponsorship deal with a Brazilian bank on Tuesday.", "05"),
    ("Her family thanked the neighbours who had searched the woods for the missing dog.", "05"),
    ("The hotel apologised to guests whose rooms had flooded.", "05"),
    ("Pacific Freight Ltd promised to refund customers by the end of the month.", "03"),
    ("The elderly couple deny that they knew about the fraud.", "01"),  # kin's denial
    ("Brazil and Chile's volleyball teams agreed on Sunday to play a friendly in Valparaíso.", "03"),  # shared noun, town
    ("The theatre company said on Monday it would lift its ban on latecomers.", "03"),  # its own word
    ("Malawi's tea growers signed a supply deal with a Dutch tea maker on Friday.", "05"),  # a maker abroad
]

KEPT = [
    ("The company signed a contract with the Indonesian navy to build four patrol boats.", "05"),
    ("The state oil company signed a deal with a Dutch refiner on Friday.", "05"),
    ("A Chinese state bank agreed to lend Zambia two billion dollars.", "03"),
    ("The company lobbied the finance ministry to scrap the new fuel tax.", "02"),
    ("Protesters promised to stay in the square until the prime minister resigned.", "03"),
    ("Dock workers' unions agreed to end the strike after the government raised wages.", "03"),
    ("The president's son apologised to voters for his remarks.", "05"),
    ("The al-Hakim family denied responsibility for the attack.", "01"),  # a named clan
    ("A Chinese company agreed to invest in Kenya's railways.", "03"),  # a country, not a town
    ("The president of the chess federation met the interior minister of Peru on Tuesday.", "04"),
]


@pytest.mark.parametrize(("text", "root"), DROPPED)
def test_ordinary_dealings_of_no_political_party_are_no_event(code_default, text, root):
    assert not find(code_default(text), root)


@pytest.mark.parametrize(("text", "root"), KEPT)
def test_dealings_with_or_by_a_political_party_stay(code_default, text, root):
    assert find(code_default(text), root)



@pytest.fixture(scope="module")
def speaker_of(nlp, resources):
    """``speaker_of(text, word)``: whether ``word`` is told in what a political party said."""
    import dataclasses

    from detente.actors import find_actors
    from detente.events.index import ActorIndex
    from detente.events.lexicon import load_lexicon
    from detente.events.private import _political_speaker
    from detente.ingest import make_article

    def _speaker(text: str, word: str) -> bool:
        doc = nlp(text)
        article = dataclasses.replace(make_article("t", text, published="2022-03-01"), body=text)
        trig = next(t for t in doc if t.text == word)
        return _political_speaker(trig, ActorIndex(find_actors(doc, article, resources)), load_lexicon())

    return _speaker


def test_an_act_told_in_a_ministrys_words_is_the_ministrys(speaker_of):
    assert speaker_of("The Afghan education ministry said on Sunday that schools for girls would reopen in March.", "reopen")


def test_an_act_told_in_a_companys_words_is_not_a_partys(speaker_of):
    assert not speaker_of("The ferry company said on Monday that its boats would resume sailing in March.", "resume")
