"""Commands over the analyse layer: dyad, panel, partners, brief, export, serve.

Each command parses its options, calls ``detente.analyse`` (or ``detente.web``) and renders what
it returns: data on stdout, messages on stderr. Exit status: 0 done, 2 an error (bad option,
missing database, malformed date...).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.text import Text

from . import common
from .app import app
from .common import (DEFAULT_DB, CodeOpt, CountryArg, CountryOpt, DbOpt, DyadOpt, LimitOpt, ModalityOpt, SinceOpt,
                     UntilOpt, OutOpt, STDOUT, console, country, existing, fail, fold, handled, is_stdout, value)
from .messages import message, plural

PERIODS = ("day", "week", "month", "quarter", "year")  # = detente.analyse.dyad.PERIODS (not imported: pandas)


class PanelBy(str, Enum):  # PERIODS
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class By(str, Enum):  # auto and PERIODS
    auto = "auto"
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Unit(str, Enum):
    dyad = "dyad"
    country = "country"


class PanelFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


class Direction(str, Enum):
    both = "both"
    a_to_b = "A>B"
    b_to_a = "B>A"


class Weight(str, Enum):
    event = "event"
    mentions = "mentions"


class DyadFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class TableOrJson(str, Enum):
    table = "table"
    json = "json"


class BriefFormat(str, Enum):
    html = "html"
    md = "md"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"
    icews = "icews"




@app.command()
def dyad(a: CountryArg, b: CountryArg, db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
         by: Annotated[By, typer.Option("--by", help="Period length (auto: by the span of the events).")] = By.auto,
         direction: Annotated[Direction, typer.Option("--direction", help="both, A>B (A the source) or B>A.")] = Direction.both,
         weight: Annotated[Weight, typer.Option("--weight", help="Count each event once, or by its mentions.")] = Weight.event,
         output: Annotated[DyadFormat, typer.Option("--format", help="table, json or csv.")] = DyadFormat.table) -> None:
    """A dyad's timeline: relations index by period, phases, key and undated events.

    Per period: events by quad class, Goldstein sum and mean, the relations index with its 95%
    band and the key event. Only asserted, dated events count, each once.
    """
    from ..analyse.dyad import dyad_timeline
    from ..analyse.phases import dyad_phases
    from ..analyse.query import open_db

    a, b = country(a), country(b)
    # the table and the CSV print each period's top events (and the table the undated and vague
    # ones): their records alone are read and built; the JSON lists every event, written while
    # it is read from the store (analyse/dyadjson.py). The table shows one top event a period
    # (and of a phase's first period) and no contexts: neither more is read for it.
    table = output is DyadFormat.table
    with handled(), open_db(existing(db)) as store:
        tl = dyad_timeline(store, a, b, since=since, until=until, by=by.value, direction=direction.value,
                           weight=weight.value, events="top", top=1 if table else 3, contexts=not table)
        phases = dyad_phases(tl)
        if output is DyadFormat.json:
            from ..analyse.dyadjson import dyad_json_chunks

            write = sys.stdout.write
            for chunk in dyad_json_chunks(store, tl, phases):
                write(chunk)
            write("\n")
            return
    if output is DyadFormat.csv:
        tl.to_frame().to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        _print_timeline(tl, phases)


def _print_timeline(tl: Any, phases: list[Any]) -> None:
    from ..analyse.records import country_name

    out = console()
    title = (f"{country_name(tl.a)}–{country_name(tl.b)} ({tl.direction}) by {tl.by}: "
             f"{plural(tl.n_events, 'dated event')}, {plural(tl.n_articles, 'article')}, "
             f"{plural(tl.n_sources, 'source')}")
    table = common.table("period", "events", "coop", "conf", "sum", "index", "95% band", "key event",
                  title=title,
                  caption="coop: verbal/material cooperation, conf: material/verbal conflict, sum: Goldstein sum")
    for p in tl.periods:
        top = p.top_events[0] if p.top_events else None
        q = {k: f"{p.quad_counts[k]:g}" for k in (1, 2, 3, 4)}
        # cells as Text: printed as they are (no markup nor emoji codes read in them), and faster
        table.add_row(*map(Text, (p.label, str(p.n_events), f"{q[1]}/{q[2]}", f"{q[3]}/{q[4]}",
                                  f"{p.goldstein_sum:+.1f}", f"{p.index:+.1f}", f"{p.low:+.1f}..{p.high:+.1f}",
                                  f"{top.dyad} {top.cameo} {top.cameo_name}" if top else "")))
    out.print(fold(table, whole=("period", "events", "coop", "conf", "sum", "index", "95% band")))
    if phases:
        ptable = common.table("phase", "from", "to", "index", "events", "turning point", title="Phases",
                       title_justify="left")
        for ph in phases:
            turn = ph.turning_events[0] if ph.turning_events else None
            ptable.add_row(*map(Text, (ph.label, ph.first_period, ph.last_period, f"{ph.index:+.1f}", str(ph.n_events),
                                       f"{turn.date_label} {turn.dyad} {turn.cameo_name}" if turn else "")))
        out.print(fold(ptable, whole=("phase", "from", "to", "index", "events")))
    if tl.undated:
        out.print(f"{plural(len(tl.undated), 'undated background event')}: "
                  + "; ".join(f"{e.dyad} {e.cameo} {e.cameo_name}" for e in tl.undated[:10]), markup=False)
    if tl.vague:
        out.print(f"{plural(len(tl.vague), 'event')} dated only to a span of years, not in the series: "
                  + "; ".join(f"{e.date_label} {e.dyad} {e.cameo} {e.cameo_name}" for e in tl.vague[:10]), markup=False)
    if tl.excluded:
        out.print("not counted: " + ", ".join(f"{n} {m}" for m, n in tl.excluded.items()), markup=False)


@app.command()
def panel(unit: Annotated[Unit, typer.Option("--unit", help="dyad (every pair) or country.")] = Unit.dyad,
          by: Annotated[PanelBy, typer.Option("--by", help="Period length.")] = PanelBy.year,
          directed: Annotated[bool, typer.Option("--directed", help="Dyads as source>target; countries split by role.")] = False,
          db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
          weight: Annotated[Weight, typer.Option("--weight", help="Count each event once, or by its mentions.")] = Weight.event,
          output: Annotated[PanelFormat, typer.Option("--format", help="csv or parquet.")] = PanelFormat.csv,
          out: OutOpt = STDOUT) -> None:
    """One table for every dyad (or country) and period: events by quad class and PLOVER type,
    Goldstein sum and mean, the relations index and its band (as `detente dyad`), articles, sources."""
    from ..analyse.panel import panel as build_panel, write_panel

    with handled():
        frame = build_panel(existing(db), unit=unit.value, by=by.value, directed=directed, since=since,
                            until=until, weight=weight.value)
        if out == "-":
            write_panel(frame, output.value, sys.stdout if output is PanelFormat.csv else sys.stdout.buffer)
            sys.stdout.flush()
        else:
            write_panel(frame, output.value, Path(out))
            typer.echo(f"{len(frame)} row(s) written to {out} ({output.value})", err=True)


@app.command()
def partners(a: CountryArg, db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
             limit: Annotated[int, typer.Option("--limit", min=1, help="Show this many partners.")] = 20,
             output: Annotated[TableOrJson, typer.Option("--format", help="table or json.")] = TableOrJson.table) -> None:
    """A country's partners ranked by volume of events, then tone: who is it turning to?"""
    from ..analyse.partners import partners as find_partners
    from ..analyse.query import open_db

    a = country(a)
    with handled(), open_db(existing(db)) as store:
        found = find_partners(store, a, since=since, until=until, limit=limit)
    if output is TableOrJson.json:
        typer.echo(json.dumps([p.to_dict() for p in found], ensure_ascii=False, indent=2))
        return
    table = common.table("partner", "events", "out/in", "index", "95% band", "coop.", "first", "last",
                  title=f"Partners of {a.upper()}")
    for p in found:
        table.add_row(f"{p.country} {p.name or ''}".strip(), str(p.n_events), f"{p.n_outgoing}/{p.n_incoming}",
                      f"{p.index:+.1f}", f"{p.low:+.1f}..{p.high:+.1f}", f"{p.cooperative_share:.0%}",
                      p.first_date.isoformat() if p.first_date else "", p.last_date.isoformat() if p.last_date else "")
    console().print(fold(table, whole=("events", "out/in", "index", "95% band", "coop.", "first", "last")))


