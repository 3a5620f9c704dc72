"""Convert the project's corpus to and from the PLOVER gold-standard-record format (GSR).

A corpus sentence becomes one GSR record for its first asserted event that PLOVER codes (CAMEO
roots 03-20); ``(SRC: ...)``, ``(TAR: ...)`` and ``(EVT: ...)`` markup shows the spans. A GSR record
becomes a corpus sentence with one event whose spans come from its markup (CAMEO code: the root
code of its PLOVER category).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

from .corpus import CAMEO_FILE, Ann, Sentence, load_split

PLOVER_FILE = CAMEO_FILE.parent / "plover.yaml"


def _v05() -> dict[str, str]:
    table = yaml.safe_load(PLOVER_FILE.read_text(encoding="utf-8"))["map"]
    return {code: row["v05"] for code, row in table.items() if row.get("v05")}


def category(code: str, table: dict[str, str]) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _markup(text: str, ev: Ann) -> str:
    spans = [(ev.trigger, "EVT")] + [(s, tag) for s, tag in ((ev.source, "SRC"), (ev.target, "TAR")) if s]
    out, last = [], 0
    for (start, end), tag in sorted(spans):
        if start < last:
            continue
        out += [text[last:start], f"({tag}: {text[start:end]})"]
        last = end
    return "".join(out + [text[last:]])


def to_gsr(sents: list[Sentence]) -> list[dict]:
    table = _v05()
    records = []
    for s in sents:
        for ev in s.events:
            cat = category(ev.cameo, table)
            if ev.modality != "asserted" or cat is None:
                continue
            side = lambda span, country, sector: ([{"actorText": s.text[span[0]:span[1]], "code": country,
                                                    "sector": sector}] if span and country else [])
            records.append({"id": s.id, "date": s.published, "event": cat, "text": s.text,
                            "source": side(ev.source, ev.source_country, ev.source_sector),
                            "target": side(ev.target, ev.target_country, ev.target_sector),
                            "eventText": s.text[ev.trigger[0]:ev.trigger[1]], "cameo": ev.cameo,
                            "textInfo": {"markup": _markup(s.text, ev)}})
            break
    return records


def from_gsr(record: dict) -> dict:
    """A corpus line (ANNOTATION.md) from one GSR record; the code is its category's root code."""
    roots = {}
    for code, cat in _v05().items():
        roots.setdefault(cat, code if len(code) == 2 else code[:2])
    markup = record.get("textInfo", {}).get("markup", "")
    spans = {tag: m for tag, m in re.findall(r"\((SRC|TAR|EVT): ([^)]*)\)", markup)[::-1]}
    trigger = (spans.get("EVT") or record.get("eventText", "")).split()[0]
    side = lambda key: (record.get(key) or [{}])[0]
    return {"id": record["id"], "text": record["text"], "published": record.get("date"), "style": "wire",
            "events": [{"trigger": trigger, "cameo": roots.get(record["event"], "") + "0",
                        "modality": "asserted", "time": "current",
                        "source": spans.get("SRC"), "source_country": side("source").get("code"),
                        "source_sector": side("source").get("sector"),
                        "target": spans.get("TAR"), "target_country": side("target").get("code"),
                        "target_sector": side("target").get("sector")}]}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="write a corpus split as PLOVER gold records")
    ap.add_argument("split", choices=("train", "dev", "test"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    records = to_gsr(load_split(args.split))
    args.out.write_text(json.dumps(records, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(records)} records -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
