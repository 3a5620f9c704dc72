from __future__ import annotations

import csv
import datetime as dt
import json

import pandas as pd
import pytest
from fixture_store import Art, Ev, build_store

import detente
from detente.analyse.export import GDELT_COLUMNS, export_events, fraction_date, gdelt_id, lead_end
from detente.analyse.icews import ICEWS_COLUMNS
from detente.errors import QueryError


def test_load_events_frame(store_path):
    df = detente.load_events(store_path)
    assert len(df) == 14 and df["event_id"].is_unique
    assert {"cameo_name", "dyad", "num_sources", "contexts", "date_start"} <= set(df.columns)
    agree = df.set_index("event_id").loc["e-agree23"]
    assert agree["cameo_name"] == "Sign formal agreement" and agree["dyad"] == "TJK>IRN"
    assert agree["num_mentions"] == 2 and agree["num_sources"] == 2
    assert agree["date_start"] == dt.date(2023, 5, 31)
    assert list(detente.load_events(store_path, a="IRN", b="AFG")["event_id"]) == ["e-afg22"]


def test_csv(store_path, tmp_path):
    out = tmp_path / "e.csv"
    summary = export_events(store_path, "csv", out, a="IRN", b="TJK", modality="asserted")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert summary.events == len(rows) == 11
    row = next(r for r in rows if r["event_id"] == "e-agree23")
    assert row["contexts"] == "trade;energy;transport"
    assert row["sentence"].startswith("On 31 May 2023") or row["sentence"].startswith("Tajikistan's president")
    assert row["cameo"] == "057" and row["goldstein"] == "8.0"


def test_csv_empty_has_header(store_path, tmp_path):
    out = tmp_path / "none.csv"
    assert export_events(store_path, "csv", out, a="ARM", b="AZE").events == 0
    assert out.read_text().startswith("event_id,cameo,cameo_name")


def test_parquet(store_path, tmp_path):
    out = tmp_path / "e.parquet"
    export_events(store_path, "parquet", out)
    df = pd.read_parquet(out)
    assert len(df) == 14
    row = df.set_index("event_id").loc["e-agree23"]
    assert list(row["contexts"]) == ["trade", "energy", "transport"]
    assert row["date_start"] == dt.date(2023, 5, 31)


def test_jsonl_contract(store_path, tmp_path):
    out = tmp_path / "e.jsonl"
    export_events(store_path, "jsonl", out, since="2023-01-01")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["date_start"] for r in records] == sorted(r["date_start"] for r in records)
    agree = next(r for r in records if r["event_id"] == "e-agree23")
    for key in ("cameo", "cameo_name", "cameo_root", "plover", "plover_mode", "contexts", "goldstein",
                "quad_class", "source", "target", "modality", "date_start", "date_end", "date_precision",
                "date_basis", "location", "confidence", "mentions", "num_mentions", "num_articles"):
        assert key in agree
    assert agree["source"]["country"] == "TJK" and agree["plover"] == "AGREE"
    assert agree["num_mentions"] == 2 and {m["article_id"] for m in agree["mentions"]} == {"art-2023", "art-2023b"}
    assert agree["location"] == {"name": "Tehran", "country": "IRN", "admin1": "IR.26", "lat": 35.7, "lon": 51.4,
                                 "geonames_id": 112931, "kind": "city", "basis": "clause"}


def test_plover(store_path, tmp_path):
    out = tmp_path / "e.plover.jsonl"
    export_events(store_path, "plover", out, a="IRN", b="TJK")
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    agree = records["e-agree23"]
    assert agree["event"] == "AGREE" and agree["date"] == "2023-05-31"
    assert agree["source"] == [{"actorText": "Tajikistan", "code": "TJK", "sector": "GOV"}]
    assert agree["target"][0]["code"] == "IRN"
    assert agree["context"] == "trade, energy, transport"
    assert agree["eventText"] == "signed" and "agreements" in agree["text"]
    assert records["e-kabiri"]["mode"] == "host" and records["e-kabiri"]["target"][0]["sector"] == "OPP"
    assert records["e-recognise"]["date"] is None
    assert agree["dateCoded"] == "2024-01-02"


def test_plover_skips_codes_without_a_type(tmp_path):
    art = Art("a", body="T\n\nIran praised nothing. Iran appealed to Russia.")
    path = build_store(tmp_path / "s.duckdb", [
        Ev("st", "010", "IRN", "RUS", "2020-01-01", [("a", "Iran praised nothing.", "praised")]),
        Ev("ap", "020", "IRN", "RUS", "2020-01-02", [("a", "Iran appealed to Russia.", "appealed")]),
    ], [art])
    out = tmp_path / "p.jsonl"
    assert export_events(path, "plover", out).events == 0  # CAMEO 01 and 02 have no PLOVER type


