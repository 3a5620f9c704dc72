"""CAMEO coding policy, from ``data/policy.yaml``: which roots are speech acts, domestic, or never
re-coded; which codes are reciprocal; which sectors are armed non-state groups or placeless; the
weights of a rule event's confidence; whether a countryless official's plain statement counts; how PLOVER
gold records are read. Read once, checked when read.

>>> policy = cameo_policy()
>>> sorted(policy.speech_act_roots), policy.confidence.with_source
(['03', '13'], 0.15)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .errors import DataFileError
from .wordlists import read_packaged

FILE = "data/policy.yaml"
_ROOT = re.compile(r"\d{2}")
_CODE = re.compile(r"\d{3,4}")
_SECTOR = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class ConfidenceWeights:
    """What is added to (or taken from) a rule's confidence; the result is clipped to [floor, ceiling]."""

    per_specificity: float
    with_source: float
    with_target: float
    without_sides: float
    per_clause_depth: float
    in_background: float
    second_conjunct: float
    noun_without_support: float
    carried: float
    floor: float
    ceiling: float


@dataclass(frozen=True)
class Policy:
    no_recode_roots: frozenset[str]
    speech_act_roots: frozenset[str]
    inherit_target_roots: frozenset[str]
    domestic_roots: frozenset[str]
    doer_domestic_roots: frozenset[str]
    domestic_any_sector_roots: frozenset[str]
    venue_roots: frozenset[str]
    comp_subject_roots: frozenset[str]
    prior_clause_roots: frozenset[str]
    clause_subject_roots: frozenset[str]
    beneficiary_roots: frozenset[str]
    condition_roots: frozenset[str]
    reaction_roots: frozenset[str]
    author_roots: frozenset[str]
    content_roots: frozenset[str]
    place_target_roots: frozenset[str]
    victim_roots: frozenset[str]
    holder_roots: frozenset[str]
    instrument_force_roots: frozenset[str]
    addressee_roots: frozenset[str]
    codoer_roots: frozenset[str]
    crowd_roots: frozenset[str]
    ally_roots: frozenset[str]
    shared_object_roots: frozenset[str]
    recall_roots: frozenset[str]
    retaliate_roots: frozenset[str]
    retaliation_act_roots: frozenset[str]
    armed_force_roots: frozenset[str]
    place_target_codes: frozenset[str]
    captive_codes: frozenset[str]
    addressee_only_codes: frozenset[str]
    spoken_of_codes: frozenset[str]
    spoken_of_roots: frozenset[str]
    recall_codes: frozenset[str]
    reciprocal_codes: frozenset[str]
    related_codes: tuple[frozenset[str], ...]
    armed_nonstate: frozenset[str]
    armed_doer_sectors: frozenset[str]
    placeless_sectors: frozenset[str]
    not_from_sentence_sectors: frozenset[str]
    custody_sectors: dict[str, str]
    confidence: ConfidenceWeights
    old_codes: dict[str, str]
    nonstate_sectors: dict[str, str]
    root_category: dict[str, str]
    statement_countryless_any: bool


def _section(data: Any, name: str) -> dict[str, Any]:
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, dict):
        raise DataFileError(FILE, f"{name}: must be a mapping")
    return value


def _set(section: dict[str, Any], where: str, key: str, shape: re.Pattern[str]) -> frozenset[str]:
    value = section.get(key)
    if not isinstance(value, list) or not value:
        raise DataFileError(FILE, f"{where}.{key}: must be a non-empty list")
    bad = [v for v in value if not isinstance(v, str) or not shape.fullmatch(v)]
    if bad:
        raise DataFileError(FILE, f"{where}.{key}: {bad[0]!r} is not a {where[:-1]} (quote codes: \"03\")")
    return frozenset(value)


def _map(section: dict[str, Any], key: str, where: str = "evaluation") -> dict[str, str]:
    value = section.get(key)
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) and isinstance(v, str)
                                                           for k, v in value.items()):
        raise DataFileError(FILE, f"{where}.{key}: must map codes to codes (quote roots: \"03\")")
    return dict(value)


def _code_sectors(section: dict[str, Any], key: str) -> dict[str, str]:
    """A mapping of CAMEO codes to sector codes (``{"173": "COP"}``)."""
    value = _map(section, key, "codes")
    bad = [f"{k}: {v}" for k, v in value.items() if not _CODE.fullmatch(k) or not _SECTOR.fullmatch(v)]
    if bad:
        raise DataFileError(FILE, f"codes.{key}: {bad[0]!r} is not a code and a sector")
    return value


def _flag(section: dict[str, Any], where: str, key: str) -> bool:
    value = section.get(key)
    if not isinstance(value, bool):
        raise DataFileError(FILE, f"{where}.{key}: must be true or false")
    return value


