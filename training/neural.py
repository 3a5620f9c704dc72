"""An experiment (issue 10): does a neural token classifier trained end to end on our corpus find the
CAMEO root of a new writer's events better than the linear root model?

    python -m training.neural data --held w15,w20 --out DIR      # DIR/train.spacy, DIR/dev.spacy
    python -m spacy train training/neural_cfg/tagger.cfg --paths.train DIR/train.spacy \\
        --paths.dev DIR/dev.spacy --output DIR/tagger                # a tagger with its own tok2vec
    python -m training.neural compare --held w15,w20 --model DIR/tagger/model-last
    python -m training.neural compare --held w15,w20 --mlp 64    # a one-hidden-layer perceptron
                                                                 # over the linear model's features

One label a token, as the root model's rows are labelled (``train.token_rows``): the CAMEO root
(01..20) on the token of each gold trigger, asserted or not; ``none`` on every other token; no
label (missing, no loss) on the other words of an annotated event ("held talks"), which the root
model leaves out too. ``compare`` fits the linear root model on the same writers and scores both
(with ``--tensor`` also a softmax over the frozen spaCy model's ``doc.tensor``, what a tagger
listening to the shipped tok2vec would be; and each mixed half and half with the linear model) on
the held-out writers' candidate tokens: root accuracy on gold triggers and the share of
non-trigger candidates called an event at each threshold. Writers w21-w25 are left out as in the
shipped model; the test split is never read.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from detente.events.learned import NONE

from .corpus import Sentence, load_split
from .parse import parsed
from .train import ROW, OTHER_WORD, MIN_FEATURE, _fit, _fit_mlp, vectorise, root_labels, token_rows, vocabulary

NOT_IN_SHIPPED = ("w21", "w22", "w23", "w24", "w25")  # as the shipped model (docs/model.md)
THRESHOLDS = (0.3, 0.45, 0.6, 0.8)


def token_labels(sent: Sentence, doc) -> list[str | None]:
    """One label a token: the gold trigger's CAMEO root, ``none``, or None (not trained on)."""
    out: list[str | None] = []
    for _tok, ev, _fired, _rules, kind in token_rows(sent, doc):
        if kind == OTHER_WORD:
            out.append(None)
        else:
            out.append(NONE if ev is None else ev.cameo[:2])
    return out


def write_docbin(pairs: Iterable[tuple[Sentence, Doc]], path: Path) -> int:
    """Parsed sentences as a DocBin of their words with one tag a token (missing: no tag)."""
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "SPACY", "TAG"])
    n = 0
    for sent, doc in pairs:
        out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for tok, label in zip(out, token_labels(sent, doc)):
            if label is not None:
                tok.tag_ = label
        db.add(out)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def splits(held: tuple[str, ...]) -> tuple[list[Sentence], list[Sentence]]:
    """(the training writers' sentences, the held-out writers' sentences)."""
    train = [s for s in load_split("train") if s.writer not in NOT_IN_SHIPPED]
    return [s for s in train if s.writer not in held], [s for s in train if s.writer in held]


class HeldRows:
    """The held-out writers' candidate tokens: features, gold root, and where each one is."""

    def __init__(self, sents: list[Sentence]):
        from detente.events.features import token_features

        self.feats, self.gold, self.writer, self.where, self.docs = [], [], [], [], []
        for k, (sent, doc) in enumerate(parsed(sents)):
            self.docs.append(doc)
            for tok, ev, _fired, rules, kind in token_rows(sent, doc):
                if kind != ROW:
                    continue
                self.feats.append(token_features(tok, tok.sent, rules))
                self.gold.append(NONE if ev is None else ev.cameo[:2])
                self.writer.append(sent.writer)
                self.where.append((k, tok.i))


RULE_FEATURES = ("rule=", "rcode=", "rroot=", "rule_fired", "rule_tried")  # features.rule_features


