"""The hand data of the places stage: ``data/places.yaml`` read and validated into ``PlacesConfig``.

Every word list, CAMEO code list and threshold the places modules use (``stop``, ``prefer``,
``locative`` ... ``institution_namesake_ratio``) comes from here, once per process
(``load_config``); a missing or malformed entry is a ``DataFileError`` naming the file. The
gazetteer (``gazetteer.py``) reads the same file for its aliases and extra places
(``read_yaml``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import yaml

from ..errors import DataFileError
from ..actors.names import fold

PLACES_FILE = "data/places.yaml"


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



def read_yaml() -> dict[str, Any]:
    """``places.yaml`` parsed: a mapping (``DataFileError`` when it cannot be read or is none)."""
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
    data = read_yaml()
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
