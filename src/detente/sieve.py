"""The cheap first pass: which sentences of an article can hold an event (``Settings.sentence_filter``).

Before anything statistical runs, an article is tokenized and cut into sentences by rule (after a
full stop, question or exclamation mark, and at line breaks). A sentence is kept when one of its
words can trigger an event: one of the word's possible lemmas — its lower-case form, the
lemmatizer's exceptions and suffix rules applied for every part of speech at once (a superset of
what the lemmatizer can answer), and ``co-operation`` joined back — is a key of the event lexicon
or a lemma the learned models ask about (``LearnedModel.trigger_lemmas``). The coder tries no
other word, so a dropped sentence is one the coder could not have coded. An article's first
sentence (``lede`` in ``data/sieve.yaml``) is parsed whatever its words: it introduces the actors
later sentences refer back to ("he said"), whose countries a dropped sentence's flat parse loses. So is
a sentence told inside a quotation (``quotes``): it may be its speaker's statement whatever its words
(``events.statements.quoted_match``).

The kept sentences (runs of them stay together, so the parser sees them in their order) go
through the whole spaCy pipeline as one Doc per article; their annotations are copied back into
the article's Doc, built once by the tokenizer, which keeps the article's text and character
offsets. A dropped sentence keeps its tokens, a flat parse (one sentence, every token attached to
its first: no clause, no subject, no noun chunk) and the gazetteer's entities, so the actor stage
still sees the countries, organisations and people it names (the focus of the article, the
antecedents of later pronouns) and the time stage reads its dates from the text. What a dropped
sentence loses: the statistical NER's entities and its parse.

Within the kept sentences, the statistical NER (a third of spaCy's time, with its own embedding)
runs only where it can add something (``SelectiveNER``): in a sentence with a proper noun or a
capitalised word outside the gazetteer's entities, a number, or a word of a temporal or numeric
entity (``ner_cues`` in ``data/words/language.yaml``: "last week", "thousands"). A sentence whose
names the gazetteer has all found keeps the gazetteer's entities and no others.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import numpy as np
from spacy.attrs import (DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA,
                         LIKE_NUM, LOWER, MORPH, ORTH, POS, SENT_START, SPACY, TAG)
from spacy.language import Language
from spacy.tokens import Doc, Span

from .doctext import TEXT, doc_text
from .errors import DataFileError
from .nerdecode import GreedyNER, supported

SIEVE_FILE = "data/sieve.yaml"
DROPPED = "detente.sieve.dropped"  # Doc.user_data key: first tokens of the sentences not parsed
QUOTED = "detente.sieve.quoted"  # sub-Doc user_data key: its token ranges kept only as quoted sentences
SELECTIVE = "detente.sieve.selective_ner"  # Doc.user_data key: the NER runs only where it can add
NER_FACTORY = "detente_selective_ner_v1"
_NER_ATTRS = [ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
_FUNCTION_POS = ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ")
COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
_ENDS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’)]»")
_CACHE_MAX = 200_000  # distinct word forms remembered before the cache is emptied


def _remembered(cache: dict[str, bool], form: str, answer: Callable[[], bool]) -> bool:
    """``answer()`` for ``form``, remembered in ``cache`` (emptied when it holds ``_CACHE_MAX`` forms)."""
    hit = cache.get(form)
    if hit is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        hit = cache[form] = answer()
    return hit


@dataclass(frozen=True)
class Yields:
    """How often a word form that may trigger an event did, on the training split (``data/sieve.yaml``):
    a form passes when (fired + 1) / (seen + 2) reaches ``threshold``; a form never seen passes."""

    forms: Mapping[str, tuple[int, int]]  # form -> (seen, fired)
    threshold: float
    lede: int = 0  # an article's first sentences, parsed whatever their words: they introduce its actors
    quotes: bool = False  # a sentence inside a quotation is parsed whatever its words: its speaker's statement
    quotes_ner: bool = True  # False: the NER skips a sentence parsed only because it is quoted

    def passes(self, form: str) -> bool:
        counts = self.forms.get(form)
        if counts is None:
            return True
        seen, fired = counts
        return (fired + 1) / (seen + 2) >= self.threshold


@lru_cache(maxsize=1)
def load_yields() -> Yields:
    """The packaged word-form counts and threshold, validated."""
    import yaml

    path = importlib_resources.files("detente").joinpath(SIEVE_FILE)
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # thousands of forms: the C loader when built
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(SIEVE_FILE, f"cannot read: {exc}") from exc
    threshold, forms = data.get("threshold"), data.get("forms")
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise DataFileError(SIEVE_FILE, "'threshold' must be a number in [0, 1]")
    if not isinstance(forms, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)
            and 0 <= v[1] <= v[0] for k, v in forms.items()):
        raise DataFileError(SIEVE_FILE, "'forms' must map word forms to [seen, fired] counts, fired <= seen")
    lede = data.get("lede", 0)
    if not isinstance(lede, int) or isinstance(lede, bool) or lede < 0:
        raise DataFileError(SIEVE_FILE, "'lede' must be a whole number of sentences, 0 or more")
    quotes = data.get("quotes", False)
    if not isinstance(quotes, bool):
        raise DataFileError(SIEVE_FILE, "'quotes' must be true or false")
    quotes_ner = data.get("quotes_ner", True)
    if not isinstance(quotes_ner, bool):
        raise DataFileError(SIEVE_FILE, "'quotes_ner' must be true or false")
    return Yields({k: (v[0], v[1]) for k, v in forms.items()}, float(threshold), lede, quotes, quotes_ner)


def is_parsed(sent: Span) -> bool:
    """Whether the pipeline parsed this sentence (False: the sieve dropped it)."""
    return sent.start not in sent.doc.user_data.get(DROPPED, ())


class Sieve:
    """Decides, word form by word form, whether a sentence may hold an event trigger."""

    def __init__(self, triggers: frozenset[str], rules: list[tuple[str, str]], exceptions: dict[str, list[str]],
                 yields: Yields, context: int = 0):
        self.triggers = triggers
        self.rules = rules  # (suffix, replacement) of every part of speech
        self.exceptions = exceptions  # irregular form -> its lemmas, every part of speech
        self.yields = yields
        self.context = context  # sentences kept before a kept one
        self._cache: dict[str, bool] = {}
        self._keep: dict[str, bool] = {}

    def lemmas(self, form: str) -> set[str]:
        """Every lemma the lemmatizer could give the lower-case ``form``, and the form itself."""
        out = {form, *self.exceptions.get(form, ())}
        for old, new in self.rules:
            if form.endswith(old) and len(form) > len(old):
                out.add(form[: len(form) - len(old)] + new)
        return out

    def may_trigger(self, form: str) -> bool:
        return _remembered(self._cache, form, lambda: not self.triggers.isdisjoint(self.lemmas(form)))

    def keeps(self, form: str) -> bool:
        """Whether a sentence with this word is parsed: it may trigger an event, and often enough."""
        return _remembered(self._keep, form, lambda: self.may_trigger(form) and self.yields.passes(form))

    def sentences(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """The rule-cut sentences of a tokenized ``doc``: (start, end, may hold an event)."""
        out: list[tuple[int, int, bool]] = []
        start, keep, end_seen = 0, False, False
        # forms and flags from the Doc's arrays: no Token per word
        lower, space, alpha, spacy = doc.to_array([LOWER, IS_SPACE, IS_ALPHA, SPACY]).T.tolist() if len(doc) \
            else ([], [], [], [])
        strings = doc.vocab.strings
        words = [strings[h] for h in lower]
        for i, text in enumerate(words):
            if space[i]:  # white space ends the sentence before it
                end_seen = end_seen or "\n" in text
                continue
            if i > start and end_seen and text not in _CLOSERS and text not in _ENDS:
                out.append((start, i, keep))
                start, keep, end_seen = i, False, False
            if text in _ENDS:
                end_seen = True
            elif not keep and alpha[i]:
                keep = self.keeps(text) or (i >= 2 and words[i - 1] == "-" and not spacy[i - 1]
                                                   and not spacy[i - 2]
                                                   and self._joined(words[i - 2], text))
        if start < len(doc):
            out.append((start, len(doc), keep))
        return out

    def _joined(self, first: str, form: str) -> bool:
        """``cease-fire``, ``co-operation``: the hyphenated word read whole."""
        return any(f"{first}-{lem}" in self.triggers or f"{first}{lem}" in self.triggers for lem in self.lemmas(form))

    def plan(self, doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
        """Token ranges to parse — runs of kept sentences (the article's ``Yields.lede`` first ones
        among them, and ``context`` sentences before each) — and the first tokens of the dropped sentences."""
        runs, dropped, _ = self.full_plan(doc)
        return runs, dropped

    def full_plan(self, doc: Doc) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, int]]]:
        """``plan``, and the token ranges of the sentences kept only because they are quoted, each up to
        its quotation's closing mark (the words after it, "he said", tell who speaks)."""
        sents = self.sentences(doc)
        flags = [keep or j < self.yields.lede for j, (_, _, keep) in enumerate(sents)]
        quoted: dict[int, int] = {}
        if self.yields.quotes:
            quoted = _quoted_starts(doc, [start for (start, _, _), keep in zip(sents, flags) if not keep])
            flags = [keep or start in quoted for (start, _, _), keep in zip(sents, flags)]
        if self.context:
            for j, (_, _, keep) in enumerate(sents):
                if keep:
                    for k in range(max(0, j - self.context), j):
                        flags[k] = True
        runs: list[tuple[int, int]] = []
        dropped: list[int] = []
        for (start, end, _), keep in zip(sents, flags):
            if not keep:
                dropped.append(start)
                continue
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        return runs, dropped, [(start, min(end, quoted[start])) for start, end, _ in sents if start in quoted]


