"""The CAMEO event codebook and its PLOVER mapping, as validated package data.

``data/ontology/cameo.yaml`` holds every CAMEO code with its name and Goldstein value;
``data/ontology/plover.yaml`` maps CAMEO prefixes to PLOVER types, modes and contexts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import yaml

from ..errors import DataFileError

CAMEO_FILE = "data/ontology/cameo.yaml"
PLOVER_FILE = "data/ontology/plover.yaml"

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
PLOVER05_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
})
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover05: str | None
    plover_mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    """Lookup of CAMEO codes; immutable once loaded."""

    entries: dict[str, CameoCode] = field(default_factory=dict)
    contexts_vocabulary: frozenset[str] = frozenset()

    def is_code(self, code: str) -> bool:
        return code in self.entries

    def get(self, code: str) -> CameoCode:
        try:
            return self.entries[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> list[str]:
        return sorted(self.entries)

    def describe(self, code: str) -> dict[str, Any]:
        """Name, Goldstein value, quad class and PLOVER fields of a code ({} when unknown)."""
        entry = self.entries.get(code)
        if entry is None:
            return {}
        return {
            "name": entry.name,
            "goldstein": entry.goldstein,
            "quad_class": entry.quad_class,
            "plover": entry.plover,
            "plover05": entry.plover05,
            "plover_mode": entry.plover_mode,
            "contexts": list(entry.contexts),
        }

    def plover_category(self, code: str) -> str | None:
        """The PLOVER 0.5 category of a code (the categories of the PLOVER gold-standard records)."""
        entry = self.entries.get(code)
        return entry.plover05 if entry else None


def _read_yaml(name: str) -> Any:
    path = importlib_resources.files("detente").joinpath(name)
    try:
        # libyaml's safe loader when PyYAML has it: the same documents, parsed ~10x faster (every
        # reader of events loads the ontology once a process)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(name, f"cannot read: {exc}") from exc


def _resolve_plover(code: str, mapping: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Merge the mapping entries of every prefix of ``code``, longest prefix last (it wins)."""
    merged: dict[str, Any] = {"contexts": []}
    for end in range(2, len(code) + 1):
        entry = mapping.get(code[:end])
        if not entry:
            continue
        for key, value in entry.items():
            if key == "contexts":
                merged["contexts"] = list(dict.fromkeys([*merged["contexts"], *value]))
            else:
                merged[key] = value
    return merged


def build_ontology(cameo: dict[str, Any], plover: dict[str, Any]) -> Ontology:
    """Validate the two data files and join them into an Ontology."""
    codes = cameo.get("codes") if isinstance(cameo, dict) else None
    mapping = plover.get("map") if isinstance(plover, dict) else None
    if not isinstance(codes, dict) or not codes:
        raise DataFileError(CAMEO_FILE, "expected a non-empty mapping under 'codes'")
    if not isinstance(mapping, dict):
        raise DataFileError(PLOVER_FILE, "expected a mapping under 'map'")
    vocabulary = frozenset(plover.get("contexts_vocabulary") or ())
    for prefix, entry in mapping.items():
        _check_mapping_entry(prefix, entry, codes, vocabulary)
    entries = {}
    for code, value in codes.items():
        _check_code(code, value, codes)
        resolved = _resolve_plover(code, mapping)
        entries[code] = CameoCode(
            code=code, name=str(value[0]), goldstein=float(value[1]), quad_class=quad_class(code),
            plover=resolved.get("type"), plover05=resolved.get("v05"), plover_mode=resolved.get("mode"),
            contexts=tuple(resolved["contexts"]),
        )
    return Ontology(entries=entries, contexts_vocabulary=vocabulary)


def _check_code(code: Any, value: Any, codes: dict[str, Any]) -> None:
    if not (isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4):
        raise DataFileError(CAMEO_FILE, f"bad CAMEO code {code!r}: 2 to 4 digits as a string")
    if code[:2] not in ROOTS:
        raise DataFileError(CAMEO_FILE, f"code {code}: root {code[:2]} is not 01-20")
    if len(code) > 2 and code[:-1] not in codes:
        raise DataFileError(CAMEO_FILE, f"code {code}: its parent {code[:-1]} is missing")
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
            and isinstance(value[1], (int, float)) and -10.0 <= value[1] <= 10.0):
        raise DataFileError(CAMEO_FILE, f"code {code}: expected [name, goldstein in -10..10], got {value!r}")


def _check_mapping_entry(prefix: Any, entry: Any, codes: dict[str, Any], vocabulary: frozenset[str]) -> None:
    if prefix not in codes:
        raise DataFileError(PLOVER_FILE, f"prefix {prefix!r} is not a CAMEO code")
    if not isinstance(entry, dict) or not set(entry) <= {"type", "v05", "mode", "contexts"}:
        raise DataFileError(PLOVER_FILE, f"{prefix}: entry must be a mapping of type/v05/mode/contexts")
    if entry.get("type") is not None and entry["type"] not in PLOVER_TYPES:
        raise DataFileError(PLOVER_FILE, f"{prefix}: unknown PLOVER type {entry['type']!r}")
    if entry.get("v05") is not None and entry["v05"] not in PLOVER05_TYPES:
        raise DataFileError(PLOVER_FILE, f"{prefix}: unknown PLOVER 0.5 category {entry['v05']!r}")
    unknown = set(entry.get("contexts") or ()) - vocabulary
    if unknown:
        raise DataFileError(PLOVER_FILE, f"{prefix}: contexts not in contexts_vocabulary: {sorted(unknown)}")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged CAMEO codebook joined with its PLOVER mapping (loaded once)."""
    return build_ontology(_read_yaml(CAMEO_FILE), _read_yaml(PLOVER_FILE))
