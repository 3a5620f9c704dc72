"""Argument values read without pydantic (detente.cli.coerce): the value and the error of every
parameter of every command are Typer's own, and a command parses its arguments without
importing pydantic."""
from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import typer.main
from typer._click import Context
from typer._coercion import build_runtime_param

sys.path.insert(0, str(Path(__file__).parents[1] / "analyse"))

from fixture_store import irn_tjk_store  # noqa: E402

from detente.cli import app  # noqa: E402
from detente.cli.coerce import DirectParam, read_directly  # noqa: E402


def _samples(annotation: Any, existing: Path) -> list[Any]:
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return [tuple(v) for v in ((), *([s] for s in _samples(item, existing)), _samples(item, existing)[:2])]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [*(m.value for m in annotation), *(str(m.value).upper() for m in annotation), *annotation,
                "nonesuch", ""]
    if annotation is int:
        return ["0", "1", "20", "007", "+5", "-3", " 5 ", "1_000", "5.0", "x", "", "99999", "65536", 3, True]
    if annotation is float:
        return ["0", "0.5", ".5", "1e3", "-0.1", "nan", "1_0", "x", "", 2.5]
    if annotation is bool:
        return [True, False, "true", "no", "x"]
    if annotation is Path:
        return ["detente.duckdb", "", "-", "/nonexistent/x", str(existing), existing, Path("x.duckdb")]
    return ["IRN", "", "a b", "-", "é"]


def _outcome(coerce: Any) -> tuple[str, Any]:
    try:
        value = coerce()
    except Exception as exc:  # noqa: BLE001 - the errors are compared
        return "error", (type(exc), str(exc))
    return type(value).__name__, value


def _commands() -> list[tuple[str, Any]]:
    group = typer.main.get_command(app)
    return [("detente", group), *sorted(group.commands.items())]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name,command", _commands(), ids=[n for n, _ in _commands()])
def test_every_parameter_reads_as_typer_reads_it(name, command, tmp_path):
    existing = tmp_path / "there.txt"
    existing.write_text("x")
    ctx = Context(command, info_name=name)
    params = command.get_params(ctx)
    read_directly(params)
    checked = 0
    for param in params:
        direct = param._runtime_param
        assert isinstance(direct, DirectParam), param.name
        typers = build_runtime_param(param.type_descriptor)
        for sample in _samples(param.type_descriptor.annotation, existing):
            mine = _outcome(lambda: direct._coerce_value(sample, param=param, ctx=ctx))
            theirs = _outcome(lambda: typers._coerce_value(sample, param=param, ctx=ctx))
            assert mine == theirs, (name, param.name, sample)
            checked += 1
    assert checked >= len(params)


def test_plain_values_are_read_without_typers_coercion(monkeypatch):
    import detente.cli.coerce as coerce

    def refuse(descriptor: Any) -> Any:
        raise AssertionError(f"handed to Typer: {descriptor.annotation}")

    monkeypatch.setattr(coerce, "build_runtime_param", refuse)
    dyad = typer.main.get_command(app).commands["dyad"]  # type: ignore[attr-defined]
    ctx = dyad.make_context("dyad", ["IRN", "TJK", "--by", "year", "--format", "csv", "--db", "x.duckdb",
                                     "--since", "2001"])
    assert ctx.params["by"].value == "year" and ctx.params["db"] == Path("x.duckdb")
    assert ctx.params["since"] == "2001" and ctx.params["until"] is None


def test_a_command_parses_its_arguments_without_importing_pydantic(tmp_path):
    db = irn_tjk_store(tmp_path / "fixture.duckdb")
    code = ("import sys; from detente.cli import app\n"
            "try:\n    app(sys.argv[1:], standalone_mode=False)\n"
            "finally:\n    print('pydantic' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code, "dyad", "IRN", "TJK", "--by", "year", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Iran–Tajikistan" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"
