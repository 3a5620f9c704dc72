"""`detente eval GOLD.json` (score the coder against PLOVER gold records) and
`detente explain "SENTENCE"` (how one sentence is coded: parse, actors, rules tried, events).

Both commands call the library (``detente.evaluate.evaluate``, ``detente.events.explain.explain``)
and render what it returns; ``--json`` prints the same data as JSON instead of tables.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import DetenteError
from .app import app
from .common import SettingsOpt, fail, is_stdout, settings
from .messages import message

if TYPE_CHECKING:
    from ..evaluate import EvalReport
    from ..events.explain import Explanation
    from ..model import ActorMention
    from ..pipeline import Pipeline

GoldArg = Annotated[Path, typer.Argument(help="PLOVER gold-standard records (a JSON list).", exists=True,
                                         dir_okay=False, readable=True)]
OutOpt = Annotated[Optional[str], typer.Option(
    "--out", help="Write per-record results (JSON Lines) here; - for standard output (the tables then go to stderr).")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N records.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _pipeline(settings_file: Path | None) -> Pipeline:
    from ..pipeline import Pipeline

    return Pipeline(settings(settings_file))


def _fail(exc: Exception) -> typer.Exit:
    return fail(message("error", reason=exc))


@app.command("eval")
def eval_command(gold: GoldArg, out: OutOpt = None, limit: LimitOpt = None, as_json: JsonOpt = False,
                 settings_file: SettingsOpt = None) -> None:
    """Code each gold record's sentence and score event type, actors and sectors."""
    from ..evaluate import evaluate

    try:
        report = evaluate(gold, _pipeline(settings_file), limit=limit)
        if out is not None:
            report.write_records(sys.stdout if is_stdout(out) else out)
    except (DetenteError, OSError) as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=1), err=is_stdout(out) and out is not None)
        return
    console = Console(stderr=out is not None and is_stdout(out))
    console.print(_summary_table(report))
    console.print(_category_table(report))
    console.print(_confusion_table(report))
    if out is not None and not is_stdout(out):
        typer.echo(message("written", what="per-record results", path=out), err=True)


def _summary_table(report: EvalReport) -> Table:
    s = report.summary()
    table = Table(title=f"{report.gold_path}: {report.n} records")
    table.add_column("measure")
    table.add_column("score", justify="right")
    table.add_column("records", justify="right")
    table.add_row("event type (top event)", f"{s['event_type_accuracy']:.3f}", str(s["records"]))
    table.add_row("gold category among all events", f"{s['category_recall']:.3f}", str(s["records"]))
    table.add_row("source country", f"{s['source_accuracy']:.3f}", str(s["source_n"]))
    table.add_row("target country", f"{s['target_accuracy']:.3f}", str(s["target_n"]))
    table.add_row("sector", f"{s['sector_accuracy']:.3f}", str(s["sector_n"]))
    return table


def _category_table(report: EvalReport) -> Table:
    table = Table(title="per category (top event)")
    for name in ("category", "gold", "predicted", "correct", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "category" else "right")
    for row in report.per_category:
        table.add_row(row.category, str(row.gold), str(row.predicted), str(row.correct),
                      f"{row.precision:.2f}", f"{row.recall:.2f}", f"{row.f1:.2f}")
    return table


def _confusion_table(report: EvalReport) -> Table:
    table = Table(title="confusions (gold -> predicted)")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("count", justify="right")
    for gold, predicted, count in report.confusion:
        table.add_row(gold, predicted, str(count))
    return table


@app.command("explain")
def explain_command(
    sentence: Annotated[str, typer.Argument(help="The sentence (or short text) to code.")],
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="List every rule tried, not only the near misses.")] = False,
    as_json: JsonOpt = False,
    settings_file: SettingsOpt = None,
) -> None:
    """Show the parse, the actors found, the rules tried and why each fired or not, the places
    named, and the events as `detente code` makes them (located and dated: the same stages)."""
    from ..events.explain import explain

    try:
        pipe = _pipeline(settings_file)
        result = explain(sentence, pipe.resources, pipe.nlp, date=date, stages=pipe.code_doc)
    except DetenteError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
        return
    console = Console()
    for table in (_parse_table(result), _actors_table(result), _trials_table(result, all_rules),
                  _candidates_table(result), _places_table(result), _events_table(result),
                  _locations_table(result)):
        console.print(table)
    for note in result.recalled:  # a target taken from an event an earlier sentence tells
        console.print(f"recalled: {note}")