def _quoted_starts(doc: Doc, starts: list[int]) -> dict[int, int]:
    """Of the sentences starting at ``starts``, those whose first word is inside a quotation
    (``actors.quotes.find_quotes``), each with the end of its quotation (past the closing mark)."""
    if not starts:
        return {}
    from .actors.quotes import find_quotes

    quotes = find_quotes(doc)
    alpha = doc.to_array(IS_ALPHA) if len(doc) else np.zeros(0, dtype="uint64")
    out: dict[int, int] = {}
    for start in starts:
        rest = np.flatnonzero(alpha[start:start + 4])  # the first word, past the opening marks
        first = start + int(rest[0]) if len(rest) else start
        quote = next((q for q in quotes if q.start <= first < q.end), None)
        if quote is not None:
            out[start] = quote.close + 1
    return out


def make_sieve(nlp: Language, lexicon: Any, learned: Any = None, yields: Yields | None = None,
               context: int = 0) -> Sieve | None:
    """The sieve of a loaded pipeline; None when it cannot be exact (no rule lemmatizer tables, or a
    learned model that asks about every word)."""
    if learned is not None and getattr(learned, "trigger_lemmas", None) is None:
        return None
    if "lemmatizer" not in nlp.component_names:  # (disabled when speedups.py wraps it)
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_rules") or not lookups.has_table("lemma_exc"):
        return None
    rules = sorted({(old, new) for table in lookups.get_table("lemma_rules").values() for old, new in table
                    if old})
    exceptions: dict[str, list[str]] = {}
    for table in lookups.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            exceptions.setdefault(form, []).extend(lemmas)
    keys = set(lexicon.by_lemma) | set(learned.trigger_lemmas if learned is not None else ())
    keys |= set(lexicon.words("statement_verb"))  # a verb of saying heads a plain statement ("tweeted")
    if any(not k[:1].isalpha() for k in keys):  # a key no word form spells ("#person"): keep everything
        return None
    return Sieve(frozenset(keys), rules, exceptions, yields if yields is not None else load_yields(), context)


