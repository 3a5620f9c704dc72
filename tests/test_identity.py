"""The identity stage: which mentions are one event, which stay apart; stable ids; idempotent reruns."""
from __future__ import annotations

import dataclasses
import datetime as dt

import random

from detente.identity import block_key, cluster_mentions, merge_mentions, mention_id
from detente.model import Actor, Event, ActorMention, EventMention, Location
from detente.settings import Settings

D = dt.date
S = Settings()


def actor(country: str | None, text: str | None = None, confidence: float = 0.8, sector: str | None = None):
    if country is None:
        return None
    return ActorMention(0, 1, 0, 1, text or country, Actor(country=country, name=text or country,
                                                           sector=sector, confidence=confidence))


def mention(article="a1", start=0, cameo="042", src="TJK", tgt="IRN", day=None, end=None, precision="day",
            basis="text", modality="asserted", published=D(2023, 6, 5), trigger_char=None, **kw) -> EventMention:
    if day is not None and end is None:
        end = day
    return EventMention(
        article_id=article, sentence=f"sentence at {start}", char_start=start, char_end=start + 50,
        trigger="visited", trigger_char=start + 5 if trigger_char is None else trigger_char, cameo=cameo,
        rule="test", source=actor(src), target=actor(tgt), modality=modality, date_start=day, date_end=end,
        date_precision=precision if day else "unknown", date_basis=basis if day else None, published=published, **kw)


# -- within one article ---------------------------------------------------------------------------------
def test_two_sentences_of_one_visit_are_one_event():
    month_end = mention(start=100, day=D(2023, 5, 22), end=D(2023, 5, 31), precision="month")
    exact = mention(start=400, day=D(2023, 5, 30), end=D(2023, 5, 31))
    (event,) = merge_mentions([exact, month_end], [], S)
    assert event.num_mentions == 2 and event.num_articles == 1
    assert (event.date_start, event.date_end, event.date_precision) == (D(2023, 5, 30), D(2023, 5, 31), "day")
    assert [m.char_start for m in event.mentions] == [100, 400]


def test_visit_and_hosting_are_one_event_in_the_visitors_orientation():
    visit = mention(start=0, cameo="042", src="TJK", tgt="IRN", day=D(2023, 5, 30))
    host = mention(start=200, cameo="043", src="IRN", tgt="TJK", day=D(2023, 5, 30))
    (event,) = merge_mentions([visit, host], [], S)
    assert (event.cameo, event.source.country, event.target.country) == ("042", "TJK", "IRN")


def test_reciprocal_codes_merge_in_either_direction():
    a = mention(start=0, cameo="057", src="TJK", tgt="IRN", day=D(2023, 5, 5), end=D(2023, 6, 5),
                precision="month")
    b = mention(start=300, cameo="057", src="IRN", tgt="TJK", day=D(2023, 5, 30))
    assert len(merge_mentions([a, b], [], S)) == 1


def test_generic_root_code_merges_with_a_specific_one():
    generic = mention(start=0, cameo="040", day=D(2023, 5, 30))
    visit = mention(start=300, cameo="042", day=D(2023, 5, 30))
    (event,) = merge_mentions([generic, visit], [], S)
    assert event.cameo == "042"


def test_visits_in_opposite_directions_stay_apart():
    there = mention(start=0, src="IRN", tgt="TJK", day=D(2023, 5, 17))
    back = mention(start=300, src="TJK", tgt="IRN", day=D(2023, 5, 17))
    assert len(merge_mentions([there, back], [], S)) == 2


def test_negated_statement_never_merges_with_an_asserted_one():
    signed = mention(start=0, cameo="057", day=D(2023, 6, 5), basis="publication")
    not_signed = mention(start=300, cameo="057", day=D(2023, 6, 5), basis="publication", modality="negated")
    events = merge_mentions([signed, not_signed], [], S)
    assert sorted(e.modality for e in events) == ["asserted", "negated"]


def test_hypothetical_and_intended_statements_merge_with_each_other():
    a = mention(start=0, day=D(2023, 6, 5), basis="publication", modality="intended")
    b = mention(start=300, day=D(2023, 6, 5), basis="publication", modality="hypothetical")
    (event,) = merge_mentions([a, b], [], S)
    assert event.modality in ("intended", "hypothetical")


