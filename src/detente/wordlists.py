"""Word lists kept as data: ``src/detente/data/words/*.yaml``, read once, checked when read.

A file maps list names to lists of words (or phrases), or to mappings of words to values:

    # data/words/numbers.yaml
    numbers: {one: 1, two: 2, ...}

``words(file, name)`` gives a list's words in the file's order, ``word_map(file, name)`` a
mapping's. A list must be a non-empty list of distinct non-empty strings; anything else is a
``DataFileError`` naming the file, the list and what is wrong.

>>> words("numbers", "numbers")[:3]
('zero', 'one', 'two')
>>> number_words()["twelve"]
12
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import yaml

from .errors import DataFileError

FOLDER = "words"


@lru_cache(maxsize=None)
def _file(name: str, folder: str = FOLDER, section: str | None = None) -> dict[str, Any]:
    rel = f"data/{folder}/{name}.yaml"
    data = read_packaged(f"{folder}/{name}.yaml")
    if section is not None:
        data = data.get(section) if isinstance(data, dict) else None
        rel = f"{rel} ({section})"
    return check(data, rel)


def read_packaged(rel: str) -> Any:
    """The parsed YAML of the packaged data file ``data/<rel>``; DataFileError when it cannot be read."""
    path = importlib_resources.files("detente").joinpath("data", *rel.split("/"))
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"data/{rel}", f"cannot read: {exc}") from exc


def check(data: Any, origin: str) -> dict[str, Any]:
    """``data`` if it is a mapping of list names to word lists or word mappings; DataFileError otherwise."""
    if not isinstance(data, dict) or not data:
        raise DataFileError(origin, "must map list names to lists of words")
    for key, value in data.items():
        entries = list(value) if isinstance(value, (list, dict)) else None
        if not entries:
            raise DataFileError(origin, f"{key}: must be a non-empty list or mapping of words")
        bad = [w for w in entries if not isinstance(w, str) or not w.strip() or w != w.strip()]
        if bad:
            raise DataFileError(origin, f"{key}: not a word: {bad[0]!r}")
        if len(set(entries)) != len(entries):
            dup = next(w for w in entries if entries.count(w) > 1)
            raise DataFileError(origin, f"{key}: {dup!r} is listed twice")
    return data


def words(file: str, name: str) -> tuple[str, ...]:
    """The words of list ``name`` of ``data/words/<file>.yaml``, in their order."""
    data = _file(file)
    if name not in data:
        raise DataFileError(f"data/{FOLDER}/{file}.yaml", f"has no list {name!r}")
    return tuple(data[name])


def word_set(file: str, name: str) -> frozenset[str]:
    return frozenset(words(file, name))


def word_map(file: str, name: str) -> dict[str, Any]:
    """The mapping ``name`` of ``data/words/<file>.yaml`` (a copy)."""
    value = _file(file).get(name)
    if not isinstance(value, dict):
        raise DataFileError(f"data/{FOLDER}/{file}.yaml", f"has no mapping {name!r}")
    return dict(value)


def lexicon_words(file: str, section: str, name: str) -> frozenset[str]:
    """A word list of the event lexicon, ``data/lexicon/<file>.yaml`` (its ``section``), for a
    stage that shares it without loading the whole lexicon (the time grammar's verbs of intention)."""
    data = _file(file, "lexicon", section)
    if name not in data:
        raise DataFileError(f"data/lexicon/{file}.yaml", f"{section} has no list {name!r}")
    return frozenset(data[name])


def number_words() -> dict[str, int]:
    """Number words and their values ("zero" 0 ... "hundred" 100), for dates, counts and durations."""
    return word_map("numbers", "numbers")