def parse_sieved(nlp: Language, items: Iterable[tuple[str, Any]], sieve: Sieve, batch_size: int = 16,
                 workers: int = 1) -> Iterator[tuple[Doc, Any]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, parsing only the sentences the sieve keeps."""
    pending: dict[int, tuple[Doc, tuple[list[tuple[int, int]], list[int]], Any]] = {}

    def subdocs() -> Iterator[tuple[Doc, int]]:
        for key, (text, context) in enumerate(items):
            doc = nlp.make_doc(text)
            sub, plan = sieved_subdoc(doc, sieve)
            pending[key] = (doc, plan, context)
            yield sub, key

    ruler = _ruler(nlp)
    for sub, key in nlp.pipe(subdocs(), as_tuples=True, batch_size=batch_size, n_process=workers):
        doc, (runs, starts), context = pending.pop(key)
        _copy_back(sub, doc, runs, starts)
        if ruler is not None:
            doc = ruler(doc)
        yield doc, context


def sieved_subdoc(doc: Doc, sieve: Sieve) -> tuple[Doc, tuple[list[tuple[int, int]], list[int]]]:
    """The Doc of ``doc``'s kept sentences, marked for ``SelectiveNER`` (and, with ``quotes_ner``
    off, with its ranges kept only as quoted), and the plan (``Sieve.plan``) it was made by."""
    runs, dropped, quoted = sieve.full_plan(doc)
    sub = _subdoc(doc, runs)
    sub.user_data[SELECTIVE] = True
    if quoted and not sieve.yields.quotes_ner:
        mask = np.zeros(len(doc), dtype=bool)
        mask[_run_index(quoted)] = True
        sub.user_data[QUOTED] = _ranges(mask[_run_index(runs)])
    return sub, (runs, dropped)


def _subdoc(doc: Doc, runs: list[tuple[int, int]]) -> Doc:
    index = _run_index(runs)
    strings = doc.vocab.strings
    values = doc.to_array([ORTH, SPACY])[index] if len(index) else np.zeros((0, 2), dtype="uint64")
    words = [strings[h] for h in values[:, 0].tolist()]  # the tokens' texts, no Token per word
    spaces = (values[:, 1] != 0).tolist()
    starts: list[int] = []
    size = 0
    for start, end in runs:
        starts.append(size)
        size += end - start
        if size:
            spaces[size - 1] = True  # runs apart in the article are sentences apart here
    sub = Doc(doc.vocab, words=words, spaces=spaces)
    for i in starts:
        sub[i].is_sent_start = True
    return sub


def _copy_back(sub: Doc, doc: Doc, runs: list[tuple[int, int]], starts: list[int]) -> None:
    """The sub-Doc's annotations onto the article's Doc; a flat parse for each dropped sentence
    (``starts``: their first tokens)."""
    n = len(doc)
    if n == 0:
        return
    values = np.zeros((n, len(COPIED)), dtype="uint64")
    keep = np.zeros(n, dtype=bool)
    index = _run_index(runs)
    keep[index] = True
    if len(index):
        values[index] = sub.to_array(COPIED)
    dropped = np.flatnonzero(~keep)
    if len(dropped):
        lower = doc.to_array([LOWER])
        values[dropped, COPIED.index(LEMMA)] = lower[dropped]
        # each dropped sentence: its first token the root, the others attached to it
        is_start = np.zeros(n, dtype=bool)
        is_start[starts] = True
        new = is_start[dropped]
        first = np.maximum.accumulate(np.where(new, dropped, 0))
        values[dropped, COPIED.index(HEAD)] = (first - dropped).astype("int64").astype("uint64")
        strings = doc.vocab.strings
        values[dropped, COPIED.index(DEP)] = np.where(new, strings.add("ROOT"), strings.add("dep"))
        values[dropped, COPIED.index(ENT_IOB)] = 2  # outside any entity
    doc.from_array(COPIED, values)  # type: ignore[arg-type]  # a uint64 array: what spaCy's Ints2d stands for
    doc.user_data[DROPPED] = frozenset(starts)


def _ruler(nlp: Language) -> Any:
    from .actors.ruler import FACTORY

    return nlp.get_pipe(FACTORY) if FACTORY in nlp.pipe_names else None


def ner_sentences(doc: Doc, cues: frozenset[int]) -> list[tuple[int, int]]:
    """The sentences (token ranges) of a tagged and parsed ``doc`` the NER can add to: each with a
    proper noun, or a capitalised word other than its first and not a function word, outside the
    gazetteer's entities; a number; or a word whose lower-case hash is in ``cues``."""
    if not len(doc):
        return []
    a = doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER, LIKE_NUM, SENT_START, ENT_TYPE, POS, LOWER]).astype("uint64")
    starts = np.flatnonzero(a[:, 4] == 1)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate([[0], starts])
    free = a[:, 5] == 0  # outside the gazetteer's entities
    flag = (a[:, 0] == 1) & ((a[:, 1] == 1) | (a[:, 2] == 1)) & ~np.isin(a[:, 6], _function_pos(doc))
    flag[starts] = False
    flag |= a[:, 6] == doc.vocab.strings["PROPN"]
    flag &= free
    flag |= a[:, 3] == 1
    if cues:
        flag |= np.isin(a[:, 7], np.fromiter(cues, dtype="uint64", count=len(cues)))
    ends = np.append(starts[1:], len(doc))
    counts = np.concatenate([[0], np.cumsum(flag)])
    return [(int(s), int(e)) for s, e in zip(starts, ends) if counts[e] > counts[s]]


