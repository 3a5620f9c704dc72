"""The dashboard's own API routes: the store's status (empty store message) and the CSV download."""
from __future__ import annotations

from fastapi.testclient import TestClient

from detente.store import Store
from detente.web.app import create_app


def test_status_of_a_filled_store(store_path):
    with TestClient(create_app(store_path)) as client:
        body = client.get("/api/status").json()
    assert body["empty"] is False and body["events"] == 14 and body["articles"] > 0
    assert "command" not in body


def test_empty_store_says_so_and_how_to_fill_it(tmp_path):
    path = tmp_path / "empty.duckdb"
    Store.open(path).close()
    with TestClient(create_app(path)) as client:
        body = client.get("/api/status").json()
        assert body == {"events": 0, "articles": 0, "empty": True, "message": body["message"],
                        "command": "detente code ARTICLES/ --db STORE.duckdb"}
        assert "no events" in body["message"]
        assert str(tmp_path) not in str(body)  # the store's path is not told
        assert client.get("/api/countries").json() == {"countries": []}
        page = client.get("/").text
        assert 'id="empty"' in page
        assert "showEmpty" in client.get("/static/app.js").text
