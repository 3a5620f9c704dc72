"""What the web app's routes share: the per-request store, the pasted-text coder, common parameters.

A module of its own so that ``app`` (which builds the app and includes the routers) and the
routers (``routes``, ``dashboard``) import it, and not each other.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field

Coder = Callable[[str, "dt.date | None", "str | None"], list[Any]]


class CodeRequest(BaseModel):
    """A text to code. ``store`` keeps it in the database (only on a server started with --allow-store)."""

    text: str = Field(min_length=1, description="The article or paragraph to code (plain text).")
    published: dt.date | None = Field(None, description="Publication date (YYYY-MM-DD); relative dates resolve against it.")
    title: str | None = Field(None, max_length=1000)
    store: bool = Field(False, description="Store the text and its events in the database.")


def get_store(request: Request) -> Iterator[Any]:
    """A Store on its own cursor of the current snapshot, for one request."""
    with reading(request.app) as store:
        yield store


@contextmanager
def reading(app: FastAPI) -> Iterator[Any]:
    """A Store on a cursor of its own of the app's current snapshot (``detente.web.reader``)."""
    from ..store import Store

    cursor, generation = app.state.reader.cursor()
    try:
        yield Store(cursor, app.state.path, pair_cache=app.state.pairs, snapshot=generation)
    finally:
        cursor.close()


StoreDep = Annotated[Any, Depends(get_store)]


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


async def in_coder_thread(app: FastAPI, work: Callable[[], Any]) -> Any:
    """Run ``work`` (coding: seconds of CPU) in a worker thread, one at a time, so that the event
    loop and the other requests go on; requests waiting for it wait without holding a thread.
    More than ``max_code_waiting`` waiting: 503."""
    import anyio

    if app.state.code_limiter is None:
        app.state.code_limiter = anyio.CapacityLimiter(1)
    limiter = app.state.code_limiter
    stats = limiter.statistics()
    if stats.borrowed_tokens >= stats.total_tokens and stats.tasks_waiting >= app.state.options.max_code_waiting:
        raise HTTPException(503, "the coder is busy; retry in a moment", headers={"Retry-After": "5"})
    return await anyio.to_thread.run_sync(work, limiter=limiter)


LimitQ = Annotated[int, Query(ge=0, le=1_000_000, description="Page size.")]
OffsetQ = Annotated[int, Query(ge=0, le=1_000_000_000_000)]
