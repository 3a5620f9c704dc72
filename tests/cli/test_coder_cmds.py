"""`detente eval GOLD.json` and `detente explain "SENTENCE"`."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

GOLD = [
    {"id": "C-1", "date": "2010-05-01", "event": "CONSULT", "text": "The Mongolian president visited Kazakhstan on Monday.",
     "source": [{"actorText": "The Mongolian president", "code": "MNG", "sector": "GOV"}],
     "target": [{"actorText": "Kazakhstan", "code": "KAZ"}], "textInfo": {"markup": ""}},
    {"id": "C-2", "date": "2010-05-01", "event": "FIGHT", "text": "Uzbek troops shelled Kyrgyz villages.",
     "source": [{"actorText": "Uzbek troops", "code": "UZB", "sector": "MIL"}], "textInfo": {"markup": ""}},
]


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return path


def test_eval_prints_tables_and_writes_records(gold, tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["eval", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "event type (top event)" in result.stdout
    assert "per category" in result.stdout and "CONSULT" in result.stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["C-1", "C-2"]
    assert records[0]["cameo"] == "042" and records[0]["type_ok"] is True


def test_eval_records_to_stdout_tables_to_stderr(gold, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["eval", str(gold), "--out", "-"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["C-1", "C-2"]
    assert "event type (top event)" in result.stderr and not (tmp_path / "-").exists()


def test_eval_json(gold):
    result = runner.invoke(app, ["eval", str(gold), "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["records"] == 1 and data["event_type_accuracy"] == 1.0
    assert data["per_category"][0]["category"] == "CONSULT"


def test_eval_bad_gold_file_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 2
    assert "error:" in result.output


def test_explain_tables():
    result = runner.invoke(app, ["explain", "Kazakhstan accused Kyrgyzstan of spying.", "--date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    for title in ("parse", "actors", "rules tried", "decisions", "event mentions"):
        assert title in result.stdout
    assert "accuse" in result.stdout


def test_explain_json():
    result = runner.invoke(app, ["explain", "Kazakhstan accused Kyrgyzstan of spying.", "--json"])
    data = json.loads(result.stdout)
    assert data["events"][0]["cameo"].startswith("112")
    assert data["events"][0]["target"]["country"] == "KGZ"


def test_explain_runs_the_stages_of_code():
    # the events as `detente code` makes them: located, with the places named and why each was read so
    result = runner.invoke(app, ["explain", "Uzbek troops shelled villages near Osh on Monday.", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert any(p["name"] == "Osh" and p["why"] for p in data["places"])
    located = [e["location"] for e in data["events"] if e["location"]]
    assert located and located[0]["name"] == "Osh" and located[0]["basis"] == "clause"
    tables = runner.invoke(app, ["explain", "Uzbek troops shelled villages near Osh on Monday."])
    assert "places" in tables.stdout and "event locations" in tables.stdout and "clause" in tables.stdout
