"""Date windows and the resolvers of time expressions: pure functions of the publication date.

A resolver takes the publication date and the direction of the clause — ``past`` (the most
recent occurrence on or before publication), ``future`` (the next one) or ``nearest`` — and
returns a ``Window``. Nothing here reads today's date.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..wordlists import word_map

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


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_window(year: int, month: int, part: str | None) -> Window:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "end": (last - 9, last)}.get(
        part or "", (1, last))
    return Window(dt.date(year, month, lo), dt.date(year, month, hi))


def year_window(year: int, part: str | None) -> Window:
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

    def distance(w: Window) -> tuple[int, int]:
        """News mostly reports what happened: a later date counts six times as far (ties: the past)."""
        if w.start <= published <= w.end:
            return 0, 0
        if w.end < published:
            return (published - w.end).days, 0
        return 6 * (w.start - published).days, 1

    return min(cands, key=distance) if cands else None


# -- resolvers (pure functions of publication date and direction) ------------------------------------
def r_fixed(window: Window, published: dt.date | None, direction: Direction) -> Window | None:
    return window


def r_day(year: int | None, month: int, day: int, weekday: int | None,
           published: dt.date | None, direction: Direction) -> Window | None:
    if year is not None:
        date = safe_date(year, month, day)
        return Window(date, date) if date else None
    if published is None:
        return None
    years = range(published.year + 1, published.year - 12, -1) if weekday is not None else \
        range(published.year + 1, published.year - 2, -1)
    days = [d for d in (safe_date(y, month, day) for y in years) if d]
    matching = [d for d in days if weekday is None or d.weekday() == weekday]
    if weekday is not None and not matching:
        matching = days
    return _pick((Window(d, d) for d in matching), published, direction)


def r_days(year: int | None, month: int, day1: int, month2: int, day2: int,
            published: dt.date | None, direction: Direction) -> Window | None:
    first = r_day(year, month, day1, None, published, direction)
    if first is None:
        return None
    y2 = first.start.year + (1 if month2 < month else 0)
    last = safe_date(y2, month2, day2)
    return Window(first.start, last) if last and last >= first.start else None


def r_month(year: int | None, month: int, part: str | None,
             published: dt.date | None, direction: Direction, year_offset: int | None = None) -> Window | None:
    if year is None and year_offset is not None and published is not None:
        year = published.year + year_offset  # "in October last year"
    if year is not None:
        return month_window(year, month, part)
    if published is None:
        return None
    return _pick((month_window(y, month, part) for y in range(published.year - 1, published.year + 2)),
                 published, direction)


_SEASONS = {k: tuple(v) for k, v in word_map("time", "seasons").items()}


def _season_window(year: int, season: str) -> Window:
    lo, hi = _SEASONS[season]
    end = month_end(year + 1, hi - 12) if hi > 12 else month_end(year, hi)
    return Window(dt.date(year, lo, 1), end)


def r_season(year: int | None, season: str, offset: int | None,
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


def r_year(year: int, part: str | None, published: dt.date | None, direction: Direction) -> Window | None:
    return year_window(year, part)


def r_decade(decade: int, part: str | None, published: dt.date | None, direction: Direction) -> Window | None:
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(part or "", (0, 9))
    return Window(dt.date(decade + lo, 1, 1), dt.date(decade + hi, 12, 31))


def r_relday(offset: int, published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    day = published + dt.timedelta(days=offset)
    return Window(day, day)


def r_weekday(weekday: int, rel: str | None, published: dt.date | None, direction: Direction) -> Window | None:
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


def r_weekweek(first: int, last: int, offset: int, published: dt.date | None,
                direction: Direction) -> Window | None:
    """"on Thursday and Friday next week"."""
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    return Window(monday + dt.timedelta(days=first), monday + dt.timedelta(days=last))


def r_relunit(unit: str, offset: int, part: str | None,
               published: dt.date | None, direction: Direction) -> Window | None:
    if published is None:
        return None
    if unit in _SEASONS:
        return r_season(None, unit, offset, published, direction)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        lo, hi = {"early": (0, 2), "late": (3, 6), "end": (3, 6), "mid": (2, 4)}.get(part or "", (0, 6))
        win = Window(monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi))
        if offset == -1 and part is None and published.weekday() >= 5:
            win = Window(win.start, published - dt.timedelta(days=1))  # "last week", said at the weekend
    elif unit == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)  # the last one, or today
        if offset < 0 and published.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)  # "last weekend", said during a weekend
        elif offset > 0 or (offset == 0 and direction != "past" and published.weekday() < 5):
            saturday += dt.timedelta(weeks=1)
        win = Window(saturday, saturday + dt.timedelta(days=1))
    elif unit == "month":
        first = add_months(published.replace(day=1), offset)
        win = month_window(first.year, first.month, part)
    elif unit == "year":
        win = year_window(published.year + offset, part)
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


def r_span(unit: str, n: int, sign: int, published: dt.date | None, direction: Direction) -> Window | None:
    """"the past N units" (sign -1) or "the next N units" (sign +1)."""
    if published is None:
        return None
    other = _shift(published, unit, sign * n)
    return Window(min(other, published), max(other, published))


def r_ago(unit: str, lo: int, hi: int, published: dt.date | None, direction: Direction) -> Window | None:
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
        return month_window(day.year, day.month, None)
    if unit == "year":
        return year_window(day.year, None)
    return Window(dt.date(day.year // 10 * 10, 1, 1), dt.date(day.year // 10 * 10 + 9, 12, 31))


def r_anchor(start: Window, end: Window | None, open_end: bool,
              published: dt.date | None, direction: Direction) -> Window | None:
    if published is not None and start.start > published:
        return None  # an article cannot refer to an event after its own date
    if open_end:
        return Window(start.start, start.end, open_end=True)
    return Window(start.start, (end or start).end)
