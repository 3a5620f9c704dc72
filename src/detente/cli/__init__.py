"""Command-line interface: thin commands over the Python API.

Each module registers its commands on ``app``; commands parse arguments, call a library
function that returns data, and render it. Only the CLI sets up logging and exit codes.
"""
from __future__ import annotations

import os
import sys

from .app import app
from . import corpus_cmds  # noqa: F401  ingest, code, articles, events, stats, demo

for _optional in ("actor_cmds", "coder_cmds", "analyse_cmds", "watch_cmds"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as exc:  # a command group still being written
        if exc.name != f"{__name__}.{_optional}":
            raise


EXIT_CRASH = 3  # 0 done, 1 some input skipped, 2 bad usage or user error, 3 internal error


def main() -> None:
    """Run the CLI; an unexpected error exits 3 (not 1, which means "some input was skipped")."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the one place a crash becomes an exit code
        if os.environ.get("DETENTE_TRACEBACK"):
            raise
        print(f"detente: internal error: {type(exc).__name__}: {exc} "
              f"(exit {EXIT_CRASH}; set DETENTE_TRACEBACK=1 to see where)", file=sys.stderr)
        sys.exit(EXIT_CRASH)
