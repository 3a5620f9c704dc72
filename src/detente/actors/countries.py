"""Country gazetteer: names, short forms, demonyms, capitals and seats of power -> ISO3.

Built from pycountry (names, official and common names) and country_converter's table
(short and official names), extended with ``detente/data/countries_extra.yaml`` for what the
libraries lack: demonyms and adjectives with their plurals, short forms ("the US", "Britain",
"the Islamic Republic"), capitals and seats of power used as metonyms ("Tehran", "the Kremlin").
Last, pycountry's first-level subdivisions whose names hold another country's name or demonym
("New Jersey", "New South Wales", "British Columbia", "Northern Ireland") are places of their own
country, so that the longer name wins over the country inside it (``_subdivisions``).
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources

import pycountry

from ..errors import DataFileError
from ..wordlists import read_packaged
from .kbtypes import SECTORS, valid_country
from .names import acronym_key, fold, is_acronym

KINDS = ("country", "demonym", "people", "capital", "seat", "region", "city")
_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "z")
_PRIORITY = {"country": 0, "seat": 1, "capital": 2, "demonym": 3, "people": 4, "region": 5, "city": 6}


@dataclass(frozen=True)
class Place:
    """What a gazetteer name stands for: a country by name, demonym, capital or seat of power."""

    iso3: str
    kind: str  # country | demonym | people (plural demonym) | capital | seat | region (a region or city)
    #            | city (a GeoNames city or division the list lacks: never an actor on its own)
    sector: str | None = None  # seats of power (and capitals as metonyms): GOV, MIL, LEG


@dataclass
class Gazetteer:
    """Folded names (case-insensitive) and acronyms (case-sensitive) to :class:`Place`."""

    entries: dict[str, Place] = field(default_factory=dict)
    acronyms: dict[str, Place] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # iso3 -> short English name
    forms: list[tuple[str, Place]] = field(default_factory=list)  # every (surface form, place)
    problems: list[str] = field(default_factory=list)
    curated: set[str] = field(default_factory=set)  # keys set from countries_extra.yaml
    deletions: dict[str, set[str]] | None = None  # one-letter deletions of names, for ``fuzzy``

    def add(self, name: str, place: Place, override: bool = False) -> None:
        """Add a name; library names (``override=False``) never replace an existing entry."""
        name = _drop_article(name.strip())
        if not name:
            return
        if is_acronym(name):
            key, table = acronym_key(name), self.acronyms
        else:
            key, table = fold(name), self.entries
        old = table.get(key)
        if override and key in self.curated:
            if old is not None and old.iso3 != place.iso3:
                self.problems.append(f"{name!r} names both {old.iso3} and {place.iso3}")
                return
            if old is not None and _PRIORITY[place.kind] >= _PRIORITY[old.kind]:
                self.forms.append((name, old))
                return
        keep_old = old is not None and old.iso3 == place.iso3 and _PRIORITY[place.kind] > _PRIORITY[old.kind]
        if old is None or (override and not keep_old):
            table[key] = place
        if override:
            self.curated.add(key)
        self.forms.append((name, table[key]))

    def lookup(self, text: str) -> Place | None:
        """The place a name stands for: "the US" -> USA, "Tajiks" -> TJK (people), "us" -> None."""
        text = _drop_article(text.strip())
        if is_acronym(text):
            return self.acronyms.get(acronym_key(text))
        return self.entries.get(fold(text))

    def fuzzy(self, word: str) -> Place | None:
        """The one country name or demonym of 7+ letters one edit away from ``word`` ("Ethopia",
        "Phillippines", "Columbian"); None when there is none or more than one."""
        key = fold(word)
        if len(key) < _FUZZY_MIN or " " in key or key in self.entries:
            return None
        if self.deletions is None:
            self.deletions = _deletion_index(k for k, p in self.entries.items()
                                             if p.kind in ("country", "demonym"))
        cands = {c for v in (key, *_deletes(key)) for c in self.deletions.get(v, ())}
        cands = {c for c in cands if one_edit(key, c)}
        places = {self.entries[c] for c in cands}
        return places.pop() if len({p.iso3 for p in places}) == 1 and len(places) == 1 else None

    def name_of(self, iso3: str | None) -> str | None:
        return self.display.get(iso3) if iso3 else None

    def patterns(self) -> Iterator[tuple[str, Place]]:
        """Surface forms for the entity ruler (with and without a leading "the")."""
        seen: set[str] = set()
        for name, place in self.forms:
            if name not in seen:
                seen.add(name)
                yield name, place


_FUZZY_MIN = 7


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _deletion_index(keys: Iterator[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for key in keys:
        if len(key) >= _FUZZY_MIN and " " not in key:
            for variant in (key, *_deletes(key)):
                index.setdefault(variant, set()).add(key)
    return index


def one_edit(a: str, b: str) -> bool:
    """Exactly one insertion, deletion, substitution or swap of neighbours apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _drop_article(name: str) -> str:
    for article in ("the ", "The ", "THE "):
        if name.startswith(article):
            return name[len(article):]
    return name


