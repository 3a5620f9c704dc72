"""The local web app: a read-only JSON API over an event store, and the dashboard at ``/``.

    app = create_app("detente.duckdb")            # uvicorn.run(app, host="127.0.0.1", port=8000)

The API is described at ``/openapi.json``; ``/docs`` and ``/redoc`` are off (their pages load
scripts from a CDN). The app never holds the store open: it reads a snapshot that follows the
file (``detente.web.reader``), so ``detente code`` can write to the store while it serves; each
request gets its own cursor on the snapshot, and the dyad answers (timeline, phases, contexts,
partners) are cached per snapshot and sent, once cached, before routing (``detente.web.answers``);
a dyad's rows are kept per snapshot too (``app.state.pairs``, ``detente.analyse.pairdata``), so a
timeline of a window nobody asked before is computed in memory, without a query.
Several processes: ``detente serve --workers N`` (each builds its app with ``app_from_env``). With ``allow_store=True`` (``detente serve --allow-store``)
``POST /api/code`` opens the store to write for the length of one write.
``POST /api/code`` codes a pasted text in a worker thread, one text at a time, and returns its
events; it stores the text only when asked (``store: true``) and allowed. No page or script is
fetched from the network: Plotly's JavaScript is served from the plotly package. Every response
carries a Content-Security-Policy; request bodies are limited while they are read (chunked ones
too); errors answer with a generic message (the store's path and DuckDB's words go to the log).
"""
from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import DetenteError, InputError, QueryError, StoreError
from ..settings import Settings
from .answers import CachedAnswers, EventJSON, SecurityHeaders
from .dashboard import router as dashboard_router
from .deps import Coder
from .routes import router

STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                    "Content-Security-Policy": CSP}
STORE_UNAVAILABLE = "the event store cannot answer this request now"
INTERNAL_ERROR = "internal error"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebOptions:
    """Limits and switches of the web app."""

    max_text_chars: int = 50_000  # POST /api/code: longer texts get 413
    max_text_tokens: int = 15_000  # ... and so do texts of more words and symbols (prose: ~10,000)
    max_body_bytes: int = 400_000  # request bodies larger than this get 413; reading stops there
    max_code_waiting: int = 8  # POST /api/code requests waiting for the coder; more get 503
    max_limit: int = 1000  # largest page of /api/events and /api/articles
    allow_store: bool = False  # POST /api/code may store the text (store: true)
    refresh_seconds: float = 2.0  # how often the snapshot checks whether the store changed
    cache_size: int = 512  # dyad answers kept (per snapshot)
    answer_threads: int = 2  # dyad answers computed at once (the others wait without a thread)
    remake_answers: int = 64  # on a new snapshot, the most recently used answers made again before it serves
    remake_seconds: float = 5.0  # ... for at most this long
    pair_rows: int = 100_000  # dyad rows and events kept in memory (per process) to answer new windows
    pair_events: int = 20_000  # a pair of more asserted events keeps only its dyad_days rows