def _function_pos(doc: Doc) -> np.ndarray:
    """Parts of speech of words no name is made of ("I", "We" or "The" opening a quotation)."""
    return np.array([doc.vocab.strings[p] for p in _FUNCTION_POS], dtype="uint64")


class SelectiveNER:
    """Stands in for the pipeline's NER: a Doc marked ``SELECTIVE`` (the sieve's kept sentences)
    goes through it only in the sentences ``ner_sentences`` picks, any other Doc whole."""

    def __init__(self, cues: frozenset[int]):
        self.cues = cues
        self.ner: Any = None  # the model's EntityRecognizer, set by ``attach``
        self.decoder: Any = None  # what runs it: ``nerdecode.GreedyNER`` where it applies, else the NER

    def attach(self, ner: Any) -> None:
        self.ner = ner
        self.decoder = GreedyNER(ner) if supported(ner) else ner

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            plans = [(doc, _unquoted(doc, ner_sentences(doc, self.cues))) for doc in batch
                     if doc.user_data.get(SELECTIVE)]
            subs = [_ner_subdoc(doc, runs) for doc, runs in plans]
            whole = [doc for doc in batch if not doc.user_data.get(SELECTIVE)]
            for _ in self.decoder.pipe(whole + subs, batch_size=batch_size):
                pass
            for (doc, runs), sub in zip(plans, subs):
                if runs:
                    values = doc.to_array(_NER_ATTRS)
                    values[_run_index(runs)] = sub.to_array(_NER_ATTRS)
                    doc.from_array(_NER_ATTRS, values)
            yield from batch


