"""Every package and stage module imports on its own, first, in a fresh interpreter: the suite's own
import order hides cycles (``places`` reads actors' names as it loads, ``actors`` reads places)."""
from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = ["detente.places", "detente.places.gazetteer", "detente.actors", "detente.events.roles",
           "detente.events.sides", "detente.events.statements", "detente.pipeline"]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_first(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-600:]
