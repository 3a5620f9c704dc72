"""detente: political event data from news articles.

Turns articles into CAMEO/PLOVER-coded event records (who did what to whom, when, where),
each with the sentence that proves it, and tracks relations between countries over time.

Python API (the CLI is a thin layer over it):

    import detente
    events = detente.code_text("Iran's president visited Tajikistan on 17 May.", published="2023-06-05")
    pipe = detente.Pipeline()                      # batches, stores
    actor = detente.resolve_actor("Armenian Prime Minister Nikol Pashinyan", date="2022-01-01")
    df = detente.load_events("detente.duckdb")     # pandas DataFrame
    panel = detente.panel("detente.duckdb", unit="dyad", by="year")  # every pair x year
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["Pipeline", "Settings", "code_text", "resolve_actor", "load_events", "panel", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy imports keep `import detente` fast (spaCy loads only when a pipeline is used).
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "code_text":
        from .pipeline import code_text

        return code_text
    if name == "Settings":
        from .settings import Settings

        return Settings
    if name == "resolve_actor":
        from .actors import resolve_actor

        return resolve_actor
    if name == "load_events":
        from .analyse.frames import load_events

        return load_events
    if name == "panel":
        from .analyse.panel import panel

        return panel
    raise AttributeError(f"module 'detente' has no attribute {name!r}")
