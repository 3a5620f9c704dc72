"""The dyad answers' fast path: cached answers sent before FastAPI sees the request.

The dyad endpoints (``/api/dyads/{a}/{b}/timeline|phases|contexts`` and ``/api/partners/{a}``)
answer from an ``AnswerCache`` (``detente.web.reader``): the rendered JSON bytes, keyed by the
request's path, its query parameters (sorted: their order does not matter) and the generation of
the store's snapshot. ``CachedAnswers`` is an ASGI middleware that looks the key up as a request
comes in and, when the answer is there, sends it at once: no routing, no parameter validation, no
worker thread (a cached answer costs a dictionary look-up). On a miss the request goes on to its
route, which validates the parameters, computes the answer in a worker thread (at most
``answer_threads`` at a time, so the event loop keeps the GIL often enough to send cached answers
meanwhile) and caches it under the same key (``answer_key``). A new snapshot has a new generation:
older answers are never found again and age out of the cache; but before a new snapshot serves,
the most recently used answers of the old one are rendered again on it (``AnswerCache.remake``,
``WebOptions.remake_answers``), so the answers clients keep asking stay cached while a writer
changes the store every few seconds.

``SecurityHeaders`` adds the headers every response carries (CSP, nosniff, ...) when the
response does not set them itself; ``render_json`` is the JSON of every cached answer, and
``render_timeline`` the same bytes for a dyad timeline, with each listed event's JSON made once
and kept (``EventJSON``, owned by the app: a new window lists mostly events rendered before).
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/api/dyads/", "/api/partners/")
JSON_TYPE = b"application/json"


def answer_key(scope: Scope, generation: int) -> tuple[Any, ...]:
    """The cache key of a request: path, sorted query parameters, snapshot generation (the
    parameters parsed as Starlette parses them, so the route and the fast path agree)."""
    query = scope.get("query_string", b"").decode("latin-1")
    return scope["path"], tuple(sorted(parse_qsl(query, keep_blank_values=True))), generation


def render_json(answer: Any) -> bytes:
    """Compact UTF-8 JSON; dates as ISO text."""
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":"), default=_default).encode("utf-8")


class EventJSON:
    """A bounded, thread-safe LRU of the JSON of listed events (``KeyEvent``), keyed by the event
    object itself (the web app's ``PairCache`` keeps the same objects between answers; an entry
    holds its object, so an id is never mistaken for another's)."""

    def __init__(self, size: int = 50_000):
        self.size = size
        self._items: OrderedDict[int, tuple[Any, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, event: Any) -> bytes:
        key = id(event)
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] is event:
                self._items.move_to_end(key)
                return found[1]
        body = render_json(event.to_dict())
        with self._lock:
            self._items[key] = (event, body)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body

    def __len__(self) -> int:
        return len(self._items)


def render_timeline(timeline: Any, events: EventJSON) -> bytes:
    """``render_json(timeline.to_dict())``, byte for byte, with each event's JSON from ``events``
    (``DyadTimeline.to_dict`` ends with periods, undated, vague; ``Period.to_dict`` with events)."""
    def listed(items: Any) -> bytes:
        return b"[" + b",".join(events(e) for e in items) + b"]"

    head = timeline.to_dict(with_lists=False)
    periods = b",".join(render_json(p.to_dict(with_events=False))[:-1] + b',"events":' + listed(p.events) + b"}"
                        for p in timeline.periods)
    return (render_json(head)[:-1] + b',"periods":[' + periods + b'],"undated":' + listed(timeline.undated)
            + b',"vague":' + listed(timeline.vague) + b"}")


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class CachedAnswers:
    """ASGI middleware: a GET of a dyad endpoint whose answer is cached for the current snapshot
    is answered here (see the module docstring)."""

    def __init__(self, app: ASGIApp, state: Any):
        self.app, self.state = app, state  # the FastAPI app's state: .reader, .cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith(CACHED_PREFIXES):
            body = self.state.cache.get(answer_key(scope, self.state.reader.generation))
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", JSON_TYPE),
                                        (b"content-length", str(len(body)).encode("ascii"))]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: ``headers`` (name, value) added to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]):
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *((k, v) for k, v in self.headers if k not in present)]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
