"""The remembered token embeddings (embedmemo.py): spaCy's vectors bit for bit, each row computed once."""
import numpy as np
import pytest

from detente.embedmemo import EmbedMemo, memo_embeddings

TEXTS = [
    "The defence minister of Norland visited Estavia on Monday and met its president.",
    "Estavia's president said the talks were useful.   The ministers signed two agreements.",
    "\"We will not accept this,\" said Mr Okonkwo, a spokesman for the Vantoria Group.",
    "Protesters gathered outside the embassy; police detained 40 of them, officials said.",
    "",
    "It's over.\n\nThe U.S. envoy didn't attend the summit in Port Aurel on 3 May 2024.",
]


@pytest.fixture(scope="module")
def plain():
    import spacy

    from detente.settings import Settings

    return spacy.load(Settings().model)


def _embeds(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    ner = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
    return {"tok2vec": tok2vec.layers[0], "ner": ner.layers[0]}


@pytest.mark.parametrize("name", ["tok2vec", "ner"])
def test_the_remembered_vectors_are_the_embeds_own_bit_for_bit(plain, name):
    embed = _embeds(plain)[name]
    memo = EmbedMemo(embed)
    docs = [plain.make_doc(t) for t in TEXTS]
    for batch in (docs[:2], docs[2:], docs, docs[::-1]):  # rows new, then remembered, then both
        ours, theirs = memo(batch), embed.predict(batch)
        assert len(ours) == len(theirs) == len(batch)
        for a, b in zip(ours, theirs):
            assert a.dtype == b.dtype and a.shape == b.shape
            assert np.array_equal(a, b)
    # one row per distinct (form, spacing...) row: "the" once, though it is in every text
    assert len(memo.index) < sum(len(d) for d in docs)


def test_a_full_memory_is_emptied_and_filled_again(plain):
    embed = _embeds(plain)["tok2vec"]
    memo = EmbedMemo(embed, max_rows=20)
    docs = [plain.make_doc(t) for t in TEXTS[:4]]
    for doc in docs:
        (ours,), (theirs,) = memo([doc]), embed.predict([doc])
        assert np.array_equal(ours, theirs)
        assert len(memo.index) <= max(20, len(doc))


def test_the_pipeline_with_remembered_embeddings_parses_as_spacy_does(plain):
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG

    from detente.settings import Settings

    ours = spacy.load(Settings().model)
    assert memo_embeddings(ours) == ["tok2vec", "ner"]
    assert memo_embeddings(ours) == []  # installed once
    attrs = [TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for _ in range(2):  # the second time every row is remembered
        for a, b in zip(ours.pipe(TEXTS, batch_size=3), plain.pipe(TEXTS, batch_size=3)):
            assert np.array_equal(a.to_array(attrs), b.to_array(attrs))
            assert np.array_equal(a.tensor, b.tensor)


def test_a_training_call_uses_the_embed_itself_and_forgets(plain):
    from detente.embedmemo import _memo_model

    embed = _embeds(plain)["ner"]
    memo = EmbedMemo(embed)
    model = _memo_model(embed, memo)
    docs = [plain.make_doc(t) for t in TEXTS[:3]]
    first = model.predict(docs)
    assert memo.index
    vectors, backprop = model(docs, is_train=True)
    assert not memo.index and memo.table is None
    for a, b in zip(first, vectors):
        assert np.array_equal(a, b)
    assert callable(backprop)


def test_the_loaded_pipeline_remembers_its_embeddings(nlp):
    names = [layer.name for layer in nlp.get_pipe("tok2vec").model.layers]
    assert names[0] == "embed_memo"