def test_undated_mentions_merge_only_within_their_article():
    a = mention(article="a1", start=0, cameo="112")
    b = mention(article="a1", start=300, cameo="112")
    c = mention(article="a2", start=0, cameo="112")
    events = merge_mentions([a, b, c], [], S)
    assert sorted(e.num_mentions for e in events) == [1, 2]


def test_undated_mention_does_not_join_a_dated_event():
    dated = mention(start=0, cameo="112", day=D(2023, 6, 5), basis="publication")
    undated = mention(start=300, cameo="112")
    assert len(merge_mentions([dated, undated], [], S)) == 2


def test_open_period_does_not_swallow_a_dated_event():
    since = mention(start=0, day=D(2021, 8, 1), end=None, precision="month", basis="context")
    exact = mention(start=300, day=D(2023, 5, 17))
    assert len(merge_mentions([since, exact], [], S)) == 2


def test_missing_side_does_not_block_within_an_article():
    full = mention(start=0, src="TJK", tgt="IRN", day=D(2023, 5, 30))
    half = mention(start=300, src="TJK", tgt=None, day=D(2023, 5, 30))
    (event,) = merge_mentions([full, half], [], S)
    assert event.target.country == "IRN"


def test_highest_confidence_actor_is_kept():
    weak = dataclasses.replace(mention(start=0, day=D(2023, 5, 30)), source=actor("TJK", "Dushanbe", 0.4))
    strong = dataclasses.replace(mention(start=300, day=D(2023, 5, 30)),
                                 source=actor("TJK", "President Emomali Rahmon", 0.95, "GOV"))
    (event,) = merge_mentions([weak, strong], [], S)
    assert (event.source_text, event.source.sector) == ("President Emomali Rahmon", "GOV")


# -- across articles ------------------------------------------------------------------------------------
def test_second_article_adds_a_mention_and_keeps_the_id():
    (first,) = merge_mentions([mention(article="a1", start=10, day=D(2023, 5, 30))], [], S)
    later = mention(article="a2", start=500, day=D(2023, 5, 1), end=D(2023, 5, 31), precision="month",
                    published=D(2023, 6, 8))
    (event,) = merge_mentions([later], [first], S)
    assert event.event_id == first.event_id
    assert (event.num_mentions, event.num_articles) == (2, 2)
    assert (event.date_start, event.date_precision) == (D(2023, 5, 30), "day")


def test_day_dates_a_few_days_apart_merge_across_articles():
    (first,) = merge_mentions([mention(article="a1", day=D(2023, 5, 30))], [], S)
    (event,) = merge_mentions([mention(article="a2", day=D(2023, 6, 1))], [first], S)
    assert event.event_id == first.event_id
    far = merge_mentions([mention(article="a3", day=D(2023, 6, 10))], [first], S)
    assert far[0].event_id != first.event_id


def test_visits_in_different_months_stay_two_events():
    (april,) = merge_mentions([mention(article="a1", src="IRN", tgt="TJK", day=D(2023, 4, 12))], [], S)
    may = mention(article="a2", src="IRN", tgt="TJK", day=D(2023, 5, 1), end=D(2023, 5, 31), precision="month")
    (event,) = merge_mentions([may], [april], S)
    assert event.event_id != april.event_id


def test_a_year_joins_a_day_inside_it_across_articles():
    (day,) = merge_mentions([mention(article="a1", day=D(2019, 6, 14))], [], S)
    year = mention(article="a2", day=D(2019, 1, 1), end=D(2019, 12, 31), precision="year")
    (event,) = merge_mentions([year], [day], S)
    assert event.event_id == day.event_id
    assert (event.date_start, event.date_precision, event.num_articles) == (D(2019, 6, 14), "day", 2)


def test_a_day_joins_a_month_it_falls_in_whichever_comes_first():
    (month,) = merge_mentions([mention(article="a1", day=D(2021, 9, 1), end=D(2021, 9, 30), precision="month")],
                              [], S)
    (event,) = merge_mentions([mention(article="a2", day=D(2021, 9, 17))], [month], S)
    assert event.event_id == month.event_id
    assert (event.date_start, event.date_precision) == (D(2021, 9, 17), "day")


