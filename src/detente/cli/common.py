"""What every command shares: the store option and its check, error printing, settings, the
consoles, ``-`` for standard output, country arguments and the progress bar.

Exit status of every command: 0 done, 1 some input was skipped, 2 a user error (bad option,
missing store, malformed date), 3 an internal error (``detente.cli.main``).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich import box
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task,
                           TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from ..errors import DetenteError, StoreError
from .messages import message

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store import Store

DEFAULT_DB = Path("detente.duckdb")
STDOUT = "-"
PIPED_WIDTH = 120  # the width of tables written to a pipe or a file, unless COLUMNS says otherwise

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
SettingsOpt = Annotated[Optional[Path], typer.Option("--settings", help="YAML file of setting overrides.")]
WorkersOpt = Annotated[Optional[int], typer.Option("--workers", min=1, help="Processes that code articles.")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
DyadOpt = Annotated[Optional[str], typer.Option("--dyad", help="IRN-TJK (both directions) or IRN>TJK (IRN the source).")]
class Modality(str, Enum):  # detente.model.MODALITIES
    asserted = "asserted"
    negated = "negated"
    hypothetical = "hypothetical"
    intended = "intended"


ModalityOpt = Annotated[Optional[Modality], typer.Option("--modality", help="Only events of this modality.")]
CountryOpt = Annotated[Optional[str], typer.Option("--country", help="Either side is this country (ISO3).")]
CodeOpt = Annotated[Optional[str], typer.Option("--code", help="CAMEO prefix (04, 042) or PLOVER type.")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many events.")]
OutOpt = Annotated[str, typer.Option("--out", help="File to write, or - for standard output.")]
CountryArg = Annotated[str, typer.Argument(help="Country code, ISO 3166 alpha-3 (e.g. IRN).")]


# -- errors -----------------------------------------------------------------------------------
def fail(text: str, status: int = 2) -> typer.Exit:
    """Print ``text`` (a catalogue message) on stderr; the Exit to raise."""
    typer.echo(text, err=True)
    return typer.Exit(status)


@contextmanager
def handled() -> Iterator[None]:
    """Expected errors become one ``error: …`` line on stderr and exit status 2, no traceback."""
    quiet_libraries()
    try:
        yield
    except DetenteError as exc:
        raise fail(message("error", reason=exc)) from None


def existing(db: Path) -> Path:
    """``db`` when the store exists, else a StoreError that says how to make one."""
    if not Path(db).exists():
        raise StoreError(message("no_store", db=db).removeprefix("error: "))
    return Path(db)


@contextmanager
def open_existing(db: Path) -> Iterator[Store]:
    """The existing store at ``db``, opened for the command's length."""
    from ..store import Store

    with Store.open(existing(db)) as store:
        yield store


# -- arguments --------------------------------------------------------------------------------
def country(value: str, option: str = "country") -> str:
    """An ISO 3166 alpha-3 code (or IGO); a country's name is refused with the code it has."""
    code = value.strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    suggestion = ""
    try:
        import pycountry

        found = pycountry.countries.search_fuzzy(value.strip())
        if found:
            hit = found[0]
            suggestion = message("country_suggestion", code=hit.alpha_3,
                                 name=getattr(hit, "common_name", None) or hit.name)
    except LookupError:
        pass
    raise fail(message("not_a_country", value=value, suggestion=suggestion))


def published(value: str | None, option: str = "--published") -> dt.date | None:
    """A date option (YYYY-MM-DD) as a date."""
    from ..dates import read_date as parse_date

    if value is None:
        return None
    date = parse_date(value)
    if date is None:
        raise fail(message("bad_date", value=value, option=option))
    return date


def settings(settings_file: Path | None, **overrides: Any) -> Settings:
    """The packaged settings, overridden by a settings file, then by the command's options."""
    from ..settings import Settings

    base = Settings.from_file(settings_file) if settings_file else Settings()
    return base.replace(**overrides)


# -- output -----------------------------------------------------------------------------------
def console() -> Console:
    """The stdout console: the terminal's width, or ``PIPED_WIDTH`` (``COLUMNS`` if set) when
    written to a pipe or a file."""
    out = Console()
    if out.is_terminal or os.environ.get("COLUMNS"):
        return out
    return Console(width=PIPED_WIDTH)


def table(*headers: str, **options: Any) -> Table:
    """A table in the command line's style: a rule under the header, no frame, one space
    between columns (the narrowest layout that stays readable at 80 columns)."""
    options = {"box": box.SIMPLE_HEAD, "show_edge": False, "pad_edge": False, "collapse_padding": True,
               "title_justify": "left", "caption_justify": "left", **options}
    return Table(*headers, **options)


def fold(table: Table, whole: Sequence[str] = ()) -> Table:
    """Let ``table`` fit the console by wrapping its cells instead of cutting them: the columns
    named in ``whole`` (dates, codes, numbers) keep every cell on one line, whole; the others
    wrap at spaces and fold words longer than the column."""
    for column in table.columns:
        column.overflow = "fold"
        column.max_width = None
        if str(column.header) in whole:
            column.no_wrap = True
            longest_word = max((len(w) for w in str(column.header).split()), default=0)
            column.min_width = max([longest_word, *(len(str(c)) for c in column.cells)])
        else:
            column.no_wrap = False
    return table


@contextmanager
def text_out(out: str | Path) -> Iterator[IO[str]]:
    """A text stream to write: standard output for ``-``, else the file."""
    if str(out) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        yield handle


def is_stdout(out: str | Path | None) -> bool:
    return out is None or str(out) == STDOUT


def value(choice: Enum | None) -> Any:
    """The value of an optional choice option."""
    return None if choice is None else choice.value


class _StderrHandler(logging.Handler):
    """Writes to the sys.stderr of the moment (a StreamHandler keeps the stream it was given,
    which a test runner or a caller of the CLI in process may have closed since)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except (OSError, ValueError):
            pass  # nowhere to write a log line: the rejections still name every skipped input


def quiet_libraries() -> None:
    """Warnings in one line on stderr; the web libraries' own complaints are reported as
    skipped inputs instead."""
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    for name in ("trafilatura", "htmldate", "courlan", "justext"):  # a bad page is named as a rejection
        logging.getLogger(name).setLevel(logging.CRITICAL)
    logging.getLogger("urllib3").setLevel(logging.CRITICAL)  # a failed fetch is reported as a skipped input
    downloads = logging.getLogger("trafilatura.downloads")  # read by detente.fetch for the reason, not printed
    if not downloads.handlers:
        downloads.addHandler(logging.NullHandler())
    downloads.propagate = False


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "… articles/s", style="progress.data.speed")


class Bar:
    """A progress callback (``bar(n)``: n more articles done) whose total may come later
    (``bar.start(total)``); silent without a live display."""

    def __init__(self, bar: Progress | None = None, task: Any = None):
        self._progress, self._task = bar, task

    def __call__(self, n: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def start(self, total: int) -> None:
        if self._progress is not None:
            self._progress.reset(self._task, total=total)


@contextmanager
def progress(label: str, total: bool = False) -> Iterator[Bar]:
    """A live bar on a terminal's stderr, nothing otherwise: articles done, articles/s, elapsed
    time — and with ``total``, once ``start(total)`` is called, a bar, the share done and the ETA."""
    err = Console(stderr=True)
    if not err.is_terminal:
        yield Bar()
        return
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), TaskProgressColumn()]
    else:
        columns.append(TextColumn("{task.completed} articles"))
    columns += [_RateColumn(), TimeElapsedColumn()]
    if total:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=err) as live:
        yield Bar(live, live.add_task(label, total=None))
