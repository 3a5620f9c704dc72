"""Divisions by name for the actor stage's institution patterns ("the governor of Lower Shabelle",
"the Lombardy regional government", "police in Sulu"): never places of events of their own.

The world gazetteer (``gazetteer.load_index``) knows ISO 3166-2 first-level divisions by their
local names only ("Lombardia", "Bayern", "Shabeellaha Hoose") and no lower levels outside the US.
This table adds, for the actor stage alone and only where an institution names the division
(``actors/phrase.py`` ``_town_pattern``):

- every ISO 3166-2 subdivision of any level (not the US's: the gazetteer has its states) by its
  own name ("Maguindanao del Sur", "Nakhon Si Thammarat") and its part before " de "
  ("Michoacán de Ocampo" is "Michoacán"), when that name is no English word or
  name WordNet knows (the towns table's word list: "Kent", "Central", "Bay" are not read so) and
  lies in one country;
- the English names of ``data/divisions.yaml`` (``english``: name -> ISO 3166-2 code, checked
  here), which count whatever WordNet says ("Bavaria", "Kent", "Sulu");
- its ``adjectives`` ("Bavarian", "Flemish"), read only right before an institution noun.

A name of several countries' divisions ("Limburg") is undecided (None).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources

import yaml

from ..actors.names import fold
from ..errors import DataFileError
from .config import load_config
from .gazetteer import _subdivision_name, geonames_file, iso3_by_iso2
from .towns import load_towns

DIVISIONS_FILE = "data/divisions.yaml"


@lru_cache(maxsize=2)
def _codes(section: str) -> dict[str, str]:
    """A mapping of ``divisions.yaml`` (``english`` names or ``adjectives``) -> ISO 3166-2 codes,
    validated."""
    import pycountry

    path = importlib_resources.files("detente").joinpath(DIVISIONS_FILE)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(DIVISIONS_FILE, f"cannot read: {exc}") from exc
    names = data.get(section)
    if not isinstance(names, dict):
        raise DataFileError(DIVISIONS_FILE, f"{section!r} maps a name to an ISO 3166-2 code")
    for name, code in names.items():
        if not isinstance(code, str) or pycountry.subdivisions.get(code=code) is None:
            raise DataFileError(DIVISIONS_FILE, f"{section}: {name!r}: {code!r} is no ISO 3166-2 code")
    return {str(k): str(v) for k, v in names.items()}


def _iso3(code: str) -> str:
    return iso3_by_iso2(geonames_file("countries.json"))[code.split("-")[0]]


@lru_cache(maxsize=1)
def load_divisions() -> dict[str, str]:
    """Folded division name -> ISO3 of its country ("" where several countries have one)."""
    import pycountry

    iso2_to_3 = iso3_by_iso2(geonames_file("countries.json"))
    towns = load_towns()
    skip = towns.words | load_config().stop
    by_name: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or sub.country_code not in iso2_to_3:
            continue
        name = _subdivision_name(sub.name)
        key = fold(name) if name else ""
        for k in {key, key.split(" de ")[0]}:  # "Michoacán de Ocampo" is "Michoacán" in English news
            if towns.words and len(k) >= 4 and k not in skip:  # (no word list: English names only)
                by_name.setdefault(k, set()).add(iso2_to_3[sub.country_code])
    for name, code in _codes("english").items():
        by_name.setdefault(fold(name), set()).add(iso2_to_3[code.split("-")[0]])
    return {key: next(iter(ccs)) if len(ccs) == 1 else "" for key, ccs in by_name.items()}


def division_country(name: str) -> str | None:
    """The country of the division ``name`` (as written), or None: unknown or undecided."""
    return load_divisions().get(fold(name)) or None


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    return {fold(name): _iso3(code) for name, code in _codes("adjectives").items()}


def division_adjective(word: str) -> str | None:
    """The country of the division an adjective names ("Bavarian" -> DEU), or None."""
    return _adjectives().get(fold(word))
