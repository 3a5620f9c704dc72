"""Train detente's learned coder on the project's corpus and write it into the package.

    python -m training.train [--out src/detente/data/models/coder.npz] [--seed 0]

Five linear models over the parse features of ``detente.events.features``:
  type      every candidate token -> "none" or a CAMEO code (rare codes folded to their parent)
  root      the same tokens -> "none" or a CAMEO root (mixed with the type model's summed codes)
  event     a token a lexicon rule fired on -> "event" or "none" (the ensemble's veto)
  modality  a gold trigger token -> asserted | negated | hypothetical
  time      a gold trigger token -> current | background
Trained on the ``train`` split, scored on ``dev``; the ``test`` split is only read by ``evaluate``.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from detente.events.features import dense_features, is_candidate, rule_features, sentence_vector, token_features
from detente.events.learned import NONE, export_model
from detente.events.matcher import matches_for

from .corpus import Sentence, load_split
from .parse import lexicon, parsed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "detente" / "data" / "models" / "coder.npz"
MIN_CODE = 8  # a code with fewer training triggers is folded into its parent
MIN_FEATURE = 2  # features seen fewer times are dropped


def fold_codes(sents: list[Sentence]) -> dict[str, str]:
    """Map every code of the corpus to the class it is trained as (itself, its parent, its root)."""
    counts = Counter(ev.cameo for s in sents for ev in s.events)
    out = {}
    for code in counts:
        parent = code[:3]
        root0 = code[:2] + "0"
        by3 = sum(n for c, n in counts.items() if c.startswith(parent))
        if counts[code] >= MIN_CODE:
            out[code] = code
        elif by3 >= MIN_CODE and len(code) == 4:
            out[code] = parent
        else:
            out[code] = root0
    return out


@dataclass
class Examples:
    """Training rows: every candidate token (type, event) and every gold trigger (modality, time)."""

    feats: list[list[str]] = field(default_factory=list)
    dense: list[np.ndarray | None] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    fired: list[bool] = field(default_factory=list)
    writer: list[str] = field(default_factory=list)
    trig: list[int] = field(default_factory=list)  # rows that are gold triggers
    modality: list[str] = field(default_factory=list)
    time: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)  # the gold triggers' lemmas


def joined(a: Examples, b: Examples) -> Examples:
    """The rows of ``a`` then of ``b`` (``b``'s gold trigger rows renumbered)."""
    out = Examples(**{f.name: list(getattr(a, f.name)) + list(getattr(b, f.name)) for f in fields(Examples)})
    out.trig = list(a.trig) + [i + len(a.label) for i in b.trig]
    return out


ROW, OTHER_WORD, NOT_CANDIDATE = "row", "other_word", "not_candidate"


def token_rows(sent: Sentence, doc):
    """Every token of a parsed sentence as (token, its gold event or None, the rules that fired,
    their rule features, kind): ``ROW`` for a candidate token (a training row of the type and root
    models), ``OTHER_WORD`` for another word of an annotated event ("held talks": neither event
    nor none), ``NOT_CANDIDATE`` for a token no model scores."""
    gold, roots, near = gold_tokens(sent, doc)
    for tok in doc:
        ev = gold.get(tok.i)
        fired, tried = matches_for(tok, lexicon())
        rules = rule_features([(m.rule.id, m.rule.cameo) for m in fired], len(tried)) if tried else []
        if ev is None and not is_candidate(tok) and not rules:
            kind = NOT_CANDIDATE
        elif ev is None and (tok.i in near or any(m.rule.cameo[:2] in roots for m in fired)):
            kind = OTHER_WORD
        else:
            kind = ROW
        yield tok, ev, fired, rules, kind


def examples(sents: list[Sentence], folding: dict[str, str] | None) -> Examples:
    """The rows of the four models, with the writer of each (for leave-one-writer-out)."""
    ex = Examples()
    for sent, doc in parsed(sents):
        vecs = {}
        for tok, ev, fired, rules, kind in token_rows(sent, doc):
            if kind != ROW:
                continue
            if tok.sent.start not in vecs:
                vecs[tok.sent.start] = sentence_vector(tok.sent)
            label = NONE if ev is None else (folding.get(ev.cameo, ev.cameo[:2] + "0") if folding else ev.cameo)
            if ev is not None:
                ex.trig.append(len(ex.label))
                ex.modality.append(ev.modality)
                ex.time.append(ev.time)
                ex.lemmas.append(tok.lemma_.lower())
            ex.feats.append(token_features(tok, tok.sent, rules))
            ex.dense.append(dense_features(tok, vecs[tok.sent.start]))
            ex.label.append(label)
            ex.fired.append(bool(fired))
            ex.writer.append(sent.writer)
    return ex


def gold_tokens(sent: Sentence, doc) -> tuple[dict, set[str], set[int]]:
    """(the annotated event at each trigger token, the CAMEO roots of the sentence's events, the
    tokens next to a trigger): another word of an annotated event is neither event nor none."""
    gold = {}
    for ev in sent.events:
        tok = _token_at(doc, ev.trigger[0])
        if tok is not None:
            gold.setdefault(tok.i, ev)
    roots = {ev.cameo[:2] for ev in sent.events}
    near = {t.i for i in gold for t in (doc[i].head, *doc[i].children)}
    return gold, roots, near


def _token_at(doc, char: int):
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


def vectorise(rows, vocab):
    """The rows' features as a sparse 0/1 matrix over ``vocab`` (features outside it dropped)."""
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for feats in rows:
        idx = sorted({vocab[f] for f in feats if f in vocab})
        indices.extend(idx)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def vocabulary(rows: list[list[str]], min_feature: int = MIN_FEATURE) -> dict[str, int]:
    """The features seen in at least ``min_feature`` of the rows, numbered."""
    counts = Counter(f for feats in rows for f in set(feats))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_feature))}


