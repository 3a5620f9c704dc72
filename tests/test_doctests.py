"""The examples in the package's docstrings run, and say what they return."""
from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "detente"
WITH_EXAMPLES = sorted(".".join(("detente", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
                       for p in SRC.rglob("*.py") if ">>> " in p.read_text(encoding="utf-8"))


def test_some_modules_have_examples():
    assert "detente.pipeline" in WITH_EXAMPLES and "detente.actors.resolve" in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    assert tests, f"{name} has '>>> ' in its text but no docstring example doctest finds"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (see the output above)"
