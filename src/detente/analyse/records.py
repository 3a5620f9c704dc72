"""Rows of the store turned into the records a reader sees.

``KeyEvent``: one event with its best evidence (sentence, trigger, article) — what timelines,
briefs and the dashboard list. ``event_records``: events in the output contract of the design
guide (``Event.to_dict``), each mention with its article's title, publisher and url.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..events.ontology import load_ontology
from ..model import Actor, Event, EventMention, Location
from .query import select_mentions

if TYPE_CHECKING:
    from ..store.db import Store

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def clean(value: Any) -> Any:
    """pandas missing values (NaN, NaT, NA) -> None; numpy scalars -> Python scalars."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, dict)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, dt.date)):
        return value.item()
    return value


@dataclass(frozen=True)
class Evidence:
    """One mention of an event: the sentence, its trigger and the article it is from."""

    article_id: str
    sentence: str
    trigger: str | None
    char_start: int | None  # sentence offsets in the article body
    char_end: int | None
    trigger_char: int | None  # trigger offset in the article body
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["published"] = _iso(self.published)
        return out


@dataclass(frozen=True)
class KeyEvent:
    """An event as a reader sees it in a list: what, who, when, how much, and its evidence."""

    event_id: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    cameo: str
    cameo_name: str | None
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    source_country: str | None
    source_name: str | None
    source_sector: str | None
    target_country: str | None
    target_name: str | None
    target_sector: str | None
    modality: str
    contexts: tuple[str, ...]
    num_mentions: int
    num_articles: int
    num_sources: int
    importance: float  # |goldstein| x mentions
    evidence: Evidence | None
    score: float | None = None  # the score the relations index uses (see analyse.dyad); None = goldstein

    @property
    def dyad(self) -> str:
        return f"{self.source_country or '?'}>{self.target_country or '?'}"

    @property
    def date_label(self) -> str:
        """The date at its precision: 2023-05-17, 2023-05, 2023, 2010s, or 'undated'."""
        return date_label(self.date_start, self.date_precision)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date_start"] = _iso(self.date_start)
        out["date_end"] = _iso(self.date_end)
        out["contexts"] = list(self.contexts)
        out["dyad"] = self.dyad
        out["date_label"] = self.date_label
        out["evidence"] = self.evidence.to_dict() if self.evidence else None
        return out


def country_name(code: str | None) -> str:
    """A country's short name from its ISO 3166 alpha-3 code (the code itself when unknown)."""
    if not code:
        return "?"
    return _short_names().get(code, code)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """ISO3 -> short name ("Russia", "Iran"), from country_converter's table, else pycountry."""
    import csv
    from importlib import resources as importlib_resources

    import pycountry

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    table = importlib_resources.files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("ISO3") and row.get("name_short"):
                names[row["ISO3"]] = row["name_short"]
    return names


SECTOR_WORDS = {"OPP": "opposition", "REB": "rebels", "INS": "insurgents", "SEP": "separatists",
                "UAF": "armed group"}


def actor_label(country: str | None, name: str | None, sector: str | None) -> str:
    """A side of an event for a reader: the country's name, or for a non-state side such as the
    opposition, its name and what it is (“Muhiddin Kabiri (Tajikistan opposition)”)."""
    if sector in SECTOR_WORDS:
        who = f"{country_name(country)} {SECTOR_WORDS[sector]}"
        return f"{name} ({who})" if name and name != country_name(country) else who
    return country_name(country)


def actors_label(e: "KeyEvent") -> str:
    """“Iran → Muhiddin Kabiri (Tajikistan opposition)”."""
    return (f"{actor_label(e.source_country, e.source_name, e.source_sector)} → "
            f"{actor_label(e.target_country, e.target_name, e.target_sector)}")


def date_label(start: dt.date | None, precision: str) -> str:
    if start is None:
        return "undated"
    if precision == "year":
        return f"{start.year}"
    if precision == "month":
        return f"{start.year}-{start.month:02d}"
    if precision == "decade":
        return f"{start.year // 10 * 10}s"
    return start.isoformat()


def importance(goldstein: Any, num_mentions: Any) -> float:
    g = clean(goldstein)
    n = clean(num_mentions) or 1
    return round(abs(float(g or 0.0)) * int(n), 3)


