"""Command-line interface: thin commands over the Python API.

Each module registers its commands on ``app``; commands parse arguments, call a library
function that returns data, and render it. Only the CLI sets up logging and exit codes.
"""
from __future__ import annotations

from .app import app
from . import corpus_cmds  # noqa: F401  ingest, code, articles, events, stats, demo

for _optional in ("actor_cmds", "coder_cmds", "analyse_cmds"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as exc:  # a command group still being written
        if exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    app()
