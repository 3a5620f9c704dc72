"""Actor knowledge base: placeholder until the loader lands."""
from __future__ import annotations


def load_kb(extra_files: tuple[str, ...] = ()) -> object:
    return None
