"""The text of a spaCy ``Doc``, kept with it: one way for every stage to read it cheaply."""
from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

TEXT = "detente.text"  # Doc.user_data key: the text the Doc was made from (nlp.parse sets it)
CHECKED = "detente.text.checked"  # Doc.user_data key: (the Doc's id, its length, the text found to fit it)


def doc_text(doc: Doc) -> str:
    """``doc.text`` without building a Token per token (spaCy's ``Doc.text`` does, on every call):
    the text ``parse`` kept, else read from the tokens' strings and spaces (and kept). Whether the
    kept text fits the Doc is checked once per Doc, its length and that text (a Doc given a copy of
    another's ``user_data`` is another Doc: checked again)."""
    data = doc.user_data
    text = data.get(TEXT)
    checked = data.get(CHECKED)
    if checked is not None and checked[2] is text and checked[0] == id(doc) and checked[1] == len(doc):
        return text
    if not isinstance(text, str) or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        strings = doc.vocab.strings
        text = "".join(strings[orth] + " " if space else strings[orth]
                       for orth, space in doc.to_array([ORTH, SPACY]).tolist())
        data[TEXT] = text
    data[CHECKED] = (id(doc), len(doc), text)
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
