"""Typed knowledge-base records (people, roles, organisations) and their validation."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import pycountry

from ..dates import parse_date

SECTORS = frozenset({
    "GOV", "MIL", "OPP", "REB", "INS", "IGO", "CVL", "ELI", "COP", "JUD", "LEG", "BUS", "MED",
    "EDU", "PTY", "SPY", "CRM", "REL", "NGO", "HLH", "LAB", "REF", "UAF", "AGR", "DEV", "ENV",
    "HRI", "MOD", "RAD", "SEP", "IMG", "MNC",
})
ROLES = frozenset({
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "armed_forces_chief", "interior_minister", "minister", "vice_president",
    "deputy_head_of_government", "speaker", "party_leader", "opposition_leader", "insurgent_leader",
    "militant_leader", "igo_official", "monarch", "supreme_leader", "security_chief",
    "intelligence_chief", "judge", "ambassador", "other",
})
ORG_KINDS = frozenset({"igo", "party", "armed_group", "agency", "ministry", "legislature", "court",
                       "media", "company", "ngo", "other"})
_ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "IGO"}
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class RecordError(ValueError):
    """One record of a KB file is invalid (the message says why)."""


def valid_country(code: Any) -> bool:
    return isinstance(code, str) and code in _ISO3


@dataclass(frozen=True)
class Role:
    role: str
    sector: str
    title: str | None = None
    sector2: str | None = None
    country: str | None = None  # when it differs from the person's
    org: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str | None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str = ""

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def merge(self, other: "Person", problems: list[str]) -> "Person":
        if other.country != self.country:
            problems.append(f"{self.id}: merged records disagree on country "
                            f"({self.country} vs {other.country})")
        return replace(
            self,
            aliases=_union(self.aliases, (other.name, *other.aliases), exclude=self.name),
            short=_union(self.short, other.short),
            roles=_union(self.roles, other.roles),
        )


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    country: str | None
    sector: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    sector2: str | None = None
    source: str = ""

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def merge(self, other: "Organisation", problems: list[str]) -> "Organisation":
        if (other.country, other.sector) != (self.country, self.sector):
            problems.append(f"{self.id}: merged records disagree on country/sector")
        return replace(self, aliases=_union(self.aliases, (other.name, *other.aliases), exclude=self.name))


def _union(a: tuple, b: tuple, exclude: Any = None) -> tuple:
    out = list(a)
    for item in b:
        if item not in out and item != exclude:
            out.append(item)
    return tuple(out)


def _names(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RecordError(f"{what} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _sector(value: Any, what: str) -> str:
    if value not in SECTORS:
        raise RecordError(f"{what} {value!r} is not a known sector code")
    return str(value)


def _optional_sector(value: Any, what: str) -> str | None:
    return None if value is None else _sector(value, what)


def _country(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not valid_country(value):
        raise RecordError(f"{what} {value!r} is not an ISO 3166-1 alpha-3 code or IGO")
    return value


def _check_id(record: dict) -> str:
    rid = record.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise RecordError(f"bad or missing id {rid!r}")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RecordError("missing name")
    return rid


def parse_role(data: Any) -> Role:
    if not isinstance(data, dict):
        raise RecordError("a role must be a mapping")
    role = data.get("role", "other")
    if role not in ROLES:
        raise RecordError(f"unknown role {role!r}")
    start = parse_date(data.get("start"), f"{role} start date")
    end = parse_date(data.get("end"), f"{role} end date", end=True)
    if start and end and start > end:
        raise RecordError(f"role {role} starts {start} after it ends {end}")
    title = data.get("title")
    org = data.get("org")
    return Role(role=role, sector=_sector(data.get("sector"), "role sector"),
                title=str(title) if title else None,
                sector2=_optional_sector(data.get("sector2"), "role sector2"),
                country=_country(data.get("country"), "role country"),
                org=str(org) if org else None, start=start, end=end)


def parse_person(record: dict, source: str = "") -> Person:
    rid = _check_id(record)
    roles = record.get("roles") or []
    if not isinstance(roles, list):
        raise RecordError("roles must be a list")
    return Person(
        id=rid, name=record["name"].strip(), country=_country(record.get("country"), "country"),
        aliases=_names(record.get("aliases"), "aliases"), short=_names(record.get("short"), "short"),
        roles=tuple(parse_role(r) for r in roles), source=source,
    )


def parse_org(record: dict, source: str = "") -> Organisation:
    rid = _check_id(record)
    kind = record.get("kind", "other")
    if kind not in ORG_KINDS:
        raise RecordError(f"unknown organisation kind {kind!r}")
    return Organisation(
        id=rid, name=record["name"].strip(), country=_country(record.get("country"), "country"),
        sector=_sector(record.get("sector"), "sector"), kind=kind,
        aliases=_names(record.get("aliases"), "aliases"),
        sector2=_optional_sector(record.get("sector2"), "sector2"), source=source,
    )


def parse_record(record: Any, hint: str | None, source: str = "") -> Person | Organisation:
    """A person or an organisation record (``hint`` from the file name, else from the keys)."""
    if not isinstance(record, dict):
        raise RecordError("a record must be a mapping")
    kind = hint
    if kind is None:
        kind = "person" if "roles" in record or "short" in record else "org"
    return parse_person(record, source) if kind == "person" else parse_org(record, source)
