"""Quotations and their speakers, for the first-person pronouns inside them.

A quotation runs from an opening to a closing mark of its family (“…”, "…", «…», ‘…’, '…'),
or to the end of its paragraph when the closing mark is missing. A single mark opens only after a
space and closes only right after a word, so the apostrophe of "the Kurds’ camp" closes nothing
that is not open. The speaker is the subject of a verb of saying next to the quotation: after it
("…,” said the minister", "…,” the minister said", "…,” he said") or before it, in the same
sentence ("The minister said: “…”", "…,” he said, “…”"); a quotation with neither continues the
one before it when that one closed at most ``_CONTINUES`` sentences earlier ("…,” said Abdullah.
“…”").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Token

_DOUBLE_OPEN, _DOUBLE_CLOSE, _DOUBLE_ANY = frozenset("“«"), frozenset("”»"), frozenset('"')
_SINGLE_OPEN, _SINGLE_CLOSE, _SINGLE_ANY = frozenset("‘"), frozenset("’"), frozenset("'")
_DOUBLE, _SINGLE = _DOUBLE_OPEN | _DOUBLE_CLOSE | _DOUBLE_ANY, _SINGLE_OPEN | _SINGLE_CLOSE | _SINGLE_ANY
_MARKS = _DOUBLE | _SINGLE
_SENTENCE_END = frozenset({".", "!", "?"})
_AFTER, _BEFORE = 8, 12  # how far (tokens) a verb of saying may be from the quotation
_CONTINUES = 2  # sentences
T = TypeVar("T")


@dataclass(frozen=True)
class Quote:
    """Tokens [start, end) inside the marks; ``close`` is the closing mark (or the paragraph end)."""

    start: int
    end: int
    close: int


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotations of ``doc``, in order (not nested). Reads the Doc's arrays (form, trailing
    space, tag), not a Token per word: the same marks as ``Token.text``, ``whitespace_``,
    ``is_space`` and ``tag_`` give."""
    out: list[Quote] = []
    family, start = None, -1
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, TAG, IS_SPACE]) if len(doc) else np.zeros((0, 4), dtype="uint64")
    # only marks and white space can open, close or end a quotation ("\n" is only ever in white
    # space): those words are read, in order; the others are never made Python objects
    marks = np.fromiter((strings[m] for m in _MARKS), dtype="uint64", count=len(_MARKS))
    for i in np.flatnonzero(np.isin(rows[:, 0], marks) | (rows[:, 3] != 0)).tolist():
        text = strings[int(rows[i, 0])]
        if family is not None and "\n" in text:
            out.append(Quote(start, i, i))  # a paragraph ends an unclosed quotation
            family = None
            continue
        if text not in _MARKS:
            continue
        glued_before = i > 0 and not rows[i - 1, 1] and not rows[i - 1, 3]
        mark = _mark_at(text, family, glued_before, not rows[i, 1], strings[int(rows[i, 2])])
        if mark == "close":
            out.append(Quote(start, i, i))
            family = None
        elif mark is not None and family is None:
            family, start = mark, i + 1
    if family is not None:
        out.append(Quote(start, len(doc), len(doc)))
    return [q for q in out if q.end > q.start]


def _mark_at(text: str, family: str | None, glued_before: bool, no_space_after: bool,
             tag: str) -> str | None:
    """"close" when the word ``text`` closes the open ``family``; a family name when it opens one;
    else None (``glued_before``: the word before it has no space after it; ``tag``: its tag)."""
    if text in _DOUBLE:
        if family == "double" and text not in _DOUBLE_OPEN:
            return "close"
        return "double" if text not in _DOUBLE_CLOSE else None
    if text not in _SINGLE or tag == "POS":
        return None
    if family == "single" and glued_before and text not in _SINGLE_OPEN:
        return "close"
    if not glued_before and no_space_after and text not in _SINGLE_CLOSE:
        return "single"
    return None


def quote_speakers(doc: Doc, quotes: list[Quote], say_verbs: frozenset[str],
                   actor_at: Callable[[int], T | None]) -> list[tuple[Quote, T]]:
    """Each quotation whose speaker ``actor_at`` (token index -> actor candidate) knows."""
    out: list[tuple[Quote, T]] = []
    prev: tuple[Quote, T] | None = None
    for q, verb in zip(quotes, quote_verbs(doc, quotes, say_verbs)):
        speaker = _subject_actor(verb, actor_at) if verb is not None else None
        if speaker is None and verb is None and prev is not None and continues(doc, prev[0], q):
            speaker = prev[1]
        if speaker is not None:
            prev = (q, speaker)
            out.append(prev)
    return out


def quote_verbs(doc: Doc, quotes: list[Quote], say_verbs: frozenset[str]) -> list[Token | None]:
    """The verb of saying next to each quotation (after it, else before it in its sentence), or None."""
    out: list[Token | None] = []
    for i, q in enumerate(quotes):
        limit = quotes[i + 1].start - 1 if i + 1 < len(quotes) else len(doc)
        out.append(_say_after(doc, q, say_verbs, limit)
                   or _say_before(doc, q, say_verbs, quotes[i - 1].close if i else -1))
    return out


def continues(doc: Doc, before: Quote, after: Quote) -> bool:
    """Whether a quotation with no verb of saying of its own continues the one ``before`` it (closed at
    most ``_CONTINUES`` sentences earlier)."""
    return _sentences_between(doc, before, after) <= _CONTINUES


def _say_after(doc: Doc, q: Quote, say_verbs: frozenset[str], limit: int) -> Token | None:
    """A verb of saying right after the quotation, unless the quotation ended its sentence and a new
    one starts after it ("“We are ready.” The minister later said ...")."""
    nxt = q.close + 1
    if nxt >= len(doc) or (doc[q.end - 1].text in _SENTENCE_END and doc[nxt].text[:1].isupper()):
        return None
    for j in range(nxt, min(nxt + _AFTER, limit, len(doc))):
        tok = doc[j]
        if tok.text in _SENTENCE_END and j > q.close + 1:
            return None
        if tok.lemma_.lower() in say_verbs and tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _say_before(doc: Doc, q: Quote, say_verbs: frozenset[str], floor: int) -> Token | None:
    for j in range(q.start - 2, max(floor, q.start - 2 - _BEFORE), -1):
        tok = doc[j]
        if tok.text in _SENTENCE_END:
            return None
        if tok.lemma_.lower() in say_verbs and tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _subject_actor(verb: Token, actor_at: Callable[[int], T | None]) -> T | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor_at(subj.i) if subj is not None else None


def _sentences_between(doc: Doc, before: Quote, after: Quote) -> int:
    """Sentence boundaries crossed from the earlier quotation's close to the later one's start
    (-1 when they touch): the sentence starts strictly inside the range, read from the Doc's array
    of flags (1: a start, as ``Token.is_sent_start`` is True; not ``Token.sent``, which walks its
    whole sentence for every token, nor a Token per word)."""
    first, end = min(before.close, len(doc) - 1), min(after.start, len(doc))
    if first >= end:
        return -1
    return int(np.count_nonzero(doc.to_array(SENT_START)[first + 1:end] == 1))