def key_events(store: Store, frame: pd.DataFrame) -> list[KeyEvent]:
    """KeyEvents for the rows of an events frame, in the frame's order, each with its first mention."""
    if frame.empty:
        return []
    mentions = select_mentions(store, list(frame["event_id"]))
    first = {row["event_id"]: row for row in mentions.drop_duplicates("event_id").to_dict("records")}
    onto = load_ontology()
    out = []
    for row in frame.to_dict("records"):
        entry = onto.entries.get(row["cameo"])
        out.append(KeyEvent(
            event_id=row["event_id"], date_start=clean(row["date_start"]), date_end=clean(row["date_end"]),
            date_precision=clean(row["date_precision"]) or "unknown", cameo=row["cameo"],
            cameo_name=entry.name if entry else None, plover=clean(row["plover"]),
            quad_class=clean(row["quad_class"]), goldstein=clean(row["goldstein"]),
            source_country=clean(row["source_country"]), source_name=clean(row["source_name"]),
            source_sector=clean(row["source_sector"]), target_country=clean(row["target_country"]),
            target_name=clean(row["target_name"]), target_sector=clean(row["target_sector"]),
            modality=clean(row["modality"]) or "asserted", contexts=tuple(row["contexts"] or ()),
            num_mentions=int(clean(row["num_mentions"]) or 0), num_articles=int(clean(row["num_articles"]) or 0),
            num_sources=int(clean(row["num_sources"]) or 0),
            importance=importance(row["goldstein"], row["num_mentions"]),
            evidence=_evidence(first.get(row["event_id"])),
        ))
    return out


def _evidence(row: dict[str, Any] | None) -> Evidence | None:
    if row is None:
        return None
    return Evidence(
        article_id=row["article_id"], sentence=clean(row["sentence"]) or "", trigger=clean(row["trigger"]),
        char_start=_int(row["char_start"]), char_end=_int(row["char_end"]), trigger_char=_int(row["trigger_char"]),
        title=clean(row["article_title"]), publisher=clean(row["article_publisher"]),
        published=clean(row["article_published"]) or clean(row["published"]), url=clean(row["article_url"]),
    )


def event_records(store: Store, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The events of ``frame`` in the output contract (``Event.to_dict``), plus ``num_sources`` and
    ``updated_at`` (when the event was last written);
    each mention also carries ``trigger_char`` and its article's ``title``, ``publisher``, ``url``."""
    if frame.empty:
        return []
    mentions = select_mentions(store, list(frame["event_id"]))
    by_event: dict[str, list[dict[str, Any]]] = {}
    for row in mentions.to_dict("records"):
        by_event.setdefault(row["event_id"], []).append(row)
    onto = load_ontology()
    out = []
    for row in frame.to_dict("records"):
        rows = by_event.get(row["event_id"], [])
        record = _event(row, rows).to_dict(onto)
        record["num_sources"] = int(clean(row["num_sources"]) or 0)
        updated = clean(row.get("updated_at"))
        record["updated_at"] = updated.isoformat(timespec="seconds") if updated is not None else None
        for mention, mrow in zip(record["mentions"], rows):
            mention["trigger_char"] = _int(mrow["trigger_char"])
            mention["title"] = clean(mrow["article_title"])
            mention["publisher"] = clean(mrow["article_publisher"])
            mention["url"] = clean(mrow["article_url"])
        out.append(record)
    return out


def _actor(row: dict[str, Any], side: str) -> Actor | None:
    values = {f: clean(row.get(f"{side}_{f}")) for f in ("country", "sector", "sector2", "name", "kb_id", "org")}
    if not any(values.values()):
        return None
    return Actor(confidence=float(clean(row.get(f"{side}_confidence")) or 0.0), **values)


def _event(row: dict[str, Any], mentions: Iterable[dict[str, Any]]) -> Event:
    location = None
    if clean(row.get("location_name")):
        geonames_id = _int(row.get("geonames_id"))
        location = Location(name=row["location_name"], country=clean(row.get("location_country")),
                            lat=clean(row.get("lat")), lon=clean(row.get("lon")), admin1=clean(row.get("admin1")),
                            geonames_id=geonames_id, basis=clean(row.get("location_basis")),
                            kind=clean(row.get("location_kind")))
    ems = tuple(EventMention(
        article_id=m["article_id"], sentence=clean(m["sentence"]) or "", char_start=_int(m["char_start"]) or 0,
        char_end=_int(m["char_end"]) or 0, trigger=clean(m["trigger"]) or "",
        trigger_char=_int(m["trigger_char"]) or 0, cameo=clean(m["cameo"]) or row["cameo"],
        rule=clean(m["rule"]) or "", modality=clean(m["modality"]) or "asserted",
        reported=bool(clean(m["reported"])), confidence=float(clean(m["confidence"]) or 0.0),
        date_text=clean(m["date_text"]), published=clean(m["published"]) or clean(m["article_published"]),
        intended_cameo=clean(m.get("intended_cameo")),
    ) for m in mentions)
    return Event(
        event_id=row["event_id"], cameo=row["cameo"], source=_actor(row, "source"), target=_actor(row, "target"),
        modality=clean(row["modality"]) or "asserted", mentions=ems, confidence=float(clean(row["confidence"]) or 0.0),
        date_start=clean(row["date_start"]), date_end=clean(row["date_end"]),
        date_precision=clean(row["date_precision"]) or "unknown", date_basis=clean(row["date_basis"]),
        location=location, contexts=tuple(row["contexts"] or ()), reported=bool(clean(row["reported"])),
        source_text=clean(row["source_text"]), target_text=clean(row["target_text"]),
        intended_cameo=clean(row.get("intended_cameo")),
    )


def _int(value: Any) -> int | None:
    v = clean(value)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return int(v)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
