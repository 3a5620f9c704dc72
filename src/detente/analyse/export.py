"""Export events from the store: csv | parquet | jsonl | plover | gdelt | icews (see docs/exports.md).

    export_events("detente.duckdb", "gdelt", "events.tsv", a="IRN", b="TJK", since="2015")

``filters`` are the fields of ``EventFilter``. Rows are written in date order (undated last),
in chunks streamed from one query, so a large store is not held in memory. The flat formats
take each event's evidence from the writer's ``evidence`` column (no join of the mentions). The event tables of
other systems (``gdelt``, ``icews``) hold asserted events only, since their users count every row
as a fact; ``all_modalities=True`` adds the others and a ``Modality`` column.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pandas as pd

from .. import __version__
from ..errors import QueryError
from .frames import add_labels
from .icews import write_icews
from ..store.events import lookup, mention_rows
from .query import EVENT_COLUMNS, EventFilter, iter_events, open_db, read_events, select_events
from .records import clean

FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt", "icews")
ASSERTED_ONLY = ("gdelt", "icews")  # formats without a modality of their own
CHUNK = 5000
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
STDOUT = "-"  # the out of standard output
EVIDENCE_COLUMNS = ("article_id", "sentence", "trigger", "article_title", "article_publisher", "article_url")


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: Path
    events: int


def export_events(db: Any, fmt: str, out: str | Path, all_modalities: bool = False, **filters: Any) -> ExportSummary:
    """Write the events matching ``filters`` to ``out`` (``-``: standard output) in format ``fmt``;
    returns how many.

    ``gdelt`` and ``icews`` write asserted events only unless ``all_modalities`` (which adds a
    ``Modality`` column); the other formats carry every event with its modality."""
    if fmt not in FORMATS:
        raise QueryError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    f = _modality_filter(fmt, all_modalities, EventFilter(**filters))
    path = Path(out)
    to_stdout = str(out) == STDOUT
    with open_db(db) as store:
        if fmt == "parquet":
            n = _write_parquet(store, f, sys.stdout.buffer if to_stdout else path)
        else:
            with nullcontext(sys.stdout) if to_stdout else path.open("w", encoding="utf-8", newline="") as handle:
                if fmt in ASSERTED_ONLY:
                    n = {"gdelt": _write_gdelt, "icews": _write_icews}[fmt](store, f, handle, all_modalities)
                else:
                    n = {"csv": _write_csv, "jsonl": _write_jsonl, "plover": _write_plover}[fmt](store, f, handle)
    if to_stdout:
        sys.stdout.flush()
    return ExportSummary(format=fmt, path=path, events=n)


def _modality_filter(fmt: str, all_modalities: bool, f: EventFilter) -> EventFilter:
    if fmt not in ASSERTED_ONLY:
        if all_modalities:
            raise QueryError(f"all_modalities is for {' and '.join(ASSERTED_ONLY)}: {fmt} carries every "
                             "event's modality already")
        return f
    if all_modalities or f.modality == "asserted":
        return f
    if f.modality is not None:
        raise QueryError(f"{fmt} exports asserted events only; add all_modalities (--all-modalities) "
                         f"to export {f.modality} events, with a Modality column")
    return f.replace(modality="asserted")


def _chunks(store: Any, f: EventFilter, columns: tuple[str, ...] | None = None) -> Iterator[pd.DataFrame]:
    """The matching events, CHUNK rows at a time, honouring the filter's own limit and offset."""
    return iter_events(store, f, columns, CHUNK)


# -- flat tables ------------------------------------------------------------------------------
_FLAT_COLUMNS = (*EVENT_COLUMNS, "evidence")


