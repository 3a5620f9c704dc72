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
from rich.table import Table

from .app import app
from .common import (DEFAULT_DB, CountryArg, DbOpt, SinceOpt, UntilOpt, console, existing, fail,
                     handled)
from .messages import message

def _choices(name: str, values: tuple[str, ...]) -> Any:
    """A str Enum whose members are named as their values (Typer shows them as the choices)."""
    return Enum(name, [(v, v) for v in values], type=str)


PERIODS = ("day", "week", "month", "quarter", "year")  # = detente.analyse.dyad.PERIODS (not imported: pandas)
By = _choices("By", ("auto", *PERIODS))
PanelBy = _choices("PanelBy", PERIODS)
Unit = _choices("Unit", ("dyad", "country"))
PanelFormat = _choices("PanelFormat", ("csv", "parquet"))


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
         by: Annotated[By, typer.Option("--by", help="Period length (auto: by the span of the events).")] = By.month,
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

    with handled(), open_db(existing(db)) as store:
        tl = dyad_timeline(store, a, b, since=since, until=until, by=by.value, direction=direction.value,
                           weight=weight.value)
        phases = dyad_phases(tl)
    if output is DyadFormat.json:
        typer.echo(json.dumps({**tl.to_dict(), "phases": [p.to_dict() for p in phases]}, ensure_ascii=False, indent=2))
    elif output is DyadFormat.csv:
        tl.to_frame().to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        _print_timeline(tl, phases)


def _print_timeline(tl: Any, phases: list[Any]) -> None:
    from ..analyse.records import country_name

    out = console()
    title = f"{country_name(tl.a)}–{country_name(tl.b)} ({tl.direction}) by {tl.by}: {tl.n_events} dated events, " \
            f"{tl.n_articles} articles, {tl.n_sources} sources"
    table = Table("period", "events", "v.coop", "m.coop", "v.conf", "m.conf", "Gold. sum", "index", title=title,
                  title_justify="left")
    table.add_column("95% band", no_wrap=True)
    table.add_column("key event", no_wrap=True, overflow="ellipsis", max_width=48)
    for p in tl.periods:
        top = p.top_events[0] if p.top_events else None
        table.add_row(p.label, str(p.n_events), *(f"{p.quad_counts[q]:g}" for q in (1, 2, 3, 4)),
                      f"{p.goldstein_sum:+.1f}", f"{p.index:+.1f}", f"{p.low:+.1f}..{p.high:+.1f}",
                      f"{top.dyad} {top.cameo} {top.cameo_name}" if top else "")
    out.print(table)
    if phases:
        ptable = Table("phase", "from", "to", "index", "events", "turning point", title="Phases", title_justify="left")
        for ph in phases:
            turn = ph.turning_events[0] if ph.turning_events else None
            ptable.add_row(ph.label, ph.first_period, ph.last_period, f"{ph.index:+.1f}", str(ph.n_events),
                           f"{turn.date_label} {turn.dyad} {turn.cameo_name}" if turn else "")
        out.print(ptable)
    if tl.undated:
        out.print(f"{len(tl.undated)} undated background event(s): "
                      + "; ".join(f"{e.dyad} {e.cameo} {e.cameo_name}" for e in tl.undated[:10]), markup=False)
    if tl.excluded:
        out.print("not counted: " + ", ".join(f"{n} {m}" for m, n in tl.excluded.items()), markup=False)


@app.command()
def panel(unit: Annotated[Unit, typer.Option("--unit", help="dyad (every pair) or country.")] = Unit.dyad,
          by: Annotated[PanelBy, typer.Option("--by", help="Period length.")] = PanelBy.year,
          directed: Annotated[bool, typer.Option("--directed", help="Dyads as source>target; countries split by role.")] = False,
          db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
          weight: Annotated[Weight, typer.Option("--weight", help="Count each event once, or by its mentions.")] = Weight.event,
          output: Annotated[PanelFormat, typer.Option("--format", help="csv or parquet.")] = PanelFormat.csv,
          out: Annotated[str, typer.Option("--out", help="File to write, or - for standard output.")] = "-") -> None:
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

    with handled(), open_db(existing(db)) as store:
        found = find_partners(store, a, since=since, until=until, limit=limit)
    if output is TableOrJson.json:
        typer.echo(json.dumps([p.to_dict() for p in found], ensure_ascii=False, indent=2))
        return
    table = Table("partner", "name", "events", "out", "in", "index", "95% band", "coop. share", "first", "last",
                  title=f"Partners of {a.upper()}", title_justify="left")
    for p in found:
        table.add_row(p.country, p.name or "", str(p.n_events), str(p.n_outgoing), str(p.n_incoming),
                      f"{p.index:+.1f}", f"{p.low:+.1f}..{p.high:+.1f}", f"{p.cooperative_share:.0%}",
                      p.first_date.isoformat() if p.first_date else "", p.last_date.isoformat() if p.last_date else "")
    console().print(table)