def _parse_table(result: Explanation) -> Table:
    table = Table(title="parse")
    for name in ("i", "token", "lemma", "pos", "tag", "dep", "head"):
        table.add_column(name)
    for t in result.tokens:
        table.add_row(str(t.i), t.text, t.lemma, t.pos, t.tag, t.dep, str(t.head))
    return table


def _actors_table(result: Explanation) -> Table:
    table = Table(title="actors")
    for name in ("tokens", "text", "country", "sector", "name", "basis"):
        table.add_column(name)
    for a in result.actors:
        table.add_row(f"{a.start}-{a.end}", a.text, a.actor.country or a.actor.org or "-", a.actor.sector or "-",
                      a.actor.name or "-", a.basis)
    return table


def _trials_table(result: Explanation, all_rules: bool) -> Table:
    """Rules tried: all of them with ``--all``, else those that fired or failed on a constraint
    (not the ones whose part of speech did not even match)."""
    table = Table(title="rules tried")
    for name in ("token", "rule", "cameo", "outcome"):
        table.add_column(name)
    for t in result.trials:
        if all_rules or not t.outcome.startswith("part of speech"):
            table.add_row(f"{t.token} ({t.token_i})", t.rule, t.cameo, t.outcome)
    return table


def _candidates_table(result: Explanation) -> Table:
    table = Table(title="decisions")
    for name in ("trigger", "rule", "cameo", "source (slot)", "target (slot)", "modality", "conf.", "decision"):
        table.add_column(name)
    for c in result.candidates:
        decision = c.dropped or "kept"
        if c.notes:
            decision += "; " + "; ".join(c.notes)
        modality = c.modality + (f" ({c.modality_reason})" if c.modality_reason else "") + (" reported" if c.reported else "")
        table.add_row(c.trigger, c.rule, c.cameo, f"{c.source or '-'} ({c.source_slot or '-'})",
                      f"{c.target or '-'} ({c.target_slot or '-'})", modality, f"{c.confidence:.2f}", decision)
    return table


def _places_table(result: Explanation) -> Table:
    """The places the text names, the gazetteer's reading of each and why."""
    table = Table(title="places")
    for name in ("text", "place", "kind", "why"):
        table.add_column(name)
    for p in result.places:
        table.add_row(p.text + (" (dateline)" if p.dateline else ""), f"{p.place.name} ({p.place.country})",
                      p.place.kind, p.why)
    return table


def _events_table(result: Explanation) -> Table:
    table = Table(title="event mentions")
    for name in ("cameo", "source", "target", "modality", "conf.", "trigger", "rule", "contexts"):
        table.add_column(name)
    for e in result.events:
        table.add_row(e.cameo, _actor(e.source), _actor(e.target), e.modality + (" (reported)" if e.reported else ""),
                      f"{e.confidence:.2f}", e.trigger, e.rule, ", ".join(e.contexts))
    return table


def _locations_table(result: Explanation) -> Table:
    """Where each event was placed (``basis``: how the places stage found it)."""
    table = Table(title="event locations")
    for name in ("cameo", "trigger", "location", "country", "kind", "basis"):
        table.add_column(name)
    for e in result.events:
        loc = e.location
        table.add_row(e.cameo, e.trigger, *((loc.name, loc.country or "-", loc.kind or "-", loc.basis or "-")
                                            if loc is not None else ("-", "-", "-", "-")))
    return table


def _actor(m: ActorMention | None) -> str:
    if m is None:
        return "-"
    code = m.actor.country or m.actor.org or "?"
    return f"{m.text} [{code}{'/' + m.actor.sector if m.actor.sector else ''}]"
