from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "analyse"))

from fixture_store import Art, Ev, build_store, irn_tjk_events, irn_tjk_store  # noqa: E402

from detente.cli import app  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(irn_tjk_store(tmp_path / "fixture.duckdb"))


def test_dyad_json_lists_events_in_date_order_with_a_turn(db):
    result = runner.invoke(app, ["dyad", "IRN", "TJK", "--by", "year", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    dates = [e["date_start"] for p in data["periods"] for e in p["events"]]
    assert dates == sorted(dates) and len(dates) == 10
    assert data["periods"][0]["index"] < 0 < data["periods"][-1]["index"]
    assert [p["label"] for p in data["phases"]] == ["cold", "warm"]
    assert [e["event_id"] for e in data["undated"]] == ["e-recognise"]


def test_dyad_table_and_csv(db):
    table = runner.invoke(app, ["dyad", "IRN", "TJK", "--by", "year", "--db", db])
    assert table.exit_code == 0 and "Sign formal agreement" in table.stdout and "cold" in table.stdout
    result = runner.invoke(app, ["dyad", "TJK", "IRN", "--direction", "A>B", "--by", "month", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["period"] for r in rows] == ["2016-01", "2016-03", "2017-05", "2018-10", "2023-05"]


@pytest.fixture
def busy_db(tmp_path: Path) -> str:
    """The fixture corpus and six more IRN-TJK events in 2022: a year of more than three events."""
    events, articles = irn_tjk_events()
    text = []
    for i, (cameo, verb) in enumerate((("040", "consulted"), ("036", "offered"), ("111", "criticised"),
                                       ("057", "signed"), ("042", "visited"), ("112", "accused"))):
        sentence = f"On {i + 3} April 2022 Iran {verb} Tajikistan."
        text.append(sentence)
        events.append(Ev(f"busy-{i}", cameo, "IRN" if i % 2 else "TJK", "TJK" if i % 2 else "IRN",
                         f"2022-04-{i + 3:02d}", [("art-busy", sentence, verb)]))
    return str(build_store(tmp_path / "busy.duckdb", events, [*articles, Art("art-busy", " ".join(text))]))


def test_dyad_table_and_csv_read_only_the_top_events_and_print_what_every_event_gives(busy_db, monkeypatch):
    """The table and the CSV ask the timeline for each period's top events (and the undated and
    vague ones) only, the table for one a period and no contexts; they print byte for byte what
    a timeline listing every event (with three top events a period and the contexts) prints."""
    import detente.analyse.dyad as dyad_module

    real = dyad_module.dyad_timeline
    asked: list[str] = []

    def spy(*args, **kwargs):
        asked.append(kwargs["events"] + ("" if kwargs.get("contexts", True) else ", no contexts")
                     + f", top {kwargs.get('top', 3)}")
        return real(*args, **kwargs)

    def every_event(*args, **kwargs):  # the timeline's defaults: every event, three top events, the contexts
        return real(*args, **{**kwargs, "events": "all", "top": 3, "contexts": True})

    cases = [["IRN", "TJK"], ["IRN", "TJK", "--by", "year"], ["IRN", "TJK", "--by", "month", "--weight", "mentions"],
             ["TJK", "IRN", "--direction", "A>B", "--by", "quarter"], ["IRN", "TJK", "--since", "2017", "--until", "2022-04-06"],
             ["AFG", "IRN", "--by", "year"], ["IRN", "TJK", "--by", "day", "--direction", "B>A"]]
    for args in cases:
        for fmt in ("table", "csv"):
            command = ["dyad", *args, "--format", fmt, "--db", busy_db]
            monkeypatch.setattr(dyad_module, "dyad_timeline", spy)
            top = runner.invoke(app, command)
            monkeypatch.setattr(dyad_module, "dyad_timeline", every_event)
            full = runner.invoke(app, command)
            assert top.exit_code == full.exit_code == 0, top.output
            assert top.stdout == full.stdout and top.stdout.strip()
    # the table shows one top event a period and no contexts: only that is read for it
    assert asked == ["top, no contexts, top 1", "top, top 3"] * len(cases)
    from detente.analyse.phases import dyad_phases
    from detente.analyse.query import open_db

    # the JSON lists every event, read from the store while it is written: byte for byte what
    # json.dumps of a timeline listing every event gives
    monkeypatch.setattr(dyad_module, "dyad_timeline", spy)
    monkeypatch.setattr("detente.analyse.dyadjson.BATCH", 3)  # batches end inside periods too
    monkeypatch.setattr("detente.analyse.dyadjson.WINDOW", 2)  # a query lists a period or a few
    for args in cases:
        json_run = runner.invoke(app, ["dyad", *args, "--format", "json", "--db", busy_db])
        assert json_run.exit_code == 0 and asked[-1] == "top, top 3", json_run.output
        opts = dict(zip(args[2::2], args[3::2]))
        with open_db(busy_db) as store:
            tl = real(store, args[0], args[1], since=opts.get("--since"), until=opts.get("--until"),
                      by=opts.get("--by", "auto"), direction=opts.get("--direction", "both"),
                      weight=opts.get("--weight", "event"), events="all")
        whole = json.dumps({**tl.to_dict(), "phases": [p.to_dict() for p in dyad_phases(tl)]}, ensure_ascii=False, indent=2)
        assert json_run.stdout == whole + "\n" and sum(len(p.events) for p in tl.periods)

    with open_db(busy_db) as store:  # 2022 has more than three events: fewer are read
        listed = {e: sum(len(p.events) for p in real(store, "IRN", "TJK", by="year", events=e).periods)
                  for e in ("top", "all")}
    assert listed["top"] < listed["all"]


def test_dyad_by_week_and_day(db):
    result = runner.invoke(app, ["dyad", "IRN", "TJK", "--by", "week", "--since", "2023", "--format", "csv", "--db", db])
    assert result.exit_code == 0, result.output
    assert [r["period"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["2023-W20", "2023-W22"]
    days = runner.invoke(app, ["dyad", "IRN", "TJK", "--by", "day", "--since", "2023", "--format", "json", "--db", db])
    assert [p["period"] for p in json.loads(days.stdout)["periods"]] == ["2023-05-17", "2023-05-31"]


def test_panel_csv_to_stdout_and_parquet_to_file(db, tmp_path):
    import pandas as pd

    result = runner.invoke(app, ["panel", "--unit", "dyad", "--by", "year", "--db", db])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["country_a"], r["country_b"]) for r in rows} == {("IRN", "TJK"), ("AFG", "IRN")}
    y2023 = next(r for r in rows if r["country_a"] == "IRN" and r["period"] == "2023")
    dyad = json.loads(runner.invoke(app, ["dyad", "IRN", "TJK", "--by", "year", "--format", "json", "--db", db]).stdout)
    last = dyad["periods"][-1]
    assert (float(y2023["index"]), float(y2023["index_low"]), int(y2023["n_events"])) == (
        last["index"], last["index_low"], last["n_events"])
    out = tmp_path / "p.parquet"
    result = runner.invoke(app, ["panel", "--unit", "country", "--by", "week", "--directed", "--since", "2020",
                                 "--format", "parquet", "--out", str(out), "--db", db])
    assert result.exit_code == 0 and "row(s) written" in result.stderr
    frame = pd.read_parquet(out)
    assert set(frame["role"]) == {"source", "target"} and frame["start"].min().year >= 2020


def test_panel_errors(db, tmp_path):
    assert runner.invoke(app, ["panel", "--by", "decade", "--db", db]).exit_code == 2
    missing = runner.invoke(app, ["panel", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no database" in missing.stderr


def test_brief_by_week(db, tmp_path):
    md = tmp_path / "w.md"
    result = runner.invoke(app, ["brief", "IRN", "TJK", "--by", "week", "--format", "md", "--out", str(md), "--db", db])
    assert result.exit_code == 0, result.output
    assert "## Index by week" in md.read_text(encoding="utf-8") and "2023-W22" in md.read_text(encoding="utf-8")


def test_partners(db):
    result = runner.invoke(app, ["partners", "IRN", "--format", "json", "--db", db])
    assert result.exit_code == 0
    assert [p["country"] for p in json.loads(result.stdout)] == ["TJK", "AFG"]
    assert "Tajikistan" in runner.invoke(app, ["partners", "IRN", "--db", db]).stdout


def test_brief_html_and_md(db, tmp_path):
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["brief", "IRN", "TJK", "--out", str(out), "--db", db])
    assert result.exit_code == 0 and str(out) in result.stderr
    assert "Relations between Iran and Tajikistan" in out.read_text(encoding="utf-8")
    md = tmp_path / "b.md"
    assert runner.invoke(app, ["brief", "IRN", "TJK", "--since", "2019", "--format", "md", "--out", str(md),
                               "--db", db]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Relations between Iran and Tajikistan")


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl", "plover", "gdelt", "icews"])
def test_export(db, tmp_path, fmt):
    out = tmp_path / f"e.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--dyad", "IRN>TJK", "--db", db])
    assert result.exit_code == 0, result.output
    assert "6 events (" in result.stderr and out.stat().st_size > 0


def test_export_gdelt_and_icews_asserted_unless_all_modalities(db, tmp_path):
    for fmt in ("gdelt", "icews"):
        out = tmp_path / f"{fmt}.tsv"
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db])
        assert result.exit_code == 0 and "12 events (" in result.stderr  # 14 less 2 hypothetical
        assert "Modality" not in out.read_text(encoding="utf-8").splitlines()[0].split("\t")
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--all-modalities", "--db", db])
        assert result.exit_code == 0 and "14 events (" in result.stderr
        rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
        assert sorted(r["Modality"] for r in rows).count("hypothetical") == 2
    bad = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--modality", "negated", "--db", db])
    assert bad.exit_code == 2 and "--all-modalities" in bad.stderr
    assert runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--all-modalities",
                               "--db", db]).exit_code == 2


