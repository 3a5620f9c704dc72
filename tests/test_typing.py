"""The package type-checks: mypy (configured in pyproject.toml) finds no error in src/detente, and
no parse object (a spaCy Doc, Span, Token, Language ...) is passed around as ``Any``."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "detente"
# Parameter names that hold spaCy objects in this code base: they must carry a spaCy type.
SPACY_NAMES = {"doc", "sent", "span", "token", "tok", "verb", "noun", "head", "nlp", "matcher", "vocab"}


def _is_any(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Name) and node.id == "Any" or (
        isinstance(node, ast.Constant) and node.value == "Any")


def spacy_any_sites(tree: ast.AST) -> list[str]:
    """``doc: Any``-style parameters and ``Token = Any``-style aliases in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
                if arg.arg in SPACY_NAMES and _is_any(arg.annotation):
                    found.append(f"{node.lineno}: parameter {arg.arg!r} of {node.name}() is Any")
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.target.id in SPACY_NAMES and _is_any(node.annotation):
                found.append(f"{node.lineno}: field {node.target.id!r} is Any")
        elif isinstance(node, ast.Assign) and _is_any(node.value):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            found.append(f"{node.lineno}: alias {', '.join(names)} = Any")
    return found


def test_no_spacy_object_is_typed_any():
    problems = [f"{path.relative_to(ROOT)}:{site}" for path in sorted(SRC.rglob("*.py"))
                for site in spacy_any_sites(ast.parse(path.read_text(encoding="utf-8")))]
    assert problems == []


def test_the_any_check_finds_what_it_should():
    source = "from typing import Any\nToken = Any\ndef f(doc: Any, n: Any, *, tok: 'Any') -> None: ...\n"
    found = spacy_any_sites(ast.parse(source))
    assert [site.split(":")[0] for site in found] == ["2", "3", "3"]
    assert not spacy_any_sites(ast.parse("def f(doc: Doc, value: Any) -> None: ...\n"))


@pytest.mark.slow
def test_mypy_finds_no_error_in_src():  # mypy comes with the test extra: pip install -e '.[test]'
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
