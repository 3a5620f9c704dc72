"""The actor knowledge base: people with time-bounded roles, and organisations.

Plain data in ``detente/data/kb/`` (see its README): every ``*.yaml`` file there is loaded,
records with the same ``id`` are merged, names are indexed with diacritics folded. A user adds
files of the same shape (.yaml/.yml/.json) or TABARI/PETRARCH actor dictionaries (.txt).

``KnowledgeBase.lookup(name, date)`` returns the person or organisation with the role held at
that date; a person whose roles all ended before the date comes back as ``former`` (sector ELI).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from ..errors import DataFileError
from .kbfiles import Problems, parse_file, read_records
from .kbtypes import SECTORS, Organisation, Person, Role
from .names import acronym_key, fold, is_acronym, skeleton

log = logging.getLogger(__name__)

__all__ = ["KBMatch", "KnowledgeBase", "load_kb", "validate_kb_files", "packaged_kb_files",
           "Person", "Organisation", "Role", "SECTORS"]

ROLE_RANK = {
    "head_of_state": 0, "supreme_leader": 0, "monarch": 1, "head_of_government": 1,
    "vice_president": 2, "igo_official": 2, "deputy_head_of_government": 3, "foreign_minister": 3,
    "defence_minister": 3, "armed_forces_chief": 3, "interior_minister": 4, "security_chief": 4,
    "intelligence_chief": 4, "opposition_leader": 4, "insurgent_leader": 4, "militant_leader": 4,
    "speaker": 5, "minister": 5, "party_leader": 6, "judge": 6, "ambassador": 7, "other": 8,
}
_LEADER_ROLES = frozenset({"head_of_state", "head_of_government", "supreme_leader", "monarch"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # offices of the state
_MIN_SKELETON = 6
_TITLED = re.compile(r"(?i)^(president|prime|premier|chancellor|king|queen|prince|princess|emir|sultan|sheikh|"
                     r"shaikh|general|gen|ayatollah|grand|pope|mr|mrs|ms|dr|sir|lord|field|marshal|crown)\b")


@dataclass(frozen=True)
class KBMatch:
    """A knowledge-base entity resolved at a date."""

    kind: str  # "person" | "org"
    id: str
    name: str
    country: str | None
    sector: str | None
    sector2: str | None = None
    org: str | None = None
    title: str | None = None
    former: bool = False
    score: float = 1.0
    leader: bool = False  # heads a state or government at the date (a rank in the text does not make him MIL)


@dataclass(eq=False)  # hashed by identity: one loaded KB, cached resolvers keyed on it
class KnowledgeBase:
    """People and organisations, indexed by folded name, acronym and transliteration skeleton."""

    people: dict[str, Person] = field(default_factory=dict)
    orgs: dict[str, Organisation] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    _names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _shorts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _acronyms: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _skeletons: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _given: set[str] = field(default_factory=set)  # folded first words of people's full names
    _surnames: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # last words
    generation: int = 0  # counts changes (add, build_index): what was read before may be stale

    # -- building -------------------------------------------------------------------
    def add(self, record: Person | Organisation) -> None:
        """Add a record, merging it with an earlier one of the same id."""
        self.generation += 1
        if isinstance(record, Person):
            person = self.people.get(record.id)
            self.people[record.id] = person.merge(record, self.problems) if person is not None else record
        else:
            org = self.orgs.get(record.id)
            self.orgs[record.id] = org.merge(record, self.problems) if org is not None else record

    def build_index(self) -> None:
        self.generation += 1
        for index in (self._names, self._shorts, self._acronyms, self._skeletons):
            index.clear()
        self._given.clear()
        self._surnames.clear()
        entities: list[tuple[str, Person | Organisation]] = [*self.orgs.items(), *self.people.items()]
        for rid, entity in entities:
            for name in entity.all_names():
                self._index_name(rid, name, self._names)
                words = fold(name).split()
                if isinstance(entity, Person) and len(words) > 1:
                    self._given.add(words[0])
                    _add_unique(self._surnames[words[-1]], rid)
                key = skeleton(name)
                if isinstance(entity, Person) and len(name.split()) > 1 and len(key) >= _MIN_SKELETON \
                        and not _TITLED.match(name):  # "President Lula" must not match "President Lai"
                    _add_unique(self._skeletons[key], rid)
            for short in getattr(entity, "short", ()):
                self._index_name(rid, short, self._shorts)

    def _index_name(self, rid: str, name: str, index: dict[str, list[str]]) -> None:
        if is_acronym(name):
            _add_unique(self._acronyms[acronym_key(name)], rid)
        elif fold(name):
            _add_unique(index[fold(name)], rid)

    # -- reading --------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        return {"people": len(self.people), "organisations": len(self.orgs)}

    def names(self) -> Iterator[tuple[str, str, str]]:
        """Every (name, kind, id) the ruler should match, short forms of people included."""
        for rid, org in self.orgs.items():
            for name in org.all_names():
                yield name, "org", rid
        for rid, person in self.people.items():
            for name in (*person.all_names(), *person.short):
                yield name, "person", rid

    def entity(self, rid: str) -> Person | Organisation | None:
        return self.people.get(rid) or self.orgs.get(rid)

    def is_given_name(self, word: str) -> bool:
        """Whether ``word`` begins some person's full name in the KB ("Michael", "Hassan")."""
        return fold(word) in self._given

    def is_name_word(self, word: str) -> bool:
        """Whether ``word`` begins or ends some person's full name ("Francois", "Hollande")."""
        key = fold(word)
        return key in self._given or key in self._surnames

    def surname_at(self, word: str, date: dt.date | None, title: str | None = None) -> str | None:
        """The one person whose full name ends in ``word`` and who holds a role at ``date``
        ("President Bush" in 2003); among several, the one whose role then is the ``title`` the
        text gives ("Prime Minister Khan" in 2019); None when there is no date, nobody, or several."""
        if date is None:
            return None
        ids = [rid for rid in self._surnames.get(fold(word), ())
               if any(r.active(date) for r in self.people[rid].roles)]
        if len(ids) > 1 and title:
            ids = [rid for rid in ids if any(r.active(date) and _titled(r, title) for r in self.people[rid].roles)]
        return ids[0] if len(ids) == 1 else None

    def name_words(self, rid: str) -> frozenset[str]:
        """The folded words of every name of an entity (to tell "Recep Erdogan" from "Andreas X")."""
        entity = self.entity(rid)
        if entity is None:
            return frozenset()
        names = (*entity.all_names(), *getattr(entity, "short", ()))
        return frozenset(w for name in names for w in fold(name).split())

    def candidates(self, text: str, allow_short: bool = True, allow_skeleton: bool = True
                   ) -> tuple[list[str], float]:
        """Ids whose name is ``text``, and how sure the match is (1.0 exact ... 0.75 skeleton)."""
        stripped = text.strip()
        if is_acronym(stripped):
            return list(self._acronyms.get(acronym_key(stripped), ())), 0.95
        key = fold(stripped)
        if not key:
            return [], 0.0
        if key in self._names:
            return list(self._names[key]), 1.0
        if allow_short and key in self._shorts:
            return list(self._shorts[key]), 0.85
        if allow_skeleton and len(key.split()) > 1:
            skel = skeleton(key)
            if len(skel) >= _MIN_SKELETON and skel in self._skeletons:
                return list(self._skeletons[skel]), 0.75
        return [], 0.0

    def lookup(self, text: str, date: dt.date | None = None, country_hint: str | None = None,
               allow_short: bool = True) -> KBMatch | None:
        """The entity named ``text`` with its role at ``date`` (None: the current or main role)."""
        ids, score = self.candidates(text, allow_short=allow_short)
        matches = [m for m in (self.resolve_id(rid, date, score) for rid in ids) if m is not None]
        if not matches:
            return None
        if len(matches) > 1:
            matches.sort(key=lambda m: (m.country != country_hint if country_hint else False,
                                        m.sector is None, m.former, _rank_of(m)))
            first = matches[0]
            return _with_score(first, first.score * 0.9)
        return matches[0]

    def resolve_id(self, rid: str, date: dt.date | None = None, score: float = 1.0) -> KBMatch | None:
        """The entity of id ``rid`` at ``date``."""
        org = self.orgs.get(rid)
        if org is not None:
            return KBMatch("org", org.id, org.name, org.country, org.sector, org.sector2,
                           org=org.name if org.country in (None, "IGO") or org.kind == "igo" else None,
                           score=score)
        person = self.people.get(rid)
        if person is None:
            return None
        return _person_at(person, date, score)


