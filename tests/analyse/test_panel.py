from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from fixture_store import Art, Ev, build_store

import detente
from detente.analyse.dyad import PERIODS, dyad_timeline
from detente.analyse.panel import PLOVER_TYPES, panel, panel_columns, write_panel
from detente.analyse.query import EventFilter, count_sources, open_db, select_events
from detente.errors import QueryError

SHARED = Path(__file__).resolve().parents[3] / "shared"
GUARDIAN = SHARED / "corpus" / "guardian_sdf_sample.csv"
COMPARED = ("period", "n_events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
            "material_conflict", "goldstein_sum", "goldstein_mean", "index", "index_low", "index_high", "n_coarse")


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def assert_matches_dyad(store, frame: pd.DataFrame, a: str, b: str, by: str, direction: str = "both",
                        weight: str = "event") -> None:
    """The panel's rows for A-B are the periods of `detente dyad A B`, number for number."""
    keys = ("source", "target") if direction == "A>B" else ("country_a", "country_b")
    rows = frame[(frame[keys[0]] == a) & (frame[keys[1]] == b)]
    tl = dyad_timeline(store, a, b, by=by, direction=direction, weight=weight)
    expected = [tuple(p.to_dict(with_events=False)[c] for c in COMPARED) for p in tl.periods]
    got = [tuple(_plain(v) for v in row) for row in rows[list(COMPARED)].itertuples(index=False)]
    assert got == expected, (a, b, by)
    assert [(s, e) for s, e in zip(rows["start"], rows["end"])] == [(p.start, p.end) for p in tl.periods]


@pytest.mark.parametrize("by", PERIODS)
def test_dyad_panel_matches_dyad_for_every_pair(store, by):
    frame = panel(store, unit="dyad", by=by)
    assert list(frame.columns) == panel_columns("dyad", False)
    pairs = set(zip(frame["country_a"], frame["country_b"]))
    assert pairs == {("IRN", "TJK"), ("AFG", "IRN")}  # ordered pairs, A < B
    for a, b in pairs:
        assert_matches_dyad(store, frame, a, b, by)


def test_directed_panel_matches_each_direction(store):
    frame = panel(store, unit="dyad", by="year", directed=True)
    assert set(zip(frame["source"], frame["target"])) == {("IRN", "TJK"), ("TJK", "IRN"), ("IRN", "AFG")}
    for a, b in (("IRN", "TJK"), ("TJK", "IRN"), ("IRN", "AFG")):
        assert_matches_dyad(store, frame, a, b, "year", direction="A>B")


def test_mentions_weight_matches_dyad(store):
    frame = panel(store, by="year", weight="mentions")
    assert_matches_dyad(store, frame, "IRN", "TJK", "year", weight="mentions")
    row = frame[(frame["country_a"] == "IRN") & (frame["period"] == "2023")].iloc[0]
    assert row["weight"] == 4 and row["n_events"] == 3  # the agreement has two mentions


def test_counts_articles_sources_and_plover_types(store):
    frame = panel(store, by="year")
    row = frame[(frame["country_a"] == "IRN") & (frame["country_b"] == "TJK") & (frame["period"] == "2023")].iloc[0]
    assert (row["plover_agree"], row["plover_consult"], row["plover_cooperate"]) == (1, 1, 1)
    ids = ["e-visit23", "e-agree23", "e-flights23"]
    assert (row["n_articles"], row["n_sources"]) == count_sources(store, EventFilter(event_ids=tuple(ids))) == (2, 2)
    plover = [f"plover_{t.lower()}" for t in PLOVER_TYPES] + ["plover_none"]
    assert (frame[plover].sum(axis=1) == frame["n_events"]).all()
    quads = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    assert (frame[quads].sum(axis=1) == frame["n_events"]).all()


def test_country_panel_counts_each_event_once_per_country(store):
    frame = panel(store, unit="country", by="year")
    assert list(frame.columns) == panel_columns("country", False)
    for country in ("IRN", "TJK", "AFG"):
        events = select_events(store, EventFilter(country=country, modality="asserted", dated=True))
        assert frame.loc[frame["country"] == country, "n_events"].sum() == len(events)
    directed = panel(store, unit="country", by="year", directed=True)
    irn = directed[directed["country"] == "IRN"].groupby("role")["n_events"].sum().to_dict()
    assert irn == {"source": 6, "target": 5}