@app.command()
def brief(a: CountryArg, b: CountryArg,
          out: Annotated[Path, typer.Option("--out", help="File to write (brief.html or brief.md).")],
          db: DbOpt = DEFAULT_DB, since: SinceOpt = None, until: UntilOpt = None,
          by: Annotated[By, typer.Option("--by", help="Period length of the index.")] = By.auto,
          output: Annotated[BriefFormat, typer.Option("--format", help="html (self-contained) or md.")] = BriefFormat.html) -> None:
    """Write a dyad's briefing report (HTML that opens offline, or Markdown).

    Headline, index chart, phases, key events with their evidence, contexts and caveats.
    """
    from ..analyse.brief import write_brief

    with handled():
        path = write_brief(existing(db), a, b, since=since, until=until, fmt=output.value, out=out, by=by.value)
    typer.echo(f"brief written to {path}", err=True)


@app.command()
def export(output: Annotated[ExportFormat, typer.Option("--format", help="csv, parquet, jsonl, plover, gdelt or icews.")],
           out: Annotated[Path, typer.Option("--out", help="File to write.")], db: DbOpt = DEFAULT_DB,
           dyad_: Annotated[Optional[str], typer.Option("--dyad", help="IRN-TJK (both directions) or IRN>TJK.")] = None,
           country: Annotated[Optional[str], typer.Option("--country", help="Either side is this country.")] = None,
           source: Annotated[Optional[str], typer.Option("--source", help="Source country.")] = None,
           target: Annotated[Optional[str], typer.Option("--target", help="Target country.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Actor name words or KB id.")] = None,
           code: Annotated[Optional[str], typer.Option("--code", help="CAMEO prefix (04, 042) or PLOVER type.")] = None,
           modality: Annotated[Optional[str], typer.Option("--modality", help="asserted, negated, hypothetical, intended.")] = None,
           since: SinceOpt = None, until: UntilOpt = None,
           q: Annotated[Optional[str], typer.Option("--q", help="Words in an evidence sentence.")] = None,
           limit: Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many events.")] = None,
           all_modalities: Annotated[bool, typer.Option("--all-modalities", help="gdelt, icews: also negated, hypothetical and intended events, with a Modality column.")] = False) -> None:
    """Export events (see docs/exports.md for every column of each format).

    gdelt and icews hold asserted events only unless --all-modalities."""
    from ..analyse.export import export_events
    from ..analyse.query import parse_dyad

    with handled():
        a, b, direction = parse_dyad(dyad_)
        summary = export_events(existing(db), output.value, out, a=a, b=b, direction=direction, country=country,
                                source=source, target=target, actor=actor, code=code, modality=modality,
                                since=since, until=until, q=q, limit=limit, all_modalities=all_modalities)
    typer.echo(f"{summary.events} event(s) written to {summary.path} ({summary.format})", err=True)


@app.command()
def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Interface to listen on (localhost by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
          allow_store: Annotated[bool, typer.Option("--allow-store", help="Let POST /api/code store texts (opens the database read-write).")] = False) -> None:
    """Serve the JSON API (docs at /docs) and the dashboard (at /) over the database."""
    import uvicorn

    from ..web.app import WebOptions, create_app

    with handled():
        web = create_app(existing(db), options=WebOptions(allow_store=allow_store))
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(message("listening_open", host=host), err=True)
    typer.echo(f"dashboard at http://{host}:{port}/  ·  API docs at http://{host}:{port}/docs", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")
