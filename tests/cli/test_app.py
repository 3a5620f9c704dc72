"""The command line's shared behaviour (detente.cli.app, .common, .messages): one message style,
help without ``<bool>``, ``-`` for stdout, a reader that stops early, tables that wrap."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "analyse"))

from fixture_store import irn_tjk_store  # noqa: E402

from detente.cli import app  # noqa: E402
from detente.cli.messages import MESSAGES, message, plural  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(irn_tjk_store(tmp_path / "fixture.duckdb"))


def detente_process(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from detente.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=120, **kwargs)


def test_every_message_of_the_catalogue_is_lower_case_after_its_prefix():
    for key, text in MESSAGES.items():
        first = text.split(": ", 1)[-1] if text.startswith(("error:", "warning:", "note:")) else text
        assert not first[:1].isupper() or first.startswith("{"), key
        assert not text.startswith("Error"), key


def test_plurals():
    assert plural(1, "article") == "1 article" and plural(2, "source") == "2 sources"
    assert plural(0, "country", "countries") == "0 countries"


def test_usage_errors_are_one_error_line_with_the_way_to_the_help(db):
    result = runner.invoke(app, ["dyad", "IRN", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "Error" not in result.stderr
    assert "detente dyad --help" in result.stderr and "╭" not in result.stderr
    unknown = runner.invoke(app, ["events", "--bogus"])
    assert unknown.exit_code == 2 and unknown.stderr.startswith("error: ") and "--bogus" in unknown.stderr


def test_missing_store_says_how_to_make_one(tmp_path):
    for command in (["events"], ["dyad", "IRN", "TJK"], ["stats"], ["export"], ["partners", "IRN"]):
        result = runner.invoke(app, [*command, "--db", str(tmp_path / "none.duckdb")])
        assert result.exit_code == 2, command
        assert result.stderr.startswith("error: no database at ") and "detente code" in result.stderr, command


@pytest.mark.parametrize("command", [[], ["panel"], ["export"], ["code"], ["demo"]])
def test_help_shows_no_bool_type(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout and "--help" in result.stdout


def test_a_country_name_is_refused_with_its_code(db):
    result = runner.invoke(app, ["dyad", "IRAN", "TAJIKISTAN", "--db", db])
    assert result.exit_code == 2
    assert "'IRAN' is not a country code" in result.stderr and "did you mean IRN" in result.stderr
    other = runner.invoke(app, ["partners", "Tajikistan", "--db", db])
    assert other.exit_code == 2 and "did you mean TJK" in other.stderr


def test_piping_into_head_exits_0_quietly(tmp_path):
    """`detente export | head -c 10` (a real pipe, closed by its reader long before the end)."""
    many = _big_store(tmp_path / "many.duckdb")
    script = (f"{sys.executable} -c 'from detente.cli import main; main()' export --format csv --db {many} "
              "| head -c 10 > /dev/null; echo \"status=${PIPESTATUS[0]}\"")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert "status=0" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def _big_store(path: Path) -> Path:
    """A store whose export outgrows a pipe's buffer (64 KiB)."""
    from fixture_store import Art, Ev, build_store

    sentence = "Iran and Tajikistan signed an agreement on trade, transport and water in Dushanbe. " * 3
    arts = [Art(f"a{i}", sentence) for i in range(300)]
    evs = [Ev(f"e{i}", "057", "IRN", "TJK", "2023-05-31", mentions=[(f"a{i}", sentence, "signed")])
           for i in range(300)]
    return build_store(path, evs, arts)


