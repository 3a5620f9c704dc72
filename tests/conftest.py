"""Session fixtures shared by the test suite (load the model and the data once)."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def resources():
    """All packaged data, with the rule coder: the lexicon's behaviour is tested on its own
    (the learned coder and the ensemble have their own tests in tests/events/test_events_learned.py)."""
    from detente.resources import load_resources
    from detente.settings import Settings

    return load_resources(Settings(coder="rules"))


@pytest.fixture(scope="session")
def kb_resources():
    """Settings and the packaged actor KB only (the actor stage needs nothing else)."""
    from detente.actors.kb import load_kb
    from detente.resources import Resources
    from detente.settings import Settings

    return Resources(settings=Settings(), kb=load_kb(), ontology=None, lexicon=None)


@pytest.fixture(scope="session")
def nlp(kb_resources):
    """The configured spaCy pipeline with the actor gazetteer ruler ahead of its NER."""
    from detente.nlp import load_nlp

    return load_nlp(kb_resources)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (test material lives outside a user's clone)")
    return SHARED
