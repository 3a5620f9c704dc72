"""The CLI entry point: exit codes."""
from __future__ import annotations

import pytest

import detente.cli as cli


def test_a_crash_exits_3_with_one_line_and_no_traceback(monkeypatch, capsys):
    def boom():
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.delenv("DETENTE_TRACEBACK", raising=False)
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == cli.EXIT_CRASH == 3
    err = capsys.readouterr().err
    assert "kaboom" in err and "Traceback" not in err


def test_traceback_on_request(monkeypatch):
    def boom():
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.setenv("DETENTE_TRACEBACK", "1")
    with pytest.raises(RuntimeError):
        cli.main()


def test_version_flag():
    from typer.testing import CliRunner

    from detente.cli.app import app

    done = CliRunner().invoke(app, ["--version"])
    assert done.exit_code == 0 and done.output.startswith("detente 0.")
