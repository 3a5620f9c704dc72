"""How often a rule's trigger is an event in the news the coder reads, and the veto that follows.

    python -m training.prior CORPUS [CORPUS ...] [--limit N] [--out FILE]

The veto model (``event`` in ``coder.npz``) learned P(no event) at a rule's trigger from our corpus,
where a third of the tokens a rule fires on are not events. Real news is sparser in events: the
same trigger words stand far more often in their everyday sense, in metaphors and in background.
A classifier's posterior carries its training prior; under another prior it is off by the ratio of
the priors' odds (Saerens, Latinne & Decaestecker 2002, "Adjusting the outputs of a classifier to
new a priori probabilities"). Their EM estimates the new prior from UNLABELLED text alone: it
needs no annotation, so the news it reads is never an evaluation set.

This script codes the given texts (any input format ``detente code`` reads) with the packaged
model, takes the veto model's P(no event) at every token a rule fired on, estimates the news prior
by EM, and prints the veto threshold the Bayes decision implies (drop a rule's event when the
prior-adjusted P(no event) is above one half) -- the value for ``veto`` in
``src/detente/data/lexicon/coder.yaml``. The training prior is the model's ``fired_none_share``
(written by ``training.train``).
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

import numpy as np

from detente.actors import find_actors
from detente.events.coder import analyse_sentence
from detente.events.learned import NONE
from detente.events.roles import ActorIndex
from detente.nlp import parse
from detente.pipeline import Pipeline, read_articles
from detente.sieve import is_parsed


def em_prior(p_none: np.ndarray, train_prior: float, tol: float = 1e-7, max_iter: int = 1000) -> float:
    """The prior of "no event" in the texts whose posteriors (under ``train_prior``) are ``p_none``."""
    if p_none.size == 0:
        raise ValueError("no rule fired in the texts: nothing to estimate a prior from")
    if not 0.0 < train_prior < 1.0:
        raise ValueError(f"the training prior must be strictly between 0 and 1, got {train_prior}")
    prior = train_prior
    for _ in range(max_iter):
        odds = (prior / train_prior) * p_none
        adjusted = odds / (odds + ((1.0 - prior) / (1.0 - train_prior)) * (1.0 - p_none))
        new = float(adjusted.mean())
        if abs(new - prior) < tol:
            return new
        prior = new
    return prior


def bayes_veto(train_prior: float, news_prior: float) -> float:
    """The raw P(no event) above which the prior-adjusted P(no event) exceeds one half."""
    ratio = (train_prior / (1.0 - train_prior)) / (news_prior / (1.0 - news_prior))
    return ratio / (1.0 + ratio)


def veto_posteriors(pipe: Pipeline, corpora: Sequence[str], limit: int = 0) -> np.ndarray:
    """The veto model's P(no event) at every rule-fired token of the texts (sieve as deployed)."""
    res = pipe.resources

    items = ((a.text, a) for a in read_articles(list(corpora), pipe.settings, limit))
    out: list[float] = []
    for doc, article in parse(pipe.nlp, items, pipe.settings.batch_size, 1, pipe.sieve):
        index = ActorIndex(find_actors(doc, article, res))
        for sent in doc.sents:
            if not is_parsed(sent):
                continue
            analysis = analyse_sentence(sent, index, res.lexicon, res.learned, "ensemble")
            for cand in analysis.candidates:
                if cand.pred is not None and "event" in cand.pred and not cand.rule.id.startswith("learned."):
                    out.append(cand.pred["event"].prob_of(NONE))
    return np.asarray(out, dtype=float)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--limit", type=int, default=0, help="read at most N articles")
    ap.add_argument("--out", help="write the figures as JSON here")
    args = ap.parse_args(argv)
    pipe = Pipeline()
    if pipe.resources.learned is None:
        raise SystemExit("the packaged coder has no learned model")
    meta = pipe.resources.learned.meta
    if "fired_none_share" not in meta:
        raise SystemExit("the packaged model has no fired_none_share: retrain it with training.train")
    train_prior = float(meta["fired_none_share"])
    p = veto_posteriors(pipe, args.corpus, args.limit)
    news_prior = em_prior(p, train_prior)
    veto = bayes_veto(train_prior, news_prior)
    figures = {"rule_fired_tokens": int(p.size), "train_none_share": round(train_prior, 4),
               "mean_posterior_none": round(float(p.mean()), 4), "news_none_prior": round(news_prior, 4),
               "bayes_veto": round(veto, 4), "share_vetoed": round(float((p >= veto).mean()), 4)}
    print(json.dumps(figures, indent=1))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
