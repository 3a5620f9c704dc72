"""Time expressions: what the grammar finds (and leaves alone), resolution, the anchor data file."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.time.grammar import find_timexes, load_anchors
from detente.time.windows import precision_of

D = dt.date


def found(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in find_timexes(text)]


@pytest.mark.parametrize("text", [
    "One agreement may come soon.",          # the modal, not the month
    "under UN Security Council Resolution 2231",
    "the 1,344-kilometre border",
    "The Sunday Times reported the talks.",  # a newspaper, not a day
    "Rebels march on the capital.",
    "The army has 2020 troops there.",
])
def test_not_time_expressions(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("talks resumed in December 2015", [("in December 2015", "at")]),
    ("ties were frosty until 2020", [("until 2020", "until")]),
    ("trade has grown since 2013", [("since 2013", "since")]),
    ("the embassy closed before 2001", [("before 2001", "before")]),
    ("following the collapse of the Soviet Union", [("following the collapse of the Soviet Union", "after")]),
    ("the collapse of the Soviet Union changed the region", [("the collapse of the Soviet Union", "mention")]),
])
def test_governing_preposition_sets_the_kind(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, direction, start, end", [
    ("in mid-2019", "past", D(2019, 5, 1), D(2019, 8, 31)),
    ("the first half of 2019", "past", D(2019, 1, 1), D(2019, 6, 30)),
    ("between 2015 and 2019", "past", D(2015, 1, 1), D(2019, 12, 31)),
    ("the late 1990s", "past", D(1997, 1, 1), D(1999, 12, 31)),
    ("30-31 May", "past", D(2023, 5, 30), D(2023, 5, 31)),
    ("a few days ago", "past", D(2023, 6, 1), D(2023, 6, 3)),
    ("next week", "future", D(2023, 6, 12), D(2023, 6, 18)),
    ("last summer", "past", D(2022, 6, 1), D(2022, 8, 31)),
    ("in March", "past", D(2023, 3, 1), D(2023, 3, 31)),
    ("in September", "past", D(2022, 9, 1), D(2022, 9, 30)),
    ("in September", "future", D(2023, 9, 1), D(2023, 9, 30)),
])
def test_resolution_relative_to_publication(text, direction, start, end):
    (tx,) = find_timexes(text)
    w = tx.resolve(D(2023, 6, 5), direction)
    assert (w.start, w.end) == (start, end)


def test_relative_expression_needs_a_publication_date():
    (tx,) = find_timexes("last week")
    assert tx.resolve(None, "past") is None
    (tx,) = find_timexes("in 2019")
    assert tx.resolve(None, "past").start == D(2019, 1, 1)


def test_precision_follows_the_window_length():
    assert precision_of(D(2023, 5, 30), D(2023, 5, 31)) == "day"
    assert precision_of(D(2023, 5, 1), D(2023, 5, 31)) == "month"
    assert precision_of(D(2019, 1, 1), D(2019, 12, 31)) == "year"
    assert precision_of(D(1990, 1, 1), D(1999, 12, 31)) == "decade"


def test_anchor_file_is_valid():
    anchors = load_anchors()
    assert len(anchors) >= 10
    names = [a.name for a in anchors]
    assert len(names) == len(set(names))
    phrases = [p for a in anchors for p in a.patterns]
    assert len(phrases) == len(set(phrases)), "a phrase names one event only"
    for a in anchors:
        assert a.start.start <= a.start.end, a.name
        assert a.end is None or a.start.start <= a.end.end, a.name
        assert not (a.open_end and a.end is not None), a.name
        assert a.start.start <= D(2024, 1, 1), a.name
        assert all(p == p.lower().strip() for p in a.patterns), a.name


def test_weekdays_of_another_week():
    (tx,) = find_timexes("talks in Vienna on Thursday and Friday next week")
    w = tx.resolve(D(2018, 1, 17), "nearest")
    assert (w.start, w.end) == (D(2018, 1, 25), D(2018, 1, 26))


def test_without_a_tense_the_past_is_preferred():
    (tx,) = find_timexes("the occupation of the town in March")
    assert tx.resolve(D(2018, 12, 30), "nearest").start == D(2018, 3, 1)
    (tx,) = find_timexes("talks in January")
    assert tx.resolve(D(2018, 12, 14), "nearest").start == D(2019, 1, 1)


def test_month_of_last_year():
    (tx,) = find_timexes("In October last year, the committee met.")
    w = tx.resolve(D(2017, 10, 12), "past")
    assert (w.start, w.end) == (D(2016, 10, 1), D(2016, 10, 31))


def test_last_week_said_at_the_weekend_reaches_the_day_before():
    (tx,) = find_timexes("a clash last week")
    w = tx.resolve(D(2018, 2, 10), "past")  # a Saturday
    assert (w.start, w.end) == (D(2018, 1, 29), D(2018, 2, 9))
    assert tx.resolve(D(2018, 2, 7), "past").end == D(2018, 2, 4)  # a Wednesday: the week before


def test_part_of_the_current_year():
    (tx,) = find_timexes("killed since the beginning of the year")
    w = tx.resolve(D(2019, 3, 14), "past")
    assert (w.start, w.end) == (D(2019, 1, 1), D(2019, 4, 30))
    assert tx.kind == "since"
