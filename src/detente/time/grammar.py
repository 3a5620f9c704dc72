"""Time expressions: find them in text.

``find_timexes(text, date_spans=())`` returns every time expression of a text with its character
span, the preposition that governs it (``kind``) and a resolver (see ``windows``).

Kinds: ``at`` (in/on/during X, or no preposition), ``since`` / ``after`` (an open period from X),
``until`` (a period that ends at X), ``before`` (some time before X: not datable), and
``mention`` for a known anchor event named without a temporal preposition.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

import yaml

from ..errors import DataFileError
from ..wordlists import number_words, word_map, word_set
from .windows import (Direction, Resolver, Window, month_window, r_ago, r_anchor, r_day, r_days, r_decade,
                      r_fixed, r_month, r_relday, r_relunit, r_season, r_span, r_weekday, r_weekweek, r_year,
                      safe_date, year_window)


@dataclass(frozen=True)
class Timex:
    """One time expression: character span, words, governing preposition kind, resolver."""

    start: int
    end: int
    text: str
    kind: str
    resolver: Resolver
    anchor: bool = False  # a known event from anchors.yaml, not a calendar expression

    def resolve(self, published: dt.date | None, direction: Direction = "nearest") -> Window | None:
        return self.resolver(published, direction)


_MONTHS = word_map("time", "months")
_WEEKDAYS = word_map("time", "weekdays")
_NUMBERS = {**number_words(), "a": 1, "an": 1}
_VAGUE = {k: tuple(v) for k, v in word_map("time", "vague_counts").items()}
_PARTS = word_map("time", "period_parts")


def _month_re(g: str) -> str:
    return (rf"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|"
            rf"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.(?=\s))?)(?![A-Za-z])")


def _day_re(g: str) -> str:
    return rf"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


def _year_re(g: str) -> str:
    return rf"(?<![\d,.$€£#/])(?P<{g}>1[6-9]\d\d|20\d\d)(?![\d%]|\s*(?:km|kilomet|mile|people|troops|\$))"


_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?i:(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+)"
_NUM = r"(?P<n>\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    ("days", rf"{_day_re('day1')}\s*(?:-|–|to|and)\s*{_day_re('day')}\s+(?:of\s+)?{_month_re('mon')}"
             rf"(?:,?\s+{_year_re('year')})?"),
    ("mdays", rf"{_month_re('mon')}\s+{_day_re('day1')}\s*(?:-|–)\s*{_day_re('day')}(?:,?\s+{_year_re('year')})?"),
    ("dmy", rf"(?:{_WD},?\s+)?(?:the\s+)?{_day_re('day')}\s+(?:of\s+)?{_month_re('mon')}(?:,?\s+{_year_re('year')})?"),
    ("mdy", rf"(?:{_WD},?\s+)?{_month_re('mon')}\s+{_day_re('day')}(?:,?\s+{_year_re('year')})?"),
    ("monthrel", rf"{_PART}?{_month_re('mon')}\s+(?i:(?P<rel>last|this|next))\s+(?i:year)\b"),
    ("month", rf"{_PART}?{_month_re('mon')}(?:,?\s+(?:of\s+)?{_year_re('year')})?"),
    ("season", rf"(?i:(?P<part>early|mid|late)[\s-]+)?(?i:(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
               rf"(?:\s+of)?)\s+{_year_re('year')}"),
    ("half", rf"(?i:the\s+(?P<ord>first|second|third|fourth|last)\s+(?P<unit>half|quarter)\s+of)\s+{_year_re('year')}"),
    ("decade", r"(?i:(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?)(?P<dec>(?:1[6-9]|20)\d0)'?s(?![A-Za-z])"),
    ("years", rf"(?i:between)\s+{_year_re('year')}\s+(?i:and)\s+{_year_re('year2')}"),
    ("years", rf"(?i:from)\s+{_year_re('year')}\s+(?i:to|until|till|through)\s+{_year_re('year2')}"),
    ("years", rf"{_year_re('year')}\s*[-–/]\s*(?P<year2>(?:1[6-9]|20)?\d\d)(?![\d%])"),
    ("year", rf"{_PART}?{_year_re('year')}"),
    ("relday", r"(?i)\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|"
               r"this\s+(?:morning|afternoon|evening)|earlier\s+today)\b"),
    ("weekweek", rf"{_WD}(?:\s+(?:and|or|to)\s+(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
                 r"(?:\s+(?i:of))?\s+(?i:(?P<rel>next|this|last))\s+(?i:week)\b"),
    ("weekday", rf"(?:(?i:(?P<rel>last|this|next|past))\s+)?{_WD}"
                r"(?:\s+(?i:morning|afternoon|evening|night))?(?![A-Za-z])"),
    ("span", rf"(?i)\b(?:the\s+)?(?P<rel>past|last|previous|coming|next)\s+{_NUM}\s+"
             r"(?P<unit>days|weeks|months|years|decades)\b"),
    ("relunit", r"(?i)\b(?:(?P<part>(?:at|by|towards?|in)\s+the\s+(?:end|beginning|start|middle)\s+of|early|"
                r"late|mid-?|earlier|later)\s*)?(?P<the>the\s+|this\s+)?(?P<rel>last|this|next|past|previous|coming)"
                r"\s+(?P<unit>week(?:end)?|month|year|decade|spring|summer|autumn|fall|winter)\b"),
    ("partof", r"(?i)\b(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+the\s+(?P<unit>week|month|year)\b"),
    ("ago", rf"(?i)\b{_NUM}\s+{_UNIT}\s+ago\b"),
)


def _at_word_start(rx: str) -> re.Pattern[str]:
    """Compile a pattern that can only start where a word starts (much faster to scan)."""
    body = f"(?i:{rx[4:]})" if rx.startswith("(?i)") else f"(?:{rx})"
    return re.compile(rf"(?<![\w']){body}")


_COMPILED = tuple((name, _at_word_start(rx)) for name, rx in _PATTERNS)
_PREP = re.compile(
    r"(?i)\b(?P<prep>since|until|till|up\s+(?:to|until)|by|after|following|before|prior\s+to|from|during|in|on|"
    r"at|over|throughout|through|as\s+of|within|around|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of|under|"
    r"amid|of)\s+(?:the\s+)?$")
_KINDS = word_map("time", "prep_kinds")
_BLOCK_BEFORE = re.compile(r"(?i)(?:resolution|no\.?|number|article|flight|route|model|#|\$|€|£)\s*$")
_NUMERIC_DATE = re.compile(r"(?<![\d/])\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?![\d/])")
_TEMPORAL_PREP = word_set("time", "temporal_preps")

# What every match of a pattern contains, so that a text without it need not be scanned (a scan tries
# the pattern at every character): per pattern, in the order of ``_PATTERNS``, needles of which the
# text must have one. A needle is a regex for a part of the pattern that every match contains,
# written so that the regex engine finds it quickly (it starts with a literal or a set of
# characters), searched in the text as it is (the pattern reads that part case-sensitively) or
# lower-cased (the pattern reads it case-insensitively: its letters are written in lower case here).
# The lower-cased text holds what the pattern read when no character of the text matches an ASCII
# letter only case-insensitively (``_CASE_TRAPS``); with one, every pattern is run.
_Needle = tuple[bool, re.Pattern[str]]  # (searched in the lower-cased text, regex)


def _cased(rx: str) -> _Needle:
    return False, re.compile(rx)


def _lower(rx: str) -> _Needle:
    return True, re.compile(rx)


_MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"  # begins every month name and abbreviation
_YEAR = r"(?:1[6-9]|20)\d\d"
_DAY_MONTH = _cased(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}")  # a day's last digit may be any digit ([12]\d)
_MONTH_DAY = _cased(rf"{_MON}[a-z]*\.?\s+[0-9]")
_NUM_WORDS = r"(?:\d|a\s+few|a\s+couple|couple|few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WEEKDAY = _cased("(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_NEEDS: tuple[tuple[_Needle, ...], ...] = (
    (_cased(r"\d-[01]\d-[0-3]\d"),),  # iso
    (_DAY_MONTH,),  # days: "10-12 May"
    (_MONTH_DAY,),  # mdays: "May 10-12"
    (_DAY_MONTH,),  # dmy
    (_MONTH_DAY,),  # mdy
    (_lower(r"(?:last|this|next)\s+year"),),  # monthrel: "May last year"
    (_cased(_MON),),  # month
    (_lower(rf"(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_YEAR}"),),  # season
    (_lower(rf"(?:half|quarter)\s+of\s+{_YEAR}"),),  # half
    (_cased("0'?s"),),  # decade: "1990s", "2010's"
    (_lower(rf"between\s+{_YEAR}"),),  # years: "between 2001 and 2003"
    (_lower(rf"from\s+{_YEAR}"),),  # years: "from 2001 to 2003"
    (_cased(rf"{_YEAR}\s*[-–/]"),),  # years: "2014-15"
    (_cased(_YEAR),),  # year
    (_lower("yesterday|today|night|tomorrow|morning|afternoon|evening"),),  # relday
    (_lower(r"(?:next|this|last)\s+week"),),  # weekweek: "Monday next week" (and a weekday)
    (_WEEKDAY,),  # weekday
    (_lower(rf"(?:past|last|previous|coming|next)\s+{_NUM_WORDS}"),),  # span: "the past three months"
    (_lower(r"(?:last|this|next|past|previous|coming)\s+(?:week|month|year|decade|spring|summer|autumn|fall|winter)"),),  # relunit
    (_lower(r"(?:end|beginning|start|middle)\s+of\s+the\s+(?:week|month|year)"),),  # partof
    (_lower(r"(?:day|week|month|year|decade)s?\s+ago"),),  # ago
)
assert len(_NEEDS) == len(_PATTERNS)
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K: match i, s, k case-insensitively
# the words a pattern matched with one of them ("thıs" for "this", a Turkish dotless i) read as the
# ASCII words the tables of ``_build`` are keyed by
_ASCII_FOLD = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def _scanned(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that may match ``text`` (the others would find nothing in it)."""
    if _CASE_TRAPS.search(text):
        return list(_COMPILED)
    low = text.lower()
    found: dict[_Needle, bool] = {}

    def has(needle: _Needle) -> bool:
        if needle not in found:
            found[needle] = needle[1].search(low if needle[0] else text) is not None
        return found[needle]

    return [pattern for pattern, needles in zip(_COMPILED, _NEEDS) if any(has(n) for n in needles)]


