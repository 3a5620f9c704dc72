"""Faster equivalents of two components of spaCy's English pipelines, with the same output.

- ``attribute_ruler``: spaCy's runs a Matcher of every pattern (179 in the small model) over every
  token. Its patterns test TAG, LOWER, DEP and IS_SPACE for a value, a list of values (IN, NOT_IN)
  or a regular expression, in sequences of one to three tokens without operators; ``IndexedMatch``
  files each under the values its first token must have, checks it where a token has them, and
  leaves any other pattern to a Matcher, returning the matches in the order spaCy sorts them (so
  later rules still win); ``DirectSetter`` applies them to the tokens without a Span per match.
  ``ArrayRuler`` does both over the Doc's arrays when the rules set only a token's own values
  (lemma, part of speech, tag, features, label): what each distinct row of values ends with, the
  rules applied in spaCy's order, is worked out once, and the Doc's columns are written in one call.
- ``lemmatizer`` (rule mode): spaCy's calls a Python method per token; ``CachedLemmatizer`` reads
  the (form, part of speech, features) of a Doc as arrays and asks the lemmatizer once per new
  triple (spaCy's own cache key), writing the lemmas back in one call; the lemmatizer's table of
  known words is read as sets instead of lists (``index_sets``).

``speed_up(nlp)`` installs both where the pipeline has them (``load_nlp`` calls it).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

_COLUMNS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}  # preferred index first
_CACHE_MAX = 500_000  # entries of a cache before it is emptied
Cond = tuple[int, str, Any]  # (column, "in" | "not_in" | "regex", hashes or a compiled pattern)


def _conditions(token: dict[str, Any], strings: Any) -> list[Cond] | None:
    """A pattern token's tests as (column, op, values); None when it uses anything else (an
    operator, another attribute or predicate): the Matcher then keeps the pattern."""
    out: list[Cond] = []
    for attr, value in token.items():
        if attr not in _COLUMNS:
            return None
        col = list(_COLUMNS).index(attr)
        if isinstance(value, bool):
            out.append((col, "in", frozenset({int(value)})))
        elif isinstance(value, str):
            out.append((col, "in", frozenset({strings.add(value)})))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                out.append((col, op.lower(), frozenset(strings.add(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                out.append((col, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return out


class IndexedMatch:
    """``AttributeRuler.match`` without a Matcher for patterns of tokens that test TAG, LOWER, DEP
    or IS_SPACE for equality, membership (IN, NOT_IN) or a regular expression: each pattern is filed
    under the values its first token must have (LOWER preferred) and checked on the tokens that have
    them (a pattern whose first token has no such values is checked everywhere). The matches come
    in the order spaCy sorts them (so later rules still win). Patterns with operators or other
    attributes stay with a Matcher."""

    def __init__(self, ruler: Any):
        strings = ruler.vocab.strings
        self.index: list[dict[int, list[tuple[int, int, list[list[Cond]]]]]] = [{} for _ in _COLUMNS]
        self.everywhere: list[tuple[int, int, list[list[Cond]]]] = []
        self.rest = Matcher(ruler.vocab, validate=False)
        self.rest_size = 0
        for attr_id, entry in enumerate(ruler.patterns):  # rule i is matched under the key str(i)
            key = strings.add(str(attr_id))
            others = []
            for pattern in entry["patterns"]:
                conds = [_conditions(tok, strings) for tok in pattern]
                if not pattern or any(c is None for c in conds):
                    others.append(pattern)
                    continue
                seq = [c for c in conds if c is not None]
                filed = next((c for c in sorted(seq[0], key=lambda c: c[0]) if c[1] == "in"), None)
                if filed is None:
                    self.everywhere.append((attr_id, key, seq))
                else:
                    for value in filed[2]:
                        self.index[filed[0]].setdefault(value, []).append((attr_id, key, seq))
            if others:
                self.rest.add(str(attr_id), others)
                self.rest_size += len(others)
        self.strings = strings
        self._regex: dict[tuple[int, int], bool] = {}
        self._rows: dict[tuple[int, ...], Any] = {}  # a token's values -> _row's answer

    def _token_holds(self, row: list[int] | tuple[int, ...], conds: list[Cond]) -> bool:
        for col, op, values in conds:
            value = row[col]
            if op == "in":
                if value not in values:
                    return False
            elif op == "not_in":
                if value in values:
                    return False
            else:
                hit = self._regex.get((id(values), value))
                if hit is None:
                    if len(self._regex) >= _CACHE_MAX:
                        self._regex.clear()
                    hit = self._regex[(id(values), value)] = bool(values.search(self.strings[value]))
                if not hit:
                    return False
        return True

    def _row(self, row: tuple[int, ...]) -> tuple[list[tuple[int, int]], list[tuple[int, int, list[list[Cond]]]]]:
        """The one-token patterns a token of these (LOWER, TAG, DEP, IS_SPACE) values matches, and
        the longer patterns its first token can start."""
        ones: list[tuple[int, int]] = []
        longer: list[tuple[int, int, list[list[Cond]]]] = []
        cands = [c for col, filed in enumerate(self.index) for c in filed.get(row[col], ())]
        for attr_id, key, seq in cands + self.everywhere:
            if self._token_holds(row, seq[0]):
                if len(seq) == 1:
                    ones.append((attr_id, key))
                else:
                    longer.append((attr_id, key, seq))
        return ones, longer

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.strings
        matches = [(int(strings[m_id]), m_id, s, e)
                   for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)] if self.rest_size else []
        rows = [tuple(r) for r in doc.to_array(list(_COLUMNS.values())).tolist()] if len(doc) else []
        cache = self._rows
        for i, row in enumerate(rows):
            hit = cache.get(row)
            if hit is None:
                if len(cache) >= _CACHE_MAX:
                    cache.clear()
                hit = cache[row] = self._row(row)
            ones, longer = hit
            if ones:
                matches.extend((attr_id, m_id, i, i + 1) for attr_id, m_id in ones)
            for attr_id, m_id, seq in longer:
                if i + len(seq) <= len(rows) and all(self._token_holds(rows[i + k], seq[k]) for k in range(1, len(seq))):
                    matches.append((attr_id, m_id, i, i + len(seq)))
        return sorted(set(matches))


class DirectSetter:
    """``AttributeRuler.set_annotations`` without building a Span per match."""

    def __init__(self, ruler: Any):
        self.attrs, self.indices = ruler.attrs, ruler.indices

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            if not -(end - start) <= index < end - start:
                raise ValueError(f"attribute_ruler: index {index} outside a match of {end - start} tokens")
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])


# what ``set_token_attrs`` sets as a plain value on the token alone (not on its lexeme), as
# ``Doc.from_array`` does
_TOKEN_VALUES = frozenset({LEMMA, POS, TAG, MORPH, DEP})


class ArrayRuler:
    """``AttributeRuler.match`` and ``set_annotations`` (``IndexedMatch``, ``DirectSetter``) as one
    pass over the Doc's arrays, for rules that set only ``_TOKEN_VALUES``: each distinct row of
    (LOWER, TAG, DEP, IS_SPACE) gets, once, the values its one-token rules leave (the rules applied
    in spaCy's order: a later rule's value wins); a token a longer pattern or the Matcher's rest
    also sets gets the values of all its rules, in that order; then the columns are written in one
    ``Doc.from_array``. ``match`` returns the plan (a result per token), ``set_annotations`` writes
    it. ``usable`` is False when a rule sets anything else or points outside its pattern."""

    def __init__(self, ruler: Any, indexed: IndexedMatch):
        self.indexed = indexed
        self.indices = list(ruler.indices)
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self.sets = [[(self.columns.index(attr), value) for attr, value in attrs.items()] for attrs in ruler.attrs]
        lengths = [{len(p) for p in entry["patterns"]} for entry in ruler.patterns]
        self.usable = bool(self.columns) and set(self.columns) <= _TOKEN_VALUES and all(
            -n <= index < n for index, sizes in zip(self.indices, lengths) for n in sizes)
        self._rows: dict[tuple[int, ...], tuple[int, list[tuple[int, int, list[list[Cond]]]]]] = {}
        self._results: dict[tuple[int, ...], int] = {}  # the rules a token matches -> its result
        self._members: list[tuple[int, ...]] = []  # result -> those rules
        self._values: list[list[int]] = []  # result -> the value of each column (0: unset)
        self._set: list[list[bool]] = []  # result -> whether a rule sets the column
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None

    def _result(self, rules: tuple[int, ...]) -> int:
        """The result of a token matched by ``rules`` (rule indices, ascending)."""
        found = self._results.get(rules)
        if found is None:  # (as many as the distinct sets of rules tokens match: a few hundred)
            values, done = [0] * len(self.columns), [False] * len(self.columns)
            for rule in rules:  # spaCy's order: a later rule's value wins
                for col, value in self.sets[rule]:
                    values[col], done[col] = value, True
            found = self._results[rules] = len(self._members)
            self._members.append(rules)
            self._values.append(values)
            self._set.append(done)
            self._arrays = None
        return found

    def _row(self, row: tuple[int, ...]) -> tuple[int, list[tuple[int, int, list[list[Cond]]]]]:
        ones, longer = self.indexed._row(row)
        return self._result(tuple(sorted({attr_id for attr_id, _ in ones}))), longer

    def match(self, doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
        """Each token's result, and the (token, rule) pairs of the longer patterns and the rest."""
        if not len(doc):
            return [], []
        indexed, cache = self.indexed, self._rows
        rows = [tuple(r) for r in doc.to_array(list(_COLUMNS.values())).tolist()]
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        hits = [cache.get(row) or cache.setdefault(row, self._row(row)) for row in rows]
        extra: list[tuple[int, int]] = []
        for i in [i for i, hit in enumerate(hits) if hit[1]]:
            for attr_id, _, seq in hits[i][1]:
                if i + len(seq) <= len(rows) and all(indexed._token_holds(rows[i + k], seq[k])
                                                     for k in range(1, len(seq))):
                    extra.append((self._target(attr_id, i, i + len(seq)), attr_id))
        if indexed.rest_size:
            strings = indexed.strings
            for m_id, start, end in indexed.rest(doc, allow_missing=True, as_spans=False):
                attr_id = int(strings[m_id])
                extra.append((self._target(attr_id, start, end), attr_id))
        return [hit[0] for hit in hits], extra

    def _target(self, attr_id: int, start: int, end: int) -> int:
        index = self.indices[attr_id]
        return start + index if index >= 0 else end + index

    def set_annotations(self, doc: Doc, plan: tuple[list[int], list[tuple[int, int]]]) -> None:
        results, extra = plan
        if not results:
            return
        more: dict[int, set[int]] = {}
        for token, attr_id in extra:
            more.setdefault(token, set()).add(attr_id)
        for token, rules in more.items():
            results[token] = self._result(tuple(sorted(rules.union(self._members[results[token]]))))
        if self._arrays is None:
            self._arrays = (np.array(self._values, dtype=np.uint64).reshape(-1, len(self.columns)),
                            np.array(self._set, dtype=bool).reshape(-1, len(self.columns)))
        values, done = self._arrays
        index = np.asarray(results, dtype=np.intp)
        merged = np.where(done[index], values[index], doc.to_array(self.columns))
        doc.from_array(self.columns, merged)  # type: ignore[arg-type]  # uint64 values: what spaCy's Ints2d stands for


