"""Migration 4 (event places) and the location fields through the store."""
from __future__ import annotations


from detente.model import Article, CodedArticle, EventMention, Location
from detente.settings import Settings
from detente.store import Store
from detente.analyse.query import read_events as query_events
from detente.store.events import write_coded
from detente.store.migrations import MIGRATIONS


def test_migration_4_adds_the_place_columns_to_a_version_3_store(tmp_path, old_store):
    path = tmp_path / "old.duckdb"
    con = old_store(path, 3)
    con.execute("INSERT INTO events (event_id, cameo, location_name, lat, lon) VALUES ('e1', '042', 'Kabul', 34.5, 69.2)")
    con.close()
    assert MIGRATIONS[3].version == 4 and MIGRATIONS[3].name == "event_places_gazetteer"
    with Store.open(path) as store:
        assert store.schema_version() >= 4
        cols = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
        assert {"admin1", "geonames_id", "location_basis", "location_kind"} <= cols
        row = store.con.execute("SELECT location_name, lat, admin1, geonames_id FROM events").fetchone()
        assert row == ("Kabul", 34.5, None, None)  # old rows keep their location, new fields empty


def test_location_round_trip(tmp_path):
    loc = Location("Dushanbe", "TJK", 38.53575, 68.77905, "TJ.04", 1221874, "clause", "city")
    sentence = "Iran and Tajikistan signed an accord in Dushanbe."
    m = EventMention(article_id="a1", sentence=sentence, char_start=0, char_end=len(sentence), trigger="signed",
                     trigger_char=20, cameo="057", rule="t#1", location=loc)
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_articles([Article(id="a1", raw_text=sentence, content_hash="h1")], None)
        write_coded(store, [CodedArticle(Article(id="a1", raw_text=sentence), mentions=(m,))], Settings(), None)
        [back] = query_events(store)
    assert back.location == loc and back.mentions[0].location == loc
