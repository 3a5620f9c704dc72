"""The embedded event store (DuckDB): ``Store.open(path)``."""
from __future__ import annotations

from .db import Store

__all__ = ["Store"]