def _person_at(person: Person, date: dt.date | None, score: float) -> KBMatch:
    role, former = _role_at(person.roles, date)
    if role is None:
        sector = "ELI" if former else None
        return KBMatch("person", person.id, person.name, person.country, sector, former=former,
                       score=score * (0.9 if former else 0.8))
    return KBMatch("person", person.id, person.name, role.country or person.country, role.sector,
                   role.sector2, org=role.org, title=role.title or role.role, score=score,
                   leader=role.role in _LEADER_ROLES)


def _role_at(roles: tuple[Role, ...], date: dt.date | None) -> tuple[Role | None, bool]:
    """The most important role held at ``date``; (None, True) when all roles ended before it."""
    if not roles:
        return None, False
    if date is None:
        current = [r for r in roles if r.end is None] or list(roles)
        return min(current, key=_role_key), False
    active = [r for r in roles if r.active(date)]
    if active:
        return min(active, key=_role_key), False
    former = any(r.end is not None and r.end < date for r in roles)
    return None, former


def _role_key(role: Role) -> tuple[int, int]:
    """Rank, then the latest start first. An office of the state with no rank of its own (a
    governor, a chief minister, a mayor, a general: role ``other``) ranks with the ministers, above
    a party office held at the same time (Kejriwal is Delhi's chief minister before his party's
    convenor)."""
    rank = ROLE_RANK.get(role.role, 8)
    if role.role == "other" and role.sector in _STATE_SECTORS:
        rank = ROLE_RANK["minister"]
    return rank, -(role.start or dt.date.min).toordinal()