def test_gdelt(tmp_path):
    art = Art("a", title="Title line", url="https://example.org/a", published="2021-03-02",
              body="Title line\n\nIran's army visited Tajikistan on 1 March.\n\nLater, Tajikistan accused Iran.")
    path = build_store(tmp_path / "g.duckdb", [
        Ev("v", "042", "IRN", "TJK", "2021-03-01", [("a", "Iran's army visited Tajikistan on 1 March.", "visited")],
           src_sector="MIL", location=("Tajikistan", "TJK", 38.5, 71.0)),
        Ev("c", "112", "TJK", "IRN", None, [("a", "Later, Tajikistan accused Iran.", "accused")]),
    ], [art])
    out = tmp_path / "g.tsv"
    export_events(path, "gdelt", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    v, c = rows
    assert v["GlobalEventID"] == str(gdelt_id("v"))
    assert (v["Day"], v["MonthYear"], v["Year"]) == ("20210301", "202103", "2021")
    assert v["FractionDate"] == str(fraction_date(dt.date(2021, 3, 1)))
    assert (v["Actor1Code"], v["Actor1CountryCode"], v["Actor1Type1Code"]) == ("IRNMIL", "IRN", "MIL")
    assert (v["Actor2Code"], v["Actor2CountryCode"], v["Actor2Type1Code"]) == ("TJKGOV", "TJK", "GOV")
    assert (v["EventCode"], v["EventBaseCode"], v["EventRootCode"]) == ("042", "042", "04")
    assert (v["QuadClass"], v["GoldsteinScale"]) == ("1", "1.9")
    assert (v["NumMentions"], v["NumSources"], v["NumArticles"], v["AvgTone"]) == ("1", "1", "1", "")
    assert (v["ActionGeo_Type"], v["ActionGeo_FullName"], v["ActionGeo_Lat"]) == ("1", "Tajikistan", "38.5")
    assert v["IsRootEvent"] == "1" and c["IsRootEvent"] == "0"  # lead paragraph vs later
    assert v["DATEADDED"] == "20240102030405" and v["SOURCEURL"] == "https://example.org/a"
    assert c["Day"] == "" and c["EventRootCode"] == "11" and c["QuadClass"] == "3"


def test_gdelt_helpers():
    assert fraction_date(dt.date(2023, 1, 1)) == 2023.0
    assert 2023.49 < fraction_date(dt.date(2023, 7, 2)) < 2023.51
    assert lead_end("Head\n\nFirst para.\nStill first.\n\nSecond.", "Head") == len("Head\n\nFirst para.\nStill first.")
    assert lead_end("Only one paragraph.", None) == len("Only one paragraph.")
    assert gdelt_id("x") == gdelt_id("x") != gdelt_id("y") and gdelt_id("x") < 2 ** 60


def test_bad_format(store_path, tmp_path):
    with pytest.raises(QueryError):
        export_events(store_path, "xml", tmp_path / "x")


def test_gdelt_action_geo_of_places(tmp_path):
    """ActionGeo_* carry the place's GDELT type (1 country, 3 US city, 4 world city, 5 world
    division), its division code, coordinates and GeoNames id; an unlocated event leaves them empty."""
    art = Art("a", title="T", published="2023-05-31",
              body="T\n\nIran and Tajikistan signed agreements in Tehran.\n\nIran met Tajik envoys in Dallas.\n\n"
                   "Iran criticised Tajikistan in Khatlon.\n\nTajikistan accused Iran.")
    path = build_store(tmp_path / "g.duckdb", [
        Ev("teh", "057", "IRN", "TJK", "2023-05-31", [("a", "Iran and Tajikistan signed agreements in Tehran.", "signed")],
           location=("Tehran", "IRN", 35.69439, 51.42151, "IR.26", 112931, "clause", "city")),
        Ev("dal", "040", "IRN", "TJK", "2023-05-30", [("a", "Iran met Tajik envoys in Dallas.", "met")],
           location=("Dallas", "USA", 32.78306, -96.80667, "US.TX", 4684888, "dateline", "city")),
        Ev("kha", "111", "IRN", "TJK", "2023-05-29", [("a", "Iran criticised Tajikistan in Khatlon.", "criticised")],
           location=("Khatlon", "TJK", None, None, "TJ-KT", None, "clause", "admin1")),
        Ev("acc", "112", "TJK", "IRN", "2023-05-28", [("a", "Tajikistan accused Iran.", "accused")]),
    ], [art])
    out = tmp_path / "g.tsv"
    export_events(path, "gdelt", out)
    rows = {r["EventCode"]: r for r in csv.DictReader(out.open(encoding="utf-8"), delimiter="\t")}
    geo = [f"ActionGeo_{c}" for c in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")]
    assert [rows["057"][c] for c in geo] == ["4", "Tehran", "IRN", "IR.26", "35.69439", "51.42151", "112931"]
    assert [rows["040"][c] for c in geo] == ["3", "Dallas", "USA", "US.TX", "32.78306", "-96.80667", "4684888"]
    assert [rows["111"][c] for c in geo] == ["5", "Khatlon", "TJK", "TJ-KT", "", "", ""]
    assert all(rows["112"][c] == "" for c in geo)


def test_plover_event_location(store_path, tmp_path):
    out = tmp_path / "e.plover.jsonl"
    export_events(store_path, "plover", out, a="IRN", b="TJK")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    agree = next(r for r in records if r["id"] == "e-agree23")
    assert agree["eventLoc"] == {"name": "Tehran", "country code": "IRN", "lat": 35.7, "lon": 51.4,
                                 "admin1": "IR.26", "geonamesID": 112931}


def test_icews_schema_and_rows(store_path, tmp_path):
    out = tmp_path / "e.tab"
    summary = export_events(store_path, "icews", out, a="IRN", b="TJK")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    rows = {r["Event ID"]: r for r in csv.DictReader(out.open(encoding="utf-8"), delimiter="\t")}
    assert summary.events == len(rows) == 11  # asserted only: the two hypothetical events are left out
    assert "e-grid" not in rows and "e-recall" not in rows
    agree = rows["e-agree23"]
    assert (agree["Event Date"], agree["CAMEO Code"], agree["Event Text"], agree["Intensity"]) == (
        "2023-05-31", "057", "Sign formal agreement", "8.0")
    assert (agree["Source Name"], agree["Source Sectors"], agree["Source Country"]) == ("Tajikistan", "GOV", "Tajikistan")
    assert (agree["Target Name"], agree["Target Country"]) == ("Iran", "Iran")
    assert agree["Story ID"] in ("art-2023", "art-2023b") and agree["Publisher"] in ("Steppe Wire", "Caspian Daily")
    assert agree["Sentence Number"] == "" and agree["District"] == ""
    assert (agree["City"], agree["Province"], agree["Country"], agree["Latitude"], agree["Longitude"]) == (
        "Tehran", "IR.26", "Iran", "35.7", "51.4")
    kabiri = rows["e-kabiri"]
    assert (kabiri["Target Name"], kabiri["Target Sectors"], kabiri["Event Date"]) == ("Muhiddin Kabiri", "OPP", "2015-12-01")
    assert rows["e-recognise"]["Event Date"] == "" and rows["e-recognise"]["City"] == ""
    visit = rows["e-visit23"]  # a location stored without a kind, named as its country
    assert (visit["City"], visit["Country"], visit["Source Sectors"]) == ("", "Tajikistan", "MIL")


def test_icews_and_gdelt_all_modalities(store_path, tmp_path):
    for fmt, columns in (("icews", ICEWS_COLUMNS), ("gdelt", GDELT_COLUMNS)):
        out = tmp_path / f"{fmt}.tsv"
        assert export_events(store_path, fmt, out).events == 12
        assert export_events(store_path, fmt, out, modality="asserted").events == 12
        assert export_events(store_path, fmt, out, all_modalities=True).events == 14
        rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
        assert tuple(rows[0]) == (*columns, "Modality")
        assert sorted(r["Modality"] for r in rows) == ["asserted"] * 12 + ["hypothetical"] * 2
        assert export_events(store_path, fmt, out, all_modalities=True, modality="hypothetical").events == 2
        with pytest.raises(QueryError, match="asserted events only"):
            export_events(store_path, fmt, out, modality="hypothetical")
    with pytest.raises(QueryError):
        export_events(store_path, "csv", tmp_path / "x.csv", all_modalities=True)


def test_icews_places_by_kind():
    from detente.analyse.icews import icews_row

    base = {"event_id": "x", "cameo": "042", "goldstein": 1.9, "date_start": None, "lat": 39.0, "lon": 70.0}
    division = icews_row({**base, "location_name": "Khatlon", "location_country": "TJK", "location_kind": "admin1",
                          "admin1": "TJ.02"})
    assert division[-6:] == ["", "", "Khatlon", "Tajikistan", "39.0", "70.0"]
    city = icews_row({**base, "location_name": "Dallas", "location_country": "USA", "location_kind": "city",
                      "admin1": "US.TX"})
    assert city[-6:-2] == ["Dallas", "", "US.TX", "United States"]
    assert icews_row({**base, "location_name": None})[-6:] == [""] * 6
    assert icews_row({**base, "location_name": None, "modality": "negated"}, with_modality=True)[-1] == "negated"
