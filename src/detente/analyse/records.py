"""Rows of the store turned into the records a reader sees.

``KeyEvent``: one event with its best evidence (sentence, trigger, article) — what timelines,
briefs and the dashboard list. (The full event record is ``Event.to_dict``, read by
``analyse.query.event_records``.)
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..events.ontology import load_ontology
from .query import as_date

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def clean(value: Any) -> Any:
    """pandas missing values (NaN, NaT, NA) -> None; numpy scalars -> Python scalars."""
    if value is None or type(value) in (str, int, bool, dt.date):  # the common case, at once
        return value
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
        out = dict(self.__dict__)  # the fields in order (flat: asdict's deep copy and fields() are slow)
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
        out = dict(self.__dict__)  # the fields in order, shallow (asdict deep-copies; fields() is slow)
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
    names = _short_names()
    return names[code] if code in names else _pycountry_names().get(code, code)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """ISO3 -> short name ("Russia", "Iran"), from country_converter's table (its two columns)."""
    import csv
    from importlib import resources as importlib_resources

    table = importlib_resources.files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = next(rows)
        iso3, short = header.index("ISO3"), header.index("name_short")
        return {row[iso3]: row[short] for row in rows if len(row) > max(iso3, short) and row[iso3] and row[short]}


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    """ISO3 -> name from pycountry, for a code country_converter's table lacks."""
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


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


KEY_EVENT_COLUMNS = ("event_id", "date_start", "date_end", "date_precision", "cameo", "plover", "quad_class",
                     "goldstein", "source_country", "source_name", "source_sector", "target_country", "target_name",
                     "target_sector", "modality", "contexts", "num_mentions", "num_articles", "num_sources",
                     "evidence")


def key_events(frame: pd.DataFrame) -> list[KeyEvent]:
    """KeyEvents for the rows of an events frame (``KEY_EVENT_COLUMNS``), in the frame's order,
    each with its first mention (the writer's ``evidence`` column)."""
    if frame.empty:
        return []
    return [key_event({k: clean(v) for k, v in row.items()}) for row in frame.to_dict("records")]


EVIDENCE_FIELDS = ("article_id", "sentence", "trigger", "char_start", "char_end", "trigger_char", "title",
                   "publisher", "published", "url")


def key_event(row: dict[str, Any], score: float | None = None) -> KeyEvent:
    """A KeyEvent from one row of ``KEY_EVENT_COLUMNS`` as Python values (a database cursor's
    tuples zipped with the column names; no pandas missing values). The evidence is its
    ``evidence`` dict, or its fields as ``evidence.<field>`` columns (``key_events_of_rows``)."""
    if "evidence" not in row:
        return key_events_of_rows(list(row), [tuple(row.values())], score=score)[0]
    entry = load_ontology().entries.get(row["cameo"])
    goldstein, mentions = row["goldstein"], row["num_mentions"]
    return KeyEvent(
        event_id=row["event_id"], date_start=as_date(row["date_start"]), date_end=as_date(row["date_end"]),
        date_precision=row["date_precision"] or "unknown", cameo=row["cameo"],
        cameo_name=entry.name if entry else None, plover=row["plover"], quad_class=row["quad_class"],
        goldstein=goldstein, source_country=row["source_country"], source_name=row["source_name"],
        source_sector=row["source_sector"], target_country=row["target_country"], target_name=row["target_name"],
        target_sector=row["target_sector"], modality=row["modality"] or "asserted",
        contexts=tuple(row["contexts"] or ()), num_mentions=int(mentions or 0),
        num_articles=int(row["num_articles"] or 0), num_sources=int(row["num_sources"] or 0),
        importance=round(abs(float(goldstein or 0.0)) * int(mentions or 1), 3),
        evidence=_evidence(row["evidence"]), score=score)


def key_events_of_rows(names: Sequence[str], rows: Sequence[Sequence[Any]], score: float | str | None = None
                       ) -> list[KeyEvent]:
    """KeyEvents of a database cursor's rows (Python values) of ``KEY_EVENT_COLUMNS``, the
    evidence as ``evidence.<field>`` columns, ``names`` the columns' names; ``score``: each
    event's score, or the name of the column holding it (rounded to 3 places). One pass over
    the rows by column position: no dict a row, each CAMEO code's name looked up once."""
    at = {name: i for i, name in enumerate(names)}
    (i_id, i_start, i_end, i_prec, i_cameo, i_plover, i_quad, i_gold, i_sc, i_sn, i_ss, i_tc, i_tn, i_ts, i_mod,
     i_ctx, i_ment, i_arts, i_srcs) = (at[c] for c in KEY_EVENT_COLUMNS if c != "evidence")
    i_ev = [at["evidence." + f] for f in EVIDENCE_FIELDS]
    i_score, fixed = (at[score], None) if isinstance(score, str) else (None, score)
    entries = load_ontology().entries
    cameo_names: dict[Any, str | None] = {}
    out: list[KeyEvent] = []
    for row in rows:
        cameo = row[i_cameo]
        if cameo in cameo_names:
            cameo_name = cameo_names[cameo]
        else:
            entry = entries.get(cameo)
            cameo_name = cameo_names[cameo] = entry.name if entry else None
        if row[i_ev[0]] is None:
            evidence = None
        else:  # Python values from the database: no cleaning
            fields = [row[i] for i in i_ev]
            if fields[1] is None:  # the sentence
                fields[1] = ""
            evidence = Evidence(*fields)
        start, end, goldstein, mentions = row[i_start], row[i_end], row[i_gold], row[i_ment]
        out.append(KeyEvent(
            event_id=row[i_id], date_start=start if type(start) is dt.date else as_date(start),
            date_end=end if type(end) is dt.date else as_date(end), date_precision=row[i_prec] or "unknown",
            cameo=cameo, cameo_name=cameo_name, plover=row[i_plover], quad_class=row[i_quad], goldstein=goldstein,
            source_country=row[i_sc], source_name=row[i_sn], source_sector=row[i_ss], target_country=row[i_tc],
            target_name=row[i_tn], target_sector=row[i_ts], modality=row[i_mod] or "asserted",
            contexts=tuple(row[i_ctx] or ()), num_mentions=int(mentions or 0), num_articles=int(row[i_arts] or 0),
            num_sources=int(row[i_srcs] or 0), importance=round(abs(float(goldstein or 0.0)) * int(mentions or 1), 3),
            evidence=evidence,
            score=round(float(row[i_score]), 3) if i_score is not None else fixed))
    return out


def _evidence(ev: Any) -> Evidence | None:
    if not isinstance(ev, dict) or ev.get("article_id") is None:
        return None
    return Evidence(
        article_id=ev["article_id"], sentence=clean(ev["sentence"]) or "", trigger=clean(ev["trigger"]),
        char_start=_int(ev["char_start"]), char_end=_int(ev["char_end"]), trigger_char=_int(ev["trigger_char"]),
        title=clean(ev["title"]), publisher=clean(ev["publisher"]), published=as_date(ev["published"]),
        url=clean(ev["url"]),
    )


def _int(value: Any) -> int | None:
    v = clean(value)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return int(v)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
