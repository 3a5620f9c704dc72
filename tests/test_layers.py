"""The package's layers, read from its imports (ast): model -> stages -> pipeline -> analyse -> cli/web.

A module may import from its own layer or a lower one, never a higher one, and no modules import
each other in a circle (lazy imports inside functions count too). The package root ``detente``
is the public API, the top layer; ``from detente import __version__`` is allowed anywhere, as the
root defines it without importing anything.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "detente"

LAYERS = ("model", "stages", "pipeline", "analyse", "top")
# The first matching prefix gives a module's layer (a prefix names a module or a package).
LAYER_OF = (
    ("detente.model", "model"), ("detente.errors", "model"), ("detente.settings", "model"),
    ("detente.dates", "model"), ("detente.wordlists", "model"), ("detente.policy", "model"),
    ("detente.pipeline", "pipeline"), ("detente.watch", "pipeline"), ("detente.store", "pipeline"),
    ("detente.engines", "pipeline"),
    ("detente.analyse", "analyse"), ("detente.evaluate", "analyse"),
    ("detente.cli", "top"), ("detente.web", "top"),
    ("detente.clean", "stages"), ("detente.nlp", "stages"), ("detente.ingest", "stages"),
    ("detente.fetch", "stages"), ("detente.dating", "stages"), ("detente.identity", "stages"),
    ("detente.stories", "stages"), ("detente.resources", "stages"), ("detente.integrity", "stages"),
    ("detente.actors", "stages"), ("detente.events", "stages"), ("detente.places", "stages"),
    ("detente.time", "stages"), ("detente.sieve", "stages"), ("detente.speedups", "stages"),
    ("detente.doctext", "stages"), ("detente.embedmemo", "stages"), ("detente.nerdecode", "stages"),
)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> set[str]:
    """The package's modules that ``path`` imports, anywhere in it (top level or in a function)."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top = root.name
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name == top or a.name.startswith(top + "."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module != top and not module.startswith(top + "."):
                continue
            for alias in node.names:
                if module == top and alias.name == "__version__":
                    continue  # defined in the root, which imports nothing to give it
                sub = f"{module}.{alias.name}"
                is_module = (root.parent / (sub.replace(".", "/") + ".py")).exists() or \
                    (root.parent / sub.replace(".", "/")).is_dir()
                found.add(sub if is_module else module)
    found.discard(name)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def layer(module: str, table: tuple[tuple[str, str], ...] = LAYER_OF) -> str:
    if module.count(".") == 0:
        return "top"  # the package root: the public API
    for prefix, name in table:
        if module == prefix or module.startswith(prefix + "."):
            return name
    raise AssertionError(f"{module} is in no layer: add it to LAYER_OF in tests/test_layers.py")


def upward_imports(graph: dict[str, set[str]], table: tuple[tuple[str, str], ...] = LAYER_OF) -> list[str]:
    return sorted(f"{a} ({layer(a, table)}) imports {b} ({layer(b, table)})"
                  for a, targets in graph.items() for b in targets
                  if LAYERS.index(layer(b, table)) > LAYERS.index(layer(a, table)))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_module_is_in_a_layer():
    for module in import_graph(SRC):
        assert layer(module) in LAYERS


def test_no_module_imports_a_higher_layer():
    assert upward_imports(import_graph(SRC)) == []


def test_no_import_cycle():
    assert cycles(import_graph(SRC)) == []


@pytest.fixture()
def toy(tmp_path):
    """A small package with an upward import (a stage importing the CLI) and a cycle."""
    root = tmp_path / "detente"
    for rel, text in {"__init__.py": "__version__ = '0'\n",
                      "model.py": "from . import __version__\n",
                      "events/__init__.py": "",
                      "events/coder.py": "from ..model import X\nfrom .roles import r\n",
                      "events/roles.py": "def f():\n    from .coder import c\n    from ..cli import app\n",
                      "cli/__init__.py": "", "cli/app.py": "import detente.model\n"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_checks_find_an_upward_import_and_a_cycle(toy):
    graph = import_graph(toy)
    assert graph["detente.model"] == set()  # __version__ from the root is allowed
    assert graph["detente.cli.app"] == {"detente.model"}
    assert upward_imports(graph) == ["detente.events.roles (stages) imports detente.cli.app (top)"]
    assert cycles(graph) == [["detente.events.coder", "detente.events.roles"]]
