"""detente.wordlists: word lists as data, checked when read."""
from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.wordlists import check, number_words, words


def test_number_words_are_listed_once_and_used_by_every_reader():
    from detente import dating
    from detente.actors import resolve
    from detente.time import grammar

    numbers = number_words()
    assert numbers["zero"] == 0 and numbers["twelve"] == 12 and numbers["hundred"] == 100
    assert dating._WORD_NUMBERS == numbers
    assert {k: v for k, v in grammar._NUMBERS.items() if k not in ("a", "an")} == numbers
    assert set(resolve._NUMBER_WORDS) == set(numbers) - {"zero"}


@pytest.mark.parametrize("data, reason", [
    (None, "must map list names"), ({}, "must map list names"),
    ({"x": []}, "x: must be a non-empty list"), ({"x": "word"}, "x: must be a non-empty list"),
    ({"x": ["a", ""]}, "x: not a word: ''"), ({"x": ["a", 3]}, "x: not a word: 3"),
    ({"x": [" a"]}, "x: not a word: ' a'"), ({"x": ["a", "b", "a"]}, "x: 'a' is listed twice"),
])
def test_a_bad_list_is_named_with_the_reason(data, reason):
    with pytest.raises(DataFileError, match="^data/words/t.yaml: " + reason.replace("(", r"\(")):
        check(data, "data/words/t.yaml")


def test_an_unknown_list_is_an_error():
    with pytest.raises(DataFileError, match="has no list 'nope'"):
        words("numbers", "nope")


def test_every_packaged_word_file_is_valid():
    from importlib import resources as importlib_resources

    from detente.wordlists import _file

    folder = importlib_resources.files("detente") / "data" / "words"
    names = sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    assert {"numbers", "time", "events", "language", "actors"} <= set(names)
    for name in names:
        assert _file(name)


def test_the_time_stage_and_the_modality_lexicon_share_the_verbs_of_intention(resources):
    from detente.time import syntax

    intended = resources.lexicon.modality["intended_predicates"]
    assert intended <= syntax._INTENT
    assert syntax._INTENT - intended == set(words("time", "committing_predicates"))
