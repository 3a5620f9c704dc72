"""`detente watch`: poll feeds, code what is new, merge it into the store, until stopped."""
from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .app import app
from .common import DEFAULT_DB, DbOpt, SettingsOpt, WorkersOpt, handled, settings
from .messages import message

if TYPE_CHECKING:
    from ..watch import PollReport


@app.command()
def watch(feeds: Annotated[list[str], typer.Argument(metavar="FEED", help="RSS/Atom feed URLs (or feed files).")],
          db: DbOpt = DEFAULT_DB,
          every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 15m, 2h, 1d.")] = "15m",
          polls: Annotated[Optional[int], typer.Option("--polls", min=1, help="Stop after this many polls.")] = None,
          workers: WorkersOpt = None, settings_file: SettingsOpt = None) -> None:
    """Poll feeds; store, group and code the new items; stop with Ctrl-C or SIGTERM and rerun to resume."""
    from ..pipeline import Pipeline
    from ..store import Store
    from ..watch import parse_every
    from ..watch import watch as run_watch

    skipped = 0

    def report(poll: PollReport) -> None:
        nonlocal skipped
        skipped += len(poll.rejections)
        typer.echo(f"{poll.started:%Y-%m-%d %H:%M:%S} UTC: {poll.items} items, {poll.new} new, {poll.stored} stored, "
                   f"{poll.duplicates} already stored, {len(poll.rejections)} skipped, {poll.coded} coded ({db})",
                   err=True)
        for rejection in poll.rejections:
            typer.echo(f"  skipped {rejection.origin}: {rejection.reason}", err=True)

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with handled():
            seconds = parse_every(every)
            pipeline = Pipeline(settings(settings_file, workers=workers))
            with Store.open(Path(db)) as store:
                run_watch(feeds, store, pipeline, seconds, polls=polls, on_poll=report)
    except KeyboardInterrupt:
        typer.echo(message("stopped", db=db), err=True)
        raise typer.Exit(0) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    raise typer.Exit(1 if skipped else 0)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
