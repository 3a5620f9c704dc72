"""detente.dates: the one reader of dates from outside, with one error type."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from detente.dates import EARLIEST, LATEST, as_date, dateparser_date, parse_compact, parse_date, read_date
from detente.errors import DateError, InputError, QueryError


@pytest.mark.parametrize("value, expected", [
    ("2023-06-05", dt.date(2023, 6, 5)),
    ("2023-06-05T23:10:00+04:30", dt.date(2023, 6, 5)),
    ("2023-06-05T10:00:00Z", dt.date(2023, 6, 5)),
    ("5 June 2023", dt.date(2023, 6, 5)),
    ("Mon, 05 Jun 2023 10:00:00 GMT", dt.date(2023, 6, 5)),
    (dt.datetime(2023, 6, 5, 12), dt.date(2023, 6, 5)),
    ("yesterday", None),
    ("June 2023", None),
    ("not a date", None),
    ("", None),
    (None, None),
    (True, None),
    ("1799-12-31", None),
    ("0001-01-01", None),
    ("2201-01-01", None),
])
def test_read_date_is_lenient_and_plausible(value, expected):
    assert read_date(value) == expected


def test_the_plausible_range_is_inclusive():
    assert read_date(EARLIEST.isoformat()) == EARLIEST and read_date(LATEST.isoformat()) == LATEST


@pytest.mark.parametrize("value, end, expected", [
    ("2023", False, dt.date(2023, 1, 1)), ("2023", True, dt.date(2023, 12, 31)),
    ("2024-02", False, dt.date(2024, 2, 1)), ("2024-02", True, dt.date(2024, 2, 29)),
    ("2023-06-05", True, dt.date(2023, 6, 5)), (" 2023-06-05 ", False, dt.date(2023, 6, 5)),
    ("2023-06-05T10:00:00", False, dt.date(2023, 6, 5)),
    (dt.datetime(2023, 6, 5, 1), False, dt.date(2023, 6, 5)), (2023, False, dt.date(2023, 1, 1)),
    (None, False, None), ("", False, None),
])
def test_parse_date_reads_iso_forms(value, end, expected):
    assert parse_date(value, end=end) == expected


@pytest.mark.parametrize("value", ["2023-13-01", "2023-02-30", "June 2023", "23-06-05", "2023-6-5", "soon"])
def test_parse_date_names_what_and_the_forms_expected(value):
    with pytest.raises(DateError) as err:
        parse_date(value, "since")
    assert str(err.value) == f"since: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
    assert err.value.origin == "since" and err.value.reason == str(err.value)
    # every caller that handled a query, input or value error for its own parser handles it
    assert isinstance(err.value, QueryError) and isinstance(err.value, InputError) and isinstance(err.value, ValueError)


def test_parse_compact():
    assert parse_compact("290101") == dt.date(2029, 1, 1) and parse_compact("300101") == dt.date(1930, 1, 1)
    assert parse_compact("20230605") == dt.date(2023, 6, 5)
    for bad in ("2023065", "abcdef", "20231301"):
        with pytest.raises(DateError, match="YYYYMMDD"):
            parse_compact(bad, "role")


def test_as_date_of_what_databases_return():
    assert as_date(pd.Timestamp("2023-06-05 10:00")) == dt.date(2023, 6, 5)
    assert as_date(pd.NaT) is None and as_date(float("nan")) is None and as_date(None) is None
    assert as_date(dt.date(2023, 6, 5)) == dt.date(2023, 6, 5)
    with pytest.raises(DateError):
        as_date("2023-06-05")


def test_dateparser_relative_to_a_day():
    assert dateparser_date("17.05.2023", relative_to=dt.date(2023, 6, 5)) == (dt.date(2023, 5, 17), "day")
    assert dateparser_date("last week") is None  # relative: read only against a given day


def test_one_date_parser_in_the_package():
    """No module but dates.py parses dates itself (strptime, fromisoformat, dateparser)."""
    import re

    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "detente"
    offenders = [str(p.relative_to(src)) for p in src.rglob("*.py") if p.name != "dates.py"
                 and re.search(r"strptime\(|fromisoformat\(|^\s*(?:import|from) dateparser", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