def _num(text: str) -> tuple[int, int]:
    text = " ".join(text.lower().split())
    if text in _VAGUE:
        return _VAGUE[text]
    n = int(text) if text.isdigit() else _NUMBERS.get(text, 1)
    return n, n


def _part(text: str | None) -> str | None:
    if not text:
        return None
    words = " ".join(text.lower().replace("-", " ").split())
    for prefix in ("at the ", "by the ", "towards the ", "toward the ", "in the ", "the "):
        if words.startswith(prefix):
            words = words[len(prefix):]
    return _PARTS.get(words.strip())


def _build(name: str, m: re.Match[str]) -> Resolver | None:
    g = {k: v.translate(_ASCII_FOLD) if v else v for k, v in m.groupdict().items()}
    year = int(g["year"]) if g.get("year") else None
    if name == "iso":
        d = safe_date(year or 0, int(g["m"]), int(g["d"])) if year else None
        return partial(r_fixed, Window(d, d)) if d else None
    if name in ("days", "mdays"):
        mon = _MONTHS[g["mon"].lower().rstrip(".")]
        return partial(r_days, year, mon, int(g["day1"]), mon, int(g["day"]))
    if name in ("dmy", "mdy"):
        wd = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        return partial(r_day, year, _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), wd)
    if name == "monthrel":
        return partial(r_month, None, _MONTHS[g["mon"].lower().rstrip(".")], _part(g.get("part")),
                       year_offset={"last": -1, "this": 0, "next": 1}[g["rel"].lower()])
    if name == "month":
        return partial(r_month, year, _MONTHS[g["mon"].lower().rstrip(".")], _part(g.get("part")))
    if name == "season":
        return partial(r_season, year, g["season"].lower(), None)
    if name == "half" and year is not None:  # the patterns below require a year
        index = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[g["ord"].lower()]
        if g["unit"].lower() == "half":
            index = min(index, 2)
            return partial(r_year, year, f"h{index}")
        return partial(r_year, year, f"q{index}")
    if name == "decade":
        return partial(r_decade, int(g["dec"]), (g.get("part") or "").lower() or None)
    if name == "years":
        y2 = g["year2"]
        if year is None:
            return None
        last = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)
        if last < year:
            return None
        return partial(r_fixed, Window(dt.date(year, 1, 1), dt.date(last, 12, 31)))
    if name == "year" and year is not None:
        return partial(r_year, year, _part(g.get("part")))
    if name == "relday":
        rel = " ".join(g["rel"].lower().split())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(rel, 0)
        return partial(r_relday, offset)
    if name == "weekday":
        return partial(r_weekday, _WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower() or None)
    if name == "weekweek":
        first = _WEEKDAYS[g["wd"].lower()]
        last = _WEEKDAYS[g["wd2"].lower()] if g.get("wd2") else first
        return partial(r_weekweek, first, max(first, last), {"last": -1, "this": 0, "next": 1}[g["rel"].lower()])
    if name == "span":
        rel = g["rel"].lower()
        return partial(r_span, g["unit"].lower().rstrip("s"), _num(g["n"])[1],
                       1 if rel in ("coming", "next") else -1)
    if name == "partof":  # "since the beginning of the year": of the current one
        return partial(r_relunit, g["unit"].lower(), 0, _part(g["part"] + " of"))
    if name == "relunit":
        return _build_relunit(g)
    if name == "ago":
        lo, hi = _num(g["n"])
        return partial(r_ago, g["unit"].lower().rstrip("s"), lo, hi)
    return None


