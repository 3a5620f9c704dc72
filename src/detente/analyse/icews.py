"""The ICEWS-style event table (``detente export --format icews``; columns in docs/exports.md).

Tab-separated with a header line, the twenty columns of the ICEWS coded-event files in their
order, one row per deduplicated event. What the store has fills a column; the rest stay blank.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

import pandas as pd

from .records import clean, country_name

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)


def _text(value: Any) -> str:
    v = clean(value)
    return "" if v is None else str(v)


def _country(code: Any) -> str:
    """A country's name (ICEWS names countries); blank for none and for IGO."""
    code = clean(code)
    return country_name(code) if code and code != "IGO" else ""


def _actor(row: dict[str, Any], side: str) -> list[str]:
    """Name, Sectors, Country of one side: the resolved name, else the organisation, else the
    words in the text; the sector codes joined by commas; the country's name."""
    name = clean(row.get(f"{side}_name")) or clean(row.get(f"{side}_org")) or clean(row.get(f"{side}_text"))
    sectors = [s for s in (clean(row.get(f"{side}_sector")), clean(row.get(f"{side}_sector2"))) if s]
    return [name or "", ",".join(dict.fromkeys(sectors)), _country(row.get(f"{side}_country"))]


def _place(row: dict[str, Any]) -> list[str]:
    """City, District, Province, Country, Latitude, Longitude of the event's location: the place's
    name in the column of its kind; for a city, Province holds its first-level division's code
    (the store keeps GeoNames' code, e.g. IR.26, not the division's name)."""
    name = clean(row.get("location_name"))
    if not name:
        return [""] * 6
    kind = clean(row.get("location_kind"))
    country = _country(row.get("location_country"))
    if kind is None:  # stored before places had kinds: a name that is not its country's is a city
        kind = "country" if name.lower() == country.lower() else "city"
    province = name if kind == "admin1" else _text(row.get("admin1"))  # a city's division: its code
    return [name if kind == "city" else "", "", province, country or (name if kind == "country" else ""),
            _text(row.get("lat")), _text(row.get("lon"))]


def icews_row(row: dict[str, Any], with_modality: bool = False) -> list[str]:
    """One event (a ``flat_frame`` row: events columns, ``cameo_name`` and the first mention's
    ``article_id`` and ``article_publisher``) as an ICEWS row, plus its modality when asked."""
    day = clean(row.get("date_start"))
    out = [
        row["event_id"], day.isoformat() if day else "", *_actor(row, "source"), _text(row.get("cameo_name")),
        row["cameo"], _text(row.get("goldstein")), *_actor(row, "target"), _text(row.get("article_id")), "",
        _text(row.get("article_publisher")), *_place(row),
    ]
    return [*out, _text(row.get("modality"))] if with_modality else out


def write_icews(frames: Iterable[pd.DataFrame], handle: TextIO, with_modality: bool = False) -> int:
    """Write the header and one row per event of ``frames`` (flat frames); returns how many."""
    out = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow([*ICEWS_COLUMNS, "Modality"] if with_modality else ICEWS_COLUMNS)
    n = 0
    for frame in frames:
        for row in frame.to_dict("records"):
            out.writerow(icews_row(row, with_modality))
            n += 1
    return n
