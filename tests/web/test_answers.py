"""Cached dyad answers: sent before routing, keyed by path, parameters and snapshot, and never
staler than the snapshot."""
from __future__ import annotations

from fastapi.testclient import TestClient

from detente.store import Store
from detente.web.answers import answer_key, render_json
from detente.web.app import CSP, WebOptions, create_app


def test_a_cached_answer_is_sent_before_routing_with_every_header(store_path):
    app = create_app(store_path, options=WebOptions(refresh_seconds=60))
    with TestClient(app) as client:
        first = client.get("/api/dyads/IRN/TJK/timeline?by=year&events=top")
        routed = app.router.routes
        app.router.routes = []  # nothing can be routed now: only the fast path can answer
        try:
            again = client.get("/api/dyads/IRN/TJK/timeline?events=top&by=year")  # order does not matter
            missing = client.get("/api/dyads/IRN/TJK/timeline?by=month")
        finally:
            app.router.routes = routed
    assert first.status_code == again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == "application/json" and again.headers["content-security-policy"] == CSP
    assert again.headers["x-content-type-options"] == "nosniff"
    assert missing.status_code == 404 and app.state.cache.hits == 1


def test_a_new_snapshot_is_answered_afresh(store_path):
    app = create_app(store_path, options=WebOptions(refresh_seconds=60))
    url = "/api/dyads/IRN/TJK/timeline?by=year"
    with TestClient(app) as client:
        before = client.get(url).json()
        partners_before = client.get("/api/partners/IRN").json()
        assert before["n_events"] > 0 and client.get(url).json() == before
        with Store.open(store_path, lock_wait=0) as store:
            store.con.execute("DELETE FROM events")
            store.con.execute("DELETE FROM dyad_days")
        assert app.state.reader.refresh()
        after = client.get(url).json()
        assert after["n_events"] == 0 and after["periods"] == []
        assert partners_before["partners"] and client.get("/api/partners/IRN").json()["partners"] == []


def test_bad_parameters_are_refused_and_not_cached(store_path):
    app = create_app(store_path, options=WebOptions(refresh_seconds=60))
    with TestClient(app) as client:
        for _ in range(2):
            assert client.get("/api/dyads/IRN/TJK/timeline?by=decade").status_code == 422
    assert app.state.cache.hits == 0


def test_the_key_sorts_parameters_and_keeps_repeated_and_blank_ones():
    scope = {"path": "/api/partners/IRN", "query_string": b"until=2020&since=&since=2019"}
    assert answer_key(scope, 3) == ("/api/partners/IRN", (("since", ""), ("since", "2019"), ("until", "2020")), 3)
    assert answer_key(scope, 3) != answer_key(scope, 4)


def test_answers_render_dates_as_iso_text_and_keep_unicode():
    import datetime as dt

    assert render_json({"d": dt.date(2023, 5, 17), "name": "Tādžikistan"}) == \
        '{"d":"2023-05-17","name":"Tādžikistan"}'.encode("utf-8")


def test_answers_in_use_are_made_again_on_a_new_snapshot_before_it_serves(store_path):
    app = create_app(store_path, options=WebOptions(refresh_seconds=60))
    url = "/api/dyads/IRN/TJK/timeline?by=year"
    with TestClient(app) as client:
        assert client.get(url).json()["n_events"] > 0
        client.get("/api/dyads/IRN/TJK/timeline?by=decade")  # refused: nothing to make again
        with Store.open(store_path, lock_wait=0) as store:
            store.con.execute("DELETE FROM events")
            store.con.execute("DELETE FROM dyad_days")
        hits = app.state.cache.hits
        assert app.state.reader.refresh() and app.state.cache.remade == 1
        assert client.get(url).json()["n_events"] == 0  # the new snapshot's answer, made before it served
        assert app.state.cache.hits == hits + 1


def test_remake_takes_the_most_recent_answers_of_the_old_snapshot_only():
    from detente.web.reader import AnswerCache

    cache = AnswerCache(size=10)
    for name in ("a", "b", "c"):
        cache.get_or_make((name, 1), lambda: b"old", lambda store, n=name: f"{n}@{store}".encode())
    cache.get_or_make(("d", 0), lambda: b"older", lambda store: b"never")
    cache.get(("a", 1))  # the most recently used now
    assert cache.remake("s2", old=1, new=2, limit=2, seconds=10) == 2
    assert cache.get(("a", 2)) == b"a@s2" and cache.get(("c", 2)) == b"c@s2"
    assert cache.get(("b", 2)) is None and cache.get(("d", 2)) is None


def test_new_windows_are_answered_from_the_pair_rows_of_the_current_snapshot(store_path):
    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.query import open_db

    app = create_app(store_path, options=WebOptions(refresh_seconds=60, remake_answers=0))
    base = "/api/dyads/IRN/TJK/timeline?by=year"
    with TestClient(app) as client:
        windows = [client.get(f"{base}&since={year}").json() for year in (2015, 2018, 2021)]
        assert app.state.pairs.misses == 1 and app.state.pairs.hits == 2  # the pair read once for three windows
        with open_db(store_path) as store:  # the same answers without the app's cache
            assert windows == [dyad_timeline(store, "IRN", "TJK", by="year", since=str(y)).to_dict()
                               for y in (2015, 2018, 2021)]
        with Store.open(store_path, lock_wait=0) as store:
            store.con.execute("DELETE FROM events")
            store.con.execute("DELETE FROM dyad_days")
        assert app.state.reader.refresh()
        after = client.get(f"{base}&since=2016").json()  # a window not asked before, on the new snapshot
        assert windows[0]["n_events"] > 0 and after["n_events"] == 0 and app.state.pairs.misses == 2


def test_a_timeline_is_rendered_with_kept_event_json_byte_for_byte(tmp_path):
    import itertools

    from fixture_store import irn_tjk_store

    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.pairdata import PairCache
    from detente.analyse.query import open_db
    from detente.web.answers import EventJSON, render_timeline

    kept = EventJSON(size=1000)
    with open_db(irn_tjk_store(tmp_path / "f.duckdb")) as store:
        store.pair_cache, store.snapshot = PairCache(), 1
        for (since, until), by, direction, events in itertools.product(
                ((None, None), ("2019", "2022"), ("1990", "1991")), ("year", "month"), ("both", "A>B"),
                ("all", "top", "none")):
            tl = dyad_timeline(store, "IRN", "TJK", since=since, until=until, by=by, direction=direction,
                               events=events)
            assert render_timeline(tl, kept) == render_timeline(tl, kept) == render_json(tl.to_dict())
        assert dyad_timeline(store, "IRN", "TJK").undated  # undated events were rendered too
    assert 0 < len(kept) <= 1000
    small = EventJSON(size=2)
    assert render_timeline(tl, small) == render_json(tl.to_dict()) and len(small) <= 2