def test_export_filters(db, tmp_path):
    out = tmp_path / "e.jsonl"
    runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--code", "ACCUSE", "--since", "2017",
                        "--db", db])
    assert {json.loads(x)["event_id"] for x in out.read_text().splitlines()} == {"e-accuse17", "e-crit18"}


def test_errors_exit_2(db, tmp_path):
    missing = runner.invoke(app, ["dyad", "IRN", "TJK", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no database" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()  # a read command does not create a database
    bad = runner.invoke(app, ["dyad", "IRN", "TJK", "--since", "last year", "--db", db])
    assert bad.exit_code == 2 and "YYYY" in bad.stderr
    assert runner.invoke(app, ["dyad", "Iran", "TJK", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "xml", "--out", "x", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2


def test_cli_periods_are_the_analyse_periods():
    from detente.analyse.dyad import PERIODS
    from detente.cli import analyse_cmds

    assert analyse_cmds.PERIODS == PERIODS  # the CLI spells them out to start without pandas
    assert tuple(b.value for b in analyse_cmds.By) == ("auto", *PERIODS)
    assert tuple(b.value for b in analyse_cmds.PanelBy) == PERIODS


def test_cli_modalities_are_the_model_modalities():
    from detente.cli.common import Modality
    from detente.model import MODALITIES

    assert tuple(m.value for m in Modality) == MODALITIES


def test_serve_with_workers_runs_the_app_factory_in_each_process(db, monkeypatch):
    """--workers N: uvicorn's supervisor starts N processes that each build the app from the
    environment, on a listening socket of protocol TCP (so that asyncio sets TCP_NODELAY on its
    connections: uvicorn's own socket, of protocol 0, costs 40 ms a request in delayed ACKs)."""
    import os
    import socket

    import uvicorn.supervisors

    started = []

    class Supervisor:
        def __init__(self, config, sockets):
            self.config, self.sockets = config, sockets

        def run(self):
            started.append(self)

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    monkeypatch.setenv("DETENTE_DB", "elsewhere.duckdb")  # restored after the test, as is the next
    monkeypatch.setenv("DETENTE_ALLOW_STORE", "")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    result = runner.invoke(app, ["serve", "--db", db, "--workers", "2", "--allow-store", "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert "2 workers" in result.stderr
    [supervisor] = started
    assert supervisor.config.app == "detente.web.app:app_from_env" and supervisor.config.factory
    assert supervisor.config.workers == 2
    [sock] = supervisor.sockets
    with sock:
        assert sock.family == socket.AF_INET and sock.proto == socket.IPPROTO_TCP and sock.get_inheritable()
        assert sock.getsockname() == ("127.0.0.1", port)
    assert os.environ["DETENTE_DB"] == str(Path(db).resolve()) and os.environ["DETENTE_ALLOW_STORE"]
    from detente.web.app import app_from_env

    web = app_from_env()  # what each worker builds: the store named, writes allowed
    try:
        assert web.state.path == Path(db).resolve() and web.state.options.allow_store
    finally:
        web.state.reader.close()
    assert runner.invoke(app, ["serve", "--db", db, "--workers", "0"]).exit_code == 2


@pytest.mark.slow
def test_serve_with_two_workers_answers(db):
    """A real server of two processes: both start on the same store, and it answers."""
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", "from detente.cli import main; main()", "serve", "--db", db,
                               "--workers", "2", "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 120, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/dyads/IRN/TJK/timeline?by=year", timeout=10)
            except httpx.HTTPError:
                time.sleep(0.3)
        assert answer is not None and answer.status_code == 200, server.poll()
        assert answer.json()["n_events"] == 10
        pids = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        assert len(pids) >= 2  # the worker processes (and uvicorn's process helper)
    finally:
        server.terminate()
        server.wait(timeout=30)