def _build_relunit(g: dict[str, str | None]) -> Resolver:
    rel = (g["rel"] or "").lower()
    unit = (g["unit"] or "").lower()
    the = (g.get("the") or "").strip().lower()
    part = _part(g.get("part"))
    if rel == "past" or (the in ("the", "this") and rel in ("last", "previous")):
        if unit in ("week", "month", "year", "decade") and part is None:
            return partial(r_span, unit, 1, -1)  # "the past month": a span back from publication
    offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
    return partial(r_relunit, unit, offset, part)


def _needs_context(name: str, m: re.Match[str]) -> bool:
    """Bare years and months are time expressions only after a temporal preposition or modifier."""
    g = m.groupdict()
    if name == "year":
        return not g.get("part")
    if name == "monthrel":  # "last May" (this returned a truthy partial before; kept: needs context)
        return True
    if name == "month":
        return not g.get("year") and not g.get("part")
    if name == "weekday":
        return not g.get("rel")
    return False


@dataclass(frozen=True)
class Anchor:
    """A well-known event from anchors.yaml: when it happened (or began and ended) and its names."""

    name: str
    start: Window
    end: Window | None
    open_end: bool
    patterns: tuple[str, ...]


@lru_cache(maxsize=1)
def load_anchors() -> tuple[Anchor, ...]:
    """The packaged anchor events, validated."""
    path = "detente/data/anchors.yaml"
    try:
        data = yaml.safe_load(resources.files("detente").joinpath("data/anchors.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, f"cannot read: {exc}") from exc
    out = []
    for item in (data or {}).get("anchors") or ():
        try:
            start = _anchor_window(item["start"])
            open_end = "end" in item and item["end"] is None
            end = _anchor_window(item["end"]) if item.get("end") else None
            phrases = tuple(" ".join(str(p).lower().split()) for p in item["patterns"])
            name = str(item["name"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(path, f"bad anchor {item!r}: {exc}") from exc
        if end is not None and end.end < start.start:
            raise DataFileError(path, f"anchor {name!r} ends before it starts")
        if not phrases:
            raise DataFileError(path, f"anchor {name!r} has no patterns")
        out.append(Anchor(name, start, end, open_end, phrases))
    return tuple(out)


@lru_cache(maxsize=1)
def _anchor_matcher() -> tuple[re.Pattern[str], dict[str, Anchor]]:
    """One regex for every anchor phrase, and the anchor of each phrase."""
    by_phrase = {p: a for a in load_anchors() for p in a.patterns}
    return re.compile(rf"(?i)\b(?:the\s+)?(?P<phrase>{_trie([p.split() for p in by_phrase])})(?![\w-])"), by_phrase


@lru_cache(maxsize=1)
def _anchor_words() -> tuple[tuple[str, ...], ...] | None:
    """The words of each anchor phrase, longest first, which a text naming it contains (lower-cased);
    None when a word is not ASCII (a case-insensitive match might not show in the lower-cased text)."""
    phrases = [sorted(set(phrase.split()), key=lambda w: (-len(w), w)) for phrase in _anchor_matcher()[1]]
    if not all(w.isascii() for words in phrases for w in words):
        return None
    return tuple(sorted(tuple(words) for words in phrases))


def _may_name_anchor(text: str) -> bool:
    """Whether ``text`` may name an anchor event: it has every word of one (see ``_scanned``)."""
    phrases = _anchor_words()
    if phrases is None or _CASE_TRAPS.search(text):
        return True
    low = text.lower()
    return any(all(w in low for w in words) for words in phrases)


@lru_cache(maxsize=1)
def _anchor_firsts() -> tuple[str, ...]:
    """The first word of every anchor phrase (where a match of ``_anchor_matcher`` begins, after an
    optional "the")."""
    return tuple(sorted({phrase.split()[0] for phrase in _anchor_matcher()[1]}))


def _anchor_matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for the anchor matcher, tried only where a match may begin: at a first
    word of a phrase, or at the "the" before it (found in the lower-cased text, which holds what
    the case-blind pattern reads when ``_may_name_anchor`` looked there), instead of at every
    character; the same matches, as ``finditer`` takes the leftmost and goes on from its end."""
    if not _may_name_anchor(text):
        return
    if _anchor_words() is None or _CASE_TRAPS.search(text):
        yield from rx.finditer(text)
        return
    low = text.lower()
    starts: set[int] = set()
    for word in _anchor_firsts():
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            k = at
            while k > 0 and low[k - 1].isspace():  # ``\s`` reads what ``str.isspace`` does
                k -= 1
            if k < at and low.endswith("the", 0, k):
                starts.add(k - 3)
            at = low.find(word, at + 1)
    end = 0
    for pos in sorted(starts):
        if pos < end:
            continue
        m = rx.match(text, pos)  # (its look-behind and word boundary read the text before ``pos``)
        if m is not None:
            end = m.end()
            yield m


def _trie(phrases: list[list[str]]) -> str:
    """An alternation of (non-empty) word sequences, joined by white space, that matches what their
    plain alternation, longest first, matches, and the same phrase where several could: after a
    word the longer next words are tried first and the end of a phrase last (two phrases that both
    match at one place either extend one another or part at a word that one of them ends on before
    punctuation: the longer is tried first either way). Phrases sharing their first words are
    tried once for those words, not once each."""
    nexts: dict[str, list[list[str]]] = {}
    for words in phrases:
        nexts.setdefault(words[0], []).append(words[1:])
    branches = []
    for word, rests in sorted(nexts.items(), key=lambda item: -len(item[0])):
        longer = [rest for rest in rests if rest]
        tail = rf"\s+{_trie(longer)}" if longer else ""
        branches.append(re.escape(word) + (tail if len(longer) == len(rests) else rf"(?:{tail})?"))
    return "(?:" + "|".join(branches) + ")"


def _anchor_window(value: object) -> Window:
    if isinstance(value, dt.date):
        return Window(value, value)
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return year_window(parts[0], None)
    if len(parts) == 2:
        return month_window(parts[0], parts[1], None)
    d = dt.date(*parts)
    return Window(d, d)


def find_timexes(text: str, date_spans: Iterable[tuple[int, int]] = ()) -> list[Timex]:
    """All time expressions of ``text``, in order, without overlaps (longest match wins).

    ``date_spans`` are character spans a statistical tagger labelled DATE: a bare year inside one
    counts even without a preposition.
    """
    spans = list(date_spans)
    found: list[tuple[int, int, Resolver, bool]] = []
    for name, rx in _scanned(text):
        for m in rx.finditer(text):
            if _BLOCK_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue
            resolver = _build(name, m)
            if resolver is None:
                continue
            if _needs_context(name, m) and not _has_context(text, m.start(), m.end(), spans):
                continue
            found.append((m.start(), m.end(), resolver, False))
    rx, by_phrase = _anchor_matcher()
    for m in _anchor_matches(rx, text):
        anchor = by_phrase[" ".join(m.group("phrase").translate(_ASCII_FOLD).lower().split())]
        found.append((m.start(), m.end(), partial(r_anchor, anchor.start, anchor.end, anchor.open_end), True))
    chosen: list[tuple[int, int, Resolver, bool]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return [_with_prep(text, s, e, r, a) for s, e, r, a in sorted(chosen, key=lambda c: c[0])]


def _has_context(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if any(s <= start and end <= e for s, e in spans):
        return True
    m = _PREP.search(text, max(0, start - 24), start)
    return bool(m and m.group("prep").translate(_ASCII_FOLD).lower() in _TEMPORAL_PREP | {"in", "on", "during"})


def _with_prep(text: str, start: int, end: int, resolver: Resolver, anchor: bool) -> Timex:
    m = _PREP.search(text, max(0, start - 24), start)
    kind = "mention" if anchor else "at"
    if m:
        prep = " ".join(m.group("prep").translate(_ASCII_FOLD).lower().split())
        kind = _KINDS.get(prep, "at")
        if anchor and prep == "of":
            kind = "mention"
        else:
            start = m.start()
    return Timex(start, end, text[start:end], kind, resolver, anchor)


def parse_fallback(text: str, published: dt.date | None) -> Window | None:
    """Resolve an expression the grammar does not know (e.g. "17.05.2023") with dateparser."""
    if published is None or not _NUMERIC_DATE.search(text):
        return None  # ages ("Mohammed, 40,"), scores and counts are not dates
    from ..dates import dateparser_date

    found = dateparser_date(text, relative_to=published)
    if found is None:
        return None
    day, period = found
    if period == "month":
        return month_window(day.year, day.month, None)
    if period == "year":
        return year_window(day.year, None)
    return Window(day, day)
