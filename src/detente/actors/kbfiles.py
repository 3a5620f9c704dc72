"""Reading knowledge-base files: YAML/JSON record lists and TABARI/PETRARCH .txt dictionaries."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError, DateError
from .kbtypes import Organisation, Person, RecordError, parse_record

Problems = list[str]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there
_LIST_KEYS = ("people", "persons", "organisations", "organizations", "orgs", "records", "actors")


def _hint(path: Path, key: str | None = None) -> str | None:
    name = (key or path.stem).lower()
    if name.startswith(("people", "person")):
        return "person"
    if name.startswith(("organisation", "organization", "org")):
        return "org"
    return None


def read_records(path: Path) -> list[tuple[Any, str | None]]:
    """The raw records of a YAML/JSON file with a person/org hint each; raises DataFileError."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    if data is None:
        return []
    if isinstance(data, list):
        return [(r, _hint(path)) for r in data]
    if isinstance(data, dict):
        out: list[tuple[Any, str | None]] = []
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                out.extend((r, _hint(path, key)) for r in data[key])
        if out or not data:
            return out
    raise DataFileError(str(path), "expected a list of records (or a mapping of such lists)")


def parse_file(path: Path, problems: Problems) -> list[Person | Organisation]:
    """Valid records of one file; each invalid one adds a line to ``problems``."""
    if path.suffix.lower() == ".txt":
        from .tabari import parse_tabari

        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DataFileError(str(path), f"cannot read: {exc}") from exc
        return list(parse_tabari(text, source=path.name, problems=problems))
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise DataFileError(str(path), "actor files must be .yaml, .yml, .json or TABARI .txt")
    try:
        raw = read_records(path)
    except DataFileError as exc:
        problems.append(str(exc))
        return []
    out: list[Person | Organisation] = []
    for i, (record, hint) in enumerate(raw):
        try:
            out.append(parse_record(record, hint, source=path.name))
        except (RecordError, DateError) as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            problems.append(f"{path.name}: record {i} ({rid}): {exc}")
    return out
