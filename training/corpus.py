"""Read and validate the project's annotated corpus (see ANNOTATION.md).

`python -m training.corpus validate FILE...` checks every line and prints one error per problem.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
CAMEO_FILE = ROOT.parent / "src" / "detente" / "data" / "ontology" / "cameo.yaml"

MODALITIES = {"asserted", "negated", "hypothetical"}
TIMES = {"current", "background"}
STYLES = {"wire", "analysis", "headline", "feature", "transcript"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "PTY", "CVL", "BUS", "MED", "EDU",
           "NGO", "REL", "ELI", "SPY", "CRM", "LAB", "HLH", "IGO", "REF", "AGR", "DEV", "ENV"}
SPLITS = {"train": ("w01", "w02", "w03", "w04", "w05", "w06", "w09", "w10", "w11", "w12", "w13", "w14", "w15", "w16", "w17", "w18", "w19", "w20", "w21", "w22", "w23", "w24", "w25"), "dev": ("w07",), "test": ("w08",)}
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Ann:
    """One annotated event, with character offsets resolved against the sentence."""

    cameo: str
    modality: str
    time: str
    trigger: tuple[int, int]
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    intended_cameo: str | None = None


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    published: str
    style: str
    events: tuple[Ann, ...] = field(default_factory=tuple)
    writer: str = ""


def cameo_codes() -> set[str]:
    data = yaml.safe_load(CAMEO_FILE.read_text(encoding="utf-8"))
    return set(data["codes"])


def _find(text: str, phrase: str, word: bool) -> tuple[int, int]:
    nth = 1
    m = re.fullmatch(r"(.+)#(\d+)", phrase)
    if m:
        phrase, nth = m.group(1), int(m.group(2))
    start = -1
    for _ in range(nth):
        start = text.find(phrase, start + 1)
        while start >= 0 and word and not _whole(text, start, start + len(phrase)):
            start = text.find(phrase, start + 1)
        if start < 0:
            raise ValueError(f"{phrase!r} (occurrence {nth}) not in text")
    return start, start + len(phrase)


def _whole(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _event(text: str, ev: dict, codes: set[str]) -> Ann:
    cameo = str(ev["cameo"])
    if cameo not in codes:
        raise ValueError(f"unknown CAMEO code {cameo!r}")
    if ev.get("modality") not in MODALITIES:
        raise ValueError(f"modality {ev.get('modality')!r} not in {sorted(MODALITIES)}")
    if ev.get("time") not in TIMES:
        raise ValueError(f"time {ev.get('time')!r} not in {sorted(TIMES)}")
    trig = ev.get("trigger")
    if not isinstance(trig, str) or not _WORD.fullmatch(trig.split("#")[0]):
        raise ValueError(f"trigger {trig!r} must be one word")
    intended = ev.get("intended_cameo")
    if intended is not None:
        intended = str(intended)
        if intended not in codes:
            raise ValueError(f"unknown intended_cameo {intended!r}")
    slots: dict[str, tuple[int, int] | None] = {}
    for role in ("source", "target"):
        phrase = ev.get(role)
        slots[role] = None if phrase in (None, "") else _find(text, phrase, word=True)
        for key in ("country", "sector"):
            val = ev.get(f"{role}_{key}")
            if val is None:
                continue
            if key == "country" and not re.fullmatch(r"[A-Z]{3}", str(val)):
                raise ValueError(f"{role}_country {val!r} is not ISO3 or IGO")
            if key == "sector" and val not in SECTORS:
                raise ValueError(f"{role}_sector {val!r} not in the sector list")
    return Ann(cameo=cameo, modality=ev["modality"], time=ev["time"],
               trigger=_find(text, trig, word=True), source=slots["source"], target=slots["target"],
               source_country=ev.get("source_country"), target_country=ev.get("target_country"),
               source_sector=ev.get("source_sector"), target_sector=ev.get("target_sector"),
               intended_cameo=intended)


def parse_line(line: str, codes: set[str], writer: str = "") -> Sentence:
    rec = json.loads(line)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text missing")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(rec.get("published", ""))):
        raise ValueError(f"published {rec.get('published')!r} is not YYYY-MM-DD")
    if rec.get("style") not in STYLES:
        raise ValueError(f"style {rec.get('style')!r} not in {sorted(STYLES)}")
    events = rec.get("events")
    if not isinstance(events, list):
        raise ValueError("events must be a list")
    anns = []
    for i, ev in enumerate(events):
        try:
            anns.append(_event(text, ev, codes))
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"event {i}: {exc}") from None
    return Sentence(id=str(rec.get("id")), text=text, published=rec["published"],
                    style=rec["style"], events=tuple(anns), writer=writer)


def read_file(path: Path, codes: set[str]) -> tuple[list[Sentence], list[str]]:
    """Every valid sentence of one file, and one message per invalid line."""
    good, errors = [], []
    writer = path.parent.name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            good.append(parse_line(line, codes, writer))
        except (ValueError, json.JSONDecodeError) as exc:
            errors.append(f"{path}:{n}: {exc}")
    return good, errors


def load_split(split: str, corpus: Path = CORPUS) -> list[Sentence]:
    codes = cameo_codes()
    out: list[Sentence] = []
    seen: set[str] = set()
    for writer in SPLITS[split]:
        for path in sorted((corpus / writer).glob("batch_*.jsonl")):
            for sent in read_file(path, codes)[0]:
                if sent.id not in seen and sent.text not in seen:
                    seen.update((sent.id, sent.text))
                    out.append(sent)
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate":
        print("usage: python -m training.corpus validate FILE...", file=sys.stderr)
        return 2
    codes = cameo_codes()
    total, bad = 0, 0
    for name in argv[1:]:
        good, errors = read_file(Path(name), codes)
        total += len(good) + len(errors)
        bad += len(errors)
        for e in errors:
            print(e)
    print(f"{total - bad} valid, {bad} invalid lines")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
