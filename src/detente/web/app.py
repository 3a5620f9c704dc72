"""The local web app: a read-only JSON API over an event store, and the dashboard at ``/``.

    app = create_app("detente.duckdb")            # uvicorn.run(app, host="127.0.0.1", port=8000)

OpenAPI docs at ``/docs``. The app holds one DuckDB connection, read-only unless it was created
with ``allow_store=True`` (``detente serve --allow-store``), and gives each request its own
cursor. ``POST /api/code`` codes a pasted text and returns its events; it stores the text only
when asked (``store: true``) and allowed. No page or script is fetched from the network:
Plotly's JavaScript is served from the plotly package.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import DetenteError, QueryError, StoreError
from ..settings import Settings

Coder = Callable[[str, "dt.date | None", "str | None"], list[Any]]
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class WebOptions:
    """Limits and switches of the web app."""

    max_text_chars: int = 50_000  # POST /api/code: longer texts get 413
    max_body_bytes: int = 400_000  # POST bodies larger than this get 413 before they are read
    max_limit: int = 1000  # largest page of /api/events and /api/articles
    allow_store: bool = False  # POST /api/code may store the text (store: true)


class CodeRequest(BaseModel):
    """A text to code. ``store`` keeps it in the database (only on a server started with --allow-store)."""

    text: str = Field(min_length=1, description="The article or paragraph to code (plain text).")
    published: dt.date | None = Field(None, description="Publication date (YYYY-MM-DD); relative dates resolve against it.")
    title: str | None = Field(None, max_length=1000)
    store: bool = Field(False, description="Store the text and its events in the database.")


def create_app(db_path: str | Path, settings: Settings | None = None, options: WebOptions | None = None,
               coder: Coder | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db_path`` (which must exist).

    ``coder(text, published, title) -> list[Event]`` codes pasted text; the default loads the
    detente pipeline (spaCy) on first use. Tests pass a stub.
    """
    import duckdb

    from ..store import Store

    path = Path(db_path)
    options = options or WebOptions()
    if not path.exists():
        raise StoreError(f"no database at {path}; create one with `detente code`")
    if options.allow_store:
        Store.open(path).close()  # apply pending migrations once
    try:
        con = duckdb.connect(str(path), read_only=not options.allow_store)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        con.close()

    app = FastAPI(title="detente", version=__version__, lifespan=lifespan,
                  description="Political events (CAMEO/PLOVER) with evidence, dyad timelines and phases.")
    app.state.path, app.state.con, app.state.options = path, con, options
    app.state.settings = settings or Settings()
    app.state.coder = coder
    app.state.code_lock = threading.Lock()
    _install_handlers(app)
    from .routes import router

    app.include_router(router)
    from .dashboard import router as dashboard_router

    app.include_router(dashboard_router)
    _install_pages(app)
    return app


def get_store(request: Request) -> Iterator[Any]:
    """A Store on its own cursor of the app's connection, for one request."""
    from ..store import Store

    cursor = request.app.state.con.cursor()
    store = Store(cursor, request.app.state.path)
    try:
        yield store
    finally:
        cursor.close()


StoreDep = Annotated[Any, Depends(get_store)]


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(DetenteError)
    async def _detente_error(request: Request, exc: DetenteError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=500)

    @app.middleware("http")
    async def _limits_and_headers(request: Request, call_next: Any) -> Response:
        if request.method == "POST":
            length = request.headers.get("content-length")
            limit = request.app.state.options.max_body_bytes
            if length is not None and (not length.isdigit() or int(length) > limit):
                return JSONResponse({"detail": f"request body larger than {limit} bytes"}, status_code=413)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if response.headers.get("content-type", "").startswith("text/html") and not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response


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


def default_coder(app: FastAPI) -> Coder:
    """The pipeline's ``code_text``, loaded once per app."""
    if app.state.coder is None:
        from ..pipeline import Pipeline

        pipe = Pipeline(app.state.settings)

        def code(text: str, published: dt.date | None, title: str | None) -> list[Any]:
            article_id = "pasted-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            return pipe.code_text(text, published=published, article_id=article_id, title=title)

        app.state.coder = code
        app.state.pipeline = pipe
    return app.state.coder


LimitQ = Annotated[int, Query(ge=0, description="Page size.")]
OffsetQ = Annotated[int, Query(ge=0)]
