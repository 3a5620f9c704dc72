"""Event trigger lexicon: placeholder until the data lands."""
from __future__ import annotations


def load_lexicon() -> object:
    return None
