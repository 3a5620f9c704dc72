"""The places stage: every place an article names, resolved against the gazetteer.

A token-based lookup over the Doc the pipeline built (no second parse): the longest run of
tokens, starting with a capitalised word, whose folded text is a gazetteer name. A match must
look like a name in the text: its last word tagged a proper noun (or marked a place by the actor
ruler), not part of a person's name, and not glued to another proper noun ("Tehran University",
"Paris Hilton", "New York Times" are no places).

An ambiguous name is decided, in order, by a qualifier after it ("Paris, Texas"), by the
article's other places in a candidate's division, by the article's countries (the actor stage's
and those of its unambiguous places) — unless the candidate it favours is more than
``context_max_ratio`` times smaller than the largest —, then by the gazetteer's prior
(preferences, country names, population). ``PlaceMention.why`` says which.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc, Span, Token

from ..actors.names import acronym_key, fold, is_acronym
from ..model import ActorMention, Article
from ..doctext import doc_text
from ..wordlists import word_map
from .config import PlacesConfig
from .gazetteer import PlaceIndex, load_index
from .phrase import in_words
from .types import GeoPlace, PlaceMention

if TYPE_CHECKING:
    from ..resources import Resources

_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_CALENDAR = frozenset(word_map("time", "weekdays")) | frozenset(word_map("time", "months"))
_DIVISION_WORDS = frozenset({"province", "region", "oblast", "governorate", "state", "district", "county", "city",
                             "prefecture", "territory"})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "KABUL —", "DUSHANBE, May 30 (Reuters) -", "Kabul, Afghanistan (AP) —", "WASHINGTON:"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z.'\- ]{{1,38}}?)(?:,\s*(?P<qual>[A-Z][A-Za-z.' ]{{1,30}}?))?"
    rf"(?P<date>,?\s+{_MONTH}\s+\d{{1,2}})?\s*(?P<agency>\([A-Za-z .&\-]{{2,30}}\))?\s*(?P<dash>—|–|--?|:)\s")
_DATELINE_WINDOW = 400


@dataclass
class _Match:
    start: int
    end: int
    cands: tuple[GeoPlace, ...]
    dateline: bool = False

    @property
    def countries(self) -> set[str]:
        return {c.country for c in self.cands}


def find_places(doc: Doc, article: Article, resources: Resources | None = None,
                actors: Sequence[ActorMention] | None = None) -> list[PlaceMention]:
    """Places named in ``doc`` (token spans, in order), each resolved with the reason why.

    ``actors`` (the actor stage's mentions) lend their countries to the decision between places
    of one name; without them the countries the actor ruler marked in the Doc are used.
    """
    index = load_index()
    matches = _surnames_out(doc, _scan(doc, index), index.config)
    dateline = _dateline(doc, article, index)
    if dateline is not None:
        matches = [m for m in matches if m.end <= dateline.start or m.start >= dateline.end]
        matches.insert(0, dateline)
    ambiguous = [m for m in matches if len(m.countries) > 1]
    countries, divisions = _context(doc, matches, ambiguous, actors)
    provinces = _provinces(doc, matches, index.config)
    out = []
    for i, m in enumerate(matches):
        following = matches[i + 1] if i + 1 < len(matches) else None
        place, why = _choose(doc, m, following, countries, divisions, index.config, provinces)
        span = doc[m.start:m.end]
        out.append(PlaceMention(m.start, m.end, span.start_char, span.end_char, span.text, place, why, m.dateline))
    return out


# -- matching ----------------------------------------------------------------------------------
def _scan(doc: Doc, index: PlaceIndex) -> list[_Match]:
    """Longest gazetteer names first, from each capitalised word. Words and offsets are read from
    the Doc's arrays and the text (no Token or Span per word and size tried)."""
    out: list[_Match] = []
    deferred: list[tuple[int, int, tuple[GeoPlace, ...]]] = []
    i, n = 0, len(doc)
    strings, text = doc.vocab.strings, doc_text(doc)
    orths, starts = doc.to_array([ORTH, IDX]).T.tolist() if n else ([], [])
    words = [strings[o] for o in orths]
    while i < n:
        word = words[i]
        if not word[:1].isupper():
            i += 1
            continue
        found = None
        for size in range(min(index.max_tokens, n - i), 0, -1):
            last = i + size - 1
            if size == 1 and is_acronym(word):
                cands = index.acronyms.get(acronym_key(word), ())
            elif words[last][:1].isupper():
                cands = index.names.get(fold(text[starts[i]:starts[last] + len(words[last])]), ())
            else:
                cands = ()
            if cands and _looks_like_name(doc, doc[i:i + size]):
                found = _Match(i, i + size, cands)
                break
            if cands and _looks_like_name(doc, doc[i:i + size], person=True):
                deferred.append((i, i + size, cands))
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    # a name the tagger took for a person's ("the suburb of Douma, where") is a place when the
    # article names it as one elsewhere, or a place word describes it ("their last stronghold,
    # Abu Kamal, a strategic town", "the town of Douma")
    def folded(a: int, b: int) -> str:
        return fold(text[starts[a]:starts[b - 1] + len(words[b - 1])])

    named = {folded(m.start, m.end) for m in out}
    taken = {i for m in out for i in range(m.start, m.end)}
    extra = [_Match(a, b, c) for a, b, c in deferred
             if not taken & set(range(a, b)) and (folded(a, b) in named
                                                  or _described_as_place(doc[a:b], index.config.place_nouns))]
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _surnames_out(doc: Doc, matches: list[_Match], config: PlacesConfig) -> list[_Match]:
    """Matches that are no person's surname: a one-word name of cities only that the article
    gives elsewhere as the last word of a person's full name ("Anna Campbell ... Campbell was
    frustrated", "Davis has denied") names that person, unless the article also names it after a
    preposition of place or with a place word ("in Afrin", "al-Hawl camp": the tagger's person
    may be the mistake)."""
    surnames = {fold(ent[-1].text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    if not surnames:
        return matches
    preps = config.locative | config.destination | config.origin
    placed = {fold(doc[m.start].text) for m in matches if m.end - m.start == 1 and _as_place(doc[m.start], preps, config)}
    return [m for m in matches if m.end - m.start > 1 or m.dateline or any(c.kind != "city" for c in m.cands)
            or fold(doc[m.start].text) not in surnames - placed]


def _as_place(tok: Token, preps: frozenset[str], config: PlacesConfig) -> bool:
    """The name is read as a place: after a preposition of place ("in Afrin") or compounded with a
    place word ("al-Hawl camp")."""
    return (tok.dep_ == "pobj" and tok.head.lower_ in preps) or (
        tok.dep_ == "compound" and tok.head.lemma_.lower() in config.place_nouns)


def _looks_like_name(doc: Doc, span: Span, person: bool = False) -> bool:
    """The span reads as a place's name; with ``person``, only the tagger's reading it as a
    person's name keeps it from doing so."""
    last = span[-1]
    if len(span) == 1 and (last.is_stop or last.lower_ in _CALENDAR):
        return False
    if last.tag_ not in _PROPER_TAGS and last.ent_type_ not in _PLACE_ENTS and last.tag_:
        return False
    if any(t.ent_type_ == "PERSON" for t in span) != person:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return not (_glued(before, span[0]) or _glued(after, last))


def _described_as_place(span: Span, place_nouns: frozenset[str]) -> bool:
    """A place word is the name's appositive or head ("Abu Kamal, a strategic town", "the
    stronghold, Abu Kamal", "the town of Douma")."""
    root = span.root
    heads = [root.head] if root.dep_ == "appos" else []
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        heads.append(root.head.head)
    heads += [c for c in root.children if c.dep_ == "appos"]
    return any(in_words(h, place_nouns) for h in heads)


def _glued(other: Token | None, tok: Token) -> bool:
    """``other`` (the word before or after) is a capitalised proper noun of the same sentence: the
    name is part of a longer one ("Tehran University", "Boris Johnson")."""
    if other is None or not other.is_alpha or other.lower_ in _CALENDAR or other.lower_ in _DIVISION_WORDS:
        return False
    if (other.i > tok.i and other.is_sent_start) or (other.i < tok.i and tok.is_sent_start):
        return False
    return other.text[:1].isupper() and other.tag_ in _PROPER_TAGS


def _dateline(doc: Doc, article: Article, index: PlaceIndex) -> _Match | None:
    """The place of a dateline at the start of the body (after the title line, if the body repeats it)."""
    text = doc_text(doc)[:_DATELINE_WINDOW]
    offset = len(text) - len(text.lstrip())
    title = (article.title or "").strip()
    if title and text[offset:].startswith(title):
        rest = text[offset + len(title):]
        offset += len(title) + len(rest) - len(rest.lstrip())
    m = _DATELINE.match(text[offset:])
    if m is None:
        return None
    name = m.group("place").strip()
    if not (name.isupper() or m.group("date") or m.group("agency")) or m.group("dash") == ":" and not name.isupper():
        return None
    cands = index.lookup(name)
    span = doc.char_span(offset + m.start("place"), offset + m.start("place") + len(name), alignment_mode="expand")
    if not cands or span is None:
        return None
    qual = index.lookup(m.group("qual")) if m.group("qual") else ()
    if qual:  # "Kabul, Afghanistan —": only the places in the qualifier's country
        cands = tuple(c for c in cands if c.country in {q.country for q in qual}) or cands
    return _Match(span.start, span.end, cands, dateline=True)


# -- deciding ----------------------------------------------------------------------------------
def _context(doc: Doc, matches: list[_Match], ambiguous: list[_Match],
             actors: Sequence[ActorMention] | None) -> tuple[Counter[str], Counter[str]]:
    """How often the article names each country and each first-level division, outside the
    ambiguous names themselves (whose own readings must not vote for themselves)."""
    blocked = {i for m in ambiguous for i in range(m.start, m.end)}
    countries: Counter[str] = Counter()
    spans: set[int] = set()
    if actors is not None:
        for a in actors:
            if a.actor is not None and a.actor.country and a.start >= 0 and not blocked & set(range(a.start, a.end)):
                countries[a.actor.country] += 1
                spans.add(a.start)
    for ent in doc.ents:
        parts = ent.id_.split(":") if ent.id_ else []
        if parts and parts[0] == "place" and ent.start not in spans and not blocked & set(range(ent.start, ent.end)):
            countries[parts[1]] += 1
            spans.add(ent.start)
    divisions: Counter[str] = Counter()
    for m in matches:
        if len(m.countries) == 1:
            if m.start not in spans:
                countries[m.cands[0].country] += 1
        if len({c.admin1 for c in m.cands}) == 1 and m.cands[0].admin1:
            # only a name of one division votes for it ("Westminster" has four in the US: none)
            divisions[m.cands[0].admin1] += 1
    return countries, divisions


def _choose(doc: Doc, m: _Match, following: _Match | None, countries: Counter[str], divisions: Counter[str],
            config: PlacesConfig, provinces: frozenset[str] = frozenset()) -> tuple[GeoPlace, str]:
    cands = m.cands
    max_ratio = config.context_max_ratio
    default = cands[0]
    # "Idlib province", "the province of Hama", "southern Idlib": before a city of that name
    divided = _division_word(doc, m, config) or _compass_province(doc, m, config, provinces)
    if divided is not None:
        return divided
    if len(cands) == 1:
        return default, "only place of that name"
    if len(m.countries) == 1:
        return default, f"all places of that name are in {default.country}: the {default.kind} first"
    qualified = _qualified(doc, m, following)
    if qualified is not None:
        return qualified
    # the article names another place in a candidate's division ("Atlanta" for Georgia, US.GA)
    by_division = [c for c in cands if c.kind in ("city", "admin1") and c.admin1 and divisions[c.admin1]]
    if by_division and len({c.admin1 for c in by_division}) == 1 and (
            default.population <= max_ratio * max(by_division[0].population, 1) or default in by_division):
        chosen = by_division[0]
        return chosen, f"the article names another place in its division {chosen.admin1} ({chosen.country})"
    # a country named in most news (``background_countries``) is no evidence for a smaller namesake
    votes = Counter({iso: n for iso, n in countries.items()
                     if iso not in config.background_countries or iso == default.country})
    best = max(cands, key=lambda c: (votes[c.country], -cands.index(c)))
    if votes[best.country] > votes[default.country]:
        listed = ", ".join(f"{iso} {votes[iso]}" for iso in sorted(m.countries, key=lambda x: -votes[x]))
        if default.population <= max_ratio * max(best.population, 1):
            return best, f"the article's countries decide ({listed}) over {default.label()}"
        return default, (f"the article's countries favour {best.country} ({listed}) but {default.label()} "
                         f"is over {max_ratio:g} times larger")
    background = sorted({c.country for c in cands if countries[c.country] > countries[default.country]}
                        & config.background_countries)
    if background:
        return default, (f"the article names {', '.join(background)}, named in most news: no evidence for a "
                         f"smaller namesake; {_default_why(default, cands, votes)}")
    return default, _default_why(default, cands, countries)


def _division_word(doc: Doc, m: _Match, config: PlacesConfig) -> tuple[GeoPlace, str] | None:
    """"Niger State", "the state of Georgia", "Punjab province": the division of that name. Where the
    gazetteer knows only a city of that name and the word names a first-level division
    (``first_level_words``: "Hama province", "the governorate of Deir ez-Zor"), the division the
    city lies in, which such a name shares with its seat (kind ``admin1``, at the seat's coordinates)."""
    word = _word_by(doc, m, config)
    if not word:
        return None
    divisions = [c for c in m.cands if c.kind == "admin1"]
    if divisions:
        return divisions[0], f"named a division by {word!r}"
    if word in config.first_level_words:
        return _seat_division(m, f"named a division by {word!r}")
    return None


def _seat_division(m: _Match, why: str) -> tuple[GeoPlace, str] | None:
    """The first-level division a city of the name seats (kind ``admin1``, at the seat's
    coordinates), where every city of the name lies in one division."""
    seats = [c for c in m.cands if c.kind == "city" and c.admin1]
    if len({(c.country, c.admin1) for c in seats}) != 1:
        return None
    seat = seats[0]
    division = dataclasses.replace(seat, geonames_id=None, kind="admin1", population=0)
    return division, f"{why}: the division of {seat.label()}, its seat"


def _provinces(doc: Doc, matches: list[_Match], config: PlacesConfig) -> frozenset[str]:
    """The names the article calls first-level divisions ("Hama province", "the province of Idlib")."""
    return frozenset(fold(doc[m.start:m.end].text) for m in matches if _word_by(doc, m, config) in config.first_level_words)


def _word_by(doc: Doc, m: _Match, config: PlacesConfig) -> str:
    """The division word after the name ("Idlib province") or before its "of" ("the province of Idlib"), else ""."""
    after = doc[m.end].lower_ if m.end < len(doc) else ""
    before = doc[m.start - 2].lower_ if m.start >= 2 and doc[m.start - 1].lower_ == "of" else ""
    return after if after in config.division_words else before if before in config.division_words else ""


def _compass_province(doc: Doc, m: _Match, config: PlacesConfig, provinces: frozenset[str]
                      ) -> tuple[GeoPlace, str] | None:
    """"southern Idlib", "northern Hama": a compass adjective (``compass_adjectives``; not a bare
    "east Aleppo" or "north London", which name a part of the city) before the name of a city that
    seats a first-level division of the same name — one the gazetteer knows by that name, or that
    the article calls a province elsewhere ("Hama province") — is that division."""
    if m.start == 0 or doc[m.start - 1].lower_ not in config.compass_adjectives or m.dateline:
        return None
    cities = [c for c in m.cands if c.kind == "city"]
    if not cities:
        return None
    word = doc[m.start - 1].lower_
    divisions = [c for c in m.cands if c.kind == "admin1" and c.country == cities[0].country]
    if divisions:
        return divisions[0], f"a division named by the compass word {word!r}"
    if fold(doc[m.start:m.end].text) in provinces:
        return _seat_division(m, f"the compass word {word!r} before a name the article calls a province")
    return None


def _qualified(doc: Doc, m: _Match, following: _Match | None) -> tuple[GeoPlace, str] | None:
    """"Paris, Texas", "Tripoli, Lebanon": the place within the named division or country."""
    if following is None or following.start != m.end + 1 or doc[m.end].text != ",":
        return None
    for q in following.cands:
        for c in m.cands:
            if (q.kind == "country" and c.country == q.country) or (q.kind == "admin1" and c.admin1 == q.admin1):
                return c, f"qualified by {doc[following.start:following.end].text!r}"
    return None


def _default_why(default: GeoPlace, cands: tuple[GeoPlace, ...], countries: Counter[str]) -> str:
    other = next(c for c in cands if c.country != default.country)
    tie = "no article country decides" if not countries[default.country] else \
        f"the article names {default.country} as often as or more than the others"
    if default.kind == "country" and other.kind != "country":
        return f"{tie}: the country of that name before {other.label()}"
    if default.population <= other.population:
        return f"{tie}: preferred reading of the name (places.yaml) before {other.label()}"
    return f"{tie}: largest by population ({default.population:,} vs {other.label()} {other.population:,})"
