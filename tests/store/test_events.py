"""Events and mentions in the store: one-transaction writes, merge candidates, reruns, queries."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from detente.errors import QueryError
from detente.ingest import make_article
from detente.model import Actor, ActorMention, CodedArticle, EventMention, Location
from detente.settings import Settings
from detente.store import Store
from detente.analyse.query import EventFilter, read_events
from detente.store.events import event_count, mention_count, merge_pool, publication_date_share, write_coded

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
    """What the pipeline does for one article: the merge's writer."""
    coded = CodedArticle(article=make_article(article_id, "text"), actors=tuple(actors), mentions=tuple(mentions))
    ids = {m.article_id for m in mentions} | {article_id}
    return [e for e in write_coded(store, [coded], S, Ontology()) if any(m.article_id in ids for m in e.mentions)]


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


def test_the_merge_pool_is_the_block_either_way_near_in_time_and_the_same_article(store):
    (visit, _) = code(store, "a1", A1)

    def pool(article, mentions):
        mentions_of_others, events, _ = merge_pool(store, [article], mentions)
        return events, len(mentions_of_others)

    assert pool("a2", [mention("a2", 0, src="IRN", tgt="TJK", cameo="043", day=D(2023, 6, 2))]) == ([visit.event_id], 2)
    assert pool("a2", [mention("a2", 0, src="IRN", tgt="UZB", day=D(2023, 6, 2))]) == ([], 0)
    assert pool("a2", [mention("a2", 0, day=D(2025, 6, 2))]) == ([], 0)
    events, others = pool("a1", [mention("a1", 9000, src=None, tgt=None)])
    assert len(events) == 2 and others == 0  # its own old mentions are replaced, not pooled


def query_events(store, dyad=None, **fields):
    """The one reader of events (detente.analyse.query), as the CLI and the API call it."""
    return read_events(store, EventFilter.from_dyad(dyad, **fields))


def test_query_filters(store):
    code(store, "a1", A1)
    code(store, "a3", [mention("a3", 0, cameo="057", src="RUS", tgt="TJK", day=D(2022, 1, 10),
                               sentence="Moscow and Dushanbe signed an accord.", modality="hypothetical")])
    assert [e.cameo for e in query_events(store)] == ["057", "042", "112"]  # by date, undated last
    assert {e.cameo for e in query_events(store, country="RUS")} == {"057"}
    assert {e.cameo for e in query_events(store, dyad="IRN-TJK")} == {"042", "112"}
    assert {e.cameo for e in query_events(store, dyad="TJK RUS")} == {"057"}
    assert {e.cameo for e in query_events(store, code="04")} == {"042"}
    assert {e.cameo for e in query_events(store, modality="hypothetical")} == {"057"}
    assert {e.cameo for e in query_events(store, since="2023-01-01")} == {"042"}
    assert {e.cameo for e in query_events(store, until=D(2022, 12, 31))} == {"057"}
    assert {e.cameo for e in query_events(store, q="dushanbe")} == {"057"}
    assert {e.cameo for e in query_events(store, article_ids=("a3",))} == {"057"}
    assert len(query_events(store, limit=1)) == 1


def test_one_dyad_grammar_both_directions_or_one(store):
    code(store, "a1", A1)  # TJK -> IRN
    assert {e.cameo for e in query_events(store, dyad="IRN-TJK")} == {"042", "112"}
    assert {e.cameo for e in query_events(store, dyad="IRN,TJK")} == {"042", "112"}
    assert query_events(store, dyad="IRN>TJK") == []  # IRN the source: none
    assert {e.cameo for e in query_events(store, dyad="TJK>IRN")} == {"042", "112"}
    assert {e.cameo for e in query_events(store, dyad="irn<tjk")} == {"042", "112"}  # TJK the source


def test_read_events_carry_the_derived_counts_and_article_details(store):
    store.con.execute("UPDATE articles SET title = 'Visit', publisher = 'Wire', url = 'https://x.org/1' WHERE id = 'a1'")
    code(store, "a1", A1)
    (visit,) = query_events(store, code="042")
    assert (visit.num_mentions, visit.num_articles, visit.num_sources) == (2, 1, 1)
    record = visit.to_dict()
    assert [m["url"] for m in record["mentions"]] == ["https://x.org/1"] * 2
    assert record["mentions"][0]["title"] == "Visit" and record["updated_at"] is not None


