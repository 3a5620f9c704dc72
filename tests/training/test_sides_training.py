"""training.sides: the side models fitted on rows, written in the shipped format and read back."""
from __future__ import annotations

import pytest

from detente.events.chooser import ROLES
from detente.events.learned import export_model, read_model
from training.sides import fit


def test_fitted_models_round_trip_and_rank_the_labelled_choice_first(tmp_path) -> None:
    pytest.importorskip("sklearn")  # training needs the [train] extra; the README's test line installs [test]
    rows = []
    for k in range(200):  # the subject is the source, the object the target, "none" neither
        rows += [(["p=vnsubj", "k=c:True"], 1, 0, str(k)), (["p=vdobj", "k=c:True"], 0, 1, str(k)),
                 (["none"], 0, 0, str(k))]
    vocab, models = fit(rows)
    path = tmp_path / "sides.npz"
    export_model(path, vocab, models, {}, {})
    model = read_model(path, names=ROLES)

    def p(role, feats):
        return model.run(role, model.known(feats)).prob_of("1")

    assert p("source", ["p=vnsubj", "k=c:True"]) > 0.8 > p("source", ["p=vdobj", "k=c:True"])
    assert p("target", ["p=vdobj", "k=c:True"]) > 0.8 > p("target", ["none"])
