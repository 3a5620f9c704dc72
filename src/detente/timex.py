"""Time expressions: find them in text and resolve them to date windows.

``find_timexes(text, date_spans=())`` returns every time expression of a text with its character
span, the preposition that governs it (``kind``) and a resolver. Resolution is relative to the
publication date and, for expressions without a year ("on 17 May", "on Monday"), to the
direction of the clause: ``past`` (the most recent occurrence on or before publication),
``future`` (the next one) or ``nearest``. Nothing here ever reads today's date.

Kinds: ``at`` (in/on/during X, or no preposition), ``since`` / ``after`` (an open period from X),
``until`` (a period that ends at X), ``before`` (some time before X: not datable), and
``mention`` for a known anchor event named without a temporal preposition.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

import yaml

from .errors import DataFileError

Direction = str  # "past" | "future" | "nearest"


@dataclass(frozen=True)
class Window:
    """A closed date window [start, end]; ``open_end`` marks "from start on" periods."""

    start: dt.date
    end: dt.date
    open_end: bool = False

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def precision(self) -> str:
        return precision_of(self.start, self.end)


Resolver = Callable[[dt.date | None, Direction], Window | None]


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


def precision_of(start: dt.date, end: dt.date) -> str:
    """The coarsest unit a window needs: day (<= 3 days), month (<= 62), year (<= 2 years), decade."""
    days = (end - start).days + 1
    if days <= 3:
        return "day"
    if days <= 62:
        return "month"
    if days <= 732:
        return "year"
    return "decade"


# -- calendar helpers ------------------------------------------------------------------------------
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_window(year: int, month: int, part: str | None) -> Window:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "end": (last - 9, last)}.get(
        part or "", (1, last))
    return Window(dt.date(year, month, lo), dt.date(year, month, hi))


def _year_window(year: int, part: str | None) -> Window:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12),
              "h1": (1, 6), "h2": (7, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)
              }.get(part or "", (1, 12))
    return Window(dt.date(year, lo, 1), month_end(year, hi))


def _pick(candidates: Iterable[Window], published: dt.date, direction: Direction) -> Window | None:
    """The occurrence of a year-less expression that fits the clause's direction."""
    cands = list(candidates)
    if direction == "past":
        past = [w for w in cands if w.start <= published]
        return max(past, key=lambda w: w.start) if past else None
    if direction == "future":
        future = [w for w in cands if w.end >= published]
        return min(future, key=lambda w: w.start) if future else None

    def distance(w: Window) -> int:
        if w.start <= published <= w.end:
            return 0
        return min(abs((w.start - published).days), abs((w.end - published).days))

    return min(cands, key=distance) if cands else None


# -- resolvers (pure functions of publication date and direction) ------------------------------------
def _r_fixed(window: Window, published: dt.date | None, direction: Direction) -> Window | None:
    return window


def _r_day(year: int | None, month: int, day: int, weekday: int | None,
           published: dt.date | None, direction: Direction) -> Window | None:
    if year is not None:
        date = _safe_date(year, month, day)
        return Window(date, date) if date else None
    if published is None:
        return None
    years = range(published.year + 1, published.year - 12, -1) if weekday is not None else \
        range(published.year + 1, published.year - 2, -1)
    days = [d for d in (_safe_date(y, month, day) for y in years) if d]
    matching = [d for d in days if weekday is None or d.weekday() == weekday]
    if weekday is not None and not matching:
        matching = days
    return _pick((Window(d, d) for d in matching), published, direction)


def _r_days(year: int | None, month: int, day1: int, month2: int, day2: int,
            published: dt.date | None, direction: Direction) -> Window | None:
    first = _r_day(year, month, day1, None, published, direction)
    if first is None:
        return None
    y2 = first.start.year + (1 if month2 < month else 0)
    last = _safe_date(y2, month2, day2)
    return Window(first.start, last) if last and last >= first.start else None


def _r_month(year: int | None, month: int, part: str | None,
             published: dt.date | None, direction: Direction) -> Window | None:
    if year is not None:
        return _month_window(year, month, part)
    if published is None:
        return None
    return _pick((_month_window(y, month, part) for y in range(published.year - 1, published.year + 2)),
                 published, direction)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def _season_window(year: int, season: str) -> Window:
    lo, hi = _SEASONS[season]
    end = month_end(year + 1, hi - 12) if hi > 12 else month_end(year, hi)
    return Window(dt.date(year, lo, 1), end)


