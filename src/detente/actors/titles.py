"""Titles and nouns -> sector codes, from ``detente/data/sectors.yaml``.

``Titles.find(words)`` returns every term in a phrase (longest match first, plurals folded to
their singular entry); the resolver decides which of them heads the phrase.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import DataFileError
from ..wordlists import read_packaged
from .kbtypes import SECTORS
from .names import fold

KINDS = ("titles", "groups", "weak", "weak_groups")
_FOUND_MAX = 100_000  # word sequences whose hits ``Titles.find`` remembers before it forgets them all


@dataclass(frozen=True)
class Term:
    """A title or noun with its sector(s); ``kind`` is title, group or weak (``collective``: a weak
    noun naming a body or a group, "council", "coalition", never one person)."""

    text: str
    kind: str
    sector: str | None
    sector2: str | None = None
    collective: bool = False

    @property
    def person(self) -> bool:
        """A title naming one person (can take a name in apposition; "he"/"she" can refer to it)."""
        return self.kind in ("title", "weak") and not self.collective \
            and not self.text.endswith(("s", "ers", "ists"))


@dataclass(frozen=True)
class Hit:
    """A term found in a phrase: words [start, end) of the phrase; ``plural`` when matched via -s."""

    start: int
    end: int
    term: Term
    plural: bool = False


@dataclass
class Titles:
    terms: dict[tuple[str, ...], Term] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    portfolios: frozenset[str] = frozenset()  # words of a minister's portfolio ("Planning", "Interior")
    lowercase: frozenset[str] = frozenset()  # terms only in lower case ("a Dutch national", not "National")
    relational: frozenset[str] = frozenset()  # nouns naming others than their possessor ("Britain's allies")
    placeless: frozenset[str] = frozenset()  # sectors that take no country from where they are
    seated: frozenset[str] = frozenset()  # bodies of those sectors that sit where they govern
    sites: frozenset[str] = frozenset()  # places named as actors, only with a city or a locative place
    site_economy: frozenset[str] = frozenset()  # words making a site an economy ("stock market")
    town_institutions: frozenset[str] = frozenset()  # nouns that may name a small town (places/towns.py)
    town_joiners: frozenset[str] = frozenset()  # words joining such a noun to the town ("in", "of")
    org_heads: frozenset[str] = frozenset()  # titles of an organisation's head ("president", "ceo")
    org_head_sectors: frozenset[str] = frozenset()  # organisations' sectors such a head takes
    max_len: int = 1
    problems: list[str] = field(default_factory=list)
    heads: frozenset[str] = frozenset()  # last words of the terms (set by ``build_titles``)
    _found: dict[tuple[str, ...], tuple[Hit, ...]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, text: str, kind: str, value: object) -> None:
        sector, sector2 = _parse_value(value)
        for code in (sector, sector2):
            if code is not None and code not in SECTORS:
                self.problems.append(f"{text!r}: unknown sector {code!r}")
        key = tuple(fold(text).split())
        if not key:
            self.problems.append(f"{text!r}: empty term")
            return
        if key in self.terms:
            self.problems.append(f"{text!r} is listed twice")
        kind_name = {"titles": "title", "groups": "group"}.get(kind, "weak")
        self._found.clear()  # what ``find`` remembered may change
        self.terms[key] = Term(text, kind_name, sector, sector2, collective=kind == "weak_groups")
        self.max_len = max(self.max_len, len(key))

    def find(self, words: list[str]) -> list[Hit]:
        """Non-overlapping terms in folded ``words``, longest first, left to right (each word
        sequence's hits remembered while no term is added: phrases repeat their words)."""
        key = tuple(words)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _FOUND_MAX:
                self._found.clear()
            found = self._found[key] = tuple(self._find(words))
        return list(found)

    def _find(self, words: list[str]) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            hit = self._longest_at(words, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _longest_at(self, words: list[str], i: int) -> Hit | None:
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            key = tuple(words[i:i + n])
            term = self.terms.get(key)
            if term is not None:
                return Hit(i, i + n, term)
            for singular in _singulars(key[-1]):
                term = self.terms.get((*key[:-1], singular))
                if term is not None:
                    return Hit(i, i + n, term, plural=True)
            for plural in _plurals(key[-1]) if n > 1 else ():  # "human rights group" -> "... groups"
                term = self.terms.get((*key[:-1], plural))
                if term is not None and term.kind == "group":
                    return Hit(i, i + n, term)
        return None

    def is_head(self, word: str) -> bool:
        """Whether a folded word ends some term, itself or as a plural ("servicemen", "agencies")."""
        return word in self.heads or any(w in self.heads for w in _singulars(word))

    def is_relational(self, word: str) -> bool:
        """Whether a folded word (or its singular) names others than its possessor ("allies")."""
        return word in self.relational or any(w in self.relational for w in _singulars(word))

    def takes_place(self, term: Term, sector: str | None) -> bool:
        """Whether a phrase headed by ``term`` with ``sector`` takes the country of a place it is
        in: police, courts, residents and rebels do; officials and soldiers abroad do not
        ("foreign ministers in Brussels"), unless they are a body seated there ("the government
        in Kabul")."""
        return sector not in self.placeless or " ".join(fold(term.text).split()) in self.seated

    def is_site(self, term: Term) -> bool:
        """Whether ``term`` names a place where people are ("market"): an actor only when placed."""
        return " ".join(fold(term.text).split()) in self.sites

    def names_town(self, term: Term) -> bool:
        """Whether ``term`` is an institution or site that may be named by a small town."""
        return " ".join(fold(term.text).split()) in self.town_institutions

    def heads_org(self, term: Term, org_sector: str | None) -> bool:
        """Whether ``term`` heading an organisation of ``org_sector`` takes that sector rather than
        its own ("the president of the International Rescue Committee": NGO, not GOV)."""
        return org_sector in self.org_head_sectors and " ".join(fold(term.text).split()) in self.org_heads

    def modifier(self, word: str) -> str | None:
        return self.modifiers.get(word)


def _parse_value(value: object) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    parts = str(value).split()
    return parts[0], (parts[1] if len(parts) > 1 else None)


def _singulars(word: str) -> list[str]:
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


def _plurals(word: str) -> list[str]:
    if word.endswith("y") and len(word) > 3:
        return [word[:-1] + "ies"]
    return [word + "s", word + "es"] if word.endswith(("s", "x", "ch", "sh")) else [word + "s"]


def build_titles(data: dict) -> Titles:
    titles = Titles()
    for kind in KINDS:
        section = data.get(kind) or {}
        if not isinstance(section, dict):
            titles.problems.append(f"section {kind!r} must be a mapping")
            continue
        for text, value in section.items():
            titles.add(str(text), kind, value)
    for word, value in (data.get("modifiers") or {}).items():
        if value not in SECTORS:
            titles.problems.append(f"modifier {word!r}: unknown sector {value!r}")
        titles.modifiers[fold(str(word)) or str(word)] = value
    portfolios = data.get("portfolios") or []
    if not isinstance(portfolios, list):
        titles.problems.append("portfolios must be a list of words")
        portfolios = []
    titles.portfolios = frozenset(fold(str(w)) for w in portfolios)
    titles.heads = frozenset(key[-1] for key in titles.terms)
    for section in ("lowercase", "relational", "seated", "sites", "site_economy", "org_heads", "town_institutions",
                    "town_joiners"):
        words = data.get(section) or []
        if not isinstance(words, list):
            titles.problems.append(f"{section} must be a list of words")
            words = []
        setattr(titles, section, frozenset(fold(str(w)) for w in words))
    titles.problems.extend(f"town_institutions: {w!r} is no term" for w in sorted(titles.town_institutions)
                           if tuple(w.split()) not in titles.terms)
    placeless = data.get("placeless") or []
    titles.problems.extend(f"placeless: unknown sector {c!r}" for c in placeless if c not in SECTORS)
    titles.placeless = frozenset(str(c) for c in placeless)
    org_sectors = data.get("org_head_sectors") or []
    titles.problems.extend(f"org_head_sectors: unknown sector {c!r}" for c in org_sectors if c not in SECTORS)
    titles.org_head_sectors = frozenset(str(c) for c in org_sectors)
    return titles


def read_sectors() -> dict:
    data = read_packaged("sectors.yaml")
    if not isinstance(data, dict):
        raise DataFileError("sectors.yaml", "expected a mapping of sections")
    return data


@lru_cache(maxsize=1)
def load_titles() -> Titles:
    """The title/noun -> sector table (built once per process)."""
    return build_titles(read_sectors())
