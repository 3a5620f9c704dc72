"""The text of a spaCy ``Doc``, kept with it: one way for every stage to read it cheaply."""
from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

TEXT = "detente.text"  # Doc.user_data key: the text the Doc was made from (nlp.parse sets it)


def doc_text(doc: Doc) -> str:
    """``doc.text`` without building a Token per token (spaCy's ``Doc.text`` does, on every call):
    the text ``parse`` kept, else read from the tokens' strings and spaces (and kept)."""
    text = doc.user_data.get(TEXT)
    if not isinstance(text, str) or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        strings = doc.vocab.strings
        text = "".join(strings[orth] + " " if space else strings[orth]
                       for orth, space in doc.to_array([ORTH, SPACY]).tolist())
        doc.user_data[TEXT] = text
    return text