def _r_season(year: int | None, season: str, offset: int | None,
              published: dt.date | None, direction: Direction) -> Window | None:
    if year is not None:
        return _season_window(year, season)
    if published is None:
        return None
    cands = [_season_window(y, season) for y in range(published.year - 2, published.year + 2)]
    if offset is None:
        return _pick(cands, published, direction)
    if offset == 0:
        return _pick(cands, published, "nearest")
    if offset < 0:
        done = [w for w in cands if w.end < published]
        return done[-1] if done else None
    later = [w for w in cands if w.start > published]
    return later[0] if later else None


def _r_year(year: int, part: str | None, published: dt.date | None, direction: Direction) -> Window | None:
    return _year_window(year, part)


def _r_decade(decade: int, part: str | None, published: dt.date | None, direction: Direction) -> Window | None:
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(part or "", (0, 9))
    return Window(dt.date(decade + lo, 1, 1), dt.date(decade + hi, 12, 31))


def _r_relday(offset: int, published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    day = published + dt.timedelta(days=offset)
    return Window(day, day)


def _r_weekday(weekday: int, rel: str | None, published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel in ("last", "past"):
        day = published - dt.timedelta(days=back or 7)
    elif rel == "next":
        day = published + dt.timedelta(days=ahead or 7)
    elif direction == "future":
        day = published + dt.timedelta(days=ahead)
    else:  # news tells of days gone by: without a future tense, the last such day
        day = published - dt.timedelta(days=back)
    return Window(day, day)


def _r_relunit(unit: str, offset: int, part: str | None,
               published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    if unit in _SEASONS:
        return _r_season(None, unit, offset, published, direction)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        lo, hi = {"early": (0, 2), "late": (3, 6), "end": (3, 6), "mid": (2, 4)}.get(part or "", (0, 6))
        win = Window(monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi))
    elif unit == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)  # the last one, or today
        if offset < 0 and published.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)  # "last weekend", said during a weekend
        elif offset > 0 or (offset == 0 and direction != "past" and published.weekday() < 5):
            saturday += dt.timedelta(weeks=1)
        win = Window(saturday, saturday + dt.timedelta(days=1))
    elif unit == "month":
        first = add_months(published.replace(day=1), offset)
        win = _month_window(first.year, first.month, part)
    elif unit == "year":
        win = _year_window(published.year + offset, part)
    else:  # decade
        start = published.year // 10 * 10 + 10 * offset
        win = Window(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    if part == "earlier" and win.start <= published:
        return Window(win.start, min(win.end, published))
    if part == "later" and win.end >= published:
        return Window(max(win.start, published), win.end)
    return win


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(day, n)
    if unit == "year":
        return add_months(day, 12 * n)
    return add_months(day, 120 * n)  # decade


def _r_span(unit: str, n: int, sign: int, published: dt.date | None, direction: Direction) -> Window | None:
    """"the past N units" (sign -1) or "the next N units" (sign +1)."""
    if published is None:
        return None
    other = _shift(published, unit, sign * n)
    return Window(min(other, published), max(other, published))


def _r_ago(unit: str, lo: int, hi: int, published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    if lo != hi:
        return Window(_shift(published, unit, -hi), _shift(published, unit, -lo))
    day = _shift(published, unit, -lo)
    if unit == "day":
        return Window(day, day)
    if unit == "week":
        return Window(day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    if unit == "month":
        return _month_window(day.year, day.month, None)
    if unit == "year":
        return _year_window(day.year, None)
    return Window(dt.date(day.year // 10 * 10, 1, 1), dt.date(day.year // 10 * 10 + 9, 12, 31))


def _r_anchor(start: Window, end: Window | None, open_end: bool,
              published: dt.date | None, direction: Direction) -> Window | None:
    if published is not None and start.start > published:
        return None  # an article cannot refer to an event after its own date
    if open_end:
        return Window(start.start, start.end, open_end=True)
    return Window(start.start, (end or start).end)


# -- finder -----------------------------------------------------------------------------------------
_MONTHS = {name: i for i, names in enumerate(
    ["", "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sept sep", "october oct", "november nov", "december dec"]) for name in names.split()}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1})
_VAGUE = {"few": (2, 4), "a few": (2, 4), "several": (3, 6), "couple of": (2, 3), "a couple of": (2, 3)}
_PARTS = {"early": "early", "beginning of": "early", "start of": "early", "mid": "mid", "middle of": "mid",
          "late": "late", "end of": "end", "earlier": "earlier", "later": "later"}


def _month_re(g: str) -> str:
    return (rf"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|"
            rf"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.(?=\s))?(?![A-Za-z])")


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
    ("weekday", rf"(?:(?i:(?P<rel>last|this|next|past))\s+)?{_WD}"
                r"(?:\s+(?i:morning|afternoon|evening|night))?(?![A-Za-z])"),
    ("span", rf"(?i)\b(?:the\s+)?(?P<rel>past|last|previous|coming|next)\s+{_NUM}\s+"
             r"(?P<unit>days|weeks|months|years|decades)\b"),
    ("relunit", r"(?i)\b(?:(?P<part>(?:at|by|towards?|in)\s+the\s+(?:end|beginning|start|middle)\s+of|early|"
                r"late|mid-?|earlier|later)\s*)?(?P<the>the\s+|this\s+)?(?P<rel>last|this|next|past|previous|coming)"
                r"\s+(?P<unit>week(?:end)?|month|year|decade|spring|summer|autumn|fall|winter)\b"),
    ("ago", rf"(?i)\b{_NUM}\s+{_UNIT}\s+ago\b"),
)
_COMPILED = tuple((name, re.compile(rx)) for name, rx in _PATTERNS)
_PREP = re.compile(
    r"(?i)\b(?P<prep>since|until|till|up\s+(?:to|until)|by|after|following|before|prior\s+to|from|during|in|on|"
    r"at|over|throughout|through|as\s+of|within|around|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of|under|"
    r"amid|of)\s+(?:the\s+)?$")
_KINDS = {"since": "since", "from": "since", "as of": "since", "after": "after", "following": "after",
          "in the wake of": "after", "in the aftermath of": "after", "under": "since", "until": "until",
          "till": "until", "up to": "until", "up until": "until", "by": "until", "before": "before",
          "prior to": "before"}
_BLOCK_BEFORE = re.compile(r"(?i)(?:resolution|no\.?|number|article|flight|route|model|#|\$|€|£)\s*$")
_NUMERIC_DATE = re.compile(r"(?<![\d/])\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?![\d/])")
_TEMPORAL_PREP = {"since", "until", "till", "by", "after", "following", "before", "from", "during", "in", "on",
                  "at", "throughout", "through", "of", "as of", "prior to", "up to", "up until", "over", "around"}


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
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if name == "iso":
        d = _safe_date(year or 0, int(g["m"]), int(g["d"])) if year else None
        return partial(_r_fixed, Window(d, d)) if d else None
    if name in ("days", "mdays"):
        mon = _MONTHS[g["mon"].lower().rstrip(".")]
        return partial(_r_days, year, mon, int(g["day1"]), mon, int(g["day"]))
    if name in ("dmy", "mdy"):
        wd = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        return partial(_r_day, year, _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), wd)
    if name == "month":
        return partial(_r_month, year, _MONTHS[g["mon"].lower().rstrip(".")], _part(g.get("part")))
    if name == "season":
        return partial(_r_season, year, g["season"].lower(), None)
    if name == "half":
        index = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[g["ord"].lower()]
        if g["unit"].lower() == "half":
            index = min(index, 2)
            return partial(_r_year, year, f"h{index}")
        return partial(_r_year, year, f"q{index}")
    if name == "decade":
        return partial(_r_decade, int(g["dec"]), (g.get("part") or "").lower() or None)
    if name == "years":
        y2 = g["year2"]
        last = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)
        if year is None or last < year:
            return None
        return partial(_r_fixed, Window(dt.date(year, 1, 1), dt.date(last, 12, 31)))
    if name == "year":
        return partial(_r_year, year, _part(g.get("part")))
    if name == "relday":
        rel = " ".join(g["rel"].lower().split())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(rel, 0)
        return partial(_r_relday, offset)
    if name == "weekday":
        return partial(_r_weekday, _WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower() or None)
    if name == "span":
        rel = g["rel"].lower()
        return partial(_r_span, g["unit"].lower().rstrip("s"), _num(g["n"])[1],
                       1 if rel in ("coming", "next") else -1)
    if name == "relunit":
        return _build_relunit(g)
    if name == "ago":
        lo, hi = _num(g["n"])
        return partial(_r_ago, g["unit"].lower().rstrip("s"), lo, hi)
    return None