def test_a_year_does_not_take_a_day_outside_it_nor_an_open_period_the_days_after_it():
    (day,) = merge_mentions([mention(article="a1", day=D(2020, 1, 3))], [], S)
    year = mention(article="a2", day=D(2019, 1, 1), end=D(2019, 12, 31), precision="year")
    assert merge_mentions([year], [day], S)[0].event_id != day.event_id
    since = mention(article="a3", day=D(2019, 1, 1), end=None, precision="year", published=D(2023, 6, 5))
    assert merge_mentions([since], [day], S)[0].event_id != day.event_id


def test_a_year_takes_one_of_two_visits_inside_it_and_the_visits_stay_apart():
    march = mention(article="a1", day=D(2021, 3, 2))
    (first,) = merge_mentions([march], [], S)
    october = mention(article="a2", day=D(2021, 10, 20))
    (second,) = merge_mentions([october], [first], S)
    assert second.event_id != first.event_id
    year = mention(article="a3", day=D(2021, 1, 1), end=D(2021, 12, 31), precision="year")
    (joined,) = merge_mentions([year], [first, second], S)
    assert joined.event_id in {first.event_id, second.event_id}


def test_country_and_capital_resolve_to_one_dyad():
    (first,) = merge_mentions([dataclasses.replace(mention(article="a1", day=D(2023, 5, 30)),
                                                   target=actor("IRN", "Tehran"))], [], S)
    second = dataclasses.replace(mention(article="a2", day=D(2023, 5, 30)), target=actor("IRN", "Iran"))
    assert merge_mentions([second], [first], S)[0].event_id == first.event_id


def test_unknown_side_blocks_a_merge_across_articles():
    (first,) = merge_mentions([mention(article="a1", day=D(2023, 5, 30))], [], S)
    half = mention(article="a2", tgt=None, day=D(2023, 5, 30))
    assert merge_mentions([half], [first], S)[0].event_id != first.event_id


def test_conflicting_locations_stay_apart():
    here = dataclasses.replace(mention(article="a1", day=D(2023, 5, 30)), location=Location("Tehran", "IRN"))
    (first,) = merge_mentions([here], [], S)
    there = dataclasses.replace(mention(article="a2", day=D(2023, 5, 30)), location=Location("Baku", "AZE"))
    assert merge_mentions([there], [first], S)[0].event_id != first.event_id


# -- stable ids, reruns ---------------------------------------------------------------------------------
def test_ids_are_derived_from_the_first_mention():
    ms = [mention(start=100, day=D(2023, 5, 30)), mention(start=400, day=D(2023, 5, 30))]
    one = merge_mentions(ms, [], S)
    two = merge_mentions(list(reversed(ms)), [], S)
    assert one[0].event_id == two[0].event_id
    alone = merge_mentions([ms[0]], [], S)
    assert alone[0].event_id == one[0].event_id


def test_mention_id_depends_on_offsets_code_and_actors():
    a = mention(start=100)
    assert mention_id(a) == mention_id(dataclasses.replace(a, confidence=0.9))
    assert mention_id(a) != mention_id(dataclasses.replace(a, cameo="043"))
    assert mention_id(a) != mention_id(dataclasses.replace(a, trigger_char=130))
    assert mention_id(a) != mention_id(dataclasses.replace(a, target=actor("UZB")))


def test_two_events_of_one_trigger_get_two_ids():
    a = mention(start=0, src="IRN", tgt="TJK", day=D(2023, 5, 30))
    b = mention(start=0, src="IRN", tgt="UZB", day=D(2023, 5, 30))
    events = merge_mentions([a, b], [], S)
    assert len({e.event_id for e in events}) == 2


def test_rerun_over_the_same_events_is_idempotent():
    ms = [mention(start=100, day=D(2023, 5, 22), end=D(2023, 5, 31), precision="month"),
          mention(start=400, day=D(2023, 5, 30)),
          mention(start=700, cameo="112", src="TJK", tgt="IRN")]
    first = merge_mentions(ms, [], S)
    again = merge_mentions(ms, first, S)
    assert [(e.event_id, e.num_mentions) for e in again] == [(e.event_id, e.num_mentions) for e in first]


def test_recoding_drops_mentions_no_longer_produced():
    ms = [mention(start=100, day=D(2023, 5, 30)), mention(start=400, day=D(2023, 5, 30))]
    (event,) = merge_mentions(ms, [], S)
    (again,) = merge_mentions(ms[1:], [event], S)
    assert again.num_mentions == 1
    assert again.event_id == merge_mentions(ms[1:], [], S)[0].event_id  # what coding it afresh gives


