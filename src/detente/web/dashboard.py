"""API routes the dashboard needs beyond the JSON API of ``routes.py``: the store's status (an
empty store says so and how to fill it) and a CSV download of the events the dashboard shows.
Both read through ``detente.analyse``; the CSV is the layout of ``detente export --format csv``."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..analyse.query import run_query
from .app import StoreDep

router = APIRouter(prefix="/api")
FILL_COMMAND = "detente code ARTICLES/ --db STORE.duckdb"


@router.get("/status", summary="Number of events and articles in the store; how to fill an empty one")
def status(store: StoreDep) -> dict[str, Any]:
    counts = run_query(store, "SELECT (SELECT count(*) FROM events) AS events, "
                              "(SELECT count(*) FROM articles) AS articles", []).iloc[0]
    n_events, n_articles = int(counts["events"]), int(counts["articles"])
    out: dict[str, Any] = {"events": n_events, "articles": n_articles, "empty": n_events == 0}
    if n_events == 0:
        out["message"] = ("This store holds no events yet" + (f" ({n_articles} article(s), none coded)" if n_articles
                                                              else "") + ". Code some articles into it, then reload:")
        out["command"] = FILL_COMMAND
    return out