@app.command()
def brief(a: CountryArg, b: CountryArg,
          out: Annotated[Optional[str], typer.Option(
              "--out", help="File to write, or - for standard output (default: brief-A-B.html or .md here).")] = None,
          db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
          by: Annotated[By, typer.Option("--by", help="Period length of the index (auto: by the span of the events).")] = By.auto,
          output: Annotated[BriefFormat, typer.Option("--format", help="html (self-contained) or md.")] = BriefFormat.html) -> None:
    """Write a dyad's briefing report (HTML that opens offline, or Markdown).

    Headline, index chart, phases, key events with their evidence, contexts and caveats.
    """
    from ..analyse.brief import write_brief

    a, b = country(a), country(b)
    target = out if out is not None else f"brief-{a}-{b}.{output.value}"
    with handled():
        path = write_brief(existing(db), a, b, since=since, until=until, fmt=output.value, out=target, by=by.value)
    if not is_stdout(target):
        typer.echo(message("written", what="brief", path=path), err=True)


@app.command()
def export(output: Annotated[ExportFormat, typer.Option("--format", help="csv, parquet, jsonl, plover, gdelt or icews.")] = ExportFormat.csv,
           out: OutOpt = STDOUT, db: DbOpt = DEFAULT_DB,
           dyad_: DyadOpt = None, country: CountryOpt = None,
           source: Annotated[Optional[str], typer.Option("--source", help="Source country.")] = None,
           target: Annotated[Optional[str], typer.Option("--target", help="Target country.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Actor name words or KB id.")] = None,
           code: CodeOpt = None, modality: ModalityOpt = None,
           since: SinceOpt = None, until: UntilOpt = None,
           q: Annotated[Optional[str], typer.Option("--q", help="Words in an evidence sentence.")] = None,
           limit: LimitOpt = None,
           all_modalities: Annotated[bool, typer.Option("--all-modalities", help="gdelt, icews: also negated, hypothetical and intended events, with a Modality column.")] = False) -> None:
    """Export events (see docs/exports.md for every column of each format).

    gdelt and icews hold asserted events only unless --all-modalities."""
    from ..analyse.export import export_events
    from ..analyse.query import parse_dyad

    if output is ExportFormat.parquet and is_stdout(out) and sys.stdout.isatty():
        raise fail(message("stdout_binary", fmt=output.value))
    with handled():
        a, b, direction = parse_dyad(dyad_)
        summary = export_events(existing(db), output.value, out, a=a, b=b, direction=direction, country=country,
                                source=source, target=target, actor=actor, code=code, modality=value(modality),
                                since=since, until=until, q=q, limit=limit, all_modalities=all_modalities)
    where = "standard output" if is_stdout(out) else summary.path
    typer.echo(message("written", what=f"{plural(summary.events, 'event')} ({summary.format})", path=where), err=True)


