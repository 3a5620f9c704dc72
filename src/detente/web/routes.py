"""The JSON API routes (see ``detente.web.app``). Every handler reads through ``detente.analyse``."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ..analyse.contexts import dyad_contexts
from ..analyse.dyad import PERIODS, dyad_timeline
from ..analyse.partners import partners
from ..analyse.phases import dyad_phases
from ..analyse.query import EventFilter, count_events, event_records, parse_date, parse_dyad, run_query
from ..analyse.records import QUAD_NAMES, clean, country_name
from ..errors import QueryError
from ..ingest import estimate_tokens
from .answers import answer_key, render_json, render_timeline
from .deps import CodeRequest, LimitQ, OffsetQ, StoreDep, default_coder, in_coder_thread, reading

router = APIRouter(prefix="/api")
Since = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")]
Until = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")]


def _page(request: Request, limit: int) -> int:
    top = request.app.state.options.max_limit
    if limit > top:
        raise QueryError(f"limit must be at most {top}, got {limit}")
    return limit


@router.get("/events", summary="Events with filters, in date order")
def events(request: Request, store: StoreDep, dyad: str | None = None, a: str | None = None, b: str | None = None,
           direction: str = "both", actor: str | None = None, country: str | None = None,
           source: str | None = None, target: str | None = None,
           code: Annotated[str | None, Query(description="CAMEO prefix (04, 042) or PLOVER type (CONSULT)")] = None,
           quad_class: int | None = None, modality: str | None = None, since: Since = None, until: Until = None,
           dated: bool | None = None, q: Annotated[str | None, Query(max_length=200)] = None,
           limit: LimitQ = 100, offset: OffsetQ = 0) -> dict[str, Any]:
    a, b, direction = parse_dyad(dyad, a, b, direction)
    f = EventFilter(a=a, b=b, direction=direction, actor=actor, country=country, source=source, target=target,
                    code=code, quad_class=quad_class, modality=modality,
                    since=parse_date(since, "since"), until=parse_date(until, "until"), dated=dated,
                    q=q, limit=_page(request, limit), offset=offset)
    return {"total": count_events(store, f), "limit": limit, "offset": offset,
            "events": event_records(store, f)}


@router.get("/events/{event_id}", summary="One event with all its mentions")
def event(event_id: str, store: StoreDep) -> dict[str, Any]:
    found = event_records(store, EventFilter(event_ids=(event_id,)))
    if not found:
        raise HTTPException(404, f"no event {event_id!r}")
    return found[0]


EventsQ = Annotated[str, Query(description="Which events each period lists: all, top (its top events) or none")]


async def _cached(request: Request, make: Callable[[Any], Any],
                  render: Callable[[Any], bytes] = render_json) -> Response:
    """The JSON answer to this request, computed once per snapshot of the store (a cached one is
    sent by ``answers.CachedAnswers`` before the request gets here): computed in a worker thread
    on a cursor of its own, at most ``answer_threads`` at a time, and cached under the key the
    fast path looks up (with ``render``, to make it again on the next snapshot of the store)."""
    import anyio

    app = request.app
    key = answer_key(request.scope, app.state.reader.generation)

    def answer(store: Any) -> bytes:
        return render(make(store))

    def compute() -> bytes:
        with reading(app) as store:
            return answer(store)

    body = app.state.cache.get(key)
    if body is None:
        if app.state.answer_limiter is None:
            app.state.answer_limiter = anyio.CapacityLimiter(app.state.options.answer_threads)
        body = await anyio.to_thread.run_sync(lambda: app.state.cache.get_or_make(key, compute, answer),
                                              limiter=app.state.answer_limiter)
    return Response(body, media_type="application/json")


@router.get("/dyads/{a}/{b}/timeline", summary="Per-period counts, Goldstein sums and the relations index")
async def timeline(request: Request, a: str, b: str, since: Since = None, until: Until = None,
                   by: str = "month", direction: str = "both", weight: str = "event", score: str = "relations",
                   events: EventsQ = "all") -> Response:
    return await _cached(request, lambda store: dyad_timeline(
        store, a, b, since=since, until=until, by=by, direction=direction, weight=weight, score=score,
        events=events), partial(render_timeline, events=request.app.state.event_json))


@router.get("/dyads/{a}/{b}/phases", summary="Phases of stable relations (change points of the index)")
async def phases(request: Request, a: str, b: str, since: Since = None, until: Until = None,
                 by: str = "month", direction: str = "both", weight: str = "event",
                 score: str = "relations") -> Response:
    def make(store: Any) -> dict[str, Any]:
        tl = dyad_timeline(store, a, b, since=since, until=until, by=by, direction=direction, weight=weight,
                           score=score, events="none")
        return {"dyad": [tl.a, tl.b], "by": by, "phases": [p.to_dict() for p in dyad_phases(tl)]}
    return await _cached(request, make)


@router.get("/dyads/{a}/{b}/contexts", summary="PLOVER contexts of the dyad's events per period")
async def contexts(request: Request, a: str, b: str, since: Since = None, until: Until = None,
                   by: str = "year", direction: str = "both") -> Response:
    return await _cached(request, lambda store: dyad_contexts(store, a, b, since=since, until=until, by=by,
                                                              direction=direction).to_dict())


@router.get("/partners/{a}", summary="A country's dyads ranked by volume, then tone")
async def partner_list(request: Request, a: str, since: Since = None, until: Until = None,
                       limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
    return await _cached(request, lambda store: {
        "country": a.upper(), "partners": [p.to_dict() for p in partners(store, a, since=since, until=until,
                                                                         limit=limit)]})


@router.get("/articles", summary="Stored articles, newest first, with their number of events")
def articles(request: Request, store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
             limit: LimitQ = 50, offset: OffsetQ = 0) -> dict[str, Any]:
    where, params = "", []
    if q:
        where = "WHERE contains(lower(coalesce(a.title, '') || ' ' || coalesce(a.body, a.raw_text)), ?)"
        params.append(q.strip().lower())
    total = int(run_query(store, f"SELECT count(*) FROM articles a {where}", params).iloc[0, 0])
    frame = run_query(store, f"""
        SELECT a.id, a.title, a.publisher, CAST(a.published AS VARCHAR) AS published, a.url,
               (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.article_id = a.id) AS n_events
        FROM articles a {where} ORDER BY a.published DESC NULLS LAST, a.seq
        LIMIT {_page(request, limit)} OFFSET {int(offset)}""", params)
    rows = [{k: _json(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id}", summary="One article (cleaned body) with its events and their mentions in it")
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    frame = run_query(store, "SELECT id, title, publisher, author, CAST(published AS VARCHAR) AS published, url, body, raw_text "
                             "FROM articles "
                             "WHERE id = ?", [article_id])
    if frame.empty:
        raise HTTPException(404, f"no article {article_id!r}")
    row = {k: _json(v) for k, v in frame.iloc[0].to_dict().items()}
    row["body"] = row["body"] if row["body"] is not None else row["raw_text"]
    del row["raw_text"]
    found = event_records(store, EventFilter(article_id=article_id))
    return {"article": row, "events": found}


@router.get("/actors", summary="Actors found as event sources or targets, by number of events")
def actors(request: Request, store: StoreDep, country: str | None = None,
           q: Annotated[str | None, Query(max_length=200)] = None, limit: LimitQ = 100) -> dict[str, Any]:
    cond, params = ["country IS NOT NULL"], []
    if country:
        cond.append("country = ?")
        params.append(EventFilter(country=country).country)
    if q:
        cond.append("contains(lower(coalesce(name, '')), ?)")
        params.append(q.strip().lower())
    sides = " UNION ALL ".join(
        f"SELECT event_id, {s}_country AS country, {s}_name AS name, {s}_sector AS sector, {s}_kb_id AS kb_id "
        "FROM events" for s in ("source", "target"))
    frame = run_query(store, f"""
        SELECT country, name, sector, kb_id, count(DISTINCT event_id) AS n_events FROM ({sides})
        WHERE {" AND ".join(cond)} GROUP BY ALL ORDER BY n_events DESC, country, name
        LIMIT {_page(request, limit)}""", params)
    return {"actors": [{k: _json(v) for k, v in row.items()} for row in frame.to_dict("records")]}


@router.get("/countries", summary="Countries in the store with their number of events")
def countries(store: StoreDep) -> dict[str, Any]:
    frame = run_query(store, """
        SELECT country, count(DISTINCT event_id) AS n_events FROM (
            SELECT event_id, source_country AS country FROM events UNION ALL
            SELECT event_id, target_country FROM events)
        WHERE country IS NOT NULL GROUP BY country ORDER BY n_events DESC, country""", [])
    return {"countries": [{"code": r["country"], "name": country_name(r["country"]), "n_events": int(r["n_events"])}
                          for r in frame.to_dict("records")]}


@router.get("/codes", summary="CAMEO roots and quad classes (for filters)")
def codes() -> dict[str, Any]:
    from ..events.ontology import ROOTS, load_ontology

    onto = load_ontology()
    return {"roots": [{"code": r, "name": onto.get(r).name, "quad_class": onto.get(r).quad_class} for r in ROOTS],
            "quad_classes": [{"quad_class": q, "name": n} for q, n in QUAD_NAMES.items()],
            "periods": list(PERIODS)}


@router.post("/code", summary="Code a pasted text (not stored unless store=true on a server that allows it)")
async def code_text(body: CodeRequest, request: Request) -> dict[str, Any]:
    options = request.app.state.options
    text = body.text.strip()
    if not text:
        raise HTTPException(422, "text is empty")
    if len(body.text) > options.max_text_chars:
        raise HTTPException(413, f"text longer than {options.max_text_chars} characters; send it in parts")
    if estimate_tokens(text) > options.max_text_tokens:
        raise HTTPException(413, f"text of more than {options.max_text_tokens} words and symbols; send it in parts")
    if body.store and not options.allow_store:
        raise HTTPException(403, "this server is read-only; start it with `detente serve --allow-store` to store texts")
    return await in_coder_thread(request.app, partial(_code, request, text, body))


def _code(request: Request, text: str, body: CodeRequest) -> dict[str, Any]:
    from ..events.ontology import load_ontology

    if body.store:
        return _code_and_store(request, text, body)
    found = default_coder(request.app)(text, body.published, body.title)
    onto = load_ontology()
    return {"stored": False, "article_id": None, "events": [e.to_dict(onto) for e in found]}


def _code_and_store(request: Request, text: str, body: CodeRequest) -> dict[str, Any]:
    """Ingest and code the text into the store through the pipeline; its events as stored."""
    from ..clean import clean_article
    from ..ingest import make_article
    from ..model import content_hash
    from ..store import Store

    default_coder(request.app)
    pipe = getattr(request.app.state, "pipeline", None)
    if pipe is None:
        from ..pipeline import Pipeline

        pipe = request.app.state.pipeline = Pipeline(request.app.state.settings)
    article = clean_article(make_article("pasted-" + content_hash(text)[:16], text, published=body.published,
                                         title=body.title))
    with Store.open(request.app.state.path) as store:  # the store itself, for this write only
        run_id = store.start_run("api-code", request.app.state.settings)
        stored, duplicates, _ = store.add_articles([article], run_id)  # the id is the text's hash: no conflict
        article_id = (stored or duplicates)[0]
        pipe.code_stored(store, [article_id])
        found = event_records(store, EventFilter(article_id=article_id))
    request.app.state.reader.refresh()
    return {"stored": True, "article_id": article_id, "events": found}


def _json(value: Any) -> Any:
    v = clean(value)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v