def _unquoted(doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sents`` but those whose every token is in a sentence kept only because it is quoted (``QUOTED``)."""
    ranges = doc.user_data.get(QUOTED)
    if not ranges:
        return sents
    quoted = np.zeros(len(doc), dtype=bool)
    quoted[_run_index([(s, e) for s, e in ranges if e <= len(doc)])] = True
    return [(s, e) for s, e in sents if not quoted[s:e].all()]


def _ranges(mask: np.ndarray) -> list[list[int]]:
    """The runs of True in ``mask``, as [start, end] pairs."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return [[int(s), int(e)] for s, e in zip(edges[::2], edges[1::2])]


def _ner_subdoc(doc: Doc, runs: list[tuple[int, int]]) -> Doc:
    """The tokens of ``runs`` as a Doc of their own (``_subdoc``) that keeps their entities (the
    gazetteer's) and their rows of the shared tok2vec's ``doc.tensor``."""
    sub = _subdoc(doc, runs)
    if runs:
        index = _run_index(runs)
        sub.from_array(_NER_ATTRS, doc.to_array(_NER_ATTRS)[index])
        if doc.tensor.shape[0] == len(doc):  # the shared tok2vec's vectors, for an NER that listens to it
            sub.tensor = doc.tensor[index]
    return sub


def _run_index(runs: list[tuple[int, int]]) -> np.ndarray:
    """The token indices of ``runs``, in order."""
    return np.concatenate([np.arange(s, e) for s, e in runs]) if runs else np.zeros(0, dtype=int)