def _plural(word: str) -> str | None:
    last = word.split()[-1].lower()
    if last.endswith(_NO_PLURAL) or last.endswith("man") or last.endswith("woman"):
        return None
    return word + "s"


def _library_names(gaz: Gazetteer) -> None:
    for country in pycountry.countries:
        iso3 = country.alpha_3
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                gaz.add(value, Place(iso3, "country"))
    table = importlib_resources.files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            iso3 = row.get("ISO3") or ""
            if row.get("obsolete") or not valid_country(iso3):
                continue
            for col in ("name_short", "name_official"):
                value = row.get(col) or ""
                if value and "," not in value and "(" not in value:
                    gaz.add(value, Place(iso3, "country"))
            gaz.display.setdefault(iso3, row.get("name_short") or iso3)


def _extra(gaz: Gazetteer, data: dict) -> None:
    for iso3, spec in data.items():
        if not valid_country(iso3) or not isinstance(spec, dict):
            gaz.problems.append(f"{iso3!r}: not an ISO3 code with a mapping of names")
            continue
        for name in spec.get("names", ()):
            gaz.add(name, Place(iso3, "country"), override=True)
        for adj in spec.get("adj", ()):
            gaz.add(adj, Place(iso3, "demonym"), override=True)
            plural = _plural(adj)
            if plural and not is_acronym(adj):
                gaz.add(plural, Place(iso3, "people"), override=True)
        for plural in spec.get("plural", ()):
            gaz.add(plural, Place(iso3, "people"), override=True)
        for cap in spec.get("cap", ()):
            gaz.add(cap, Place(iso3, "capital", "GOV"), override=True)
        for place in spec.get("places", ()):
            gaz.add(place, Place(iso3, "region"), override=True)
        for seat, sector in (spec.get("seats") or {}).items():
            if sector not in SECTORS:
                gaz.problems.append(f"{seat!r}: unknown sector {sector!r}")
            gaz.add(seat, Place(iso3, "seat", sector), override=True)


def _subdivisions(gaz: Gazetteer, designators: frozenset[str]) -> None:
    """A first-level subdivision of several words, one run of which names another country or its
    people, is a place of its own country ("New Jersey" is the USA's, not Jersey's). Not where the
    rest of its name is only a designator ("Hong Kong SAR": the gazetteer's own entry stands)."""
    for sub in pycountry.subdivisions:
        words = sub.name.split()
        if sub.parent_code or len(words) < 2 or gaz.lookup(sub.name) is not None:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso3 = getattr(country, "alpha_3", None)
        if iso3 is None or not valid_country(iso3):
            continue
        for i in range(len(words)):
            runs = [(i, j) for j in range(i + 1, len(words) + 1) if (i, j) != (0, len(words))]
            other = next(((i, j) for i, j in runs if (p := gaz.lookup(" ".join(words[i:j]))) is not None
                          and p.iso3 != iso3), None)
            if other is not None:
                rest = words[:other[0]] + words[other[1]:]
                if not all(w in designators for w in rest):
                    gaz.add(sub.name, Place(iso3, "region"))
                break


def _read_extra_file() -> dict:
    """The parsed ``countries_extra.yaml``, checked to hold ``countries: {ISO3: ...}``."""
    data = read_packaged("countries_extra.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise DataFileError("countries_extra.yaml", "expected a mapping `countries: {ISO3: ...}`")
    return data


def read_extra() -> dict:
    """The raw ``countries_extra.yaml`` mapping (ISO3 -> spec)."""
    return _read_extra_file()["countries"]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The country gazetteer (built once per process)."""
    gaz = Gazetteer()
    _library_names(gaz)
    data = _read_extra_file()  # parsed once: the countries' additions and the subdivisions' designators
    _extra(gaz, data["countries"])
    _subdivisions(gaz, frozenset(data.get("subdivision_designators") or ()))
    gaz.display.update({"XKX": "Kosovo", "PSE": "Palestine", "TWN": "Taiwan"})
    return gaz