def build_policy(data: Any) -> Policy:
    """The policy of a parsed ``policy.yaml``; DataFileError naming the entry at fault."""
    roots, codes, sectors = _section(data, "roots"), _section(data, "codes"), _section(data, "sectors")
    weights = _section(data, "confidence")
    names = [f.name for f in fields(ConfidenceWeights)]
    wrong = sorted(set(names) ^ set(weights))
    if wrong:
        raise DataFileError(FILE, f"confidence: missing or unknown weight(s) {', '.join(wrong)}")
    bad = [k for k in names if isinstance(weights[k], bool) or not isinstance(weights[k], (int, float))
           or not 0 <= weights[k] <= 1]
    if bad:
        raise DataFileError(FILE, f"confidence.{bad[0]}: must be a number in [0, 1]")
    related = codes.get("related")
    if not isinstance(related, list) or not all(isinstance(g, list) and g for g in related):
        raise DataFileError(FILE, "codes.related: must be a list of lists of codes")
    evaluation, statements = _section(data, "evaluation"), _section(data, "statements")
    return Policy(
        no_recode_roots=_set(roots, "roots", "no_recode", _ROOT),
        speech_act_roots=_set(roots, "roots", "speech_act", _ROOT),
        inherit_target_roots=_set(roots, "roots", "inherit_target", _ROOT),
        domestic_roots=_set(roots, "roots", "domestic", _ROOT),
        doer_domestic_roots=_set(roots, "roots", "doer_domestic", _ROOT),
        domestic_any_sector_roots=_set(roots, "roots", "domestic_any_sector", _ROOT),
        venue_roots=_set(roots, "roots", "venue", _ROOT),
        comp_subject_roots=_set(roots, "roots", "comp_subject", _ROOT),
        prior_clause_roots=_set(roots, "roots", "prior_clause", _ROOT),
        clause_subject_roots=_set(roots, "roots", "clause_subject", _ROOT),
        beneficiary_roots=_set(roots, "roots", "beneficiary", _ROOT),
        condition_roots=_set(roots, "roots", "condition", _ROOT),
        reaction_roots=_set(roots, "roots", "reaction", _ROOT),
        author_roots=_set(roots, "roots", "author", _ROOT),
        content_roots=_set(roots, "roots", "content", _ROOT),
        place_target_roots=_set(roots, "roots", "place_target", _ROOT),
        victim_roots=_set(roots, "roots", "victim", _ROOT),
        holder_roots=_set(roots, "roots", "holder", _ROOT),
        instrument_force_roots=_set(roots, "roots", "instrument_force", _ROOT),
        addressee_roots=_set(roots, "roots", "addressee", _ROOT),
        codoer_roots=_set(roots, "roots", "codoer", _ROOT),
        crowd_roots=_set(roots, "roots", "crowd", _ROOT),
        ally_roots=_set(roots, "roots", "ally", _ROOT),
        shared_object_roots=_set(roots, "roots", "shared_object", _ROOT),
        recall_roots=_set(roots, "roots", "recall", _ROOT),
        retaliate_roots=_set(roots, "roots", "retaliate", _ROOT),
        retaliation_act_roots=_set(roots, "roots", "retaliation_act", _ROOT),
        armed_force_roots=_set(roots, "roots", "armed_force", _ROOT),
        place_target_codes=_set(codes, "codes", "place_target", _CODE),
        captive_codes=_set(codes, "codes", "captive", _CODE),
        addressee_only_codes=_set(codes, "codes", "addressee_only", _CODE),
        spoken_of_codes=_set(codes, "codes", "spoken_of", _CODE),
        spoken_of_roots=_set(roots, "roots", "spoken_of", _ROOT),
        recall_codes=_set(codes, "codes", "recall", _CODE),
        reciprocal_codes=_set(codes, "codes", "reciprocal", _CODE),
        related_codes=tuple(_set({"group": g}, "codes", "group", _CODE) for g in related),
        armed_nonstate=_set(sectors, "sectors", "armed_nonstate", _SECTOR),
        armed_doer_sectors=_set(sectors, "sectors", "armed_doer", _SECTOR),
        placeless_sectors=_set(sectors, "sectors", "placeless", _SECTOR),
        not_from_sentence_sectors=_set(sectors, "sectors", "not_from_sentence", _SECTOR),
        custody_sectors=_code_sectors(codes, "custody"),
        confidence=ConfidenceWeights(**{k: float(weights[k]) for k in names}),
        old_codes=_map(evaluation, "old_codes"),
        nonstate_sectors=_map(evaluation, "nonstate_sectors"),
        root_category=_map(evaluation, "root_category"),
        statement_countryless_any=_flag(statements, "statements", "countryless_any"),
    )


@lru_cache(maxsize=1)
def cameo_policy() -> Policy:
    """The packaged policy (read once per process)."""
    return build_policy(read_packaged("policy.yaml"))