@pytest.mark.parametrize("kwargs", [{"dyad": "Iran and Tajikistan"}, {"since": "last year"}, {"code": "04x"},
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


def test_a_much_reported_event_is_merged_and_counted_in_full(tmp_path):
    with Store.open(tmp_path / "many.duckdb") as store:
        ids = [f"n{i:02d}" for i in range(20)]
        store.add_articles([make_article(i, f"text {i}", published="2023-06-05") for i in ids], None)
        best = dataclasses.replace(mention("n00", 0, day=D(2023, 5, 30)), source=actor("TJK", "President Rahmon", 0.99))
        (event,) = code(store, "n00", [best])
        for i in ids[1:-1]:
            code(store, i, [mention(i, 0, day=D(2023, 5, 1), end=D(2023, 5, 31), precision="month")])
        (joined,) = code(store, "n19", [mention("n19", 0, day=D(2023, 5, 31))])
        assert joined.event_id == event.event_id
        assert (joined.date_start, joined.date_precision, joined.source_text) == (D(2023, 5, 30), "day",
                                                                                  "President Rahmon")
        assert store.con.execute("SELECT num_mentions, num_articles FROM events").fetchone() == (20, 20)


def _stored(store):
    events = store.con.execute("SELECT event_id, num_mentions, num_articles FROM events ORDER BY 1").fetchall()
    mentions = store.con.execute("SELECT mention_id, event_id FROM mentions ORDER BY 1").fetchall()
    return events, mentions


def test_any_order_and_batching_of_articles_gives_the_same_stored_events(tmp_path):
    import random

    corpus = {f"b{i}": [mention(f"b{i}", 0, day=D(2023, 5, 27 + i % 4), published=D(2023, 6, 1 + i)),
                        mention(f"b{i}", 100, cameo="043", src="IRN", tgt="TJK", day=D(2023, 5, 29),
                                published=D(2023, 6, 1 + i)),
                        mention(f"b{i}", 200, day=D(2023, 1, 1), end=D(2023, 12, 31), precision="year",
                                published=D(2023, 6, 1 + i)),
                        mention(f"b{i}", 300, cameo="112", src="UZB", tgt="TJK", published=D(2023, 6, 1 + i)),
                        mention(f"b{i}", 400, tgt=None, day=D(2023, 5, 30), published=D(2023, 6, 1 + i))]
              for i in range(9)}
    results = []
    rng = random.Random(3)
    for run, size in enumerate((9, 1, 2, 4)):
        order = sorted(corpus)
        rng.shuffle(order)
        with Store.open(tmp_path / f"run{run}.duckdb") as store:
            store.add_articles([make_article(a, f"text {a}", published="2023-06-05") for a in order], None)
            for k in range(0, len(order), size):
                batch = [CodedArticle(make_article(a, "text"), mentions=tuple(corpus[a])) for a in order[k:k + size]]
                write_coded(store, batch, S, Ontology())
            write_coded(store, [CodedArticle(make_article(order[0], "text"), mentions=tuple(corpus[order[0]]))],
                        S, Ontology())  # and again: nothing changes
            results.append(_stored(store))
    assert all(r == results[0] for r in results[1:])
    assert len(results[0][1]) == 45 and sum(n for _, n, _ in results[0][0]) == 45


def test_the_migration_computes_blocks_and_windows_as_the_writer_does(store):
    from detente.store.migrations import BLOCK_SQL, WINDOW_END_SQL, WINDOW_START_SQL

    igo = dataclasses.replace(mention("a2", 0, day=D(2023, 5, 30), basis="publication"),
                              target=ActorMention(0, 1, 0, 1, "the EU", Actor(country="IGO", org="EU", name="EU")))
    code(store, "a1", [*A1, mention("a1", 900, src=None, day=D(2021, 1, 1), precision="year")])
    code(store, "a2", [igo])
    rows = store.con.execute(f"SELECT block, window_start, window_end, {BLOCK_SQL}, {WINDOW_START_SQL}, "
                             f"{WINDOW_END_SQL} FROM mentions").fetchall()
    assert len(rows) == 5 and all(r[:3] == r[3:] for r in rows)
    assert {r[0] for r in rows} == {"IRN|TJK|04", "IRN|TJK|11", None, "IGO:eu|TJK|04"}