def test_country_panel_counts_a_domestic_event_once(tmp_path):
    art = Art("a", body="T\n\nIran's police arrested Iranian protesters on 2 May 2020.")
    path = build_store(tmp_path / "d.duckdb", [
        Ev("d", "173", "IRN", "IRN", "2020-05-02", [("a", "Iran's police arrested Iranian protesters on 2 May 2020.",
                                                     "arrested")], src_sector="COP", tgt_sector="CVL"),
    ], [art])
    assert panel(path, unit="country", by="day")[["country", "period", "n_events"]].values.tolist() == \
        [["IRN", "2020-05-02", 1]]
    assert panel(path, unit="dyad").empty  # a country with itself is no dyad


def test_vague_dates_follow_the_dyad_rule(store):
    frame = panel(store, by="week")
    # e-kabiri is dated December 2015 (month precision): placed in the week of its first day, coarse
    row = frame[frame["period"] == "2015-W49"].iloc[0]
    assert (row["start"], row["n_events"], row["n_coarse"]) == (dt.date(2015, 11, 30), 1, 1)
    afg = panel(store, by="month")
    assert afg[afg["country_a"] == "AFG"][["period", "n_coarse"]].values.tolist() == [["2022-01", 1]]


def test_since_until_and_empty(store, tmp_path):
    frame = panel(store, by="year", since="2019", until="2021-12-31")
    assert sorted(set(frame["period"])) == ["2019", "2021"]
    empty = panel(store, by="year", since="2030")
    assert empty.empty and list(empty.columns) == panel_columns("dyad", False)
    write_panel(empty, "csv", tmp_path / "e.csv")
    assert (tmp_path / "e.csv").read_text().startswith("country_a,country_b,period,start,end,n_events")


def test_write_csv_and_parquet_round_trip(store, tmp_path):
    frame = detente.panel(store, unit="dyad", by="month", directed=True)
    write_panel(frame, "csv", tmp_path / "p.csv")
    rows = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8")))
    assert len(rows) == len(frame) and rows[0]["start"] == frame["start"][0].isoformat()
    write_panel(frame, "parquet", tmp_path / "p.parquet")
    back = pd.read_parquet(tmp_path / "p.parquet")
    assert list(back.columns) == list(frame.columns)
    assert back["start"][0] == frame["start"][0] and back["index"].tolist() == frame["index"].tolist()
    assert back["n_events"].dtype == "int64"


def test_bad_arguments(store):
    with pytest.raises(QueryError):
        panel(store, unit="region")
    with pytest.raises(QueryError):
        panel(store, by="decade")
    with pytest.raises(QueryError):
        panel(store, weight="words")
    with pytest.raises(QueryError):
        write_panel(panel(store), "xlsx", "x")


@pytest.fixture(scope="module")
def guardian_store(tmp_path_factory):
    """The first 30 articles of the Guardian sample (../shared), coded into a store."""
    if not GUARDIAN.exists():
        pytest.skip(f"{GUARDIAN} is absent (the Guardian sample lives outside a user's clone)")
    from detente.pipeline import Pipeline
    from detente.settings import Settings
    from detente.store import Store

    tmp = tmp_path_factory.mktemp("guardian")
    subset = tmp / "guardian30.csv"
    pd.read_csv(GUARDIAN).head(30).to_csv(subset, index=False)
    path = tmp / "guardian.duckdb"
    with Store.open(path) as store:
        Pipeline(Settings(coder="rules")).run([str(subset)], store)
    return path


@pytest.mark.shared
@pytest.mark.slow
def test_panel_matches_dyad_on_the_guardian_sample(guardian_store):
    with open_db(guardian_store) as store:
        for by in ("year", "month", "week"):
            frame = panel(store, unit="dyad", by=by)
            pairs = frame.groupby(["country_a", "country_b"])["n_events"].sum().sort_values(ascending=False)
            assert len(pairs) >= 5
            for a, b in list(pairs.index[:8]):  # the busiest pairs, where sums and bands are not trivial
                assert_matches_dyad(store, frame, a, b, by)
