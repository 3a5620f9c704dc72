"""Train detente's learned coder on the project's corpus and write it into the package.

    python -m training.train [--out src/detente/data/models/coder.npz] [--seed 0]

Three linear models over the parse features of ``detente.events.features``:
  type      every candidate token -> "none" or a CAMEO code (rare codes folded to their parent)
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
from pathlib import Path

import numpy as np

from detente.events.features import is_candidate, rule_features, token_features
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


def examples(sents: list[Sentence], folding: dict[str, str] | None):
    """(features, type label, a rule fired) per candidate token; (features, modality, time) per
    gold trigger; the lemmas of the gold triggers."""
    typed, flagged, lemmas = [], [], []
    for sent, doc in parsed(sents):
        gold = {}
        for ev in sent.events:
            tok = _token_at(doc, ev.trigger[0])
            if tok is not None:
                gold.setdefault(tok.i, ev)
        roots = {ev.cameo[:2] for ev in sent.events}
        near = {t.i for i in gold for t in (doc[i].head, *doc[i].children)}
        for tok in doc:
            ev = gold.get(tok.i)
            fired, tried = matches_for(tok, lexicon())
            rules = rule_features([(m.rule.id, m.rule.cameo) for m in fired], len(tried)) if tried else []
            if ev is None and not is_candidate(tok) and not rules:
                continue
            if ev is None and (tok.i in near or any(m.rule.cameo[:2] in roots for m in fired)):
                continue  # another word of an annotated event ("held talks"): neither event nor none
            feats = token_features(tok, tok.sent, rules)
            label = NONE if ev is None else (folding.get(ev.cameo, ev.cameo[:2] + "0") if folding else ev.cameo)
            typed.append((feats, label, bool(fired)))
            if ev is not None:
                flagged.append((feats, ev.modality, ev.time))
                lemmas.append(tok.lemma_.lower())
    return typed, flagged, lemmas


def _token_at(doc, char: int):
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


def _vectorise(rows, vocab):
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for feats in rows:
        idx = sorted({vocab[f] for f in feats if f in vocab})
        indices.extend(idx)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def _fit(X, y, seed: int, alpha: float):
    from sklearn.linear_model import SGDClassifier

    clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=40, tol=1e-4, random_state=seed,
                        class_weight=None, average=True)
    clf.fit(X, y)
    return clf


def _fit_binary(X, is_none, seed: int, c: float = 0.5):
    """Where a rule fired: is it an event? An L2 logistic regression, whose probabilities are
    calibrated enough to veto a rule's event only when it is very sure."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    clf.fit(X, ["none" if n else "event" for n in is_none])
    return clf


def train(out: Path, seed: int = 0, alpha: float = 5e-6, event_c: float = 2.0) -> dict:
    random.seed(seed)
    np.random.seed(seed)
    t0 = time.time()
    train_s, dev_s = load_split("train"), load_split("dev")
    folding = fold_codes(train_s)
    typed, flagged, trigger_lemmas = examples(train_s, folding)
    counts = Counter(f for feats, _, _ in typed for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE))}
    X = _vectorise([f for f, _, _ in typed], vocab)
    type_clf = _fit(X, [lab for _, lab, _ in typed], seed, alpha)
    fired = [(f, lab) for f, lab, hit in typed if hit]
    event_clf = _fit_binary(_vectorise([f for f, _ in fired], vocab), [lab == NONE for _, lab in fired], seed, event_c)
    Xf = _vectorise([f for f, _, _ in flagged], vocab)
    mod_clf = _fit(Xf, [m for _, m, _ in flagged], seed, alpha * 5)
    time_clf = _fit(Xf, [t for _, _, t in flagged], seed, alpha * 5)
    triggers = Counter(lemma for lemma in trigger_lemmas)
    export_model(out, vocab, {"type": type_clf, "event": event_clf, "modality": mod_clf, "time": time_clf}, folding,
                 trigger_lemmas=sorted(lemma for lemma, n in triggers.items() if n >= 2),
                 meta={"seed": seed, "alpha": alpha, "train_sentences": len(train_s),
                       "train_writers": sorted({s.writer for s in train_s})})
    report = {"train_sentences": len(train_s), "dev_sentences": len(dev_s), "features": len(vocab),
              "classes": len(type_clf.classes_), "seconds": round(time.time() - t0, 1)}
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--alpha", type=float, default=5e-6, help="L2 strength of the SGD models")
    ap.add_argument("--event-c", type=float, default=2.0, help="inverse L2 strength of the veto model")
    args = ap.parse_args()
    print(json.dumps(train(args.out, args.seed, args.alpha, args.event_c), indent=1))


if __name__ == "__main__":
    main()
