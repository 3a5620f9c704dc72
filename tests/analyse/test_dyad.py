from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.analyse.contexts import dyad_contexts
from detente.analyse.dyad import (PRIOR_SD, coarse_sql, dyad_timeline, event_score, index_band, period_bounds,
                                 period_of, score_sql)
from detente.analyse.query import EventFilter, select_events
from detente.errors import QueryError


def test_only_asserted_dated_events_in_series(store):
    tl = dyad_timeline(store, "IRN", "TJK", by="year")
    ids = [e.event_id for e in tl.events]
    assert "e-grid" not in ids and "e-recall" not in ids  # hypothetical
    assert "e-recognise" not in ids  # undated
    assert [e.event_id for e in tl.undated] == ["e-recognise"]
    assert tl.excluded == {"hypothetical": 2}
    assert "e-afg22" not in ids  # another dyad
    dates = [e.date_start for e in tl.events]
    assert dates == sorted(dates)


def test_periods_and_counts_by_year(store):
    tl = dyad_timeline(store, "IRN", "TJK", by="year")
    assert [p.label for p in tl.periods] == ["2015", "2016", "2017", "2018", "2019", "2021", "2023"]
    p2023 = tl.periods[-1]
    assert p2023.n_events == 3
    assert p2023.quad_counts == {1: 2, 2: 1, 3: 0, 4: 0}  # visit + agreement verbal, 061 material
    assert p2023.goldstein_sum == pytest.approx(1.9 + 8.0 + 6.4)
    assert p2023.index == pytest.approx((1.9 + 8.0 + 6.4) / 3, abs=1e-3)
    assert p2023.low < p2023.index < p2023.high
    assert p2023.contexts["transport"] == 2 and p2023.contexts["trade"] == 1
    assert [e.event_id for e in p2023.top_events][0] == "e-agree23"  # |8| x 2 mentions
    assert tl.n_articles == 4 and tl.n_sources == 3


def test_event_counted_once_however_many_mentions(store):
    by_event = dyad_timeline(store, "IRN", "TJK", by="year")
    by_mentions = dyad_timeline(store, "IRN", "TJK", by="year", weight="mentions")
    p, q = by_event.periods[-1], by_mentions.periods[-1]
    assert p.n_events == q.n_events == 3
    assert p.weight == 3 and q.weight == 4  # the agreement has two mentions
    assert q.index == pytest.approx((1.9 + 2 * 8.0 + 6.4) / 4, abs=1e-3)


def test_direction(store):
    a_to_b = dyad_timeline(store, "IRN", "TJK", by="year", direction="A>B")
    assert all(e.source_country == "IRN" for e in a_to_b.events)
    b_to_a = dyad_timeline(store, "IRN", "TJK", by="year", direction="B>A")
    assert all(e.source_country == "TJK" for e in b_to_a.events)
    assert len(a_to_b.events) + len(b_to_a.events) == len(dyad_timeline(store, "TJK", "IRN").events)


def test_month_and_quarter_periods(store):
    tl = dyad_timeline(store, "IRN", "TJK", by="month", since="2023-01-01")
    assert [p.label for p in tl.periods] == ["2023-05"]
    assert tl.periods[0].start == dt.date(2023, 5, 1) and tl.periods[0].end == dt.date(2023, 5, 31)
    assert period_bounds((2023, 4), "quarter") == ("2023-Q4", dt.date(2023, 10, 1), dt.date(2023, 12, 31))
    assert period_bounds((2024, 2), "month")[2] == dt.date(2024, 2, 29)


def test_day_and_week_periods(store):
    days = dyad_timeline(store, "IRN", "TJK", by="day", since="2023-01-01")
    assert [p.label for p in days.periods] == ["2023-05-17", "2023-05-31"]
    assert days.periods[1].n_events == 2 and days.periods[1].start == days.periods[1].end == dt.date(2023, 5, 31)
    weeks = dyad_timeline(store, "IRN", "TJK", by="week", since="2023-01-01")
    assert [(p.label, p.start, p.end) for p in weeks.periods] == [
        ("2023-W20", dt.date(2023, 5, 15), dt.date(2023, 5, 21)), ("2023-W22", dt.date(2023, 5, 29), dt.date(2023, 6, 4))]
    # a month-dated event sits in the week (or day) of its first day, counted as coarse
    early = dyad_timeline(store, "IRN", "TJK", by="week", until="2016-01-31")
    assert [(p.label, p.n_coarse) for p in early.periods] == [("2015-W49", 1), ("2015-W53", 0)]
    assert dyad_contexts(store, "IRN", "TJK", by="day").totals()["transport"] == 2


