"""Routes the dashboard needs beyond the JSON API of ``routes.py``: the store's status (an empty
store says so and how to fill it), a CSV download of the events the dashboard shows (read through
``detente.analyse``, in the layout of ``detente export --format csv``), and the world base map of
its offline map (``static/topojson/``: Plotly's scattergeo would fetch it from a CDN)."""
from __future__ import annotations

import io
from typing import Annotated, Any

from functools import lru_cache
from importlib import resources as importlib_resources

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from ..analyse.export import write_events_csv
from ..analyse.query import MAX_LIMIT, EventFilter, parse_date, parse_dyad, run_query
from .deps import StoreDep

router = APIRouter()  # what the app includes: the API routes below and the base map
api = APIRouter(prefix="/api")
TOPOJSON = ("world_110m.json",)
MAX_CSV_ROWS = MAX_LIMIT  # rows of one download (EventFilter's largest page)
FILL_COMMAND = "detente code ARTICLES/ --db STORE.duckdb"


@api.get("/status", summary="Number of events and articles in the store; how to fill an empty one")
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


@api.get("/events.csv", summary="The events matching the filters as CSV (the layout of `detente export --format csv`)",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def events_csv(store: StoreDep, dyad: str | None = None, a: str | None = None, b: str | None = None,
               direction: str = "both", actor: str | None = None, country: str | None = None,
               source: str | None = None, target: str | None = None,
               code: Annotated[str | None, Query(description="CAMEO prefix (04, 042) or PLOVER type (CONSULT)")] = None,
               quad_class: int | None = None, modality: str | None = None,
               since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
               until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
               dated: bool | None = None, q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    a, b, direction = parse_dyad(dyad, a, b, direction)
    f = EventFilter(a=a, b=b, direction=direction, actor=actor, country=country, source=source, target=target,
                    code=code, quad_class=quad_class, modality=modality,
                    since=parse_date(since, "since"), until=parse_date(until, "until"), dated=dated,
                    q=q, limit=MAX_CSV_ROWS)
    buffer = io.StringIO()
    write_events_csv(store, f, buffer)
    name = "events" + (f"-{a}-{b}" if a else "") + ".csv"
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


router.include_router(api)


@router.get("/static/topojson/{name}", include_in_schema=False)
def topojson(name: str) -> Response:
    if name not in TOPOJSON:
        raise HTTPException(404, "not found")
    return Response(_topojson(name), media_type="application/json",
                    headers={"Cache-Control": "public, max-age=86400"})


@lru_cache(maxsize=2)
def _topojson(name: str) -> bytes:
    return importlib_resources.files("detente.web").joinpath("static", "topojson", name).read_bytes()
