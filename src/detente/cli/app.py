"""The Typer application object that every command module registers on."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import typer

app = typer.Typer(
    name="detente",
    help="Political event data from news: CAMEO/PLOVER events with evidence, dyad timelines, briefings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"detente {version('detente')}")
        except PackageNotFoundError:
            typer.echo("detente (not installed)")
        raise typer.Exit()


@app.callback()
def main_options(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print detente's version and exit."),
) -> None:
    """Political event data from news: CAMEO/PLOVER events with evidence, dyad timelines, briefings."""