def _titled(role: Role, title: str) -> bool:
    """Whether a role's title is headed by ``title``: "President" heads "President of the Council
    of State", not "First Vice President of ..."."""
    words, own = fold(title).split(), fold(role.title or "").split()
    return bool(words) and own[:len(words)] == words


def _rank_of(match: KBMatch) -> int:
    return 0 if match.kind == "org" else 1


def _with_score(match: KBMatch, score: float) -> KBMatch:
    from dataclasses import replace

    return replace(match, score=score)


def _add_unique(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


# -- loading ------------------------------------------------------------------------------
def packaged_kb_files() -> list[Path]:
    """The knowledge-base files shipped in ``detente/data/kb`` (sorted, README excluded)."""
    root = importlib_resources.files("detente") / "data" / "kb"
    try:
        entries = list(root.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    files = [Path(str(e)) for e in entries if e.name.endswith((".yaml", ".yml", ".json"))]
    return sorted(files)


def load_kb(extra_files: Iterable[str] = ()) -> KnowledgeBase:
    """Load the packaged KB plus ``extra_files`` (YAML/JSON records or TABARI .txt dictionaries).

    Invalid records in packaged files are skipped (and listed in ``kb.problems``); an invalid
    user file raises :class:`DataFileError`.
    """
    return _load_kb(tuple(str(p) for p in extra_files))


@lru_cache(maxsize=1)
def _packaged_records() -> tuple[tuple[Person | Organisation, ...], tuple[str, ...]]:
    """The packaged records (read once per process) and the problems of the invalid ones."""
    records: list[Person | Organisation] = []
    all_problems: list[str] = []
    for path in packaged_kb_files():
        problems: Problems = []
        records.extend(parse_file(path, problems))
        if problems:
            log.warning("%s: %d invalid record(s) skipped", path.name, len(problems))
        all_problems.extend(problems)
    return tuple(records), tuple(all_problems)


@lru_cache(maxsize=4)
def _load_kb(extra_files: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    records, problems = _packaged_records()
    for record in records:
        kb.add(record)
    kb.problems.extend(problems)
    for name in extra_files:
        extra_problems: Problems = []
        extra = parse_file(Path(name), extra_problems)
        if extra_problems:
            raise DataFileError(name, "; ".join(extra_problems[:5]))
        for record in extra:
            kb.add(record)
    kb.build_index()
    return kb


def validate_kb_files(paths: Iterable[Path] | None = None) -> list[str]:
    """Every problem in the given (default: packaged) KB files: format, dates, sectors, ids, names."""
    paths = list(paths) if paths is not None else packaged_kb_files()
    problems: Problems = []
    kb = KnowledgeBase()
    for path in paths:
        for record in parse_file(path, problems):
            kb.add(record)
    problems.extend(kb.problems)
    problems.extend(_alias_conflicts(kb))
    return problems


def _alias_conflicts(kb: KnowledgeBase) -> list[str]:
    """Full names shared by two people of the same country (short forms may be shared)."""
    seen: dict[tuple[str, str | None], str] = {}
    out = []
    for rid, person in kb.people.items():
        for name in person.all_names():
            key = (fold(name), person.country)
            if key in seen and seen[key] != rid:
                out.append(f"name {name!r} ({person.country}) used by {seen[key]} and {rid}")
            seen.setdefault(key, rid)
    return out


__all__ += ["read_records"]
