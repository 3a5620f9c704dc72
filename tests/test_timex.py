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


def test_the_anchor_trie_matches_what_the_plain_alternation_matches():
    """``_trie`` (phrases sharing first words tried once) finds the same phrases at the same
    places as the alternation of every phrase, longest first: phrases extending one another,
    words one of which ends another phrase before punctuation, spacing, case, "the"."""
    import random
    import re

    from detente.time.grammar import _anchor_matcher, _trie

    def both(phrases: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        plain = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
        trie = _trie([p.split() for p in phrases])
        return tuple(re.compile(rf"(?i)\b(?:the\s+)?(?P<phrase>{body})(?![\w-])") for body in (plain, trie))

    made = ["gulf war", "gulf war ii", "gulf wars", "u.s", "u.s. invasion", "u.s. invasion of iraq", "fall of kabul",
            "fall", "the fall of saigon", "iraq war"]
    shipped = list(_anchor_matcher()[1])
    rng = random.Random(5)
    for phrases in (made, shipped):
        plain, trie = both(phrases)
        for _ in range(500):
            parts = []
            for _ in range(rng.randint(1, 5)):
                words = rng.choice(phrases).split()
                words = words[:rng.randint(1, len(words))] if rng.random() < 0.3 else words
                text = rng.choice([" ", "  ", "\n"]).join(words)
                text = text.title() if rng.random() < 0.4 else text
                parts.append(rng.choice(["", "the ", "The  ", "x"]) + text + rng.choice(["", ".", "'s", "-x", "s", ","]))
            text = " ".join(parts)
            assert [(m.span(), m.group("phrase")) for m in plain.finditer(text)] == \
                [(m.span(), m.group("phrase")) for m in trie.finditer(text)], text
    plain, trie = both(made)
    assert trie.search("after the Gulf War II.").group("phrase") == "Gulf War II"
    assert trie.search("the U.S. troops").group("phrase") == "U.S"


def _timexes(text):
    try:
        return [(t.start, t.end, t.text, t.kind, t.anchor, t.resolver.func, t.resolver.args, t.resolver.keywords)
                for t in find_timexes(text)]
    except KeyError as exc:  # "thıs year": the dotless i reads as "this", and no table knows "thıs"
        return repr(exc)


def _every_pattern(monkeypatch, text):
    """``find_timexes`` with every pattern run over the whole text (no needle consulted, the anchor
    phrases tried at every character)."""
    from detente.time import grammar

    with monkeypatch.context() as m:
        m.setattr(grammar, "_scanned", lambda text: list(grammar._COMPILED))
        m.setattr(grammar, "_anchor_matches", lambda rx, text: rx.finditer(text))  # at every character
        return _timexes(text)


def test_a_pattern_is_skipped_only_where_it_finds_nothing(monkeypatch):
    """The needles only spare scans: random texts of the patterns' pieces, in every case and with
    the letters that match ASCII ones only case-insensitively, give what running every pattern gives."""
    import random

    pieces = ["May", "MAY", "may", "Sept.", "September", "SEPT", "Jan", "june", "12th", "3", "31st", "2014", "1990s",
              "2010's", "2014-15", "2001/02", "1998–99", "2023-05-17", "-", "–", "/", "of", "OF", "the", "The", "last",
              "LAST", "Last", "this", "next", "past", "coming", "previous", "week", "WEEK", "weekend", "month", "year",
              "YEARS", "years", "decade", "days", "ago", "AGO", "a", "few", "couple", "several", "three", "twelve",
              "yesterday", "Today", "TONIGHT", "night", "morning", "evening", "Monday", "FRIDAY", "Sunday", "spring",
              "Summer", "autumn", "fall", "WINTER", "half", "quarter", "first", "between", "Between", "from", "FROM",
              "to", "and", "until", "end", "Beginning", "middle", "start", "since", "in", "on", "early", "mid", "late",
              "\u017fpring", "wee\u212a", "\u0130n", "th\u0131s", "annexation", "Crimea", "SOVIET", "union", "collapse",
              "9/11", "attacks", "Brexit", "vote", "invasion", "Kuwait", "u.s.-led", "Iraq", "ſeptember", ",", ".",
              "\n", "\n\n", "  ", "Resolution", "#", "no."]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice((" ", " ", "", "\n", "  ")) for _ in range(rng.randint(1, 14)))
        assert _timexes(text) == _every_pattern(monkeypatch, text), text
    for example in _EXAMPLES:  # each pattern's expressions, alone and among others
        for text in (example, f"He said {example}.", example.upper(), example.lower(),
                     f"{rng.choice(_EXAMPLES)}, and {example} or {rng.choice(_EXAMPLES)}"):
            got = _timexes(text)
            assert got == _every_pattern(monkeypatch, text), text
            assert got or text != example, text  # each example is an expression


_EXAMPLES = [
    "2023-05-17", "10-12 May 2021", "3 to 5 of September", "May 10-12, 2021", "Sept. 3–5", "Monday, 17 May 2023",
    "the 3rd of June", "May 17, 2023", "Sept. 3", "in May last year", "in early March this year", "May 2021",
    "in late September", "spring 2020", "the summer of 1999", "late winter 2018", "the first half of 2019",
    "the last quarter of 2020", "the 1990s", "the early 2010's", "between 2001 and 2003", "from 1990 to 1995",
    "2014-15", "in 2014", "yesterday", "this morning", "earlier today", "the day before yesterday", "last night",
    "Monday next week", "Friday of last week", "on Monday", "last Friday", "the past three months",
    "the next few days", "the last 10 years", "last week", "this year", "by the end of next month",
    "the coming weekend", "the end of the week", "since the beginning of the year", "three days ago",
    "a few weeks ago", "2 years ago", "a decade ago", "the collapse of the Soviet Union", "the 9/11 attacks",
    "Russia's annexation of Crimea", "the US-led invasion of Iraq",
]


def test_the_case_traps_are_every_letter_that_matches_an_ascii_one_only_case_insensitively():
    import re
    import sys

    from detente.time.grammar import _CASE_TRAPS

    ascii_alnum = re.compile("(?i)[a-z0-9]")
    traps = {chr(c) for c in range(128, sys.maxunicode + 1) if ascii_alnum.fullmatch(chr(c))}
    assert traps == set(_CASE_TRAPS.pattern.strip("[]"))
    assert all(len(ch.lower()) == 1 for ch in map(chr, range(sys.maxunicode + 1)) if ch not in traps)


def test_an_expression_matched_through_a_case_trap_resolves_as_its_ascii_words():
    """"thıs year" (a Turkish dotless i) matches the case-blind pattern of "this year": it is read
    as that, as is each trap letter, instead of failing on a word the tables do not know."""
    from detente.time.grammar import _ASCII_FOLD, _CASE_TRAPS

    assert set(_CASE_TRAPS.pattern.strip("[]")) == {chr(c) for c in _ASCII_FOLD}
    published = dt.date(2023, 6, 5)
    for trapped, plain in (("th\u0131s year", "this year"), ("\u0130n May", "In May"),
                           ("last wee\u212a", "last week"), ("\u017fince the beginning of the year",
                                                             "since the beginning of the year")):
        got, want = find_timexes(trapped), find_timexes(plain)
        assert [(t.start, t.end) for t in got] == [(t.start, t.end) for t in want] and want
        assert [t.resolve(published) for t in got] == [t.resolve(published) for t in want]
