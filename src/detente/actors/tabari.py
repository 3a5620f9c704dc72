"""Importer of actor dictionaries in the TABARI / PETRARCH text format.

    # comment (also after ';')
    EMOMALI_RAHMON_ [TJKGOV 941116-]
    +RAKHMONOV_
    +EMOMALI_RAKHMONOV
    BARACK_OBAMA_
    [USAELI <090120]
    [USAGOV 090120-170120]
    [USAELI >170120]

A name line starts an entry; ``+`` lines add synonyms; ``[CODE date]`` (on the name line or
on following lines) adds a role. A code is a country (ISO3 or IGO) followed by 3-letter
sector codes; dates are YYMMDD or YYYYMMDD, as ``>d`` (from d), ``<d`` (until d), ``d1-d2``,
``d1-`` or ``-d2``. Entries become the same :class:`Person` records as the YAML files.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..dates import parse_compact
from .kbtypes import SECTORS, Person, Role, valid_country
from .names import fold

_CODE = re.compile(r"\[([^\]]*)\]")
_ROMAN = re.compile(r"^(?=[ivx]+$)i{0,3}v?x?i{0,3}$")


@dataclass
class _Entry:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def _dates(spec: str) -> tuple[dt.date | None, dt.date | None]:
    spec = spec.strip()
    if not spec:
        return None, None
    if spec.startswith(">"):
        return parse_compact(spec[1:]), None
    if spec.startswith("<"):
        return None, parse_compact(spec[1:])
    if "-" in spec:
        a, b = spec.split("-", 1)
        return (parse_compact(a) if a.strip() else None), (parse_compact(b) if b.strip() else None)
    day = parse_compact(spec)
    return day, day


def _role(body: str) -> Role | None:
    """One bracketed code with an optional date restriction; None for agents (``~GOV``)."""
    parts = body.split(None, 1)
    if not parts or parts[0].startswith("~"):
        return None
    code = parts[0].upper()
    start, end = _dates(parts[1] if len(parts) > 1 else "")
    if start and end and start > end:
        raise ValueError(f"{code}: start {start} after end {end}")
    country = code[:3] if valid_country(code[:3]) else None
    rest = code[3:] if country else code
    sectors = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in SECTORS]
    if country is None and not sectors:
        raise ValueError(f"unknown code {code!r}")
    return Role(role="other", sector=sectors[0] if sectors else None,  # type: ignore[arg-type]
                sector2=sectors[1] if len(sectors) > 1 else None, country=country,
                title=code, start=start, end=end)


def _name(raw: str) -> str:
    words = [w for w in raw.strip().strip("+").split("_") if w]
    return " ".join(w.upper() if _ROMAN.match(w.lower()) else w.capitalize() for w in words)


def _strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        if mark in line:
            line = line.split(mark, 1)[0]
    return line.rstrip()


def _entries(text: str, problems: list[str], source: str) -> Iterator[_Entry]:
    current: _Entry | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        head = _CODE.split(stripped)[0].strip() if not stripped.startswith("[") else ""
        if stripped.startswith("+"):
            if current is not None and _name(head):
                current.aliases.append(_name(head))
            continue
        if head:
            if current is not None:
                yield current
            current = _Entry(_name(head), number)
        if current is None:
            problems.append(f"{source}:{number}: code line before any name")
            continue
        for body in _CODE.findall(stripped):
            try:
                role = _role(body)
            except ValueError as exc:
                problems.append(f"{source}:{number}: {exc}")
                continue
            if role is not None:
                current.roles.append(role)
    if current is not None:
        yield current


def parse_tabari(text: str, source: str = "<tabari>", problems: list[str] | None = None) -> Iterator[Person]:
    """Person records from a TABARI/PETRARCH actor dictionary; bad lines go to ``problems``."""
    problems = problems if problems is not None else []
    for entry in _entries(text, problems, source):
        if not entry.roles:
            problems.append(f"{source}:{entry.line}: {entry.name!r} has no code")
            continue
        countries = [r.country for r in entry.roles if r.country]
        slug = fold(entry.name).replace(" ", "-")
        yield Person(id=f"tabari-{slug}", name=entry.name, country=countries[0] if countries else None,
                     aliases=tuple(dict.fromkeys(a for a in entry.aliases if a != entry.name)),
                     roles=tuple(entry.roles), source=source)
