"""The Typer application object that every command module registers on.

Its command classes keep the command line in one style: usage errors print as one
``error: …`` line with the way to the help (not a framed box titled "Error"), flags show no
``<bool>`` type in the help, and output piped into a reader that stops early (``| head``) ends
the command quietly with status 0.
"""
from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import typer
import typer.main
from typer import _click as click
from typer.core import TyperCommand, TyperGroup

from .coerce import read_directly
from .messages import message


def _hide_flag_types(command: Any, ctx: Any = None) -> None:
    """A flag takes no value: its help line shows no type (Typer would print ``<bool>``)."""
    params = list(command.params)
    if ctx is not None and (help_option := command.get_help_option(ctx)) is not None:
        params.append(help_option)
    for param in params:
        if getattr(param, "is_flag", False) and not getattr(param, "count", False):
            param.metavar = ""


def _quiet_broken_pipe() -> None:
    """The reader of stdout has gone (``detente events | head``): send what is left to the null
    device, so that neither the command nor Python's final flush fails on it."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's buffer)
        pass


def _run(callback: Callable[[], Any]) -> Any:
    try:
        return callback()
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(0) from None


class _Style:
    """Help without flag types; output that a pipe cuts ends the command quietly; argument values
    read without pydantic."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _hide_flag_types(self, ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def invoke(self, ctx: Any) -> Any:
        return _run(lambda: super(_Style, self).invoke(ctx))  # type: ignore[misc]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        read_directly(self.get_params(ctx))  # type: ignore[attr-defined]  # values read without pydantic (cli/coerce.py)
        return super().parse_args(ctx, args)  # type: ignore[misc]


class DetenteCommand(_Style, TyperCommand):
    """A command of ``detente``."""


class DetenteGroup(_Style, TyperGroup):
    """The ``detente`` group: one ``error: …`` line for usage errors, exit status 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False,
                                 windows_expand_args=windows_expand_args, **extra)
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False,
                                  windows_expand_args=windows_expand_args, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # the help is printed already
            sys.exit(exc.exit_code)
        except click.exceptions.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else (prog_name or "detente")
            typer.echo(message("usage", reason=exc.format_message(), command=command), err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.ClickException as exc:
            typer.echo(message("error", reason=exc.format_message()), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(message("aborted"), err=True)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


class DetenteTyper(typer.Typer):
    """``app.command()`` makes a :class:`DetenteCommand` unless told otherwise. Run with a
    command's name first (``detente dyad …``), it builds that command alone: Typer builds the
    Click command of every command it has each time it runs (~15 ms for the sixteen)."""

    def command(self, *args: Any, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or DetenteCommand, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        argv = args[0] if args else kwargs.get("args")
        return typer.Typer.__call__(self.narrowed(sys.argv[1:] if argv is None else list(argv)), *args, **kwargs)

    def narrowed(self, argv: Sequence[str]) -> typer.Typer:
        """This application with only the command that ``argv`` names first (itself when the
        first argument is an option, or no command's name: the help, --version, an unknown
        command are the whole application's)."""
        if not argv or self.registered_groups:
            return self
        named = [c for c in self.registered_commands
                 if (c.name or typer.main.get_command_name(c.callback.__name__ if c.callback else "")) == argv[0]]
        if len(named) != 1:
            return self
        one = copy.copy(self)
        one.registered_commands = named
        return one


app = DetenteTyper(
    name="detente",
    cls=DetenteGroup,
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