def flat_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``load_events`` columns plus the first mention's evidence (sentence, trigger, article), from
    a frame of ``_FLAT_COLUMNS``."""
    evidence = [e if isinstance(e, dict) else {} for e in frame.pop("evidence")]
    frame = add_labels(frame)
    for name in EVIDENCE_COLUMNS:
        key = name.removeprefix("article_") if name not in ("article_id",) else name
        frame[name] = [clean(e.get(key)) for e in evidence]
    return frame


def _empty_flat(store: Any, f: EventFilter) -> pd.DataFrame:
    return flat_frame(select_events(store, f.replace(limit=0), _FLAT_COLUMNS))


def write_events_csv(store: Any, f: EventFilter, handle: TextIO) -> int:
    """The events matching ``f`` on an open store, written to ``handle`` in the layout of
    ``export_events(..., "csv", ...)`` (the web app's download); returns how many."""
    return _write_csv(store, f, handle)


def _write_csv(store: Any, f: EventFilter, handle: TextIO) -> int:
    n = 0
    for frame in _chunks(store, f, _FLAT_COLUMNS):
        flat = flat_frame(frame)
        flat["contexts"] = [";".join(c) for c in flat["contexts"]]
        flat.to_csv(handle, index=False, header=(n == 0), lineterminator="\n")
        n += len(flat)
    if n == 0:
        handle.write(",".join(_empty_flat(store, f).columns) + "\n")
    return n


def _write_parquet(store: Any, f: EventFilter, path: Path | BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, n = None, 0
    try:
        for flat in _flat_chunks(store, f):
            for name in ("date_start", "date_end", "first_published"):
                flat[name] = pd.to_datetime(flat[name]).dt.date
            table = pa.Table.from_pandas(flat, preserve_index=False)
            if writer is None:
                schema = table.schema
                writer = pq.ParquetWriter(path, schema)
            writer.write_table(table.cast(schema))
            n += len(flat)
    finally:
        if writer is not None:
            writer.close()
    return n


def _flat_chunks(store: Any, f: EventFilter) -> Iterator[pd.DataFrame]:
    """Flat frames of the matching events; one empty frame (the columns) when none match."""
    empty = True
    for frame in _chunks(store, f, _FLAT_COLUMNS):
        empty = False
        yield flat_frame(frame)
    if empty:
        yield _empty_flat(store, f)


# -- JSON records -------------------------------------------------------------------------------
def _write_jsonl(store: Any, f: EventFilter, handle: TextIO) -> int:
    n = 0
    for record in _records(store, f):
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _records(store: Any, f: EventFilter) -> Iterator[dict[str, Any]]:
    """The event records (``Event.to_dict``) of the matching events, a chunk at a time."""
    from ..events.ontology import load_ontology

    onto = load_ontology()
    for frame in _chunks(store, f, ("event_id",)):
        for event in read_events(store, EventFilter(event_ids=tuple(frame["event_id"]))):
            yield event.to_dict(onto)


def plover_record(record: dict[str, Any]) -> dict[str, Any] | None:
    """An event (output contract) in the PLOVER JSON record format; None when PLOVER has no type for it."""
    if not record.get("plover"):
        return None
    first = record["mentions"][0] if record["mentions"] else {}
    location = record.get("location")
    return {
        "id": record["event_id"],
        "date": record["date_start"],
        "source": _plover_actors(record.get("source")),
        "target": _plover_actors(record.get("target")),
        "event": record["plover"],
        "mode": record.get("plover_mode") or "",
        "context": ", ".join(record.get("contexts") or ()),
        "eventText": first.get("trigger") or "",
        "text": first.get("sentence") or "",
        "eventLoc": _plover_location(location),
        "language": "en",
        "publication": first.get("publisher") or "",
        "coder": "detente",
        "version": f"detente {__version__}",
        "dateCoded": (record.get("updated_at") or "")[:10],
        "detente": {
            "cameo": record["cameo"], "goldstein": record["goldstein"], "quad_class": record["quad_class"],
            "modality": record["modality"], "reported": record["reported"], "date_end": record["date_end"],
            "date_precision": record["date_precision"], "confidence": record["confidence"],
            "num_mentions": record["num_mentions"], "num_articles": record["num_articles"],
            "article_id": first.get("article_id"), "url": first.get("url"),
        },
    }


def _plover_location(location: dict[str, Any] | None) -> dict[str, Any]:
    if not location:
        return {}
    out = {"name": location["name"], "country code": location.get("country")}
    for key, field in (("lat", "lat"), ("lon", "lon"), ("admin1", "admin1"), ("geonamesID", "geonames_id")):
        if location.get(field) is not None:
            out[key] = location[field]
    return out


def _plover_actors(actor: dict[str, Any] | None) -> list[dict[str, str]]:
    if not actor:
        return []
    out = {"actorText": actor.get("text") or actor.get("name") or "", "code": actor.get("country") or ""}
    if actor.get("sector"):
        out["sector"] = actor["sector"]
    return [out]


def _write_plover(store: Any, f: EventFilter, handle: TextIO) -> int:
    n = 0
    for record in _records(store, f):
        converted = plover_record(record)
        if converted is not None:
            handle.write(json.dumps(converted, ensure_ascii=False) + "\n")
            n += 1
    return n


# -- GDELT 2.0 event table ------------------------------------------------------------------------
def gdelt_id(event_id: str) -> int:
    """A stable 60-bit integer for GlobalEventID (GDELT ids are integers; ours are strings)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: dt.date) -> float:
    """YYYY.FFFF: the year plus the fraction of it completed at the start of ``day``."""
    length = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return round(day.year + (day.timetuple().tm_yday - 1) / length, 4)


def lead_end(body: str | None, title: str | None) -> int:
    """End offset of the article's lead paragraph: the first non-empty paragraph that is not its title."""
    if not body:
        return 0
    folded_title = " ".join((title or "").split()).lower()
    for match in re.finditer(r"\S(?:.*?)(?=\n\s*\n|\Z)", body, flags=re.S):
        text = " ".join(match.group(0).split()).lower()
        if text and text != folded_title:
            return match.end()
    return len(body)


def _actor_cols(row: dict[str, Any], side: str) -> list[Any]:
    country, sector, sector2 = (clean(row[f"{side}_{f}"]) for f in ("country", "sector", "sector2"))
    if not (country or sector):
        return [""] * 10
    code = f"{country or ''}{sector or ''}{sector2 or ''}"
    name = clean(row[f"{side}_org"]) or clean(row[f"{side}_name"]) or clean(row[f"{side}_text"]) or ""
    return [code, name, country if country and country != "IGO" else "", "", "", "", "",
            sector or "", sector2 or "", ""]


def _action_geo(row: dict[str, Any]) -> list[Any]:
    """ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    name = clean(row["location_name"])
    if not name:
        return [""] * 8
    country = clean(row["location_country"])
    return [_geo_type(name, country, clean(row.get("location_kind"))), name, country or "",
            clean(row.get("admin1")) or "", "", _blank(row["lat"]), _blank(row["lon"]), _feature_id(row.get("geonames_id"))]


def _feature_id(value: Any) -> Any:
    v = clean(value)
    return "" if v is None else int(v)


def _geo_type(name: str, country: str | None, kind: str | None) -> Any:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world
    first-level division; for a location stored before places had kinds, 1 when its name is its
    country's, else blank."""
    if kind == "country":
        return 1
    if kind in ("admin1", "city"):
        return (2 if kind == "admin1" else 3) if country == "USA" else (5 if kind == "admin1" else 4)
    import pycountry

    found = pycountry.countries.get(alpha_3=country) if country else None
    names = {getattr(found, k, "").lower() for k in ("name", "common_name", "official_name")} if found else set()
    return 1 if name.lower() in names - {""} else ""


def gdelt_row(row: dict[str, Any], lead: bool, url: str | None) -> list[Any]:
    """One event as a GDELT 2.0 event-table row (see docs/exports.md for each column)."""
    day = clean(row["date_start"])
    cameo = row["cameo"]
    updated = clean(row["updated_at"])
    return [
        gdelt_id(row["event_id"]),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
        fraction_date(day) if day else "",
        *_actor_cols(row, "source"), *_actor_cols(row, "target"),
        1 if lead else 0, cameo, cameo[:3], cameo[:2], _blank(row["quad_class"]), _blank(row["goldstein"]),
        _blank(row["num_mentions"]), _blank(row["num_sources"]), _blank(row["num_articles"]), "",
        *([""] * 16), *_action_geo(row),
        updated.strftime("%Y%m%d%H%M%S") if updated is not None else "", url or "",
    ]


def _write_gdelt(store: Any, f: EventFilter, handle: TextIO, with_modality: bool = False) -> int:
    out = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow([*GDELT_COLUMNS, "Modality"] if with_modality else GDELT_COLUMNS)
    n = 0
    for frame in _chunks(store, f):
        mentions = mention_rows(store.con, list(frame["event_id"]))
        ids = sorted({m["article_id"] for m in mentions})
        bodies = lookup(store.con, "SELECT id, body, raw_text, title FROM articles WHERE", "id", ids)
        leads = {r["id"]: lead_end(r["body"] or r["raw_text"], r["title"]) for r in bodies}
        is_lead: dict[str, bool] = {}
        url: dict[str, str] = {}
        for m in sorted(mentions, key=_evidence_order):
            start = m["char_start"]
            is_lead[m["event_id"]] = is_lead.get(m["event_id"], False) or (
                start is not None and start < leads.get(m["article_id"], 0))
            if m["article_url"] and m["event_id"] not in url:
                url[m["event_id"]] = m["article_url"]
        for row in frame.to_dict("records"):
            cells = gdelt_row(row, is_lead.get(row["event_id"], False), url.get(row["event_id"]))
            out.writerow([*cells, row["modality"]] if with_modality else cells)
            n += 1
    return n


def _write_icews(store: Any, f: EventFilter, handle: TextIO, with_modality: bool = False) -> int:
    return write_icews(_flat_chunks(store, f), handle, with_modality)


def _evidence_order(m: dict[str, Any]) -> tuple[Any, ...]:
    """Mentions by their date (or their article's; undated last), article and position."""
    day = m["published"] or m["article_published"]
    return (day is None, day or dt.date.min, m["article_id"], m["char_start"] or 0)


def _blank(value: Any) -> Any:
    v = clean(value)
    return "" if v is None else v
