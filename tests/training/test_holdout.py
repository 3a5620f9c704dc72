"""training.holdout: the training parameters read from the command line."""
from __future__ import annotations

import pytest

from training.holdout import main, training_params


def test_parameters_are_typed_as_fit_takes_them():
    params = training_params(["alpha=2e-5", "min_feature=3", "none_weight=0.5"], "w21=0.4,w22=0.5")
    assert params == {"alpha": 2e-5, "min_feature": 3, "none_weight": 0.5,
                      "writer_weight": {"w21": 0.4, "w22": 0.5}}
    assert isinstance(params["min_feature"], int)
    assert training_params([], "") == {}


def test_an_unknown_or_empty_parameter_is_refused():
    with pytest.raises(ValueError):
        training_params(["learning_rate=0.1"], "")
    with pytest.raises(ValueError):
        training_params(["alpha="], "")


def test_a_writer_cannot_be_both_held_out_and_excluded():
    with pytest.raises(SystemExit):
        main(["--hold", "w24,w25", "--exclude", "w25"])
