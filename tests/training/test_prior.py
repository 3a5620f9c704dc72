"""training.prior: the EM estimate of a new class prior and the Bayes veto it implies."""
import numpy as np
import pytest

from training.prior import bayes_veto, em_prior


def _posteriors(rng: np.random.Generator, n: int, news_none: float, train_none: float) -> np.ndarray:
    """Calibrated training-prior posteriors of texts whose true share of "no event" is ``news_none``:
    two Gaussian score classes, the posterior computed with the training prior."""
    none = rng.random(n) < news_none
    score = np.where(none, rng.normal(1.0, 1.0, n), rng.normal(-1.0, 1.0, n))
    lik_none = np.exp(-0.5 * (score - 1.0) ** 2)
    lik_event = np.exp(-0.5 * (score + 1.0) ** 2)
    return train_none * lik_none / (train_none * lik_none + (1 - train_none) * lik_event)


@pytest.mark.parametrize("news_none", [0.2, 0.5, 0.8])
def test_em_recovers_the_prior_of_unlabelled_texts(news_none: float) -> None:
    p = _posteriors(np.random.default_rng(1), 40_000, news_none, train_none=0.35)
    assert em_prior(p, 0.35) == pytest.approx(news_none, abs=0.02)


def test_em_keeps_the_training_prior_when_nothing_shifted() -> None:
    p = _posteriors(np.random.default_rng(2), 40_000, 0.35, train_none=0.35)
    assert em_prior(p, 0.35) == pytest.approx(0.35, abs=0.02)


def test_bayes_veto_is_one_half_without_shift_and_lower_when_news_has_fewer_events() -> None:
    assert bayes_veto(0.35, 0.35) == pytest.approx(0.5)
    assert bayes_veto(0.35, 0.8) < 0.5 < bayes_veto(0.35, 0.1)
    # at the threshold, the prior-adjusted posterior is one half
    t = bayes_veto(0.3, 0.75)
    odds = t / (1 - t) * (0.75 / 0.25) / (0.3 / 0.7)
    assert odds == pytest.approx(1.0)


def test_em_refuses_empty_input_and_degenerate_priors() -> None:
    with pytest.raises(ValueError, match="no rule fired"):
        em_prior(np.asarray([]), 0.3)
    with pytest.raises(ValueError, match="strictly between"):
        em_prior(np.asarray([0.5]), 1.0)
