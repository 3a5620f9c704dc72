"""Commands over the corpus and the store: ingest, code, articles, events, stats, demo.

Each command parses its options, calls the Python API and renders what it returns: data on
stdout, messages and progress on stderr. Exit status: 0 done, 1 some input was skipped,
2 an error (bad option, missing database, missing model...).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from enum import Enum
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import DetenteError
from ..model import Article, Event, RunSummary
from .app import app
from . import common
from .common import (DEFAULT_DB, CodeOpt, CountryOpt, DbOpt, DyadOpt, LimitOpt, ModalityOpt, SettingsOpt, SinceOpt,
                     UntilOpt, WorkersOpt, handled, open_existing, value)
from .messages import message, plural

if TYPE_CHECKING:
    from ..events.ontology import Ontology
    from ..model import Location
    from ..places.types import GeoPlace

EXAMPLES = "data/examples"


class TableOrJsonl(str, Enum):
    table = "table"
    jsonl = "jsonl"


class CodeFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    none = "none"


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")]
INPUTS_HELP = ("Files (.txt .html .jsonl .json .csv, .gz), folders, - for stdin, http(s) URLs of pages or RSS/Atom "
               "feeds, .urls files (one URL a line), .rss/.atom feed files.")
InputsArg = Annotated[list[str], typer.Argument(metavar="INPUT", help=INPUTS_HELP)]
TextColOpt = Annotated[Optional[str], typer.Option("--text-column", help="CSV column with the text.")]
DateColOpt = Annotated[Optional[str], typer.Option("--date-column", help="CSV column with the date.")]
IdColOpt = Annotated[Optional[str], typer.Option("--id-column", help="CSV column with the article id.")]


# -- commands -----------------------------------------------------------------------------
@app.command()
def ingest(inputs: InputsArg, db: DbOpt = DEFAULT_DB, published: PublishedOpt = None,
           text_column: TextColOpt = None, date_column: DateColOpt = None, id_column: IdColOpt = None,
           workers: WorkersOpt = None, settings_file: SettingsOpt = None) -> None:
    """Read, clean and store articles. Idempotent: an article already stored is not stored again."""
    from ..pipeline import Pipeline
    from ..store import Store

    with handled():
        settings = common.settings(settings_file, csv_text_column=text_column, csv_date_column=date_column,
                                   csv_id_column=id_column, workers=workers)
        date = common.published(published)
        with Store.open(db) as store, common.progress("ingesting") as progress:
            summary = Pipeline(settings).ingest(inputs, store, published=date, progress=progress)
            undated = store.undated_article_count(summary.article_ids)
    _report(summary, db, undated)
    raise typer.Exit(1 if summary.rejections else 0)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def code(inputs: Annotated[Optional[list[str]], typer.Argument(
             metavar="[INPUT]...", help=INPUTS_HELP, show_default=False)] = None,
         db: DbOpt = DEFAULT_DB,
         output: Annotated[CodeFormat, typer.Option("--format", help="How to print the events.")] = CodeFormat.table,
         published: PublishedOpt = None, text_column: TextColOpt = None, date_column: DateColOpt = None,
         id_column: IdColOpt = None, workers: WorkersOpt = None, settings_file: SettingsOpt = None,
         resume: Annotated[bool, typer.Option(
             "--resume", help="Also code the stored articles an interrupted run left uncoded (INPUTs optional); "
                              "articles already coded are never coded again.")] = False,
         engine: Annotated[Engine, typer.Option(
             "--engine", help="local: this machine (--workers processes); ray: Ray tasks map articles to "
                              "mention shards, merged here (docs/scale.md).")] = Engine.local,
         address: Annotated[Optional[str], typer.Option(
             "--address", help="With --engine ray: the cluster (auto, or HOST:PORT); none starts a local "
                               "Ray instance of --workers CPUs.")] = None,
         shards: Annotated[Optional[Path], typer.Option(
             "--shards", help="With --engine ray: the folder of mention shards (default DB.shards); every "
                              "worker must reach it.")] = None) -> None:
    """Ingest and code articles; print the deduplicated events of the articles given."""
    from ..ingest import unreadable
    from ..pipeline import Pipeline
    from ..store import Store

    if not inputs and not resume:
        raise typer.BadParameter("give the files or URLs to code, or --resume to finish coding the stored "
                                 "articles", param_hint="INPUT")
    if address and engine is not Engine.ray:
        raise typer.BadParameter("--address is for --engine ray", param_hint="--address")
    with handled():
        query_events = _query_events()
        settings = common.settings(settings_file, csv_text_column=text_column, csv_date_column=date_column,
                                   csv_id_column=id_column, workers=workers)
        date = common.published(published)
        pipeline = Pipeline(settings)
        with Store.open(db) as store:
            if inputs and not resume and all(unreadable(given) for given in inputs):
                summary = pipeline.ingest(inputs, store, published=date, command="code")  # nothing to code: no model
            else:
                with common.progress("coding", total=True) as progress:
                    if engine is Engine.ray:
                        from ..engines.ray_engine import run_ray

                        summary = run_ray(pipeline, inputs or [], store, published=date, address=address,
                                          shard_dir=shards or Path(f"{db}.shards"), resume=resume,
                                          progress=progress, on_total=progress.start)
                    else:
                        summary = pipeline.run(inputs or [], store, published=date, progress=progress,
                                               on_total=progress.start, resume=resume)
            events = query_events(store, article_ids=summary.article_ids) if summary.article_ids else []
            undated = store.undated_article_count(summary.article_ids)
            counts = store.counts()
            if output.value == "csv":
                _write_csv(store, summary.article_ids)
        summary.events = len(events)
        if events:
            _print_events(events, output.value, pipeline.resources.ontology)
    _report(summary, db, undated)
    left = counts["articles"] - counts["articles_coded"]
    if left and not resume:
        typer.echo(f"note: {plural(left, 'stored article')} not coded (an interrupted run?): "
                   f"`detente code --resume --db {db}` codes them", err=True)
    raise typer.Exit(1 if summary.rejections else 0)


@app.command()
def articles(db: DbOpt = DEFAULT_DB,
             ids: Annotated[Optional[list[str]], typer.Option("--id", help="Only this article (repeatable).")] = None,
             output: Annotated[TableOrJsonl, typer.Option("--format")] = TableOrJsonl.table,
             limit: Annotated[Optional[int], typer.Option("--limit", min=0)] = None) -> None:
    """List stored articles, or show some by id (cleaned body, raw text, metadata)."""
    with handled(), open_existing(db) as store:
        found = store.get_articles(ids=ids or None, limit=limit)
    missing = sorted(set(ids or ()) - {a.id for a in found})
    if output is TableOrJsonl.jsonl:
        for article in found:
            typer.echo(json.dumps(article_json(article), ensure_ascii=False))
    else:
        _print_articles_table(found)
    for article_id in missing:
        typer.echo(message("no_article", id=article_id, db=db), err=True)
    raise typer.Exit(1 if missing else 0)


@app.command()
def events(db: DbOpt = DEFAULT_DB,
           output: Annotated[EventFormat, typer.Option("--format", help="table, jsonl or csv.")] = EventFormat.table,
           dyad_: DyadOpt = None,
           country: CountryOpt = None,
           cameo: CodeOpt = None,
           modality: ModalityOpt = None,
           since: SinceOpt = None, until: UntilOpt = None,
           limit: LimitOpt = None,
           near: Annotated[Optional[str], typer.Option(
               "--near", help="A place name: only events located within --km of it.")] = None,
           km: Annotated[float, typer.Option("--km", min=0, help="Distance for --near, in kilometres.")] = 50.0) -> None:
    """Query stored events (deduplicated, with their evidence); the filters are those of `detente export`."""
    from ..dates import parse_date  # the dates of `detente export` (YYYY, YYYY-MM, YYYY-MM-DD)

    with handled():
        place = _near_place(near) if near else None
        with open_existing(db) as store:
            found = _query_events()(store, dyad=dyad_, country=country, code=cameo, modality=value(modality),
                                    since=parse_date(since, "since"), until=parse_date(until, "until"),
                                    limit=limit if place is None else None)
            found = filter_events(found, country=country, cameo=cameo, limit=limit, near=place, km=km)
            if output.value == "csv":
                _write_csv(store, None, [e.event_id for e in found])
        _print_events(found, output.value, _ontology())


@app.command()
def stats(db: DbOpt = DEFAULT_DB,
          output: Annotated[StatsFormat, typer.Option("--format")] = StatsFormat.table) -> None:
    """Counts of the store: articles, events, mentions, rejections, dating by publication."""
    with handled(), open_existing(db) as store:
        counts = store.counts()
    if output is StatsFormat.json:
        typer.echo(json.dumps(counts))
        return
    table = common.table("measure", "value", title=str(db))
    for key, value in counts.items():
        table.add_row(key.replace("_", " "), "-" if value is None else str(value))
    common.console().print(common.fold(table))


@app.command()
def demo(out: Annotated[Optional[Path], typer.Option(
             "--out", help="Folder for the demo's store, brief, events.jsonl and dyads.csv "
                           "(default: a new temporary folder).")] = None,
         db: Annotated[Optional[Path], typer.Option("--db", help="DuckDB database file (default: in --out).")] = None,
         workers: WorkersOpt = None) -> None:
    """Code the bundled example corpus into a store of its own, print the busiest dyads, write a
    brief of the busiest one, and say where everything is and what to try next."""
    from ..pipeline import Pipeline
    from ..store import Store

    folder = out if out is not None else Path(tempfile.mkdtemp(prefix="detente-demo-"))
    db = db if db is not None else folder / "detente.duckdb"
    with handled():
        query_events = _query_events()
        pipeline = Pipeline(common.settings(None, workers=workers))
        with ExitStack() as stack:
            paths = [str(stack.enter_context(importlib_resources.as_file(f))) for f in _example_files()]
            folder.mkdir(parents=True, exist_ok=True)
            store = stack.enter_context(Store.open(db))
            with common.progress("coding the examples") as progress:
                summary = pipeline.run(paths, store, published=None, progress=progress)
            dyads = store.dyad_counts(article_ids=summary.article_ids, limit=10)
            found = query_events(store, article_ids=summary.article_ids)
            undated = store.undated_article_count(summary.article_ids)
        summary.events = len(found)
        _print_dyads(dyads, len(found))
        _write_demo_outputs(folder, found, dyads, pipeline.resources.ontology)
        brief = _write_demo_brief(db, dyads, folder)
    _report(summary, db, undated)
    if brief is not None:
        typer.echo(message("written", what="brief of the busiest dyad", path=brief.resolve()), err=True)
    typer.echo(message("demo_next", folder=folder.resolve(), db=db, **_busiest(dyads)), err=True)
    raise typer.Exit(1 if summary.rejections else 0)


def _busiest(dyads: Sequence[dict[str, Any]]) -> dict[str, str]:
    return {"a": dyads[0]["a"], "b": dyads[0]["b"]} if dyads else {"a": "IRN", "b": "TJK"}


def _write_demo_brief(db: Path, dyads: Sequence[dict[str, Any]], out_dir: Path) -> Path | None:
    """The demo ends with a briefing on its busiest dyad (the store is closed by now)."""
    from ..analyse.brief import write_brief

    if not dyads:
        return None
    a, b = dyads[0]["a"], dyads[0]["b"]
    return write_brief(db, a, b, out=out_dir / f"brief-{a}-{b}.html")


# -- data shaping (importable, no printing) --------------------------------------------------
def article_json(article: Article) -> dict[str, Any]:
    """An article as the `articles --format jsonl` record."""
    return {
        "id": article.id, "title": article.title, "publisher": article.publisher, "author": article.author,
        "published": article.published.isoformat() if article.published else None, "url": article.url,
        "language": article.language, "sources_cited": list(article.sources_cited), "body": article.body,
        "raw_text": article.raw_text, "flags": list(article.flags), "removed": list(article.removed),
    }


def filter_events(found: Sequence[Event], country: str | None = None, cameo: str | None = None,
                  limit: int | None = None, near: GeoPlace | None = None, km: float = 50.0) -> list[Event]:
    """Events with ``country`` as source or target, a CAMEO code starting with ``cameo`` and,
    given a place ``near`` (``detente.places.GeoPlace``), a location within ``km`` of it."""
    wanted = country.upper() if country else None
    out = []
    for event in found:
        countries = {a.country for a in (event.source, event.target) if a is not None}
        if near is not None and not _is_near(event.location, near, km):
            continue
        if (wanted is None or wanted in countries) and (cameo is None or event.cameo.startswith(cameo)):
            out.append(event)
            if limit is not None and len(out) >= limit:
                break
    return out


_CSV_FIELDS = ("event_id", "date_start", "date_end", "date_precision", "date_basis", "cameo", "cameo_name",
               "plover", "plover_mode", "goldstein", "quad_class", "source_text", "source_name", "source_country",
               "source_sector", "target_text", "target_name", "target_country", "target_sector", "modality",
               "reported", "location_name", "location_country", "confidence", "num_mentions", "num_articles",
               "article_ids", "sentence")


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """One flat CSV row from an event record of the output contract."""
    row = {key: record.get(key) for key in _CSV_FIELDS}
    for side in ("source", "target"):
        actor = record.get(side) or {}
        for key in ("text", "name", "country", "sector"):
            row[f"{side}_{key}"] = actor.get(key)
    location = record.get("location") or {}
    row["location_name"], row["location_country"] = location.get("name"), location.get("country")
    mentions = record.get("mentions") or []
    row["article_ids"] = ";".join(dict.fromkeys(m.get("article_id") or "" for m in mentions))
    row["sentence"] = mentions[0].get("sentence") if mentions else None
    return row


# -- rendering --------------------------------------------------------------------------------
def _print_events(found: Sequence[Event], output: str, ontology: Ontology | None) -> None:
    if output == "none":
        return
    records = [event.to_dict(ontology) for event in found]
    if output == "jsonl":
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
    elif output == "csv":
        return  # written by _write_csv while the store is open
    else:
        _print_events_table(records)


EVIDENCE_CHARS = 240  # an evidence sentence in the table (--format jsonl shows every mention whole)


def _print_events_table(records: list[dict[str, Any]]) -> None:
    table = common.table("date", "source", "event", "target", "conf.", "evidence")
    for r in records:
        row = event_row(r)
        event = f"{r['cameo']} {r.get('cameo_name') or ''}".strip()
        if r.get("modality") not in (None, "asserted"):
            event += f" ({r['modality']})"
        table.add_row(row["date_start"] or "?", _actor_label(r.get("source")), event, _actor_label(r.get("target")),
                      f"{r.get('confidence', 0):.2f}", _shorten(row["sentence"], EVIDENCE_CHARS))
    common.console().print(common.fold(table, whole=("date", "conf.")))
    typer.echo(f"{plural(len(records), 'event')} (--format jsonl shows every field and mention)", err=True)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    parts = [actor.get("country"), actor.get("sector"), actor.get("name")]
    return " ".join(str(p) for p in parts if p) or (actor.get("text") or "?")


def _print_articles_table(found: Sequence[Article]) -> None:
    table = common.table("id", "published", "publisher", "title", "chars")
    for a in found:
        table.add_row(a.id, a.published.isoformat() if a.published else "-", a.publisher or "-",
                      _shorten(a.title or (a.body or a.raw_text), 120), f"{len(a.text)}/{len(a.raw_text)}")
    common.console().print(common.fold(table, whole=("published", "chars")))
    typer.echo(f"{plural(len(found), 'article')} (--format jsonl shows every field)", err=True)


def _print_dyads(dyads: list[dict[str, Any]], n_events: int) -> None:
    if not dyads:
        typer.echo(message("no_dyads"), err=True)
        return
    between = sum(d["events"] for d in dyads)
    table = common.table("dyad", "events", "coop.", "conf.", "mean Goldstein", "first", "last",
                  title=f"Top dyads: {plural(between, 'event')} of {n_events} have a country on both sides",
                  title_justify="left")
    for d in dyads:
        table.add_row(f"{d['a']}–{d['b']}", str(d["events"]), str(d["cooperative"]), str(d["conflictual"]),
                      "-" if d["mean_goldstein"] is None else f"{d['mean_goldstein']:+.2f}",
                      _iso(d["first"]), _iso(d["last"]))
    common.console().print(common.fold(table, whole=("first", "last")))


def _write_demo_outputs(out: Path, found: Sequence[Event], dyads: list[dict[str, Any]], ontology: Any) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "events.jsonl").open("w", encoding="utf-8") as fh:
        for event in found:
            fh.write(json.dumps(event.to_dict(ontology), ensure_ascii=False) + "\n")
    with (out / "dyads.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(dyads[0]) if dyads else ["a", "b", "events"])
        writer.writeheader()
        writer.writerows({k: _iso(v) if isinstance(v, dt.date) else v for k, v in d.items()} for d in dyads)


def _report(summary: RunSummary, db: Path, undated: int = 0) -> None:
    """The run summary on stderr, naming every skipped input with its reason."""
    line = (f"{plural(summary.read, 'article')} read: {summary.stored} stored, {summary.duplicates} already stored, "
            f"{plural(summary.rejected, 'input')} skipped")
    languages = sum(r.reason.startswith("language ") for r in summary.rejections)
    if languages:
        line += f" ({languages} not in a coded language)"
    if summary.events:
        line += f", {plural(summary.events, 'event')}"
    typer.echo(f"{line} ({db})", err=True)
    for rejection in summary.rejections:
        typer.echo(f"  skipped {rejection.origin}: {rejection.reason}", err=True)
    if undated:
        typer.echo(message("undated_inputs", n=plural(undated, "article")), err=True)


def _shorten(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ("-" if value is None else str(value))


# -- plumbing ---------------------------------------------------------------------------------
def _query_events() -> Callable[..., list[Event]]:
    """Stored events through the one reader (``detente.analyse.query``): ``article_ids``, a
    ``dyad`` (IRN-TJK, IRN>TJK) and the fields of ``EventFilter`` as keywords."""
    from ..analyse.query import EventFilter, read_events

    def query(store: Any, article_ids: Sequence[str] | None = None, dyad: str | None = None,
              **filters: Any) -> list[Event]:
        ids = tuple(article_ids) if article_ids is not None else None
        return read_events(store, EventFilter.from_dyad(dyad, article_ids=ids, **filters))

    return query


def _write_csv(store: Any, article_ids: Sequence[str] | None, event_ids: Sequence[str] | None = None) -> None:
    """Events as CSV in the one layout of ``detente export --format csv``."""
    from ..analyse.export import write_events_csv
    from ..analyse.query import EventFilter

    f = EventFilter(article_ids=tuple(article_ids) if article_ids is not None else None,
                    event_ids=tuple(event_ids) if event_ids is not None else None)
    write_events_csv(store, f, sys.stdout)


def _near_place(name: str) -> GeoPlace:
    from ..places import resolve_place

    return resolve_place(name)


def _is_near(location: Location | None, place: GeoPlace, km: float) -> bool:
    from ..places import is_near

    return is_near(location, place, km)


def _ontology() -> Ontology | None:
    try:
        from ..events.ontology import load_ontology

        return load_ontology()
    except (ImportError, DetenteError):
        return None


def _example_files() -> list[Any]:
    from ..errors import DataFileError

    folder = importlib_resources.files("detente").joinpath(EXAMPLES)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl")), key=lambda f: f.name) \
        if folder.is_dir() else []
    if not files:
        raise DataFileError(f"detente/{EXAMPLES}", "no bundled example corpus (*.jsonl) found")
    return files