class CachedLemmatizer:
    """Calls the rule lemmatizer once per new (form, part of speech, features) triple."""

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}  # spaCy's key: form, part of speech, features

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lem = self.lemmatizer
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        cache = self.cache
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        get, keep = cache.get, not lem.overwrite
        # a lemma already set (by the attribute ruler) stays; the others from the cache, None if new
        out = [lemma if lemma and keep else get((orth, pos, morph)) for orth, pos, morph, lemma in rows]
        strings = doc.vocab.strings
        for i in [i for i, value in enumerate(out) if value is None]:
            orth, pos, morph, _ = rows[i]
            value = cache.get((orth, pos, morph))
            if value is None:
                value = cache[(orth, pos, morph)] = strings.add(lem.lemmatize(doc[i])[0])
            out[i] = value
        doc.from_array([LEMMA], np.array(out, dtype=np.uint64).reshape(-1, 1))  # type: ignore[arg-type]  # spaCy's Ints2d
        return doc


def index_sets(lemmatizer: Lemmatizer) -> int:
    """The rule lemmatizer's ``lemma_index`` word lists as sets; returns how many were lists.

    spaCy's ``rule_lemmatize`` asks ``form in index`` of every form a suffix rule makes, and the
    English tables keep each part of speech's known words as a list (3,775 to 57,528 of them): a scan
    of the list per question, about 90 microseconds a word lemmatized. The rule only asks whether a
    form is in the table's value and whether the value is empty, which a set answers the same way."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return 0
    table = lookups.get_table("lemma_index")
    lists = [key for key, value in table.items() if isinstance(value, list)]
    for key in lists:
        table[key] = frozenset(table[key])
    return len(lists)


@Language.factory("detente_cached_lemmatizer_v1")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Wraps the pipeline's (disabled) ``lemmatizer``."""
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


_NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def noun_chunks(doclike: Doc | Span) -> Iterator[tuple[int, int, int]]:
    """spaCy's English ``noun_chunks`` syntax iterator (``spacy.lang.en.syntax_iterators``), reading
    parts of speech, labels and heads from the Doc's arrays: a Token is made only for the words
    that may head a chunk (for their left edge), not for every word of the Doc on every call."""
    doc = doclike.doc
    if not doc.has_annotation("DEP"):
        raise ValueError(Errors.E029)
    strings = doc.vocab.strings
    np_deps = [strings.add(label) for label in _NP_DEPS]
    conj, np_label = strings.add("conj"), strings.add("NP")
    start, end = (doclike.start, doclike.end) if isinstance(doclike, Span) else (0, len(doc))
    if end <= start:
        return
    values = doc.to_array([POS, DEP, HEAD])
    pos, dep = values[:, 0], values[:, 1]
    heads = (np.arange(len(doc)) + values[:, 2].astype(np.int64)).tolist()  # HEAD: offsets, as uint64
    nominal = np.isin(pos[start:end], (NOUN, PROPN, PRON)) & np.isin(dep[start:end], (*np_deps, conj))
    deps = dep.tolist()
    prev_end = -1
    for i in (np.flatnonzero(nominal) + start).tolist():
        if doc[i].left_edge.i <= prev_end:  # no nested chunks
            continue
        if deps[i] != conj:
            prev_end = i
            yield doc[i].left_edge.i, i + 1, np_label
            continue
        head = heads[i]
        while deps[head] == conj and heads[head] < head:
            head = heads[head]
        if deps[head] in np_deps:  # coordinated to a noun phrase: one too
            prev_end = i
            yield doc[i].left_edge.i, i + 1, np_label


def speed_up(nlp: Language) -> None:
    """Install the faster equivalents in a loaded pipeline."""
    vocab = cast(Any, nlp.vocab)  # spaCy types the iterator as yielding Spans; it yields (start, end, label)
    if vocab.get_noun_chunks is english_noun_chunks:
        vocab.get_noun_chunks = noun_chunks
    if "attribute_ruler" in nlp.pipe_names:
        ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))  # spaCy types pipes as Callable[[Doc], Doc]
        indexed = IndexedMatch(ruler)
        array = ArrayRuler(ruler, indexed)
        if array.usable:  # the rules set only a token's own values: both steps over the Doc's arrays
            ruler.match = array.match  # type: ignore[method-assign]  # replacing the methods is the point
            ruler.set_annotations = array.set_annotations  # type: ignore[method-assign]
        else:
            ruler.match = indexed  # type: ignore[method-assign]
            ruler.set_annotations = DirectSetter(ruler)  # type: ignore[method-assign]
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        index_sets(lemmatizer)
        nlp.add_pipe("detente_cached_lemmatizer_v1", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")  # kept loaded: the cached one asks it
