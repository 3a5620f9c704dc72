"""`detente actor`: one phrase, or a JSON Lines file of phrases, to actor JSON."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()
FIELDS = {"text", "name", "country", "sector", "sector2", "kb_id", "org", "former", "confidence"}


def test_one_phrase_prints_all_fields():
    result = runner.invoke(app, ["actor", "Armenian Prime Minister", "--date", "2022-01-01"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) == FIELDS
    assert (record["country"], record["sector"], record["sector2"]) == ("ARM", "GOV", None)


def test_context_fixes_the_country():
    result = runner.invoke(app, ["actor", "Defense Minister", "--context", "Mexico"])
    record = json.loads(result.stdout)
    assert (record["country"], record["sector"], record["sector2"]) == ("MEX", "GOV", "MIL")


def test_no_actor_gives_null_fields():
    record = json.loads(runner.invoke(app, ["actor", "a cat named Frank"]).stdout)
    assert set(record) == FIELDS and all(record[k] is None for k in FIELDS - {"text"})


def test_jsonl_in_order_with_a_bad_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Tajik President, Emomali Rahmon", "date": "2023-05-30"}\n'
                    '{"text": "Frank"}\n'
                    'not json\n'
                    '{"text": "Defence Minister", "context": "German"}\n')
    result = runner.invoke(app, ["actor", "--jsonl", str(path)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["country"] for r in lines] == ["TJK", None, None, "DEU"]
    assert "error" in lines[2] and result.exit_code == 1


def test_user_actor_file_and_bad_date(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("QUILL_ZARAMOV_ [TJKGOV 941116-]\n")
    record = json.loads(runner.invoke(app, ["actor", "Quill Zaramov", "--actors", str(path)]).stdout)
    assert (record["country"], record["sector"]) == ("TJK", "GOV")
    assert runner.invoke(app, ["actor", "Iran", "--date", "2020-13-01"]).exit_code == 2
    assert runner.invoke(app, ["actor"]).exit_code != 0