def create_app(db_path: str | Path, settings: Settings | None = None, options: WebOptions | None = None,
               coder: Coder | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db_path`` (which must exist).

    ``coder(text, published, title) -> list[Event]`` codes pasted text; the default loads the
    detente pipeline (spaCy) on first use. Tests pass a stub.
    """
    from ..store import Store
    from ..analyse.pairdata import PairCache
    from .reader import AnswerCache, SnapshotReader

    path = Path(db_path)
    options = options or WebOptions()
    if not path.exists():
        raise StoreError(f"no database at {path}; create one with `detente code`")
    prepare_store(path)
    reader = SnapshotReader(path, interval=options.refresh_seconds)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        reader.start()
        yield
        reader.close()

    app = FastAPI(title="detente", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political events (CAMEO/PLOVER) with evidence, dyad timelines and phases.")
    app.state.path, app.state.reader, app.state.options = path, reader, options
    app.state.cache = cache = AnswerCache(options.cache_size)
    app.state.pairs = pairs = PairCache(options.pair_rows, options.pair_events)
    app.state.event_json = EventJSON(options.pair_rows)

    def on_snapshot(con: Any, generation: int) -> None:
        cursor = con.cursor()
        try:
            cache.remake(Store(cursor, path, pair_cache=pairs, snapshot=generation), reader.generation, generation, options.remake_answers,
                         options.remake_seconds)
        finally:
            cursor.close()

    reader.on_snapshot = on_snapshot
    app.state.settings = settings or Settings()
    app.state.coder = coder
    app.state.code_limiter = None  # an anyio CapacityLimiter(1), made on first use in the event loop
    app.state.answer_limiter = None  # an anyio CapacityLimiter(answer_threads), made likewise
    _install_handlers(app)
    app.include_router(router)
    app.include_router(dashboard_router)
    _install_pages(app)
    return app


def prepare_store(path: Path) -> None:
    """Apply the store's pending migrations, opening it to write only when some are pending: a
    store at the current version is only read (so the server starts while other processes read
    it; opening it to write would wait for them all to close it)."""
    import duckdb

    from ..store import Store
    from ..store.migrations import MIGRATIONS

    try:
        with duckdb.connect(str(path), read_only=True) as con:
            version = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    except duckdb.Error:  # held by a writer, or no schema table yet: the writer's way
        version = None
    if version is None or int(version[0]) != MIGRATIONS[-1].version:
        Store.open(path).close()  # migrates (a moment's write), or names a version too new


def app_from_env() -> FastAPI:
    """The app over the store named by the environment variable ``DETENTE_DB`` (``DETENTE_ALLOW_STORE``
    non-empty: ``--allow-store``): the factory of each worker process of ``detente serve --workers N``
    (also ``uvicorn detente.web.app:app_from_env --factory --workers N``)."""
    import os

    allow_store = bool(os.environ.get("DETENTE_ALLOW_STORE"))
    return create_app(os.environ["DETENTE_DB"], options=WebOptions(allow_store=allow_store))


def _install_handlers(app: FastAPI) -> None:
    """Errors answer with a message written for the client: a query error says what is wrong with
    the query; a store or internal error says only that (its details, with the store's path, go
    to the log)."""
    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes the input, which cannot be encoded when it holds lone surrogates
        return _AsciiJSON({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": exc.reason}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.warning("store error on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": STORE_UNAVAILABLE}, status_code=503)

    @app.exception_handler(DetenteError)
    async def _detente_error(request: Request, exc: DetenteError) -> JSONResponse:
        log.error("error on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)

    # Pure ASGI middlewares (the last added is the outermost): a cached dyad answer is sent
    # before routing; bodies are limited while read; every response gets the security headers.
    app.add_middleware(CachedAnswers, state=app.state)
    app.add_middleware(BodyLimit, limit=app.state.options.max_body_bytes)
    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)


class _AsciiJSON(JSONResponse):
    """JSON with every non-ASCII character escaped: any Python string can be sent."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


class BodyLimit:
    """ASGI middleware: a request body larger than ``limit`` bytes gets 413, whether it declares
    its length or comes in chunks. The body is read here, at most ``limit`` bytes of it (reading
    stops at the first chunk past the limit), and handed on to the app."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"detail": f"request body larger than {self.limit} bytes"}, status_code=413,
                                headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                         "Connection": "close"})
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _install_pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        return Response(_static_text("index.html"), media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        return Response(_plotly_js(), media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(404, "not found")
        return Response(_static_text(name), media_type=STATIC[name])


@lru_cache(maxsize=8)
def _static_text(name: str) -> str:
    return importlib_resources.files("detente.web").joinpath("static", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _plotly_js() -> bytes:
    """plotly.js as bundled in the plotly Python package (no CDN)."""
    return importlib_resources.files("plotly").joinpath("package_data", "plotly.min.js").read_bytes()