def test_exact_duplicate_mentions_count_once():
    m = mention(start=100, day=D(2023, 5, 30))
    (event,) = merge_mentions([m, m], [], S)
    assert event.num_mentions == 1


# -- copies of one story ---------------------------------------------------------------------------------
def test_copies_of_one_story_merge_as_one_article_would():
    undated = mention(article="wire", start=0, cameo="112")
    half = mention(article="wire", start=300, tgt=None, day=D(2023, 5, 30))
    first = merge_mentions([undated, half], [], S)
    copies = [dataclasses.replace(undated, article_id="copy"), dataclasses.replace(half, article_id="copy")]
    joined = merge_mentions(copies, first, S, stories={"copy": "wire"})
    assert len(joined) == len(first) and all(e.num_articles == 2 for e in joined)
    # "copy" sorts before "wire" (same day): the events are those of coding both copies at once
    at_once = cluster_mentions([undated, half, *copies], S, stories={"copy": "wire"})
    assert {e.event_id for e in joined} == {e.event_id for e in at_once}
    apart = merge_mentions(copies, first, S)  # not known to be copies: undated and half-known stay apart
    assert not {e.event_id for e in apart} & {e.event_id for e in first}


def test_a_sentence_repeated_by_a_copy_joins_its_event_whatever_its_date():
    (first,) = merge_mentions([mention(article="wire", day=D(2023, 5, 30), basis="publication")], [], S)
    later = mention(article="copy", day=D(2023, 6, 20), basis="publication", published=D(2023, 6, 20))
    (event,) = merge_mentions([later], [first], S, stories={"copy": "wire"})
    assert event.event_id == first.event_id and event.num_articles == 2
    assert merge_mentions([later], [first], S)[0].event_id != first.event_id


# -- order and partition ----------------------------------------------------------------------------------
def _corpus() -> list[EventMention]:
    """Mentions of a few events over eight articles: visits in two months, a year, copies, a dispute."""
    ms = []
    for i in range(8):
        published = D(2023, 6, 1) + dt.timedelta(days=i)
        art = f"a{i}"
        ms += [mention(article=art, start=0, day=D(2023, 5, 28 + i % 3), published=published),
               mention(article=art, start=200, cameo="043", src="IRN", tgt="TJK", day=D(2023, 5, 29),
                       published=published),
               mention(article=art, start=400, day=D(2023, 3, 1) + dt.timedelta(days=i), published=published),
               mention(article=art, start=600, cameo="112", src="UZB", tgt="TJK", published=published),
               mention(article=art, start=800, tgt=None, day=D(2023, 5, 30), published=published),
               mention(article=art, start=900, day=D(2023, 1, 1), end=D(2023, 12, 31), precision="year",
                       published=published)]
    return ms


def _signature(events):
    return sorted((e.event_id, e.num_mentions, e.num_articles, tuple(sorted(mention_id(m) for m in e.mentions)))
                  for e in events)


def test_any_order_gives_the_same_events():
    ms = _corpus()
    expected = _signature(cluster_mentions(ms, S))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert _signature(cluster_mentions(shuffled, S)) == expected


def test_merging_partitions_one_after_another_gives_the_same_events_as_all_at_once():
    ms = _corpus()
    expected = _signature(cluster_mentions(ms, S))
    rng = random.Random(11)
    for parts in (2, 3, 8):
        articles = sorted({m.article_id for m in ms})
        rng.shuffle(articles)
        events: dict[str, Event] = {}
        for k in range(parts):
            chunk = set(articles[k::parts])
            returned = merge_mentions([m for m in ms if m.article_id in chunk], list(events.values()), S)
            moved = {mention_id(m) for e in returned for m in e.mentions}
            for eid, e in list(events.items()):  # as the store does: a mention lives in one event
                left = tuple(m for m in e.mentions if mention_id(m) not in moved)
                if left:
                    events[eid] = dataclasses.replace(e, mentions=left)
                else:
                    del events[eid]
            events.update({e.event_id: e for e in returned})
        assert _signature(events.values()) == expected


def test_block_key_is_the_unordered_dyad_and_root():
    assert block_key(mention(src="TJK", tgt="IRN", cameo="042")) == block_key(mention(src="IRN", tgt="TJK",
                                                                                      cameo="043")) == "IRN|TJK|04"
    assert block_key(mention(tgt=None)) is None