def test_iso_weeks_across_new_year():
    assert period_of(dt.date(2021, 1, 1), "week") == (2020, 53)  # a Friday: ISO week 53 of 2020
    assert period_bounds((2020, 53), "week") == ("2020-W53", dt.date(2020, 12, 28), dt.date(2021, 1, 3))
    assert period_of(dt.date(2024, 12, 30), "week") == (2025, 1)
    assert period_of(dt.date(2024, 12, 31), "day") == (2024, 366)
    assert period_bounds((2024, 366), "day") == ("2024-12-31", dt.date(2024, 12, 31), dt.date(2024, 12, 31))
    for day in (dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(0, 800, 3)):
        for by in ("day", "week", "month", "quarter", "year"):
            label, start, end = period_bounds(period_of(day, by), by)
            assert start <= day <= end, (day, by, label)


def test_sql_score_and_coarseness_agree_with_python(store):
    rows = store.con.execute(f"""
        SELECT g, s, t, {score_sql("relations")}, {score_sql("goldstein")} FROM (
            SELECT g::DOUBLE AS goldstein, s AS source_sector, t AS target_sector, g::DOUBLE AS g, s, t
            FROM (VALUES (3.0, 'GOV', 'OPP'), (-2.0, 'GOV', 'REB'), (3.0, 'INS', NULL), (1.9, 'MIL', 'GOV'),
                         (0.0, 'OPP', 'GOV'), (NULL, NULL, NULL)) v(g, s, t))""").fetchall()
    for g, s, t, relations, goldstein in rows:
        assert relations == event_score(g, s, t, "relations") and goldstein == event_score(g, s, t, "goldstein")
    for by in ("day", "week", "month", "quarter", "year"):
        coarse = dict(store.con.execute(f"SELECT date_precision, {coarse_sql(by)} FROM (VALUES ('day'), ('month'), "
                                        "('year'), ('decade'), ('unknown'), (NULL)) v(date_precision)").fetchall())
        assert coarse["decade"] and coarse["unknown"] and coarse[None]
        assert not coarse["day"] and coarse["month"] == (by in ("day", "week"))
        assert coarse["year"] == (by != "year")


def test_since_until_window(store):
    tl = dyad_timeline(store, "IRN", "TJK", since="2016", until="2018-12-31", by="year")
    assert [p.label for p in tl.periods] == ["2016", "2017", "2018"]
    assert tl.undated == ()  # an undated event cannot be shown to lie in a window


def test_opposition_engagement_counts_against_relations(store):
    rel = dyad_timeline(store, "IRN", "TJK", by="year")
    raw = dyad_timeline(store, "IRN", "TJK", by="year", score="goldstein")
    assert rel.periods[0].index == pytest.approx(-2.8)  # hosting the exiled opposition leader
    assert raw.periods[0].index == pytest.approx(2.8)
    assert rel.periods[0].goldstein_mean == pytest.approx(2.8)  # as coded, always
    assert event_score(3.0, "GOV", "OPP") == -3.0
    assert event_score(-2.0, "GOV", "OPP") == -2.0  # conflict is left as coded
    assert event_score(3.0, "GOV", "GOV") == 3.0


def test_band_widens_with_few_events():
    one = index_band([2.0])
    five = index_band([2.0] * 5)
    fifty = index_band([2.0] * 50)
    width = lambda b: b[2] - b[1]  # noqa: E731
    assert width(one) > width(five) > width(fifty)
    assert one[1] == -10.0 and one[2] == 10.0  # one event says almost nothing
    assert fifty[0] == 2.0 and width(fifty) < 2.0
    # spread data widen the band beyond the prior
    assert width(index_band([-8.0, 8.0] * 5)) > width(index_band([0.0] * 10))
    assert PRIOR_SD > 0


def test_json_round_trip_and_frame(store):
    tl = dyad_timeline(store, "IRN", "TJK", by="quarter")
    data = json.loads(json.dumps(tl.to_dict()))
    assert data["dyad"] == ["IRN", "TJK"] and data["periods"][0]["events"][0]["evidence"]["sentence"]
    frame = tl.to_frame()
    assert list(frame["period"]) == [p.label for p in tl.periods]
    assert {"index", "index_low", "index_high", "verbal_conflict"} <= set(frame.columns)


@pytest.mark.parametrize("cached", [False, True], ids=["events by SQL", "events in memory"])
def test_a_timeline_without_contexts_is_the_same_but_its_contexts(store, cached):
    """``contexts=False`` (the CLI's table, which does not show them) leaves every period's
    contexts empty and changes nothing else."""
    import dataclasses

    from detente.analyse.pairdata import PairCache

    if cached:
        store.pair_cache, store.snapshot = PairCache(), 1
    for by, weight in (("year", "event"), ("month", "mentions")):
        full = dyad_timeline(store, "IRN", "TJK", by=by, weight=weight, events="top")
        bare = dyad_timeline(store, "IRN", "TJK", by=by, weight=weight, events="top", contexts=False)
        assert any(p.contexts for p in full.periods) and not any(p.contexts for p in bare.periods)
        assert bare == dataclasses.replace(full, periods=tuple(dataclasses.replace(p, contexts={})
                                                                for p in full.periods))