def _train_rows(held_writers: tuple[str, ...], held: HeldRows, rules: bool = True):
    """The training rows of every writer of the shipped model's, less the held-out ones, as
    ``train.fit`` and ``cv`` make them: (X, root labels, the held-out rows' X). ``rules`` False:
    without what the lexicon said (a model of the parse alone, as the tagger is of the words alone)."""
    from .cv import cached_examples
    from .train import fold_codes

    every = [s for s in load_split("train") if s.writer not in NOT_IN_SHIPPED]
    ex = cached_examples(every, fold_codes(every))
    rows = [i for i, w in enumerate(ex.writer) if w not in held_writers]
    feats = [ex.feats[i] for i in rows]
    if not rules:
        feats = [[f for f in fs if not f.startswith(RULE_FEATURES)] for fs in feats]
    vocab = vocabulary(feats, MIN_FEATURE)  # (the held-out rows' rule features are not in it)
    return vectorise(feats, vocab), root_labels([ex.label[i] for i in rows]), vectorise(held.feats, vocab)


def linear_root(held_writers: tuple[str, ...], held: HeldRows, seed: int = 0, alpha: float = 5e-6,
                rules: bool = True):
    """The linear root model fitted on the other writers, and its probabilities on the held-out
    rows: (classes, matrix)."""
    X, y, H = _train_rows(held_writers, held, rules)
    clf = _fit(X, y, seed, alpha)
    return list(clf.classes_), clf.predict_proba(H)


def mlp_root(held_writers: tuple[str, ...], held: HeldRows, seed: int = 0, hidden: int = 64, epochs: int = 6):
    """The perceptron root model (``train --root-hidden``) fitted on the same rows as the linear
    one: can conjunctions of the features the linear model only adds up (a governing "said" with a
    future auxiliary and the trigger's lemma) carry to a new writer? (classes, matrix) on the
    held-out rows."""
    X, y, H = _train_rows(held_writers, held)
    clf = _fit_mlp(X, y, seed, hidden, epochs)
    return list(clf.classes_), clf.predict_proba(H)


def tagger_probs(model: Path, held: HeldRows):
    """The trained tagger's probabilities on the held-out rows: (classes, matrix)."""
    import spacy

    nlp = spacy.load(model)
    tagger = nlp.get_pipe("tagger")
    docs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in held.docs]
    scores = []
    for i in range(0, len(docs), 256):
        batch = docs[i:i + 256]
        for name, proc in nlp.pipeline:
            if name == "tagger":
                break
            batch = list(proc.pipe(batch))
        scores.extend(tagger.model.predict(batch))
    logits = np.stack([np.asarray(scores[k][i]) for k, i in held.where])  # Tagger.v2 skips the softmax at inference
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return list(tagger.labels), e / e.sum(axis=1, keepdims=True)


def tensor_probs(train_s: list[Sentence], held: HeldRows, seed: int = 0, c: float = 1.0):
    """A softmax over the frozen spaCy model's contextual vectors (``doc.tensor``), trained on every
    labelled token of the training writers: a tagger listening to the shipped tok2vec."""
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    for sent, doc in parsed(train_s):
        for vec, label in zip(doc.tensor, token_labels(sent, doc)):
            if label is not None:
                X.append(vec)
                y.append(label)
    X = np.asarray(X, dtype=np.float32)
    mean, scale = X.mean(axis=0), X.std(axis=0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=300, random_state=seed)
    clf.fit((X - mean) / scale, y)
    H = np.stack([held.docs[k].tensor[i] for k, i in held.where])
    return list(clf.classes_), clf.predict_proba((H - mean) / scale)


