"""Syndicated copies and near-duplicates: one story per group of copies, found at ingest; events of a
story counted once however many copies are coded."""
from __future__ import annotations

import dataclasses
import json

import pytest
from newsite import article_text

from detente.ingest import make_article
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.store import Store
from detente.store.stories import StoreStoryIndex, save_stories, story_map
from detente.stories import band_keys, group_stories, lsh_params, minhash_signature, similarity

S = Settings(coder="rules")


def art(article_id: str, text: str, **meta):
    return make_article(article_id, text, published="2024-03-05", **meta)


# -- grouping ------------------------------------------------------------------------------------------
def test_copies_with_small_edits_join_the_first_articles_story():
    text = article_text(1, sentences=12)
    first, *copies = [
        art("wire", text),
        art("retitled", "Analysis: talks in the region\n\n" + text, title="Analysis"),
        art("longer", text + "\n\nThis story was republished with permission of the wire service."),
        art("trimmed", text.rsplit("\n\n", 1)[0]),
    ]
    other = art("other", article_text(2, sentences=12))
    result = group_stories([first, *copies, other], None, S)
    assert [(a.article_id, a.story_id) for a in result] == [
        ("wire", "wire"), ("retitled", "wire"), ("longer", "wire"), ("trimmed", "wire"), ("other", "other")]
    assert result[0].similarity is None and all(a.similarity >= S.story_threshold for a in result[1:4])


def test_a_copy_of_a_copy_keeps_the_first_story_id():
    base = article_text(3, sentences=12)
    a = art("a", base)
    b = art("b", base + "\n\nA line the second outlet added.")
    c = art("c", base + "\n\nA line the second outlet added. And one more from a third.")
    assert [r.story_id for r in group_stories([a, b, c], None, S)] == ["a", "a", "a"]


def test_signatures_bands_and_similarity():
    text = article_text(4)
    sig = minhash_signature(text, S)
    assert len(sig) == S.story_num_perm and similarity(sig, sig) == 1.0
    assert similarity(sig, minhash_signature(article_text(5), S)) < 0.3
    bands, rows = lsh_params(S.story_threshold, S.story_num_perm)
    assert bands * rows <= S.story_num_perm and len(band_keys(sig, S)) == bands
    assert band_keys(sig, S) == band_keys(minhash_signature(text.upper(), S), S)  # case does not matter
    assert len(minhash_signature("", S)) == 0 and band_keys(minhash_signature("...", S), S) == ()
    assert len(minhash_signature("two words", S)) == S.story_num_perm  # shorter than a shingle


def test_an_article_without_words_is_its_own_story():
    (only,) = group_stories([art("n", "!!! ... ???")], None, S)
    assert only.story_id == "n" and only.band_keys == ()


# -- in the store ----------------------------------------------------------------------------------------
def test_stories_are_found_against_the_store_and_kept(tmp_path):
    text = article_text(6, sentences=10)
    with Store.open(tmp_path / "s.duckdb") as store:
        save_stories(store, group_stories([art("a", text)], StoreStoryIndex(store), S))
        (b,) = group_stories([art("b", text + " One more sentence here.")], StoreStoryIndex(store), S)
        assert b.story_id == "a"
        save_stories(store, [b, dataclasses.replace(b, story_id="changed")])  # an article keeps its story
        assert story_map(store, ["a", "b", "zzz"]) == {"a": "a", "b": "a"}


def test_ingest_groups_copies_and_articles_stored_before_stories(tmp_path):
    text = article_text(7, sentences=10)
    records = [{"id": "w1", "text": text, "publisher": "Wire"},
               {"id": "w2", "text": text + "\n\nSyndicated.", "publisher": "Daily"},
               {"id": "x", "text": article_text(8, sentences=10)}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store.open(tmp_path / "s.duckdb") as store:
        Pipeline(S).ingest([str(path)], store)
        assert story_map(store, ["w1", "w2", "x"]) == {"w1": "w1", "w2": "w1", "x": "x"}
        store.con.execute("DELETE FROM article_stories")  # as if stored by an older detente
        store.con.execute("DELETE FROM story_bands")
        later = tmp_path / "later.jsonl"
        later.write_text(json.dumps({"id": "w3", "text": text + "\n\nAnother copy."}) + "\n", encoding="utf-8")
        Pipeline(S).ingest([str(later)], store)
        assert story_map(store, ["w1", "w2", "x", "w3"]) == {"w1": "w1", "w2": "w1", "x": "x", "w3": "w1"}


# -- seed 000 syndicated: the same events, counted once --------------------------------------------------
def _copies(seed: dict, n: int) -> list[dict]:
    """Seed 000 and n-1 copies, each with another publisher and a small edit of its own."""
    out = [seed]
    for i in range(1, n):
        copy = dict(seed, id=f"copy{i:03d}", publisher=f"Outlet {i}")
        if i % 3 == 0:
            copy["text"] = seed["text"].rstrip() + f"\n\nThis article first appeared in issue {i} of our partner's weekly."
        elif i % 3 == 1:
            headline = f"Dushanbe and Tehran: a new chapter (part {i})"
            copy["title"] = headline
            copy["text"] = seed["text"].replace(seed["title"], headline, 1)
        else:
            copy["title"] = f"{seed['title']} ({i})"
            copy["text"] = seed["text"].rstrip() + f"\n\nRepublished with permission; reader service number {i}."
        out.append(copy)
    return out


def _code_copies(shared_dir, tmp_path, n: int):
    from detente.analyse.dyad import dyad_timeline
    from detente.analyse.query import read_events as query_events

    seed = json.loads((shared_dir / "seeds" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[0])
    pipeline = Pipeline(S)
    results = []
    for count in (1, n):
        path = tmp_path / f"copies{count}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in _copies(seed, count)), encoding="utf-8")
        with Store.open(tmp_path / f"s{count}.duckdb") as store:
            summary = pipeline.run([str(path)], store)
            assert summary.stored == count
            events = query_events(store)
            timeline = dyad_timeline(store, "IRN", "TJK", by="year")
            stories = set(story_map(store, summary.article_ids).values())
        results.append((events, timeline, stories))
    return results


def _shape(events):
    return sorted((e.event_id, e.cameo, e.source and e.source.country, e.target and e.target.country, e.modality,
                   e.date_start, e.date_end, e.date_precision) for e in events)


def _check_copies(shared_dir, tmp_path, n):
    (one, tl_one, _), (many, tl_many, stories) = _code_copies(shared_dir, tmp_path, n)
    assert stories == {"000_6a858bc3a9a49642"}
    assert _shape(many) == _shape(one) and len(one) >= 10
    for event in many:
        assert event.num_sources == n and event.num_articles == n
        assert {m.article_id for m in event.mentions} == {"000_6a858bc3a9a49642"} | {f"copy{i:03d}" for i in range(1, n)}
    index = [(p.label, p.n_events, p.index, p.low, p.high) for p in tl_one.periods]
    assert [(p.label, p.n_events, p.index, p.low, p.high) for p in tl_many.periods] == index
    assert tl_many.n_events == tl_one.n_events and tl_many.n_sources == n


@pytest.mark.shared
def test_three_copies_of_seed_000_give_the_events_of_one(shared_dir, tmp_path):
    _check_copies(shared_dir, tmp_path, 3)


@pytest.mark.shared
@pytest.mark.slow
def test_seed_000_ingested_100_times_gives_the_events_of_one_copy(shared_dir, tmp_path):
    _check_copies(shared_dir, tmp_path, 100)
