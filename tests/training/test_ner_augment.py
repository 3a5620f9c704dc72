"""training.ner_augment: new text for the distilled NER from our own, names from the package's KB."""
from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from training.ner_augment import SPEAKERS, _Cast, augmented, names, reshaped, swapped


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    nlp = spacy.blank("en")
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s"} for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


# Maria Kowalski met the Alderney Rowing Club in Pelham on Friday, and Kowalski thanked the club.
WORDS = ["Maria", "Kowalski", "met", "the", "Alderney", "Rowing", "Club", "in", "Pelham", "on", "Friday", ",",
         "and", "Kowalski", "thanked", "the", "club", "."]
ENTS = [(0, 2, "PERSON"), (4, 7, "ORG"), (8, 9, "GPE"), (10, 11, "DATE"), (13, 14, "PERSON")]


def test_the_knowledge_base_and_gazetteer_give_thousands_of_names():
    n = names()
    assert len(n["people"]) > 1000 and len(n["org"]) > 500 and len(n["gpe"]) > 1000
    assert "France" in n["country"]


def test_people_organisations_and_places_are_replaced_and_the_rest_kept():
    doc = _doc(WORDS, ENTS)
    for seed in range(20):
        text = swapped(doc, random.Random(seed))
        assert "Kowalski" not in text and "Alderney" not in text and "Pelham" not in text
        assert " on Friday, and " in text and text.endswith(" thanked the club.")


def test_a_person_named_again_by_surname_gets_the_new_persons_surname():
    for seed in range(20):
        cast = _Cast(random.Random(seed))
        full = cast.person("Maria Kowalski")
        later = cast.person("Kowalski")
        short = cast.seen["Kowalski"][1]
        assert full == cast.seen["Kowalski"][0] and later in {short, f"Mr {short}", f"Ms {short}"}
        assert cast.person("Maria Kowalski") == full  # the same person every time


def test_a_text_with_no_person_organisation_or_place_is_not_copied():
    doc = _doc(["The", "rain", "fell", "on", "Friday", "."], [(4, 5, "DATE")])
    assert swapped(doc, random.Random(0)) is None


def test_a_sentence_is_reshaped_around_a_speaker_and_keeps_its_words():
    doc = _doc(["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."], [(3, 4, "GPE")])
    shapes = {reshaped(doc, random.Random(seed)) for seed in range(40)}
    assert all("talks in Pelham ended without a deal" in s for s in shapes)
    assert any(s.startswith('"The talks') for s in shapes) and any(s.startswith("The ") and ", said the talks in" in s
                                                                    for s in shapes)
    assert any("According to " in s for s in shapes)
    # a quotation, a headline or a long text is not reshaped
    assert reshaped(_doc(["Talks", "in", "Pelham", "end"], [(2, 3, "GPE")]), random.Random(0)) is None


def test_the_augmented_texts_are_the_same_every_run():
    docs = [_doc(WORDS, ENTS), _doc(["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."],
                                    [(3, 4, "GPE")])]
    assert augmented(docs) == augmented(docs)
    assert len(augmented(docs)) == 4  # two name-swapped copies, two reshaped sentences


def test_one_name_tagged_as_a_person_and_as_a_place_gets_a_new_name_of_each_kind():
    doc = _doc(["Jordan", "visited", "Jordan", "and", "Jordan", "Holdings", "."],
               [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 6, "ORG")])
    for seed in range(20):
        text = swapped(doc, random.Random(seed))
        assert isinstance(text, str) and " visited " in text and text.endswith(".")


def test_the_speaker_shapes_put_a_bare_surname_by_its_verb_of_saying():
    doc = _doc(["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."], [(3, 4, "GPE")])
    shapes = {reshaped(doc, random.Random(seed), SPEAKERS) for seed in range(120)}
    assert all("alks in Pelham ended without a deal" in s for s in shapes)
    assert any(s.endswith(' said.') for s in shapes) and any(s.endswith(' added.') for s in shapes)
    assert any(s.split()[1:3] == ["said", "that"] for s in shapes)  # a surname opens the sentence
    # a full name in one sentence, the same person's surname in the next
    for seed in range(120):
        s = reshaped(doc, random.Random(seed), SPEAKERS)
        if s.endswith(" said.") and " was in " in s:
            first = s.split(" was in ")[0]
            assert s.rsplit('," ', 1)[1].split()[-2] == first.split()[-1]


def test_a_second_pass_with_another_seed_gives_other_texts():
    docs = [_doc(WORDS, ENTS), _doc(["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."],
                                    [(3, 4, "GPE")])]
    second = augmented(docs, seed=21, shape_set=SPEAKERS)
    assert second == augmented(docs, seed=21, shape_set=SPEAKERS) and second != augmented(docs)
