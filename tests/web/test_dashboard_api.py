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


def test_csv_download_is_the_export_layout(store_path, tmp_path):
    import csv
    import io

    from detente.analyse.export import export_events

    with TestClient(create_app(store_path)) as client:
        response = client.get("/api/events.csv", params={"dyad": "IRN-TJK", "modality": "asserted"})
        timeline = client.get("/api/dyads/IRN/TJK/timeline", params={"by": "year"}).json()
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert response.headers["content-disposition"] == 'attachment; filename="events-IRN-TJK.csv"'
        out = tmp_path / "export.csv"
        export_events(store_path, "csv", out, a="IRN", b="TJK", modality="asserted")
        assert response.text == out.read_text(encoding="utf-8")  # one CSV layout: the export's
        rows = list(csv.DictReader(io.StringIO(response.text)))
        shown = {e["event_id"] for p in timeline["periods"] for e in p["events"]} | {
            e["event_id"] for e in timeline["undated"]}
        assert {r["event_id"] for r in rows} == shown  # the events the dashboard shows

        quad3 = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={
            "dyad": "IRN-TJK", "modality": "asserted", "quad_class": 3, "since": "2017-01-01"}).text)))
        assert quad3 and all(r["quad_class"] == "3" for r in quad3)
        assert all(r["date_start"] >= "2017" for r in quad3)

        none = client.get("/api/events.csv", params={"dyad": "IRN-TJK", "since": "1900", "until": "1901"})
        assert none.status_code == 200 and none.text.startswith("event_id,") and none.text.count("\n") == 1
        for params in ({"since": "yesterday"}, {"dyad": "Iran"}, {"code": "'; drop"}, {"quad_class": 7}):
            assert client.get("/api/events.csv", params=params).status_code == 422


def test_world_map_is_served_by_the_app(store_path):
    with TestClient(create_app(store_path)) as client:
        response = client.get("/static/topojson/world_110m.json")
        assert response.status_code == 200 and response.headers["content-type"] == "application/json"
        assert {"countries", "land", "coastlines"} <= set(response.json()["objects"])
        assert client.get("/static/topojson/world_50m.json").status_code == 404
        assert client.get("/static/topojson/..%2Fapp.js").status_code == 404
        assert 'topojsonURL: "/static/topojson/"' in client.get("/static/app.js").text  # not Plotly's CDN
        located = [e for e in client.get("/api/events", params={"dyad": "IRN-TJK", "modality": "asserted"}).json()["events"]
                   if e["location"]]
        assert {e["location"]["name"] for e in located} == {"Tajikistan", "Tehran"}
        assert all(isinstance(e["location"]["lat"], float) for e in located)