def best_root(classes: list[str], probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's most probable CAMEO root ("none" aside) and its probability."""
    roots = [i for i, c in enumerate(classes) if c != NONE]
    best = np.asarray(roots)[probs[:, roots].argmax(axis=1)]
    return np.asarray(classes)[best], probs[np.arange(len(probs)), best]


def measure(classes: list[str], probs: np.ndarray, gold: list[str]) -> dict:
    """Root accuracy on gold triggers (the best root, ``none`` aside), and per threshold t: the
    share of gold triggers whose best root has P >= t and is right, and the share of non-trigger
    candidates whose best root has P >= t (false events)."""
    names, p_best = best_root(classes, probs)
    gold_a = np.asarray(gold)
    trig = gold_a != NONE
    out = {"triggers": int(trig.sum()), "non_triggers": int((~trig).sum()),
           "root_acc": round(float((names[trig] == gold_a[trig]).mean()), 4)}
    for t in THRESHOLDS:
        out[f"right@{t}"] = round(float(((names == gold_a) & (p_best >= t))[trig].mean()), 4)
        out[f"false@{t}"] = round(float((p_best[~trig] >= t).mean()), 4)
    return out


def at_false_rate(classes: list[str], probs: np.ndarray, gold: list[str], rate: float) -> dict:
    """The threshold at which a model calls the given share of non-trigger candidates an event, and
    the share of gold triggers it then finds with the right root."""
    names, p_best = best_root(classes, probs)
    gold_a = np.asarray(gold)
    trig = gold_a != NONE
    t = float(np.quantile(p_best[~trig], 1 - rate)) if rate > 0 else 1.0
    right = (names == gold_a) & (p_best >= t)
    return {"threshold": round(t, 4), "right": round(float(right[trig].mean()), 4)}


def mixed(a: tuple[list[str], np.ndarray], b: tuple[list[str], np.ndarray], weight: float):
    """``weight`` times model a's probabilities plus the rest times b's, over a's classes."""
    (ca, pa), (cb, pb) = a, b
    cols = [cb.index(c) for c in ca]
    return ca, weight * pa + (1 - weight) * pb[:, cols]


def compare(held_writers: tuple[str, ...], model: list[Path] | None, tensor: bool, seed: int = 0,
            without_rules: bool = False, mlp: list[int] | None = None, epochs: int = 6) -> dict:
    train_s, held_s = splits(held_writers)
    t0 = time.time()
    held = HeldRows(held_s)
    models = {"linear": linear_root(held_writers, held, seed)}
    print(f"linear root model: {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    if without_rules:
        models["linear_no_rules"] = linear_root(held_writers, held, seed, rules=False)
    for k, path in enumerate(model or []):
        models["tagger" + (str(k) if k else "")] = tagger_probs(path, held)
    for hidden in mlp or []:
        models[f"mlp{hidden}"] = mlp_root(held_writers, held, seed, hidden, epochs)
        print(f"mlp {hidden}: {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    if tensor:
        models["tensor"] = tensor_probs(train_s, held, seed)
        print(f"tensor softmax: {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    for name in [m for m in models if m.startswith(("tagger", "tensor", "mlp"))]:
        models[f"mix_{name}"] = mixed(models["linear"], models[name], 0.5)
    report: dict = {}
    writers = np.asarray(held.writer)
    for w in held_writers:
        pick = np.flatnonzero(writers == w)
        gold = [held.gold[i] for i in pick]
        rows = {name: measure(cls, p[pick], gold) for name, (cls, p) in models.items()}
        base = rows["linear"]["false@0.45"]
        for name, (cls, p) in models.items():
            rows[name]["at_linear_false@0.45"] = at_false_rate(cls, p[pick], gold, base)
        report[w] = rows
    return report


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data", help="DocBins of the training writers and of dev (for spaCy's log only)")
    d.add_argument("--held", default="w15,w20")
    d.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("compare", help="the tagger against the linear root model on held-out writers")
    c.add_argument("--held", default="w15,w20")
    c.add_argument("--model", type=Path, action="append", help="a trained tagger pipeline (spacy train's "
                   "model-last); may be given again (another seed): tagger, tagger1, ...")
    c.add_argument("--without-rules", action="store_true", help="also the linear model without the rule features")
    c.add_argument("--tensor", action="store_true", help="also a softmax over the frozen doc.tensor")
    c.add_argument("--mlp", type=int, action="append", help="also a one-hidden-layer perceptron over the "
                   "linear model's features with this many hidden units; may be given again")
    c.add_argument("--epochs", type=int, default=6, help="the perceptron's epochs")
    c.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    held = tuple(w for w in args.held.split(",") if w)
    if args.cmd == "data":
        train_s, _ = splits(held)
        n = write_docbin(parsed(train_s), args.out / "train.spacy")
        m = write_docbin(parsed(load_split("dev")), args.out / "dev.spacy")
        print(json.dumps({"train_docs": n, "dev_docs": m}))
    else:
        print(json.dumps(compare(held, args.model, args.tensor, args.seed, args.without_rules, args.mlp, args.epochs), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
