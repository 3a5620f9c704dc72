"""The NER's greedy decoding in NumPy (nerdecode.py): spaCy's entities, token for token."""
import copy
import random

import numpy as np
import pytest
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, SENT_START
from spacy.tokens import Doc, Span

from detente.nerdecode import GreedyNER, supported

TEXTS = [
    "The defence minister of Norland, Anya Petrova, visited Estavia on Monday and met its president.",
    "Estavia's president said the talks were useful.   The ministers signed two agreements worth $5bn.",
    "\"We will not accept this,\" said Mr Okonkwo, a spokesman for the Vantoria Group, last week.",
    "Protesters gathered outside the US embassy in Port Aurel; police detained 40 of them, officials said.",
    "",
    "Over.",
    "It's over.\n\nThe U.S. envoy didn't attend the summit in Geneva on 3 May 2024 with the UN chief.",
    "About 3,000 people, or 12% of the town, fled to the Red Sea coast after the second attack at 5pm.",
    "Dr. Leila Haddad of the World Health Organization told the BBC that the Ebola outbreak was over.",
]
ATTRS = [ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]


@pytest.fixture(scope="module")
def plain():
    import spacy

    from detente.settings import Settings

    return spacy.load(Settings().model)


def _ents(doc):
    return [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]


def _assert_same(nlp, docs, batch_size, ents=True):
    ner = nlp.get_pipe("ner")
    theirs = [copy.copy(d) for d in docs]
    ours = [copy.copy(d) for d in docs]
    list(GreedyNER(ner).pipe(ours, batch_size=batch_size))  # first: it must add any new label itself
    list(ner.pipe(theirs, batch_size=batch_size))
    for a, b in zip(ours, theirs):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
        if ents:
            assert _ents(a) == _ents(b)
    return ours


def _parsed(nlp, texts):
    """The texts through every component but the NER (tagger, parser: sentence starts)."""
    with nlp.select_pipes(disable=["ner"]):
        return list(nlp.pipe(texts))


def test_the_models_recognizer_is_supported(plain):
    assert supported(plain.get_pipe("ner"))
    assert not supported(plain.get_pipe("parser"))  # arc-eager moves, eight features


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_the_entities_are_spacys(plain, batch_size):
    docs = _parsed(plain, TEXTS)
    ours = _assert_same(plain, docs, batch_size)
    assert sum(len(d.ents) for d in ours) > 15  # names, places, dates, numbers, money, percentages
    assert {e.label_ for d in ours for e in d.ents} >= {"PERSON", "GPE", "DATE", "ORG", "CARDINAL"}


def test_preset_entities_are_kept_and_decoded_around_as_spacy_does(plain):
    docs = _parsed(plain, TEXTS)
    doc = docs[0]  # a preset name with a knowledge-base id, a blocked word, a place preset O
    doc.set_ents([Span(doc, 6, 8, label="PERSON", kb_id="Q1")], blocked=[Span(doc, 1, 2)],
                 outside=[Span(doc, 10, 11)], default="unmodified")
    doc = docs[3]  # two presets side by side, one of a label the NER would not give
    doc.set_ents([Span(doc, 4, 5, label="NORP"), Span(doc, 5, 6, label="FAC"),
                  Span(doc, 8, 10, label="GPE")], default="unmodified")
    doc = docs[6]  # a preset spanning a sentence start and a preset on the last token
    n = len(doc)
    doc.set_ents([Span(doc, 2, 6, label="WORK_OF_ART"), Span(doc, n - 2, n - 1, label="ORG")],
                 default="unmodified")
    ours = _assert_same(plain, docs, 4)
    assert (6, 8, "PERSON", "Q1") in _ents(ours[0])
    # (a preset O does not bind spaCy's moves: "Estavia" is still a GPE, in both)
    assert (10, 11, "GPE", "") in _ents(ours[0])
    assert (5, 6, "FAC", "") in _ents(ours[3])


