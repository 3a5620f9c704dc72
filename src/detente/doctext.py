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


FORMS = "detente.forms"  # Doc.user_data key: the words of the Doc (their texts), read once


def doc_forms(doc: Doc) -> list[str]:
    """Every token's text (``Token.text``), read once from the Doc's array and kept with it
    (remade if the Doc's length changed): no Token per word read."""
    forms = doc.user_data.get(FORMS)
    if not isinstance(forms, list) or len(forms) != len(doc):
        strings = doc.vocab.strings
        forms = doc.user_data[FORMS] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    return forms
