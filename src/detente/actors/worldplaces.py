"""Places of the world gazetteer, the towns table and the divisions table read inside an actor
phrase ("the Delhi High Court", "the mayor of Kharkiv", "police in Chibok", "the governor of Lower
Shabelle"): they say whose an institution is, never an actor on their own. Split from ``phrase.py``;
``analyse_segment`` calls ``world_places`` (``lower_places`` for a phrase written in lower case)
once the segment's names, terms and head are known.
"""
from __future__ import annotations

from ..wordlists import word_set
from .countries import Place
from .kb import KnowledgeBase
from .names import fold, is_acronym
from .segment import DIVISION_CUES, GEO_MODIFIERS, LOC_PREPS, PARTICLES, POSSESSIVE, STOP, Found, Segment, \
    _capitalised
from .titles import Titles

# lower-case words inside a place's name ("Ciudad del Este", "Umm al-Fahm", "Frankfurt am Main"); those
# that are also English words a phrase may put before a name ("of", "the", "on") glue nothing
PLACE_PARTICLES = word_set("actors", "place_particles")
_GLUE_PARTICLES = PLACE_PARTICLES - word_set("actors", "english_particles")
# Ordinary words that are names of divisions or large towns: rarely those places (data/words/actors.yaml)
_WORD_NAMES = GEO_MODIFIERS | word_set("actors", "word_names")
_MODIFIER_MIN_POPULATION = 100_000


def world_places(seg: Segment, text: str, kb: KnowledgeBase, titles: Titles) -> list[Found]:
    """Cities and first-level divisions of the world gazetteer (the places stage's index) that the
    country list lacks, anywhere but the head: they say whose an institution is ("the Delhi High
    Court", "the mayor of Kharkiv", "a police station in Lagos"); never an actor on their own. A
    name glued to another unknown capitalised word is part of a longer name ("Paris Hilton").
    In an institution pattern (``_town_pattern``) a smaller town may name the institution too."""
    out: list[Found] = []
    i = 0
    while i < len(seg.toks):
        found = _world_place_at(seg, text, kb, i, titles)
        if found is not None:
            out.append(found)
        i = found.end if found is not None else i + 1
    return out


def _world_place_at(seg: Segment, text: str, kb: KnowledgeBase, i: int, titles: Titles) -> Found | None:
    """The longest world-gazetteer name starting at token ``i``, if it reads as a place there."""
    toks = seg.toks
    if not _free_capital(seg, i) or (i > 0 and (_free_capital(seg, i - 1) or toks[i - 1].text == "-")) \
            or (i > 1 and toks[i - 1].lower in _GLUE_PARTICLES and _capitalised(toks[i - 2].text)):
        return None  # (not the end of a longer name: "Ciudad del Este" is not Este)
    # the places package is imported here, not at the top: it reads actors' names as it loads
    from ..places.divisions import division_adjective, division_country
    from ..places.gazetteer import load_index  # the places stage's index, built once per process
    from ..places.towns import institution_town

    index = load_index()
    for n in range(min(2 * index.max_tokens, len(toks) - i), 0, -1):
        end = i + n
        if not _free_capital(seg, end - 1) or not all(
                _free_capital(seg, k) or toks[k].lower in PARTICLES or toks[k].lower in PLACE_PARTICLES
                or toks[k].text == "-" for k in range(i, end)) \
                or _free_capital(seg, end) or _hyphen_name_after(toks, end) \
                or (n == 1 and kb.is_given_name(toks[i].text)
                                               and not _placed_use(seg, i, end, titles)):
            continue
        surface = text[toks[i].start:toks[end - 1].end]
        if fold(surface) in _WORD_NAMES:
            continue
        cands = index.lookup(surface)
        modifier = end <= seg.head
        iso3 = _world_country(cands, modifier, ratio=index.config.institution_namesake_ratio,
                              division=_division_cue(seg, end))
        if iso3 is None and (modifier or not cands) and _town_pattern(seg, i, end, titles):
            town = institution_town(surface, modifier, kb.is_name_word)  # (the table is built on first use)
            if not cands or (town is not None and _world_country(cands, True, True) == town):
                iso3 = town
            if iso3 is None and not any(fold(c.name) == fold(surface) for c in cands):
                # (not a city's own name: "Cumbria" is a Cumberland's alternate)
                iso3 = division_country(surface)  # "the Lombardy regional government", "police in Sulu"
                if iso3 is None and modifier and n == 1:
                    iso3 = division_adjective(surface)  # "the Bavarian state parliament"
        if iso3 is not None:
            return Found(i, end, surface, place=Place(iso3, "city"))
    return None


def _hyphen_name_after(toks: list, end: int) -> bool:
    """A hyphen and a capitalised word after ``end``: the name goes on ("Bobo" of "Bobo-Dioulasso"),
    unlike "Kabul-based" or "Ghouta-style"."""
    return end + 1 < len(toks) and toks[end].text == "-" and toks[end + 1].text[:1].isupper()


