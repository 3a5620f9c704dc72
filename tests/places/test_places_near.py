"""Distances, and `detente events --near PLACE [--km N]` over a real store."""
from __future__ import annotations

from typer.testing import CliRunner

from detente.cli import app
from detente.model import Actor, Event, EventMention, Location
from detente.places import distance_km, is_near, resolve_place
from detente.store import Store

runner = CliRunner()


def test_distance_km():
    assert distance_km(0, 0, 0, 0) == 0
    assert 110 < distance_km(0, 0, 1, 0) < 112  # one degree of latitude
    tehran, dushanbe = resolve_place("Tehran"), resolve_place("Dushanbe")
    assert 1500 < distance_km(tehran.lat, tehran.lon, dushanbe.lat, dushanbe.lon) < 1600
    assert not is_near(Location("Khatlon", "TJK"), dushanbe, 10_000)  # no coordinates: never near


def _event(eid: str, location: Location | None) -> Event:
    sentence = f"Iran and Tajikistan signed an accord ({eid})."
    m = EventMention(article_id=f"a-{eid}", sentence=sentence, char_start=0, char_end=len(sentence), trigger="signed",
                     trigger_char=20, cameo="057", rule="t#1", location=location)
    return Event(event_id=eid, cameo="057", source=Actor(country="IRN"), target=Actor(country="TJK"),
                 modality="asserted", mentions=(m,), confidence=0.8, location=location)


def test_events_near(tmp_path):
    from detente.model import Article
    from detente.store.events import replace_events

    db = tmp_path / "near.duckdb"
    located = {
        "dushanbe": Location("Dushanbe", "TJK", 38.53575, 68.77905, "TJ.04", 1221874, "clause", "city"),
        "vahdat": Location("Vahdat", "TJK", 38.55632, 69.01354, "TJ.03", 1221328, "dateline", "city"),  # ~20 km away
        "tehran": Location("Tehran", "IRN", 35.69439, 51.42151, "IR.26", 112931, "clause", "city"),
        "nowhere": None,
    }
    with Store.open(db) as store:
        for eid, loc in located.items():
            ev = _event(eid, loc)
            store.add_articles([Article(id=f"a-{eid}", raw_text=ev.mentions[0].sentence, content_hash=eid)], None)
            replace_events(store.con, [], [ev], None)
    near = runner.invoke(app, ["events", "--db", str(db), "--near", "Dushanbe", "--format", "jsonl"])
    assert near.exit_code == 0, near.output
    import json

    records = [json.loads(line) for line in near.stdout.splitlines()]
    assert sorted(r["event_id"] for r in records) == ["dushanbe", "vahdat"]
    vahdat = next(r for r in records if r["event_id"] == "vahdat")["location"]
    assert vahdat == {"name": "Vahdat", "country": "TJK", "admin1": "TJ.03", "lat": 38.55632, "lon": 69.01354,
                      "geonames_id": 1221328, "kind": "city", "basis": "dateline"}  # the store keeps every field
    close = runner.invoke(app, ["events", "--db", str(db), "--near", "Dushanbe", "--km", "5", "--format", "jsonl"])
    assert [json.loads(line)["event_id"] for line in close.stdout.splitlines()] == ["dushanbe"]
    far = runner.invoke(app, ["events", "--db", str(db), "--near", "Tehran", "--km", "2000", "--format", "jsonl"])
    assert len(far.stdout.splitlines()) == 3
    unknown = runner.invoke(app, ["events", "--db", str(db), "--near", "Xyzzyville"])
    assert unknown.exit_code == 2 and "no place called" in unknown.stderr