def test_random_presets_and_sentence_starts(plain):
    """Random preset entities (several labels, one or more words, side by side), blocked and O
    words, sentence starts anywhere: the walk's branches against spaCy's."""
    rng = random.Random(7)
    vocab = plain.vocab
    words = ["Norland", "the", "minister", "said", "on", "Monday", "Anya", "Petrova", "UN", "3", "May",
             ",", ".", "\n", "of", "Estavia", "40", "%", "Vantoria", "Group", "and", "  ", "$", "5bn"]
    labels = ["PERSON", "GPE", "ORG", "DATE", "NORP", "MONEY"]
    docs = []
    for _ in range(80):
        n = rng.randint(1, 40)
        doc = Doc(vocab, words=[rng.choice(words) for _ in range(n)])
        starts = [1] + [rng.choice([0, -1, -1, 1]) for _ in range(n - 1)]
        doc.from_array([SENT_START], np.array(starts, dtype="int64").astype("uint64"))
        ents, blocked, outside = [], [], []
        i = 0
        while i < n:
            size = rng.randint(1, 3)
            if rng.random() < 0.3 and i + size <= n:
                kind = rng.random()
                if kind < 0.7:
                    ents.append(Span(doc, i, i + size, label=rng.choice(labels)))
                else:
                    (blocked if kind < 0.85 else outside).append(Span(doc, i, i + size))
                i += size
            else:
                i += 1
        doc.set_ents(ents, blocked=blocked, outside=outside, default="unmodified")
        docs.append(doc)
    ours = _assert_same(plain, docs, 16)
    assert sum(len(d.ents) for d in ours) > 100


def test_presets_that_leave_no_valid_move(plain):
    """Preset rows that ``set_ents`` would not write but ``from_array`` takes: a blocked B followed by
    I's (no move is valid: spaCy ends the Doc there), an entity whose I's change label (no move
    valid with the entity open; or a forced L that closes it under its first label)."""
    vocab = plain.vocab
    gpe, org = vocab.strings.add("GPE"), vocab.strings.add("ORG")
    rows = [([3, 1, 1, 2, 0, 0], [0, 0, 0, 0, 0, 0]), ([3, 1, 1, 2, 0], [gpe, org, org, 0, 0]),
            ([3, 1, 2, 0, 0], [gpe, org, 0, 0, 0]), ([0, 3, 1, 1, 0, 0], [0, org, org, gpe, 0, 0])]
    words = ["Norland", "Anya", "Petrova", "said", "on", "Monday"]
    docs = []
    for iob, types in rows:
        doc = Doc(vocab, words=words[:len(iob)])
        doc.from_array([ENT_IOB, ENT_TYPE], np.array([iob, types], dtype="uint64").T.copy())
        docs.append(doc)
    ours = _assert_same(plain, docs, 16, ents=False)  # (spaCy's Doc.ents refuses some of the rows left)
    assert _ents(ours[2])[0] == (0, 2, "GPE", "")  # closed by the forced L-ORG, labelled as opened


def test_empty_and_one_word_docs(plain):
    docs = [plain.make_doc(t) for t in ["", "Norland", "", "Geneva.", "   "]]
    _assert_same(plain, docs, 2)
    _assert_same(plain, [plain.make_doc("")], 16)


def test_a_new_preset_label_adds_the_moves_as_spacy_does():
    import spacy

    from detente.settings import Settings

    nlp = spacy.load(Settings().model)
    ner = nlp.get_pipe("ner")
    before = ner.moves.n_moves
    docs = _parsed(nlp, TEXTS[:3])
    docs[1].set_ents([Span(docs[1], 0, 1, label="COALITION")], default="unmodified")
    ours = _assert_same(nlp, docs, 16)
    assert ner.moves.n_moves == before + 4  # B-, I-, L- and U-COALITION
    assert (0, 1, "COALITION", "") in _ents(ours[1])


def test_the_pipelines_ner_runs_through_it(nlp):
    selective = nlp.get_pipe("ner")
    assert isinstance(selective.decoder, GreedyNER)
    assert selective.decoder.ner is selective.ner
