"""Argument values read without importing pydantic.

Typer (0.29) turns the value of each of a command's parameters (its help flag included) into the
annotated type with a pydantic ``TypeAdapter``, built when the command parses its arguments:
importing pydantic for it cost every command ~75 ms in a fresh process, whatever it then did.
The values this command line takes (strings, paths, choices, flags, whole and decimal numbers
with bounds, lists of strings or paths) are read here directly, with Typer's own helpers for
choices and paths, into the value Typer's adapter would give. Anything else, and every value
that is not plainly valid (a choice not offered, a number out of bounds or in an unusual
spelling, a path that must exist and does not), goes to Typer's own coercion, so that the
result and the error message are Typer's (tests/cli/test_coerce.py compares them for every
parameter). The web API, which uses pydantic, imports it itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer.models import ParameterInfo

_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class _Unsure(Exception):
    """The value is left to Typer's own coercion."""


def _leaf(annotation: Any, info: ParameterInfo, value: Any, param: Any, ctx: Context) -> Any:
    """``value`` as ``annotation``, as Typer's adapter would give it; _Unsure when in doubt."""
    if info.parser is not None:
        raise _Unsure
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return coerce_cli_choice(value, choices=tuple(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    if (annotation is str and isinstance(value, str)) or (annotation is bool and isinstance(value, bool)):
        return value
    if annotation in (int, float):
        if annotation is int and type(value) is int:
            number: Any = value
        elif isinstance(value, str) and (_INT if annotation is int else _FLOAT).fullmatch(value):
            number = annotation(value)
        else:
            raise _Unsure
        if info.clamp or (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
            raise _Unsure
        return number
    if annotation is Path and info.path_type is None and not info.allow_dash and not info.resolve_path:
        if isinstance(value, str):
            value = Path(value)
        if isinstance(value, Path):
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
    raise _Unsure


@dataclass(frozen=True)
class DirectParam(RuntimeParam):
    """Reads a parameter's value directly; hands it to Typer's coercion when unsure."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        origin: Any = get_origin(self.annotation)
        try:
            if origin is list and isinstance(value, (list, tuple)):
                (item,) = get_args(self.annotation)
                return [_leaf(item, self.parameter_info, v, param, ctx) for v in value]
            return _leaf(self.annotation, self.parameter_info, value, param, ctx)
        except Exception:  # noqa: BLE001 - whatever the case, Typer decides (and words the error)
            pass
        return build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)


def read_directly(params: Iterable[Any]) -> None:
    """Give each Typer parameter of ``params`` not yet read a DirectParam (a parameter of another
    kind, or of a Typer whose parameters work otherwise, is left alone)."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if isinstance(descriptor, TypeDescriptor) and descriptor.file_annotation is None \
                and getattr(param, "_runtime_param", False) is None:
            param._runtime_param = DirectParam(parameter_info=descriptor.parameter_info,
                                               annotation=descriptor.annotation, descriptor=descriptor)