@app.command()
def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Interface to listen on (localhost by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
          allow_store: Annotated[bool, typer.Option("--allow-store", help="Let POST /api/code store texts (opens the database read-write).")] = False,
          workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes (each reads its own snapshot and caches its own answers).")] = 1) -> None:
    """Serve the JSON API (described at /openapi.json) and the dashboard (at /) over the database."""
    import os

    import uvicorn

    from ..web.app import WebOptions, create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(message("listening_open", host=host), err=True)
    if workers == 1:
        with handled():
            web = create_app(existing(db), options=WebOptions(allow_store=allow_store))
        typer.echo(message("serving", url=f"http://{host}:{port}"), err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
        return
    from ..web.app import prepare_store

    with handled():
        path = existing(db).resolve()
        prepare_store(path)  # migrations once, here, rather than in every worker at once
    # Each worker process builds its app from the environment (``detente.web.app.app_from_env``).
    os.environ.update({"DETENTE_DB": str(path), "DETENTE_ALLOW_STORE": "1" if allow_store else ""})
    typer.echo(message("serving", url=f"http://{host}:{port}") + f" · {workers} workers", err=True)
    serve_workers(uvicorn.Config("detente.web.app:app_from_env", factory=True, workers=workers, host=host,
                                 port=port, log_level="warning"))


def serve_workers(config: Any) -> None:
    """``uvicorn.run`` with ``config.workers`` processes, but on a listening socket that says it is
    TCP: uvicorn binds one of protocol 0, so asyncio does not set TCP_NODELAY on its connections
    and a response's body waits for the client's delayed ACK of its headers (40 ms a request)."""
    import socket

    from uvicorn.supervisors import Multiprocess

    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
        sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        sock.set_inheritable(True)
    try:
        Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:
        pass
