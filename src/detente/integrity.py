"""The spaCy model detente was tested with, checked file by file before it is used.

``data/models/spacy_models.yaml`` records, for each model name detente pins, the sha256 of every
file the model's wheel installs. A model of that name whose files differ (a tampered or corrupted
install, another build under the same name) is refused with the file that differs and how to
reinstall; a model detente does not pin (a user's own, set in the ``model`` setting) is not checked.
"""
from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import yaml

from .errors import DataFileError, ModelIntegrityError

MANIFEST = "spacy_models.yaml"


@lru_cache(maxsize=1)
def _manifest() -> dict[str, dict[str, str]]:
    """{model name: {relative path: sha256}} from the packaged manifest, validated."""
    text = importlib_resources.files("detente").joinpath("data", "models", MANIFEST).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise DataFileError(f"data/models/{MANIFEST}", "expected a mapping of model names")
    out: dict[str, dict[str, str]] = {}
    for name, entry in data.items():
        files = entry.get("files") if isinstance(entry, dict) else None
        if not isinstance(files, dict) or not files or not all(
                isinstance(v, str) and len(v) == 64 for v in files.values()):
            raise DataFileError(f"data/models/{MANIFEST}", f"{name!r} needs 'files' of path: sha256")
        out[str(name)] = {str(k): v for k, v in files.items()}
    return out


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_files(name: str, root: Path, expected: dict[str, str]) -> None:
    """Raise ModelIntegrityError unless ``root`` holds exactly the ``expected`` files and digests."""
    found = {p.relative_to(root).as_posix(): p for p in root.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    fix = f"reinstall it with `pip install --force-reinstall --no-deps {name.replace('_', '-')}`"
    for rel, digest in sorted(expected.items()):
        if rel not in found:
            raise ModelIntegrityError(f"spaCy model {name!r}: file {rel} is missing; {fix}")
        if _digest(found[rel]) != digest:
            raise ModelIntegrityError(
                f"spaCy model {name!r}: file {rel} differs from the one detente was tested with; {fix}")
    extra = sorted(set(found) - set(expected))
    if extra:
        raise ModelIntegrityError(f"spaCy model {name!r}: unexpected file {extra[0]}; {fix}")


@lru_cache(maxsize=8)
def verify_model(name: str) -> bool:
    """Check an installed model package against the manifest; True if checked, False if not pinned."""
    expected = _manifest().get(name)
    if expected is None:
        return False
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return False  # not installed: spacy.load reports it
    verify_files(name, Path(spec.origin).parent, expected)
    return True
