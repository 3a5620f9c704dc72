from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.errors import StoreError
from detente.model import Actor, Event, EventMention
from detente.web.app import WebOptions, create_app


class StubCoder:
    """Codes any text as one Iranian visit to Tajikistan; records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dt.date | None, str | None]] = []

    def __call__(self, text: str, published: dt.date | None, title: str | None) -> list[Event]:
        self.calls.append((text, published, title))
        mention = EventMention(article_id="pasted", sentence=text[:80], char_start=0, char_end=min(80, len(text)),
                               trigger="visited", trigger_char=0, cameo="042", rule="stub")
        return [Event(event_id="stub-1", cameo="042", source=Actor(country="IRN", sector="GOV", name="Iran"),
                      target=Actor(country="TJK", name="Tajikistan"), modality="asserted", mentions=(mention,),
                      confidence=0.9, date_start=published, date_end=published,
                      date_precision="day" if published else "unknown")]


@pytest.fixture
def coder() -> StubCoder:
    return StubCoder()


@pytest.fixture
def client(store_path, coder):
    with TestClient(create_app(store_path, coder=coder)) as c:
        yield c


def test_events_filters(client):
    body = client.get("/api/events", params={"dyad": "IRN-TJK"}).json()
    assert body["total"] == 13 and len(body["events"]) == 13
    assert {e["event_id"] for e in client.get("/api/events", params={"dyad": "IRN>TJK"}).json()["events"]} == {
        "e-kabiri", "e-recognise", "e-visit19", "e-call21", "e-visit23", "e-flights23"}
    assert client.get("/api/events", params={"a": "TJK", "b": "IRN", "direction": "A>B", "code": "057"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "AFG"}).json()["events"][0]["event_id"] == "e-afg22"
    assert client.get("/api/events", params={"actor": "Kabiri"}).json()["total"] == 1
    assert client.get("/api/events", params={"code": "ACCUSE", "since": "2017"}).json()["total"] == 2
    assert client.get("/api/events", params={"modality": "hypothetical"}).json()["total"] == 2
    assert client.get("/api/events", params={"q": "direct flights"}).json()["events"][0]["event_id"] == "e-flights23"
    page = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert page["total"] == 14 and len(page["events"]) == 3
    assert client.get("/api/events", params={"dated": "false"}).json()["total"] == 3


def test_events_bad_input_is_422(client):
    for params in ({"since": "yesterday"}, {"dyad": "Iran"}, {"country": "Iran"}, {"code": "'; drop"},
                   {"modality": "rumoured"}, {"limit": 5000}, {"limit": -1}, {"direction": "sideways", "a": "IRN", "b": "TJK"}):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        assert "detail" in response.json()


def test_event_record(client):
    record = client.get("/api/events/e-agree23").json()
    assert record["cameo_name"] == "Sign formal agreement" and record["num_mentions"] == 2
    assert {m["title"] for m in record["mentions"]} == {"Tehran and Dushanbe open a new chapter", "Presidents meet in Tehran"}
    assert client.get("/api/events/nope").status_code == 404


def test_timeline_and_phases(client):
    tl = client.get("/api/dyads/IRN/TJK/timeline", params={"by": "year"}).json()
    assert [p["period"] for p in tl["periods"]][0] == "2015" and tl["n_events"] == 10
    assert client.get("/api/dyads/IRN/TJK/timeline").json()["by"] == "month"
    assert client.get("/api/dyads/irn/tjk/timeline", params={"by": "auto"}).json()["by"] == "year"
    phases = client.get("/api/dyads/IRN/TJK/phases", params={"by": "year"}).json()["phases"]
    assert [p["label"] for p in phases] == ["cold", "warm"]
    weeks = client.get("/api/dyads/IRN/TJK/timeline", params={"by": "week", "since": "2023"}).json()
    assert [p["period"] for p in weeks["periods"]] == ["2023-W20", "2023-W22"]
    assert client.get("/api/dyads/IRN/TJK/timeline", params={"by": "fortnight"}).status_code == 422
    assert client.get("/api/dyads/IRN/TJK/contexts").json()["totals"]["transport"] == 2
    assert client.get("/api/partners/IRN").json()["partners"][0]["country"] == "TJK"


def test_articles(client):
    listing = client.get("/api/articles").json()
    assert listing["total"] == 4 and listing["articles"][0]["id"] == "art-2023"  # newest first
    assert client.get("/api/articles", params={"q": "chill"}).json()["articles"][0]["id"] == "art-2018"
    one = client.get("/api/articles/art-2023b").json()
    assert one["article"]["publisher"] == "Caspian Daily" and one["article"]["published"] == "2023-06-01"
    assert one["article"]["body"].startswith("Presidents meet in Tehran")
    assert {e["event_id"] for e in one["events"]} == {"e-agree23", "e-afg22"}
    mention = next(m for m in one["events"][0]["mentions"] if m["article_id"] == "art-2023b")
    assert one["article"]["body"][mention["char_start"]:mention["char_end"]] == mention["sentence"]
    assert client.get("/api/articles/none").status_code == 404


def test_actors_and_countries(client):
    countries = client.get("/api/countries").json()["countries"]
    assert countries[0] == {"code": "IRN", "name": "Iran", "n_events": 14}
    actors = client.get("/api/actors", params={"country": "TJK"}).json()["actors"]
    assert {"country": "TJK", "name": "Muhiddin Kabiri", "sector": "OPP", "kb_id": None, "n_events": 1} in actors
    assert client.get("/api/codes").json()["roots"][3]["code"] == "04"


def test_code_does_not_store(client, coder, store_path):
    before = client.get("/api/events").json()["total"]
    response = client.post("/api/code", json={"text": "Iran's army chief visited Tajikistan on 17 May.",
                                              "published": "2023-06-05"})
    assert response.status_code == 200
    body = response.json()
    assert body["stored"] is False and body["events"][0]["cameo"] == "042"
    assert body["events"][0]["date_start"] == "2023-06-05"
    assert coder.calls == [("Iran's army chief visited Tajikistan on 17 May.", dt.date(2023, 6, 5), None)]
    assert client.get("/api/events").json()["total"] == before
    assert client.get("/api/articles").json()["total"] == 4


def test_code_limits(store_path, coder):
    app = create_app(store_path, coder=coder, options=WebOptions(max_text_chars=100, max_body_bytes=1000))
    with TestClient(app) as client:
        assert client.post("/api/code", json={"text": "x" * 101}).status_code == 413
        assert client.post("/api/code", json={"text": "y" * 5000}).status_code == 413  # body too large
        assert client.post("/api/code", json={"text": ""}).status_code == 422
        assert client.post("/api/code", json={"text": "   "}).status_code == 422
        assert client.post("/api/code", json={"words": "no text"}).status_code == 422
        assert client.post("/api/code", json={"text": "ok", "published": "not a date"}).status_code == 422
        assert client.post("/api/code", content=b"not json", headers={"content-type": "application/json"}).status_code == 422
        refused = client.post("/api/code", json={"text": "Iran visited Tajikistan.", "store": True})
        assert refused.status_code == 403 and "--allow-store" in refused.json()["detail"]
    assert coder.calls == []


def test_read_only_by_default(store_path):
    app = create_app(store_path, coder=StubCoder())
    cursor, _ = app.state.reader.cursor()
    with pytest.raises(duckdb.Error):
        cursor.execute("DELETE FROM events")
    app.state.reader.close()


def test_missing_database(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.duckdb")


def test_dashboard_and_static(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = dict(d.strip().split(" ", 1) for d in page.headers["Content-Security-Policy"].split(";"))
    assert csp["script-src"].startswith("'self'") and "unsafe-inline" not in csp["script-src"]
    assert csp["connect-src"] == "'self'" and csp["default-src"] == "'none'"
    assert '<script src="/static/plotly.min.js"' in page.text and "http" not in page.text.split("<body>")[0]
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    app_js = client.get("/static/app.js").text
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in app_js
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/openapi.json").json()["paths"]["/api/events"]["get"]


def test_xss_text_is_returned_as_data(xss_store_path):
    with TestClient(create_app(xss_store_path, coder=StubCoder())) as client:
        record = client.get("/api/events/e-xss").json()
        assert "<script>" in record["mentions"][0]["sentence"]  # JSON carries it verbatim, as text
        response = client.get("/api/articles/art-xss")
        assert response.headers["content-type"].startswith("application/json")


@pytest.mark.slow
def test_code_store_true_with_the_pipeline(store_path):
    """store=true on a server started with allow_store: the text becomes a stored article
    (its events are whatever the current coder finds: not asserted here)."""
    with TestClient(create_app(store_path, options=WebOptions(allow_store=True))) as client:
        response = client.post("/api/code", json={"text": "On 17 May 2023, Iran's defence minister visited Tajikistan.",
                                                  "published": "2023-06-05", "store": True})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["stored"] is True and body["article_id"].startswith("pasted-")
        assert client.get("/api/articles").json()["total"] == 5
        assert client.get(f"/api/articles/{body['article_id']}").status_code == 200
