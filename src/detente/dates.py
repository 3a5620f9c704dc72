"""Every date detente reads from outside (options, queries, KB files, article metadata, gold files),
read here, with one error type (``errors.DateError``) and one range of plausible dates.

- ``parse_date(value, what)``: strict. ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (an ISO date-time's
  date too), a ``date`` or a ``datetime``; ``end=True`` reads a month or a year as its last day.
  Anything else raises ``DateError`` naming ``what`` and the forms expected.
- ``read_date(value)``: lenient, for article metadata. ISO first, then any absolute date that
  dateparser reads with day, month and year ("Mon, 05 Jun 2023 10:00:00 GMT"); None when there is
  none, when it is relative ("yesterday"), or outside ``EARLIEST``..``LATEST``.
- ``parse_compact(text, what)``: ``YYYYMMDD`` or ``YYMMDD`` (TABARI dictionaries).
- ``as_date(value)``: a date from what a database or pandas hands back (None, NaT, Timestamp, ...).
- ``dateparser_date(text, relative_to)``: dateparser, configured here only.

>>> parse_date("2023-06"), parse_date("2023", end=True)
(datetime.date(2023, 6, 1), datetime.date(2023, 12, 31))
>>> read_date("Mon, 05 Jun 2023 10:00:00 GMT"), read_date("yesterday"), read_date("1799-12-31")
(datetime.date(2023, 6, 5), None, None)
>>> parse_date("2023-13-01", "since")
Traceback (most recent call last):
...
detente.errors.DateError: since: expected YYYY, YYYY-MM or YYYY-MM-DD, got '2023-13-01'
"""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from typing import Any

from .errors import DateError

EARLIEST = dt.date(1800, 1, 1)  # publication dates outside these bounds are no dates
LATEST = dt.date(2200, 12, 31)
ISO_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a datetime with anything after its date
_DATEPARSER_LANGUAGES = ["en"]
_DATEPARSER_ABSOLUTE = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                        "REQUIRE_PARTS": ["day", "month", "year"]}


def as_date(value: Any) -> dt.date | None:
    """None, NaT and NaN -> None; a datetime or pandas Timestamp -> its date; a date -> itself.

    >>> as_date(dt.datetime(2023, 6, 5, 12)), as_date(None)
    (datetime.date(2023, 6, 5), None)
    """
    if value is None or value != value:  # NaN, NaT (a datetime that is no date)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    to_date = getattr(value, "date", None)  # pandas Timestamp, numpy datetime wrappers
    if callable(to_date):
        day = to_date()
        if isinstance(day, dt.date):
            return day
    raise DateError("date", f"expected a date, got {value!r}")


def as_day(value: Any, what: str = "date") -> dt.date:
    """``as_date`` for a value that must be a date (a period's start): DateError when it is missing."""
    day = as_date(value)
    if day is None:
        raise DateError(what, "missing")
    return day


def parse_date(value: Any, what: str = "date", end: bool = False) -> dt.date | None:
    """A date from ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (or an ISO date-time), a date or a
    datetime; None for None or ""; ``DateError`` naming ``what`` otherwise. A month or a year is
    its first day, or its last with ``end``."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return as_date(value)
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    try:
        if match is None:
            if _ISO_DATETIME.fullmatch(text):
                return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            raise ValueError(text)
        year, month, day = int(match[1]), match[2], match[3]
        if day:
            return dt.date(year, int(month), int(day))
        if month:
            m = int(month)
            return dt.date(year, m, monthrange(year, m)[1] if end else 1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise DateError(what, f"expected {ISO_FORMS}, got {value!r}") from None


def parse_compact(text: str, what: str = "date") -> dt.date:
    """``YYYYMMDD``, or ``YYMMDD`` (years 00-29 are 2000s, the others 1900s).

    >>> parse_compact("230605"), parse_compact("19991231")
    (datetime.date(2023, 6, 5), datetime.date(1999, 12, 31))
    """
    digits = text.strip()
    if len(digits) == 6 and digits.isdigit():
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy < 30 else 1900 + yy}{digits[2:]}"
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(text)
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise DateError(what, f"expected YYYYMMDD or YYMMDD, got {text!r}") from None


def plausible(day: dt.date | None) -> dt.date | None:
    """``day`` when it lies within ``EARLIEST``..``LATEST``, else None."""
    return day if day is not None and EARLIEST <= day <= LATEST else None


def read_date(value: Any) -> dt.date | None:
    """A plausible date from article metadata, or None; never raises (see the module's text)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return plausible(as_date(value))
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DAY.match(text):
        try:
            return plausible(dt.date.fromisoformat(text[:10]))
        except ValueError:
            pass
    try:
        return plausible(dt.datetime.fromisoformat(text).date())
    except ValueError:
        pass
    found = dateparser_date(text)
    return plausible(found[0]) if found else None


def dateparser_date(text: str, relative_to: dt.date | None = None) -> tuple[dt.date, str] | None:
    """(date, period: "day", "month", "year", ...) that dateparser reads in ``text``, or None.

    Without ``relative_to`` only absolute dates with a day, a month and a year are read; with it,
    relative ones too ("last Tuesday"), resolved against it and preferring the past."""
    from dateparser.date import DateDataParser

    if relative_to is None:
        settings: dict[str, Any] = dict(_DATEPARSER_ABSOLUTE)
    else:
        settings = {"RELATIVE_BASE": dt.datetime.combine(relative_to, dt.time()), "PREFER_DATES_FROM": "past"}
    try:
        data = DateDataParser(languages=_DATEPARSER_LANGUAGES, settings=settings).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