def test_out_dash_is_stdout_and_no_file_named_dash(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in (["export", "--format", "jsonl", "--out", "-"], ["panel", "--out", "-"],
                    ["brief", "IRN", "TJK", "--format", "md", "--out", "-"]):
        result = runner.invoke(app, [*command, "--db", db])
        assert result.exit_code == 0, (command, result.stderr)
        assert result.stdout.strip(), command
    assert not (tmp_path / "-").exists()


def test_export_without_out_writes_csv_to_stdout(db):
    result = runner.invoke(app, ["export", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("event_id,") and "written to standard output" in result.stderr


def test_the_messages_of_the_catalogue_fill(db):
    assert message("no_store", db="x.duckdb").startswith("error: no database at x.duckdb")
    assert "--settings" in message("undated_inputs", n="1 article") or "--published" in message(
        "undated_inputs", n="1 article")


# -- inputs that give nothing ------------------------------------------------------------------
@pytest.fixture
def no_model(monkeypatch):
    """Loading the models (2 s and more) fails the test: what needs none must not load them."""
    import detente.pipeline as pipeline

    def refuse(*args, **kwargs):
        raise AssertionError("the models were loaded")

    monkeypatch.setattr(pipeline, "load_resources", refuse)
    monkeypatch.setattr(pipeline, "load_nlp", refuse)


def test_a_pdf_is_refused_with_the_fix_before_any_model_loads(tmp_path, no_model):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    result = runner.invoke(app, ["code", str(pdf), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1, result.stderr
    assert "report.pdf: a PDF is not read" in result.stderr and "pdftotext" in result.stderr


def test_an_empty_folder_is_named_and_exits_1(tmp_path, no_model):
    (tmp_path / "inbox").mkdir()
    for command in ("ingest", "code"):
        result = runner.invoke(app, [command, str(tmp_path / "inbox"), "--db", str(tmp_path / "x.duckdb")])
        assert result.exit_code == 1, (command, result.stderr)
        assert "inbox: empty folder" in result.stderr and ".txt" in result.stderr
        assert "0 articles read" in result.stderr and "1 input skipped" in result.stderr


def test_undated_text_files_get_a_note_naming_published(tmp_path):
    (tmp_path / "a.txt").write_text("Iran and Tajikistan signed an agreement on trade in Dushanbe, officials "
                                    "said, after two days of talks between the two delegations.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "1 article read" in result.stderr
    assert "note: 1 article had no publication date" in result.stderr and "--published" in result.stderr
    assert "no_published_date" in result.stderr
    dated = runner.invoke(app, ["ingest", "-", "--db", db, "--published", "2023-05-31"],
                          input="Iran and Tajikistan held talks on water and transport in Dushanbe on Monday.")
    assert dated.exit_code == 0 and "note:" not in dated.stderr


def test_oversized_and_csv_column_errors_say_the_fix(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Talks were held in Dushanbe. " * 8000, encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("key,content\nk1,Iran and Tajikistan signed an agreement on trade.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(big), str(table), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "max_chars" in result.stderr and "--settings FILE" in result.stderr
    assert "no text column 'text'" in result.stderr and "--text-column" in result.stderr


# -- tables --------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["events"], ["dyad", "IRN", "TJK", "--by", "month"], ["partners", "IRN"],
                                     ["articles"]])
def test_tables_wrap_at_80_columns_and_never_cut_a_date(db, command):
    result = runner.invoke(app, [*command, "--db", db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert "…" not in result.stdout
    assert re.search(r"\b20\d\d-\d\d", result.stdout)  # dates whole: no '2023-0…'


def test_dyad_honours_the_width(db):
    narrow = runner.invoke(app, ["dyad", "IRN", "TJK", "--db", db], env={"COLUMNS": "70"})
    wide = runner.invoke(app, ["dyad", "IRN", "TJK", "--db", db], env={"COLUMNS": "160"})
    assert max(len(x) for x in narrow.stdout.splitlines()) <= 70
    assert len(wide.stdout.splitlines()) < len(narrow.stdout.splitlines())


# -- one set of filters ----------------------------------------------------------------------------
def test_events_take_the_filters_of_export(db):
    def ids(command: list[str]) -> list[str]:
        result = runner.invoke(app, [*command, "--format", "jsonl", "--db", db])
        assert result.exit_code == 0, (command, result.stderr)
        return sorted(line.split('"event_id": "')[1].split('"')[0] for line in result.stdout.splitlines())

    for filters in (["--dyad", "IRN-TJK", "--since", "2023"], ["--modality", "intended"],
                    ["--since", "2018-01-01", "--until", "2023-05-20"], ["--country", "AFG"]):
        assert ids(["events", *filters]) == ids(["export", *filters]), filters
    assert ids(["events", "--dyad", "IRN-TJK", "--since", "2023"])
    assert runner.invoke(app, ["events", "--modality", "maybe", "--db", db]).exit_code == 2


def test_dyad_and_brief_share_the_auto_period(db):
    result = runner.invoke(app, ["dyad", "IRN", "TJK", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.stderr
    import json

    assert json.loads(result.stdout)["by"] == "year"  # the fixture spans 2016-2023: auto picks years


@pytest.mark.parametrize("argv", [["dyad", "IRN", "TJK", "--by", "year"], ["dyad", "IRN", "TJK", "--format", "csv"],
                                  ["dyad", "IRN"], ["dyad", "--help"], ["partners", "IRN", "--limit", "0"],
                                  ["eval", "--help"], ["events", "--bogus"], ["nonesuch"], ["--help"], ["--version"], []],
                         ids=lambda argv: " ".join(argv) or "no arguments")
def test_a_command_named_first_is_built_alone_and_runs_as_in_the_whole_application(db, argv):
    """``detente dyad …`` builds the dyad command only; what it prints and its exit status are
    those of the whole application (help, errors, an unknown command, the group's options)."""
    args = [*argv, "--db", db] if argv and argv[0] in ("dyad", "partners") and "--help" not in argv else argv
    narrowed = app.narrowed(args)
    commands = typer.main.get_command(narrowed).commands  # type: ignore[attr-defined]
    alone_expected = bool(argv) and argv[0] in ("dyad", "partners", "eval", "events")
    assert list(commands) == [argv[0]] if alone_expected else len(commands) > 10
    alone = runner.invoke(narrowed, args, env={"COLUMNS": "100"})
    whole = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert (alone.exit_code, alone.stdout, alone.stderr) == (whole.exit_code, whole.stdout, whole.stderr)


def test_the_application_called_runs_the_command_alone(db, monkeypatch):
    built: list[list[str]] = []
    real = typer.main.get_command
    monkeypatch.setattr(typer.Typer, "__call__",
                        lambda self, *a, **k: built.append(list(real(self).commands)) or 0)  # type: ignore[attr-defined]
    app(["dyad", "IRN", "TJK", "--db", db])
    monkeypatch.setattr(sys, "argv", ["detente", "--help"])
    app()
    assert built[0] == ["dyad"] and len(built[1]) > 10
