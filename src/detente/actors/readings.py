"""What one segment of a phrase says (``Reading``), and the tests on a segment the resolver's rules
read: whether a word says the actor is from abroad, a bare collective noun, a city or nation right
before a name, a site placed by a town; a place read as an actor; and the merge of a phrase's
segments (a title with the name in apposition, a place in apposition giving a group its country).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Actor
from ..wordlists import word_map, word_set
from .countries import Gazetteer
from .kb import KBMatch
from .names import fold
from .phrase import POSSESSIVE, Found, Segment, complement_parts, locative_place
from .titles import Hit

PLACE_CONF = {"country": 0.9, "seat": 0.85, "capital": 0.7, "people": 0.75, "demonym": 0.6, "region": 0.5, "city": 0.5}
ABROAD = word_map("actors", "abroad_modifiers")
SEAT_KINDS = frozenset(ABROAD["seat_kinds"])  # towns and capitals: not a country's name or a seat of power
_UNPLACED = word_set("actors", "unplaced_body_sectors")  # a charity's head: of no country


@dataclass(frozen=True)
class Reading:
    """What one segment says: the actor, and how it was found."""

    actor: Actor
    kind: str  # kb | name | title | group | place | org
    person: bool = False  # one person (a title or a name)
    titled: bool = False  # an in-text title gave the sector
    named: bool = False  # has a person's name
    plural: bool = False
    country_from_text: bool = False


def from_abroad(seg: Segment) -> bool:
    """Whether a word before the head says the actor is from abroad (``abroad_modifiers``: "a
    Beirut-based western diplomat", "foreign journalists in Kabul"), outside any name found there
    ("the Western Cape") and not of an office of foreign affairs ("the Cairo foreign ministry", "a
    Kremlin foreign policy aide"). Only a town or capital before the head, or a place it is said to
    be in, is set aside ("the foreign ministers of Germany" are Germany's)."""
    if seg.head < 0 or fold(seg.toks[seg.head].text) in ABROAD["offices"]:
        return False
    return any(fold(t.text) in ABROAD["words"] and seg.found_at(i) is None
               and fold(seg.toks[i + 1].text) not in ABROAD["offices"]  # "a Kremlin foreign policy aide"
               and not (i and seg.toks[i - 1].text.lower() in ABROAD["compass"])  # "north-western Idlib"
               and seg.found_at(i + 1) is None  # a direction before a place: "western Idlib"
               for i, t in enumerate(seg.toks[:seg.head]))


def bare_collective(seg: Segment, hit: Hit | None, org_mod: KBMatch | None) -> bool:
    """A collective noun ("office", "committee") with no organisation and no other sector noun."""
    if hit is None or not hit.term.collective or org_mod is not None:
        return False
    return not any(t[2] is not hit and t[2].term.sector for t in seg.terms)


def city_before(seg: Segment, found: Found) -> bool:
    """A city, capital or region right before ``found`` ("the Dhaka Metropolitan Police")."""
    return any(f.place is not None and f.place.kind not in ("country", "demonym", "people") and f.end == found.start
               for f in seg.found)


def site_placed(seg: Segment) -> bool:
    """A site noun placed by a city, region or seat before it ("a Baghdad market") or by a place
    after a locative preposition ("a market in Peshawar"); a country or demonym modifier does not."""
    if locative_place(seg) is not None:
        return True
    return any(f.place is not None and f.place.kind not in ("country", "demonym", "people") and f.end <= seg.head
               for f in seg.found)


def nation_before(seg: Segment, found: Found) -> bool:
    """A country or demonym right before ``found`` (as possessor or modifier)."""
    return any(f.place is not None and f.place.kind in ("country", "demonym") and f.end <= found.start
               and all(not t.text[:1].isalnum() or t.text in POSSESSIVE for t in seg.toks[f.end:found.start])
               for f in seg.found)


def read_place(seg: Segment, found: Found, gaz: Gazetteer) -> Reading | None:
    place = found.place
    assert place is not None
    if seg.head != found.end - 1:
        return None
    sector = place.sector
    if place.kind in ("people", "demonym") and "CVL" in seg.modifiers:
        sector = "CVL"
    home = next((f.place for f in complement_parts(seg)[0] if f.place is not None), None)
    if place.kind == "people" and home is not None:
        # "Albanians of southern Serbia": a people of another country, its civilians
        return Reading(Actor(country=home.iso3, sector="CVL", confidence=0.6), "group", plural=True,
                       country_from_text=True)
    actor = Actor(country=place.iso3, sector=sector, name=gaz.name_of(place.iso3) or found.text,
                  confidence=PLACE_CONF[place.kind] * (found.kb_score or 1.0))
    return Reading(actor, "place", plural=place.kind == "people", country_from_text=True)


def merge(readings: list[Reading]) -> Reading | None:
    """Combine a title with the name in apposition (the title's body of no country, of a sector of
    ``unplaced_body_sectors``, keeps the person's nationality out); else the first reading."""
    if not readings:
        return None
    first = readings[0]
    for other in readings[1:]:
        titled, named = (first, other) if not first.named else (other, first)
        if titled.named or not named.named or not titled.titled or not titled.person:
            continue
        t, n = titled.actor, named.actor
        unplaced = t.country is None and t.org is not None and t.sector in _UNPLACED  # not his nationality
        actor = Actor(country=None if unplaced else t.country or n.country, sector=t.sector or n.sector,
                      sector2=t.sector2 if t.sector else n.sector2, name=n.name,
                      kb_id=n.kb_id if t.country in (None, n.country) or n.country == "IGO" else None,
                      confidence=min(0.97, max(t.confidence, n.confidence) + 0.05), org=t.org or n.org,
                      former=t.former)
        return Reading(actor, named.kind, person=True, titled=True, named=True,
                       country_from_text=titled.country_from_text or named.country_from_text)
    place = next((r for r in readings[1:] if r.kind == "place"), None)
    if first.actor.country is None and first.actor.sector and place is not None:
        # "Police (India)": a place in apposition gives a countryless group its country
        actor = replace(first.actor, country=place.actor.country)
        return replace(first, actor=actor, country_from_text=True)
    return first


__all__ = ["Reading", "PLACE_CONF", "ABROAD", "SEAT_KINDS", "from_abroad", "bare_collective", "city_before",
           "site_placed", "nation_before", "read_place", "merge"]
