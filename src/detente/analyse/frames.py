"""Events as a pandas DataFrame, one row per (deduplicated) event, for pandas/Polars users.

    import detente
    df = detente.load_events("detente.duckdb")                  # every event
    df = detente.load_events("detente.duckdb", a="IRN", b="TJK")  # one dyad
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..events.ontology import load_ontology
from .query import EventFilter, open_db, select_events

if TYPE_CHECKING:
    from .query import StoreOrPath


def load_events(db: StoreOrPath, **filters: Any) -> pd.DataFrame:
    """Read events from a store (a path or an open ``Store``) into a DataFrame.

    ``filters`` are the fields of ``EventFilter`` (a, b, direction, country, source, target,
    actor, code, quad_class, modality, since, until, dated, q, limit, ...).

    Columns: event_id, cameo, cameo_name, cameo_root, plover, plover_mode, quad_class, goldstein,
    source_/target_ text, name, country, sector, sector2, kb_id, org, confidence; modality,
    reported, date_start, date_end (datetime.date or None), date_precision, date_basis,
    location_name, location_country, lat, lon, admin1, geonames_id, location_basis (clause |
    dateline), location_kind (city | admin1 | country), contexts (list of str), confidence,
    num_mentions, num_articles, num_sources, first_published, updated_at, and ``dyad``
    ("IRN>TJK": source country > target country, None when a side has no country).
    """
    with open_db(db) as store:
        frame = select_events(store, EventFilter(**filters))
    return add_labels(frame)


def add_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``cameo_name`` (after ``cameo``) and ``dyad`` columns to an events frame."""
    onto = load_ontology()
    names = [onto.entries[c].name if c in onto.entries else None for c in frame["cameo"]]
    frame.insert(frame.columns.get_loc("cameo") + 1, "cameo_name", pd.Series(names, index=frame.index, dtype=object))
    dyads = [f"{s}>{t}" if isinstance(s, str) and isinstance(t, str) else None
             for s, t in zip(frame["source_country"], frame["target_country"])]
    frame["dyad"] = pd.Series(dyads, index=frame.index, dtype=object)
    return frame