def root_labels(labels: list[str]) -> list[str]:
    """The root model's classes: "none" or the code's CAMEO root."""
    return [lab if lab == NONE else lab[:2] for lab in labels]


def _fit(X, y, seed: int, alpha: float, class_weight: dict[str, float] | None = None, weight=None):
    from sklearn.linear_model import SGDClassifier

    clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=40, tol=1e-4, random_state=seed,
                        class_weight=class_weight, average=True)
    clf.fit(X, y, sample_weight=weight)
    return clf


def _fit_mlp(X, y, seed: int, hidden: int, epochs: int, alpha: float = 1e-4):
    """A one-hidden-layer perceptron (ReLU, softmax; Adam, batches of 1,024, a fixed number of
    epochs and seed): conjunctions of the features the linear models only add up."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, batch_size=1024, max_iter=epochs,
                        learning_rate_init=1e-3, random_state=seed, shuffle=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed number of epochs, on purpose
        clf.fit(X, y)
    return clf


def _fit_binary(X, is_none, seed: int, c: float = 0.5, weight=None):
    """Where a rule fired: is it an event? An L2 logistic regression, whose probabilities are
    calibrated enough to veto a rule's event only when it is very sure."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    clf.fit(X, ["none" if n else "event" for n in is_none], sample_weight=weight)
    return clf


def fit(ex: Examples, rows: np.ndarray, seed: int = 0, alpha: float = 5e-6, event_c: float = 2.0,
        dense_weight: float = 0.0, none_weight: float = 1.0, min_feature: int = MIN_FEATURE,
        writer_weight: dict[str, float] | None = None, root_hidden: int = 0,
        root_epochs: int = 6) -> tuple[dict[str, int], dict, np.ndarray | None, np.ndarray | None]:
    """Fit the four models on the given rows of ``ex``: (vocabulary, classifiers, dense mean, scale).
    With ``dense_weight`` 0 the dense features are left out; otherwise they are standardised and
    multiplied by it (their strength against the sparse indicator features under one L2 penalty).
    ``none_weight``: the weight of the type model's "none" rows against the event rows;
    ``min_feature``: features seen in fewer training rows are dropped; ``writer_weight``: the
    weight of each named writer's rows (the others 1), e.g. to give whole-article news writers the
    weight of news's own share of sentences without events; ``root_hidden`` > 0: the root model is a
    perceptron with that many hidden units, trained ``root_epochs`` epochs (no dense features, no
    class or writer weights)."""
    from scipy.sparse import csr_matrix, hstack

    random.seed(seed)
    np.random.seed(seed)
    vocab = vocabulary([ex.feats[i] for i in rows], min_feature)
    X = vectorise([ex.feats[i] for i in rows], vocab)
    mean = scale = None
    if dense_weight > 0:
        D = np.stack([ex.dense[i] for i in rows])
        mean = D.mean(axis=0)
        scale = dense_weight / (D.std(axis=0) + 1e-6)
        X = hstack([X, csr_matrix((D - mean) * scale)]).tocsr()
    labels = [ex.label[i] for i in rows]
    weight = None
    if writer_weight:
        weight = np.array([writer_weight.get(ex.writer[i], 1.0) for i in rows])
    type_clf = _fit(X, labels, seed, alpha, None if none_weight == 1.0 else {NONE: none_weight}, weight)
    # the same rows by CAMEO root: more examples a class, the level top events are judged at
    if root_hidden > 0:
        if dense_weight > 0 or none_weight != 1.0 or weight is not None:
            raise ValueError("the perceptron root model takes no dense features, class or writer weights")
        root_clf = _fit_mlp(X, root_labels(labels), seed, root_hidden, root_epochs)
    else:
        root_clf = _fit(X, root_labels(labels), seed, alpha,
                        None if none_weight == 1.0 else {NONE: none_weight}, weight)
    fired = np.flatnonzero([ex.fired[i] for i in rows])
    event_clf = _fit_binary(X[fired], [labels[j] == NONE for j in fired], seed, event_c,
                            None if weight is None else weight[fired])
    trig_set = set(int(i) for i in rows)
    pos = {int(i): j for j, i in enumerate(rows)}
    trig = [(pos[i], k) for k, i in enumerate(ex.trig) if i in trig_set]
    Xf = X[[j for j, _ in trig]]
    mod_clf = _fit(Xf, [ex.modality[k] for _, k in trig], seed, alpha * 5)
    time_clf = _fit(Xf, [ex.time[k] for _, k in trig], seed, alpha * 5)
    return vocab, {"type": type_clf, "event": event_clf, "modality": mod_clf, "time": time_clf,
                   "root": root_clf}, mean, scale