def lower_places(seg: Segment, text: str, kb: KnowledgeBase, titles: Titles) -> list[Found]:
    """In a phrase written all in lower case ("the governor of khost province", "police in
    maiduguri"), a place's name only inside an institution pattern (``_town_pattern``) and only
    when none of its words is an English word or a name WordNet knows ("the police in charge",
    "the mayor of reading" stay unplaced); read as a capitalised name is."""
    from ..places.divisions import division_country
    from ..places.gazetteer import load_index
    from ..places.towns import institution_town, load_towns

    index, english = load_index(), load_towns().words
    if not english:
        return []

    def free(k: int) -> bool:
        word = seg.toks[k].text
        return k != seg.head and word.isalpha() and not seg.found_at(k) and not seg.term_at(k) \
            and k not in seg.portfolio and fold(word) not in STOP
    out: list[Found] = []
    i = 0
    while i < len(seg.toks):
        found = None
        for n in range(min(index.max_tokens, len(seg.toks) - i), 0, -1):
            end = i + n
            if not all(free(k) for k in range(i, end)) or not _town_pattern(seg, i, end, titles):
                continue
            words = [fold(t.text) for t in seg.toks[i:end]]
            if any(w in english or (w.endswith("s") and w[:-1] in english) for w in words):
                continue
            surface = text[seg.toks[i].start:seg.toks[end - 1].end]
            cands = index.lookup(surface)
            iso3 = _world_country(cands, end <= seg.head, ratio=index.config.institution_namesake_ratio,
                                  division=_division_cue(seg, end))
            if iso3 is None and not cands:
                iso3 = institution_town(surface, end <= seg.head, kb.is_name_word) or division_country(surface)
            if iso3 is not None:
                found = Found(i, end, surface, place=Place(iso3, "city"))
                break
        if found is not None:
            out.append(found)
        i = found.end if found is not None else i + 1
    return out


def _town_pattern(seg: Segment, start: int, end: int, titles: Titles) -> bool:
    """Whether the name over tokens [start, end) names an institution or site of
    ``town_institutions`` (sectors.yaml) heading the phrase: after it and a joiner ("the police in
    Chibok", "the mayor of Srebrenica") or before it, at most two lower-case words apart ("the
    Birzeit court", "the Srebrenica municipal council")."""
    term = seg.term_at(seg.head) if seg.head >= 0 else None
    if term is None or not titles.names_town(term[2].term):
        return False
    if start >= 2 and term[1] == start - 1 and seg.toks[start - 1].lower in titles.town_joiners:
        return True
    return _lower_gap(seg, end, term[0], titles)


def _lower_gap(seg: Segment, end: int, start: int, titles: Titles) -> bool:
    """At most two lower-case words from ``end`` to ``start`` (and a possessive mark), none a term
    but a division's word or another institution's ("the Srebrenica municipal council", "the Penang
    state government", "the Galle magistrate's court")."""
    between = [(t, seg.term_at(k)) for k, t in enumerate(seg.toks[end:start], end) if t.text not in POSSESSIVE]
    return end <= start and len(between) <= 2 and all(
        t.text.isalpha() and t.text.islower()
        and (term is None or t.lower in DIVISION_CUES or titles.names_town(term[2].term))
        for t, term in between)


def _division_cue(seg: Segment, end: int) -> bool:
    """Whether the institution a name ending at ``end`` names is a division's (``division_cues``:
    "the governor of Zulia", "the Ontario provincial police", "the governor of Khost province"):
    the head term, a word between the name and the head, or the word right after the name."""
    if seg.head < 0:
        return False
    term = seg.term_at(seg.head)
    words = {fold(t.text) for t in seg.toks[end:seg.head + 1]}
    if end < len(seg.toks):
        words.add(fold(seg.toks[end].text))
    if term is not None:
        words.add(" ".join(fold(t.text) for t in seg.toks[term[0]:term[1]]))
    return bool(words & DIVISION_CUES)


def _placed_use(seg: Segment, start: int, end: int, titles: Titles) -> bool:
    """A word that is also a given name read as a place where only a place fits: after a locative
    preposition ("a court in Alexandria") or right before the head term ("a Milan court")."""
    after_prep = start > 0 and seg.toks[start - 1].lower in LOC_PREPS or _town_pattern(seg, start, end, titles)
    term = seg.term_at(seg.head) if seg.head >= 0 else None
    before_head = term is not None and (end == seg.head or _lower_gap(seg, end, term[0], titles))
    return after_prep or before_head


def _world_country(cands: tuple, modifier: bool, institution: bool = False, ratio: int = 10,
                   division: bool = False) -> str | None:
    """The country of a world-gazetteer name: its first candidate's, when it is a city or division
    and clearly the one meant — every candidate in one country, or a city at least ``ratio`` times
    larger than any namesake abroad ("Delhi", not Delhi in Timor-Leste; "Geneva", not Geneva in
    Illinois; not "Punjab", not "Salamanca"). Where the institution is a division's (``division``:
    "the governor of Zulia", "the Ontario provincial police") a first-level division of that name
    in one country wins over city namesakes. A city before the head must be a large one (a small
    town's name is likelier a word: "Federal"), unless it names an institution (``institution``:
    "the Halabja court": no English word, and the towns table, which knows the smaller namesakes
    too, gives the same country)."""
    divisions = {c.country for c in cands if c.kind == "admin1"}
    if division and len(divisions) == 1:
        return divisions.pop()
    if not cands or cands[0].kind not in ("city", "admin1"):
        return None
    top = cands[0]
    if modifier and top.kind == "city" and top.population < _MODIFIER_MIN_POPULATION and not institution:
        return None
    abroad = [c for c in cands if c.country != top.country]
    if abroad and (top.kind != "city" or any(c.kind != "city" or c.population * ratio > top.population
                                             for c in abroad)):
        return None
    return top.country


def _free_capital(seg: Segment, i: int) -> bool:
    """A capitalised word at ``i`` that is neither the head, nor a known name, nor part of a term."""
    if i >= len(seg.toks) or i == seg.head or seg.found_at(i) or seg.term_at(i) or i in seg.portfolio:
        return False
    text = seg.toks[i].text
    if fold(text) == "new" and i + 1 < len(seg.toks) and seg.toks[i + 1].text[:1].isupper():
        return True  # "New York", "New Delhi": the first word of a name
    return text[:1].isupper() and not is_acronym(text) and fold(text) not in STOP
