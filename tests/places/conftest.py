"""Shared fixture of the place tests: code a text with the rule coder and index its events by trigger."""
from __future__ import annotations

import pytest

from detente.pipeline import Pipeline
from detente.settings import Settings


@pytest.fixture(scope="module")
def code():
    pipe = Pipeline(Settings(coder="rules"))

    def run(text: str):
        return {e.mentions[0].trigger: e for e in pipe.code_text(text, published="2023-06-05")}
    return run
