"""`detente actor`: resolve a phrase (or a JSON Lines file of phrases) to an actor, as JSON."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from ..errors import DetenteError
from .app import app
from .common import fail
from .messages import message

if TYPE_CHECKING:
    from ..actors.resolve import ActorResources

_FIELDS = ("name", "country", "sector", "sector2", "kb_id", "org", "former", "confidence")


def actor_record(text: str, date: Any = None, context: Optional[str] = None,
                 resources: ActorResources | None = None) -> dict:
    """The JSON record of one resolution: every field, null when there is no actor."""
    from ..actors import resolve_actor

    actor = resolve_actor(text, date=date, context=context, resources=resources)
    if actor is None:
        return {"text": text, **dict.fromkeys(_FIELDS)}
    return {"text": text, **actor.to_dict(), "former": actor.former}


def _jsonl_records(path: Path, resources: ActorResources | None) -> tuple[list[dict], int]:
    out, errors = [], 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('each line must be an object with a "text" string')
            out.append(actor_record(item["text"], item.get("date"), item.get("context"), resources))
        except (ValueError, DetenteError) as exc:
            errors += 1
            out.append({"text": None, **dict.fromkeys(_FIELDS), "error": f"line {number}: {exc}"})
    return out, errors


@app.command("actor")
def actor_command(
    text: Optional[str] = typer.Argument(None, help='The phrase, e.g. "Armenian Prime Minister Nikol Pashinyan".'),
    date: Optional[str] = typer.Option(None, "--date", help="Date of the event (YYYY-MM-DD): roles at that date."),
    context: Optional[str] = typer.Option(None, "--context", help='Text that can fix the country, e.g. "German".'),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help='File of {"text", "date", "context"} lines.'),
    actors: Optional[list[Path]] = typer.Option(None, "--actors", help="Extra actor file(s): YAML/JSON or TABARI .txt."),
) -> None:
    """Resolve an actor phrase to country, sector, name and KB id (JSON; one line per input)."""
    from ..actors import load_kb
    from ..actors.resolve import ActorResources

    if (text is None) == (jsonl is None):
        raise typer.BadParameter("give either a TEXT or --jsonl FILE")
    try:
        resources = ActorResources(kb=load_kb(tuple(str(p) for p in actors or ())))
        if jsonl is not None:
            records, errors = _jsonl_records(jsonl, resources)
            for record in records:
                typer.echo(json.dumps(record, ensure_ascii=False))
            if errors:
                raise typer.Exit(code=1)
            return
        typer.echo(json.dumps(actor_record(text or "", date, context, resources), ensure_ascii=False))
    except DetenteError as exc:
        raise fail(message("error", reason=exc)) from exc


__all__ = ["actor_command", "actor_record"]