def write(out: Path, ex: Examples, rows: np.ndarray, folding: dict[str, str], fitted, meta: dict) -> None:
    vocab, classifiers, mean, scale = fitted
    in_rows = set(int(i) for i in rows)
    triggers = Counter(ex.lemmas[k] for k, i in enumerate(ex.trig) if i in in_rows)
    export_model(out, vocab, classifiers, folding,
                 trigger_lemmas=sorted(lemma for lemma, n in triggers.items() if n >= 2),
                 meta=meta, dense_mean=mean, dense_scale=scale)


DEFAULTS = {"alpha": 5e-6, "event_c": 2.0, "dense_weight": 0.0, "none_weight": 1.0, "min_feature": MIN_FEATURE,
            "writer_weight": None, "root_hidden": 0, "root_epochs": 6}


def train(out: Path, seed: int = 0, exclude: tuple[str, ...] = (), augment: int = 0, **params) -> dict:
    """Train on the train split, less the writers in ``exclude``, with ``augment`` name-swapped
    copies of each sentence that names someone or somewhere (``training.augment``)."""
    from .augment import augmented_sentences

    params = {**DEFAULTS, **params}
    t0 = time.time()
    train_s = [s for s in load_split("train") if s.writer not in exclude]
    folding = fold_codes(train_s)
    ex = examples(train_s, folding)
    if augment:
        ex = joined(ex, examples(augmented_sentences(train_s, augment), folding))
    rows = np.arange(len(ex.label))
    fitted = fit(ex, rows, seed, **params)
    fired = [i for i in rows if ex.fired[i]]
    none_share = sum(ex.label[i] == NONE for i in fired) / max(len(fired), 1)  # the veto model's prior
    write(out, ex, rows, folding, fitted, {"seed": seed, **params, "train_sentences": len(train_s), "augment": augment,
                                          "train_writers": sorted({s.writer for s in train_s}),
                                          "fired_none_share": round(none_share, 4)})
    return {"train_sentences": len(train_s), "features": len(fitted[0]),
            "classes": len(fitted[1]["type"].classes_), "seconds": round(time.time() - t0, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--alpha", type=float, default=DEFAULTS["alpha"], help="L2 strength of the SGD models")
    ap.add_argument("--event-c", type=float, default=DEFAULTS["event_c"], help="inverse L2 strength of the veto model")
    ap.add_argument("--dense-weight", type=float, default=DEFAULTS["dense_weight"],
                    help="strength of the standardised contextual vectors (0: sparse features only)")
    ap.add_argument("--none-weight", type=float, default=DEFAULTS["none_weight"],
                    help="class weight of the type model's 'none' rows (1: unweighted)")
    ap.add_argument("--min-feature", type=int, default=DEFAULTS["min_feature"],
                    help="drop features seen in fewer training rows")
    ap.add_argument("--root-hidden", type=int, default=DEFAULTS["root_hidden"],
                    help="hidden units of a perceptron root model (0: the linear root model)")
    ap.add_argument("--root-epochs", type=int, default=DEFAULTS["root_epochs"], help="the perceptron's epochs")
    ap.add_argument("--exclude", default="", help="comma-separated train writers to leave out")
    ap.add_argument("--augment", type=int, default=0,
                    help="name-swapped copies of each sentence naming someone or somewhere (training.augment)")
    ap.add_argument("--writer-weight", default="", help="comma-separated WRITER=WEIGHT (others 1), e.g. w18=3")
    args = ap.parse_args()
    exclude = tuple(w for w in args.exclude.split(",") if w)
    weights = {w: float(x) for w, x in (p.split("=") for p in args.writer_weight.split(",") if p)}
    print(json.dumps(train(args.out, args.seed, exclude, args.augment, alpha=args.alpha, event_c=args.event_c,
                           dense_weight=args.dense_weight, none_weight=args.none_weight,
                           min_feature=args.min_feature, writer_weight=weights or None,
                           root_hidden=args.root_hidden, root_epochs=args.root_epochs), indent=1))


if __name__ == "__main__":
    main()
