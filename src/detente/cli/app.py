"""The Typer application object that every command module registers on."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="detente",
    help="Political event data from news: CAMEO/PLOVER events with evidence, dyad timelines, briefings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
