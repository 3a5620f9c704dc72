"""training.ner_augment: new text for the distilled NER from our own, names from the package's KB."""
from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from training.ner_augment import (SPEAKERS, _Cast, augmented, augmented_known, gpe_span, names, org_span,
                                  person_span, relabel, reshaped, reshaped_known, swapped, swapped_known)


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
            # the short form is a word of the full one (the last, or the first for names such as
            # Lao or Burmese ones, whose KB short form is the given name), or a run of its words
            # written as one ("ElBaradei" for "Mohamed El Baradei"), or a word without its Arabic
            # article ("Qirbi" for "al-Qirbi")
            words = first.split()
            runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
            runs |= {w.split("-", 1)[1] for w in words if w.lower().startswith(("al-", "el-"))}
            assert s.rsplit('," ', 1)[1].split()[-2] in runs


def test_a_second_pass_with_another_seed_gives_other_texts():
    docs = [_doc(WORDS, ENTS), _doc(["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."],
                                    [(3, 4, "GPE")])]
    second = augmented(docs, seed=21, shape_set=SPEAKERS)
    assert second == augmented(docs, seed=21, shape_set=SPEAKERS) and second != augmented(docs)


TALKS = (["The", "talks", "in", "Pelham", "ended", "without", "a", "deal", "."], [(3, 4, "GPE")])


def _untagged(text: str) -> Doc:
    """``text`` tokenized, with no entity: a teacher that missed every name."""
    return spacy.blank("en")(text)


def test_the_known_names_are_the_names_put_in_and_the_texts_are_unchanged():
    docs = [_doc(WORDS, ENTS), _doc(*TALKS)]
    for seed in (0, 21):
        pairs = augmented_known(docs, seed=seed, shape_set=SPEAKERS)
        assert [text for text, _ in pairs] == augmented(docs, seed=seed, shape_set=SPEAKERS)
        for text, known in pairs:
            assert known and all(text[s:e].strip() == text[s:e] and text[s:e] for s, e, _ in known)
            assert not any("Kowalski" in text[s:e] or "Pelham" in text[s:e] for s, e, _ in known)
    for seed in range(20):
        text, known = swapped_known(_doc(WORDS, ENTS), random.Random(seed))
        labels = [label for _, _, label in known]
        assert labels.count("PERSON") == 2 and "GPE" in labels  # the organisation only if a proper name
        assert text[known[-1][0]:known[-1][1]] in text.rsplit(" thanked", 1)[0]


def test_an_inserted_speaker_gets_person_where_the_teacher_missed_or_mislabelled_it():
    doc = _doc(*TALKS)
    for seed in range(60):
        text, known = reshaped_known(doc, random.Random(seed), SPEAKERS)
        speakers = [(s, e) for s, e, label in known if label == "PERSON"]
        assert speakers
        untagged = _untagged(text)  # the teacher missed the name...
        relabel(untagged, known)
        ents = {(e.start_char, e.end_char): e.label_ for e in untagged.ents}
        assert all(ents.get(span) == "PERSON" for span in speakers), (text, known, ents)
        assert ents.get((text.index("Pelham"), text.index("Pelham") + 6)) is None  # the rest as the teacher had it
        mislabelled = _untagged(text)  # ... or took it for an organisation
        mislabelled.ents = [mislabelled.char_span(s, e, label="ORG") for s, e in speakers]
        relabel(mislabelled, known)
        assert all(ents.get(span) == "PERSON" for span in speakers)


def test_a_bare_surname_opening_a_sentence_is_set_person_and_the_teachers_other_entities_kept():
    doc = _untagged("Okonkwo told reporters that the talks in Pelham ended without a deal.")
    doc.ents = [doc.char_span(41, 47, label="GPE")]
    done = relabel(doc, [(0, 7, "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Okonkwo", "PERSON"), ("Pelham", "GPE")]
    assert done == {("PERSON", "added"): 1}


def test_the_teachers_wider_span_of_the_same_label_is_kept_and_an_overlap_replaced():
    doc = _untagged("King Abdullah met Vantoria Group officials said.")
    doc.ents = [doc.char_span(0, 13, label="PERSON"), doc.char_span(18, 42, label="ORG")]  # "... officials"
    done = relabel(doc, [(5, 13, "PERSON"), (18, 32, "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("King Abdullah", "PERSON"), ("Vantoria Group", "ORG")]
    assert done == {("PERSON", "agreed"): 1, ("ORG", "respanned"): 1}
    doc = _untagged("Ms Brannigan spoke.")
    doc.ents = [doc.char_span(0, 12, label="ORG")]
    relabel(doc, [(3, 12, "PERSON")])  # a wider span of another label gives way
    assert [(e.text, e.label_) for e in doc.ents] == [("Brannigan", "PERSON")]
    doc = _untagged("The Branniganite talks ended.")  # a name not on token bounds is left
    assert relabel(doc, [(4, 13, "PERSON")]) == {("PERSON", "unaligned"): 1} and not doc.ents


def test_the_spans_of_names_leave_out_titles_and_descriptions():
    assert person_span("King Abdullah bin Hamad") == [(5, 23, "PERSON")]
    assert person_span("Mr Okonkwo") == [(3, 10, "PERSON")] and person_span("Okonkwo") == [(0, 7, "PERSON")]
    assert person_span("General") == [(0, 7, "PERSON")]  # never an empty span
    assert org_span("Ministry of State Security") == [(0, 26, "ORG")] and org_span("Nato") == [(0, 4, "ORG")]
    assert org_span("Polish army") == [] and org_span("Kazakh parliament") == []
    assert gpe_span("Burkina Faso") == [(0, 12, "GPE")] and gpe_span("Bonaire, Saint Eustatius and Saba ") == []


def test_the_names_of_the_swaps_or_of_the_shapes_alone_can_be_asked_for():
    docs = [_doc(WORDS, ENTS), _doc(*TALKS)]
    every = augmented_known(docs, seed=21, shape_set=SPEAKERS)
    shapes = augmented_known(docs, seed=21, shape_set=SPEAKERS, known_from=("shape",))
    assert [t for t, _ in shapes] == [t for t, _ in every]
    assert shapes[0][1] == [] and every[0][1]  # the first text is a name swap
    assert shapes[1][1] == every[1][1] and any(label == "PERSON" for _, _, label in shapes[1][1])