def test_bad_queries(store):
    with pytest.raises(QueryError):
        dyad_timeline(store, "IRN", "TJK", by="fortnight")
    with pytest.raises(QueryError):
        dyad_timeline(store, "IRN", "IRN")
    with pytest.raises(QueryError):
        dyad_timeline(store, "IRN", "TJK", since="last year")
    with pytest.raises(QueryError):
        dyad_timeline(store, "Iran", "TJK")
    assert dyad_timeline(store, "irn", "tjk").a == "IRN"


def test_empty_dyad(store):
    tl = dyad_timeline(store, "ARM", "AZE")
    assert tl.periods == () and tl.undated == () and tl.n_events == 0


def test_filters(store):
    assert set(select_events(store, EventFilter(code="ACCUSE"))["event_id"]) == {
        "e-accuse16", "e-accuse17", "e-condemn", "e-crit18"}
    assert set(select_events(store, EventFilter(code="112"))["event_id"]) == {"e-accuse16", "e-accuse17"}
    assert set(select_events(store, EventFilter(code="04"))["event_id"]) == {
        "e-kabiri", "e-visit19", "e-call21", "e-visit23", "e-afg22"}
    assert list(select_events(store, EventFilter(q="DIRECT FLIGHTS"))["event_id"]) == ["e-flights23"]
    assert list(select_events(store, EventFilter(actor="kabiri"))["event_id"]) == ["e-kabiri"]
    assert set(select_events(store, EventFilter(article_id="art-2023b"))["event_id"]) == {"e-agree23", "e-afg22"}
    assert list(select_events(store, EventFilter(country="AFG"))["event_id"]) == ["e-afg22"]
    assert len(select_events(store, EventFilter(modality="hypothetical"))) == 2
    assert len(select_events(store, EventFilter(limit=2, offset=1))) == 2
    with pytest.raises(QueryError):
        EventFilter(code="x; DROP TABLE events")


def test_an_event_dated_to_a_decade_is_in_no_period_nor_a_first_contact(tmp_path):
    """'Relations were cold for most of the past decade' is no 2013 event: not in the yearly index
    (dyad and panel alike), listed apart, and no first contact for partners."""
    import duckdb
    from fixture_store import Art, Ev, build_store

    from detente.store.derived import rebuild_sql

    from detente.analyse.panel import panel
    from detente.analyse.partners import partners
    from detente.analyse.query import open_db

    remark = "Relations were cold for most of the past decade, when Dushanbe accused Tehran of meddling."
    visit = "Iran's president visited Dushanbe on Saturday."
    path = build_store(tmp_path / "v.duckdb",
                       [Ev("decade", "112", "TJK", "IRN", "2013-06-01", [("a1", remark, "accused")]),
                        Ev("visit", "042", "IRN", "TJK", "2023-05-31", [("a1", visit, "visited")])],
                       [Art("a1", f"{remark} {visit}")])
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET date_end = DATE '2023-06-01', date_precision = 'decade' WHERE event_id = 'decade'")
        con.execute(rebuild_sql())  # rows changed behind the writer's back: derive again
    with open_db(path) as store:
        tl = dyad_timeline(store, "IRN", "TJK", by="year")
        found = partners(store, "IRN")
    assert [p.label for p in tl.periods] == ["2023"] and [e.event_id for e in tl.vague] == ["decade"]
    assert tl.to_dict()["vague"][0]["event_id"] == "decade"
    assert found[0].first_date == dt.date(2023, 5, 31) and found[0].n_events == 2
    frame = panel(path, unit="dyad", by="year")
    assert list(frame["period"].astype(str)) == ["2023"]


def test_country_names_are_country_converters_short_names_else_pycountrys():
    import csv
    from importlib import resources

    import pycountry

    from detente.analyse.records import country_name

    expected = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    with (resources.files("country_converter") / "country_data.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("ISO3") and row.get("name_short"):
                expected[row["ISO3"]] = row["name_short"]
    assert {code: country_name(code) for code in expected} == expected
    assert (country_name("IRN"), country_name("RUS"), country_name("XQZ"), country_name(None)) == \
        ("Iran", "Russia", "XQZ", "?")


def test_encode_item_writes_what_json_writes():
    import json as _json

    from detente.analyse.dyadjson import encode_item

    values = [{"a": 1, "b": [], "c": {}, "d": [1, {"x": "é\n\"\u2028"}], "e": 0.1, "g": None, "h": True,
               "i": -3.0, "j": 123456.789},
              {"small": 1e-05, "big": 2.5e16, "nan": float("nan")},  # json's own text: exponents, NaN
              {"tuple": (1, 2), "date": None, "nested": [[0.25, -0.0]]}]
    for value in values:
        expected = _json.dumps({"k": [value]}, ensure_ascii=False, indent=2)
        got = '{\n  "k": [\n' + encode_item(value, "    ") + "\n  ]\n}"
        assert got == expected
