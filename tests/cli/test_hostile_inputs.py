"""Hostile inputs through the command line (issue 13): every dropped input is named, the good
ones of the same run are stored. The seeded fuzz run is in tests/test_fuzz.py."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app
from detente.store import Store

TEXT = ("Azerbaijan and Georgia signed an agreement on Thursday to expand a rail corridor that links the "
        "Caspian Sea with ports on the Black Sea, the two governments said in a statement.")
runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_an_id_stored_with_another_text_is_a_named_conflict(tmp_path):
    db = tmp_path / "c.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": 1, "text": TEXT}) + "\n", encoding="utf-8")
    assert invoke("ingest", first, "--db", db).exit_code == 0
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "1", "text": TEXT + " Updated."}) + "\n"
                      + json.dumps({"id": "2", "text": TEXT + " Another."}) + "\n", encoding="utf-8")
    result = invoke("ingest", second, "--db", db)
    assert result.exit_code == 1
    assert "1 stored, 0 already stored, 1 input skipped" in result.stderr
    assert f"skipped {second}:1: id conflict: id '1' is stored with another text" in result.stderr
    with Store.open(db) as store:
        assert [a.raw_text for a in store.get_articles()] == [TEXT, TEXT + " Another."]
        reasons = [r[0] for r in store.con.execute("SELECT reason FROM rejections").fetchall()]
    assert any(r.startswith("id conflict") for r in reasons)


def test_hidden_files_of_a_folder_are_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / ".notes.txt").write_text(TEXT + " Hidden.", encoding="utf-8")
    result = invoke("ingest", folder, "--db", tmp_path / "h.duckdb")
    assert result.exit_code == 1 and "1 stored" in result.stderr
    assert f"skipped {folder / '.notes.txt'}: hidden" in result.stderr


def test_a_file_name_that_is_no_utf8_is_stored_with_an_escaped_origin(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # undecodable bytes come back as lone surrogates
    (folder / name).write_text(TEXT, encoding="utf-8")
    (folder / (name + ".pdf")).write_bytes(b"%PDF")
    db = tmp_path / "n.duckdb"
    result = invoke("ingest", folder, "--db", db)
    assert result.exit_code == 1 and "1 stored" in result.stderr, result.stderr
    with Store.open(db) as store:
        [article] = store.get_articles()
        [reason] = [r[0] for r in store.con.execute("SELECT origin FROM rejections").fetchall()]
    assert article.origin.endswith("caf\\udce9.txt") and reason.endswith("caf\\udce9.txt.pdf")
