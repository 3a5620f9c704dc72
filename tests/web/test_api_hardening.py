"""The web API under hostile requests (issue 13): bodies limited while they are read, coding off
the event loop, generic errors, no CDN pages, a CSP on every response."""
from __future__ import annotations

import asyncio
import threading


from fastapi.testclient import TestClient

from detente.errors import StoreError
from detente.web.app import CSP, INTERNAL_ERROR, STORE_UNAVAILABLE, BodyLimit, WebOptions, create_app

from test_api import StubCoder


def test_a_chunked_body_over_the_limit_is_refused_while_it_is_read():
    received, sent, called = [], [], []

    async def receive():
        received.append(1)
        return {"type": "http.request", "body": b"x" * 1000, "more_body": len(received) < 1000}

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):
        called.append(scope)

    scope = {"type": "http", "method": "POST", "path": "/api/code", "headers": [(b"transfer-encoding", b"chunked")]}
    asyncio.run(BodyLimit(app, limit=10_000)(scope, receive, send))
    assert sent[0]["status"] == 413 and not called
    assert len(received) == 11  # reading stopped at the first chunk past the limit


def test_chunked_bodies_in_the_app(store_path):
    coder = StubCoder()
    with TestClient(create_app(store_path, coder=coder, options=WebOptions(max_body_bytes=10_000))) as client:
        big = client.post("/api/code", content=(b"x" * 1000 for _ in range(50)),
                          headers={"content-type": "application/json"})
        assert big.status_code == 413 and "10000 bytes" in big.json()["detail"]
        small = client.post("/api/code", content=iter([b'{"text": "Iran visited ', b'Tajikistan."}']),
                            headers={"content-type": "application/json"})
        assert small.status_code == 200 and small.json()["events"][0]["cameo"] == "042"
    assert coder.calls == [("Iran visited Tajikistan.", None, None)]


def test_a_text_of_too_many_tokens_is_refused(store_path):
    coder = StubCoder()
    with TestClient(create_app(store_path, coder=coder)) as client:
        response = client.post("/api/code", json={"text": "! " * 16_000})
        assert response.status_code == 413 and "words and symbols" in response.json()["detail"]
    with TestClient(create_app(store_path)) as client:  # the pipeline's own coder
        bad = client.post("/api/code", content=b'{"text": "Iran \\ud800 visited Tajikistan."}',
                          headers={"content-type": "application/json"})
        assert bad.status_code == 422 and bad.json()["detail"][0]["type"] == "string_unicode"
    assert coder.calls == []


def test_coding_runs_off_the_event_loop_and_a_queue_too_long_is_503(store_path):
    started, release = threading.Event(), threading.Event()

    def slow_coder(text, published, title):
        started.set()
        release.wait(timeout=30)
        return []

    app = create_app(store_path, coder=slow_coder, options=WebOptions(max_code_waiting=0))
    with TestClient(app) as client:
        results = {}
        post = threading.Thread(target=lambda: results.update(post=client.post("/api/code", json={"text": "Slow."})))
        post.start()
        assert started.wait(timeout=30)
        try:
            assert client.get("/api/events").status_code == 200  # answered while the coder works
            busy = client.post("/api/code", json={"text": "Another."})
            assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
            assert post.is_alive()
        finally:
            release.set()
            post.join(timeout=30)
        assert results["post"].status_code == 200


def test_errors_say_nothing_of_the_store_path_or_duckdb(store_path, monkeypatch):
    import detente.web.routes as routes

    def broken(*args, **kwargs):
        raise StoreError(f"{store_path}: query failed: Conversion Error: OFFSET out of range")

    app = create_app(store_path, coder=StubCoder())
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/api/events", params={"offset": 2**63}).status_code == 422
        monkeypatch.setattr(routes, "event_records", broken)
        response = client.get("/api/events")
        assert response.status_code == 503 and response.json() == {"detail": STORE_UNAVAILABLE}
        monkeypatch.setattr(routes, "event_records", lambda *a, **k: 1 / 0)
        crash = client.get("/api/events")
        assert crash.status_code == 500 and crash.json() == {"detail": INTERNAL_ERROR}
        for r in (response, crash):
            assert str(store_path.parent) not in r.text and "duckdb" not in r.text.lower()


def test_no_page_loads_from_a_cdn_and_every_response_has_a_csp(store_path):
    with TestClient(create_app(store_path, coder=StubCoder())) as client:  # the context closes the app's reader
        assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
        for path in ("/", "/api/events", "/openapi.json", "/api/nothing", "/static/app.js",
                     "/api/dyads/IRN/TJK/timeline", "/api/dyads/IRN/TJK/timeline"):  # the second answer is cached
            assert client.get(path).headers["content-security-policy"] == CSP, path