def _build_relunit(g: dict[str, str | None]) -> Resolver:
    rel = (g["rel"] or "").lower()
    unit = (g["unit"] or "").lower()
    the = (g.get("the") or "").strip().lower()
    part = _part(g.get("part"))
    if rel == "past" or (the in ("the", "this") and rel in ("last", "previous")):
        if unit in ("week", "month", "year", "decade") and part is None:
            return partial(_r_span, unit, 1, -1)  # "the past month": a span back from publication
    offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
    return partial(_r_relunit, unit, offset, part)


def _needs_context(name: str, m: re.Match[str]) -> bool:
    """Bare years and months are time expressions only after a temporal preposition or modifier."""
    g = m.groupdict()
    if name == "year":
        return not g.get("part")
    if name == "month":
        return not g.get("year") and not g.get("part")
    if name == "weekday":
        return not g.get("rel")
    return False


@lru_cache(maxsize=1)
def load_anchors() -> tuple[tuple[re.Pattern[str], Window, Window | None, bool, str], ...]:
    """The packaged anchor events: (pattern, start window, end window, open period, name)."""
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
            phrases = [str(p).lower() for p in item["patterns"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(path, f"bad anchor {item!r}: {exc}") from exc
        if end is not None and end.end < start.start:
            raise DataFileError(path, f"anchor {item['name']!r} ends before it starts")
        alternation = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
        rx = re.compile(rf"(?i)\b(?:the\s+)?(?:{alternation})(?![\w-])")
        out.append((rx, start, end, open_end, str(item["name"])))
    return tuple(out)


def _anchor_window(value: object) -> Window:
    if isinstance(value, dt.date):
        return Window(value, value)
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return _year_window(parts[0], None)
    if len(parts) == 2:
        return _month_window(parts[0], parts[1], None)
    d = dt.date(*parts)
    return Window(d, d)


def find_timexes(text: str, date_spans: Iterable[tuple[int, int]] = ()) -> list[Timex]:
    """All time expressions of ``text``, in order, without overlaps (longest match wins).

    ``date_spans`` are character spans a statistical tagger labelled DATE: a bare year inside one
    counts even without a preposition.
    """
    spans = list(date_spans)
    found: list[tuple[int, int, Resolver, bool]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            if _BLOCK_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue
            resolver = _build(name, m)
            if resolver is None:
                continue
            if _needs_context(name, m) and not _has_context(text, m.start(), m.end(), spans):
                continue
            found.append((m.start(), m.end(), resolver, False))
    for rx, start, end, open_end, _name in load_anchors():
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), partial(_r_anchor, start, end, open_end), True))
    chosen: list[tuple[int, int, Resolver, bool]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return [_with_prep(text, s, e, r, a) for s, e, r, a in sorted(chosen, key=lambda c: c[0])]


def _has_context(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if any(s <= start and end <= e for s, e in spans):
        return True
    m = _PREP.search(text, max(0, start - 24), start)
    return bool(m and m.group("prep").lower() in _TEMPORAL_PREP | {"in", "on", "during"})


def _with_prep(text: str, start: int, end: int, resolver: Resolver, anchor: bool) -> Timex:
    m = _PREP.search(text, max(0, start - 24), start)
    kind = "mention" if anchor else "at"
    if m:
        prep = " ".join(m.group("prep").lower().split())
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
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()), "PREFER_DATES_FROM": "past"})
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "month":
        return _month_window(day.year, day.month, None)
    if data.period == "year":
        return _year_window(day.year, None)
    return Window(day, day)
