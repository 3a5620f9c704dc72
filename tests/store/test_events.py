"""Events and mentions in the store: one-transaction writes, merge candidates, reruns, queries."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from detente.errors import QueryError
from detente.identity import merge_mentions
from detente.ingest import make_article
from detente.model import Actor, ActorMention, CodedArticle, EventMention, Location
from detente.settings import Settings
from detente.store import Store
from detente.store.events import (candidate_events, event_count, mention_count, publication_date_share,
                                  query_events, save_coded)

D = dt.date
S = Settings()


class Ontology:
    def describe(self, code):
        return {"042": {"name": "Make a visit", "goldstein": 1.9, "quad_class": 1, "plover": "CONSULT",
                        "plover_mode": "visit", "contexts": ["diplomatic"]}}.get(code, {})


def actor(country, text=None, confidence=0.8):
    return ActorMention(0, 1, 0, 1, text or country, Actor(country=country, name=text or country, confidence=confidence))


def mention(article, start, cameo="042", src="TJK", tgt="IRN", day=None, end=None, precision="day", basis="text",
            published=D(2023, 6, 5), sentence=None, modality="asserted"):
    return EventMention(
        article_id=article, sentence=sentence or f"{src} and {tgt} at {start}", char_start=start, char_end=start + 40,
        trigger="visited", trigger_char=start + 3, cameo=cameo, rule="visit.v#1", source=actor(src) if src else None,
        target=actor(tgt) if tgt else None, modality=modality, date_start=day, date_end=end or day,
        date_precision=precision if day else "unknown", date_basis=basis if day else None, date_text="x" if day else None,
        published=published, contexts=("diplomatic",), confidence=0.7, location=None)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "t.duckdb") as s:
        s.add_articles([make_article("a1", "first text", published="2023-06-05"),
                        make_article("a2", "second text", published="2023-06-08"),
                        make_article("a3", "third text", published="2023-06-09")], None)
        yield s


def code(store, article_id, mentions, actors=()):
    """What the pipeline does for one article: candidates, merge, save."""
    existing = candidate_events(store, mentions)
    events = merge_mentions(mentions, existing, S)
    coded = CodedArticle(article=make_article(article_id, "text"), actors=tuple(actors), mentions=tuple(mentions))
    save_coded(store, coded, events, Ontology())
    return events


A1 = [mention("a1", 100, day=D(2023, 5, 22), end=D(2023, 5, 31), precision="month"),
      mention("a1", 400, day=D(2023, 5, 30), end=D(2023, 5, 31)),
      mention("a1", 700, cameo="112", src="TJK", tgt="IRN")]


def test_save_writes_events_mentions_actors_and_marks_the_article(store):
    code(store, "a1", A1, actors=[actor("TJK", "Rahmon")])
    assert (event_count(store), mention_count(store)) == (2, 3)
    assert store.con.execute("SELECT count(*) FROM actors WHERE article_id = 'a1'").fetchone()[0] == 1
    assert store.con.execute("SELECT coded_at IS NOT NULL FROM articles WHERE id = 'a1'").fetchone()[0]
    row = store.con.execute("SELECT cameo_root, plover, goldstein, num_mentions, num_articles, date_start "
                            "FROM events WHERE cameo = '042'").fetchone()
    assert row == ("04", "CONSULT", 1.9, 2, 1, D(2023, 5, 30))


def test_events_round_trip(store):
    (visit, accusation) = code(store, "a1", A1)
    back = {e.event_id: e for e in query_events(store)}
    got = back[visit.event_id]
    assert (got.cameo, got.source.country, got.target.country, got.num_mentions) == ("042", "TJK", "IRN", 2)
    assert (got.date_start, got.date_end, got.date_precision, got.date_basis) == (
        visit.date_start, visit.date_end, visit.date_precision, visit.date_basis)
    assert [m.char_start for m in got.mentions] == [100, 400]
    assert got.mentions[0].rule == "visit.v#1" and got.mentions[0].published == D(2023, 6, 5)
    assert back[accusation.event_id].date_precision == "unknown"


def test_recoding_an_article_is_idempotent(store):
    first = code(store, "a1", A1)
    again = code(store, "a1", A1)
    assert [e.event_id for e in again] == [e.event_id for e in first]
    assert (event_count(store), mention_count(store)) == (2, 3)


def test_another_article_adds_a_mention_not_an_event(store):
    (visit, _) = code(store, "a1", A1)
    later = [mention("a2", 50, src="IRN", tgt="TJK", cameo="043", day=D(2023, 5, 30), published=D(2023, 6, 8))]
    (joined,) = code(store, "a2", later)
    assert joined.event_id == visit.event_id
    row = store.con.execute("SELECT num_mentions, num_articles FROM events WHERE event_id = ?",
                            [visit.event_id]).fetchone()
    assert row == (3, 2)
    code(store, "a2", later)  # and again: nothing changes
    assert (event_count(store), mention_count(store)) == (2, 4)


def test_a_visit_in_another_month_is_a_new_event(store):
    code(store, "a1", A1)
    code(store, "a3", [mention("a3", 0, day=D(2023, 3, 14), published=D(2023, 6, 9))])
    assert event_count(store) == 3


def test_recoding_with_fewer_mentions_removes_empty_events(store):
    code(store, "a1", A1)
    code(store, "a1", A1[:1])
    assert (event_count(store), mention_count(store)) == (1, 1)
    assert store.con.execute("SELECT num_mentions FROM events").fetchone()[0] == 1


def test_candidates_match_the_dyad_in_either_direction_and_nearby_dates(store):
    (visit, _) = code(store, "a1", A1)
    reverse = [mention("a2", 0, src="IRN", tgt="TJK", day=D(2023, 6, 2))]
    assert [e.event_id for e in candidate_events(store, reverse)] == [visit.event_id]
    elsewhere = [mention("a2", 0, src="IRN", tgt="UZB", day=D(2023, 6, 2))]
    assert candidate_events(store, elsewhere) == []
    years_later = [mention("a2", 0, day=D(2025, 6, 2))]
    assert candidate_events(store, years_later) == []
    same_article = [mention("a1", 9000, src=None, tgt=None)]
    assert len(candidate_events(store, same_article)) == 2


def test_query_filters(store):
    code(store, "a1", A1)
    code(store, "a3", [mention("a3", 0, cameo="057", src="RUS", tgt="TJK", day=D(2022, 1, 10),
                               sentence="Moscow and Dushanbe signed an accord.", modality="hypothetical")])
    assert [e.cameo for e in query_events(store)] == ["057", "042", "112"]  # by date, undated last
    assert {e.cameo for e in query_events(store, country="RUS")} == {"057"}
    assert {e.cameo for e in query_events(store, dyad="IRN-TJK")} == {"042", "112"}
    assert {e.cameo for e in query_events(store, dyad=("TJK", "RUS"))} == {"057"}
    assert {e.cameo for e in query_events(store, code="04")} == {"042"}
    assert {e.cameo for e in query_events(store, modality="hypothetical")} == {"057"}
    assert {e.cameo for e in query_events(store, since="2023-01-01")} == {"042"}
    assert {e.cameo for e in query_events(store, until=D(2022, 12, 31))} == {"057"}
    assert {e.cameo for e in query_events(store, text="dushanbe")} == {"057"}
    assert {e.cameo for e in query_events(store, article_ids=["a3"])} == {"057"}
    assert len(query_events(store, limit=1)) == 1


@pytest.mark.parametrize("kwargs", [{"dyad": "Iran and Tajikistan"}, {"since": "last year"}, {"code": "visit"},
                                    {"limit": -1}])
def test_malformed_queries_raise(store, kwargs):
    with pytest.raises(QueryError):
        query_events(store, **kwargs)


def test_publication_date_share(store):
    assert publication_date_share(store) == 0.0
    code(store, "a1", A1)
    code(store, "a3", [mention("a3", 0, cameo="057", day=D(2023, 6, 9), basis="publication", published=D(2023, 6, 9))])
    assert publication_date_share(store) == pytest.approx(1 / 3)


def test_location_and_contexts_are_kept(store):
    m = dataclasses.replace(A1[1], location=Location("Tehran", "IRN", 35.7, 51.4))
    code(store, "a1", [m])
    (event,) = query_events(store)
    assert (event.location.name, event.location.country, event.contexts) == ("Tehran", "IRN", ("diplomatic",))


def test_a_failed_write_leaves_nothing_behind(store):
    code(store, "a1", A1)
    broken = [dataclasses.replace(A1[0], char_start="not a number")]
    with pytest.raises(Exception):
        code(store, "a1", broken)
    assert (event_count(store), mention_count(store)) == (2, 3)


def test_a_much_reported_event_is_loaded_as_a_sample_and_counted_in_full(tmp_path):
    with Store.open(tmp_path / "many.duckdb") as store:
        ids = [f"n{i:02d}" for i in range(20)]
        store.add_articles([make_article(i, f"text {i}", published="2023-06-05") for i in ids], None)
        best = dataclasses.replace(mention("n00", 0, day=D(2023, 5, 30)), source=actor("TJK", "President Rahmon", 0.99))
        code(store, "n00", [best])
        for i in ids[1:-1]:
            code(store, i, [mention(i, 0, day=D(2023, 5, 1), end=D(2023, 5, 31), precision="month")])
        (event,) = candidate_events(store, [mention("n19", 0, day=D(2023, 5, 30))])
        assert len(event.mentions) < 19
        (joined,) = code(store, "n19", [mention("n19", 0, day=D(2023, 5, 31))])
        assert joined.event_id == event.event_id
        assert (joined.date_start, joined.date_precision, joined.source_text) == (D(2023, 5, 30), "day",
                                                                                  "President Rahmon")
        assert store.con.execute("SELECT num_mentions, num_articles FROM events").fetchone() == (20, 20)
