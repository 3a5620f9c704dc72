"""Resolve one phrase to an actor: country (ISO3 or IGO), sector(s), name, KB id, confidence.

In-text titles beat the knowledge base ("Tajik President, Emomali Rahmon" is TJK GOV whether or
not the KB knows him); the KB gives a known person's role at the date when the text has no
title (a weak title such as "leader" defers to it; out of office: ELI); the context (free text or
an ISO3 code) fixes the country of a title that has none, voting for a country other than those
the phrase names. The country comes from the phrase itself in this order: possessor, modifiers
(a backing or opposed country excepted: "Russian-backed", "anti-American"), "of" complements,
then a place after a locative preposition ("rebels in Darfur"); an IGO's bodies stay the IGO's.
Before reading, a quantity prefix ("hundreds of"), a final possessive and the letter case of
all-capital or dotted lower-case phrases are normalised.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..dates import parse_date
from ..model import Actor
from ..wordlists import number_words, words
from .countries import Gazetteer, load_gazetteer
from .cues import load_cues
from .kb import KBMatch, KnowledgeBase, load_kb
from .kbtypes import valid_country
from .names import Tok, fold, tokenize
from .phrase import (CUT_WORDS, STOP, Found, Segment, analyse_segment, complement_parts, find_entities, locative_place,
                     surname_title)
from .readings import (SEAT_KINDS, Reading, bare_collective, city_before, from_abroad, merge, nation_before,
                       read_place, site_placed)
from .titles import Hit, Titles, load_titles

if TYPE_CHECKING:
    from ..resources import Resources

_READS_MAX = 100_000  # phrases remembered before the memory is emptied


class Resolver:
    """The knowledge base, gazetteer and title table, with the rules that combine them."""

    def __init__(self, kb: KnowledgeBase, gaz: Gazetteer | None = None, titles: Titles | None = None):
        self.kb = kb
        self.gaz = gaz or load_gazetteer()
        self.titles = titles or load_titles()
        self.title_heads = self.titles.heads
        self._reads: dict[tuple, Reading | None] = {}  # read()'s answers, while the KB is unchanged
        self._undated: dict[tuple, Reading | None] = {}  # those that looked at no date: any date's answer
        self._dated = False  # whether the reading being made looked at its date

    # -- public ---------------------------------------------------------------------
    def resolve(self, text: str, date: dt.date | None = None, context: str | None = None) -> Actor | None:
        reading = self.read(text, date, self.context_country(context, avoid=self._places(text)))
        return reading.actor if reading else None

    def _places(self, text: str) -> set[str]:
        return {f.place.iso3 for f in find_entities(text, tokenize(text), self.kb, self.gaz, text.islower())
                if f.place is not None}

    def read(self, text: str, date: dt.date | None = None, context_country: str | None = None,
             person_hint: bool = False) -> Reading | None:
        """The reading of a whole phrase: its segments (appositions) read and merged. A reading is
        immutable and depends on nothing else but the KB, the gazetteer and the titles, so each is
        remembered (news repeats its phrases: "the government", "Russian forces"). The date counts
        only where a known person's role or a bare surname is looked up: a reading that looked up
        neither is the same at every date, and is remembered for all of them."""
        undated = (self.kb.generation, text, context_country, person_hint)
        if undated in self._undated:
            return self._undated[undated]
        key = (*undated, date)
        if key in self._reads:
            return self._reads[key]
        if len(self._reads) + len(self._undated) >= _READS_MAX:
            self._reads.clear()
            self._undated.clear()
        self._dated = False
        reading = self._read(text, date, context_country, person_hint)
        if self._dated:
            self._reads[key] = reading
        else:
            self._undated[undated] = reading
        return reading

    def _read(self, text: str, date: dt.date | None, context_country: str | None,
              person_hint: bool) -> Reading | None:
        text = self._normalise_case(_strip_phrase(" ".join(text.split())))
        lenient = text.islower()
        segs = []
        for seg_text in _segments(text):
            toks = tokenize(seg_text)
            if toks:
                seg = analyse_segment(seg_text, toks, self.kb, self.gaz, self.titles, lenient, date)
                self._dated |= seg.dated
                segs.append((seg, seg_text))
        readings = [self._read_segment(seg, seg_text, date, context_country, person_hint and k == 0)
                    for k, (seg, seg_text) in enumerate(segs)]
        for k, reading in enumerate(readings):  # a bare title lends "this is a person" to its neighbours
            if reading is None or not reading.person or reading.named:
                continue
            for n in (k - 1, k + 1):
                if 0 <= n < len(readings) and readings[n] is None:
                    seg, seg_text = segs[n]
                    readings[n] = self._read_segment(seg, seg_text, date, context_country, True)
        return merge([r for r in readings if r is not None])

    def _normalise_case(self, text: str) -> str:
        """Lower-case "u.s. troops" -> "U.S. troops"; all-capital "PRESIDENT PUTIN" -> "President Putin"
        (known acronyms such as "UN" stay); a phrase whose one capital opens a function word is
        read as written mid-sentence ("The state department" as "the state department": the capital
        is the sentence's)."""
        first, _, rest = text.partition(" ")
        if rest and first[:1].isupper() and first.lower() in STOP and (first[1:] + rest).islower():
            text = text[:1].lower() + text[1:]
        if text.islower():
            return _DOTTED.sub(lambda m: m.group(0).upper(), text)
        if not any(len(w) > 4 for w in re.findall(r"[A-Z]+", text)) or text.upper() != text:
            return text

        def word(m: re.Match) -> str:
            w = m.group(0)
            if self.gaz.lookup(w) is not None or self.kb.candidates(w)[0]:
                return w
            return w.lower() if w.lower() in CUT_WORDS | STOP else w.capitalize()

        return re.sub(r"[A-Z]+", word, text)

    def context_country(self, context: str | None, avoid: Collection[str] = ()) -> str | None:
        """The country a context names: an ISO3 code, or the most frequent country in the text
        (other than the ``avoid`` ones - those the phrase itself names - when there is another)."""
        if not context:
            return None
        context = context.strip()
        if len(context) == 3 and context.isupper() and valid_country(context):
            return context
        toks = tokenize(context)
        found = find_entities(context, toks, self.kb, self.gaz, lenient=context.islower())
        counts = Counter(f.place.iso3 for f in found if f.place is not None)
        others = Counter({k: v for k, v in counts.items() if k not in avoid}) or counts
        return others.most_common(1)[0][0] if others else None

    # -- one segment ------------------------------------------------------------------
    def _read_segment(self, seg: Segment, text: str, date: dt.date | None, context: str | None,
                      person_hint: bool) -> Reading | None:
        if seg.head < 0:
            return None
        country, org_mod = self._text_country(seg, seg.found_at(seg.head))
        head_term = seg.term_at(seg.head)
        if head_term is not None and self.titles.is_site(head_term[2].term) \
                and (head_term[2].plural or not site_placed(seg)
                     or any(t.lower in self.titles.site_economy for t in seg.toks[:head_term[0]])):
            return None  # "the Chinese market", "markets in Asia" are economies; "a market in Baghdad" is people
        reading = self._read_head(seg, text, country, org_mod, date, context, person_hint)
        if seg.ethnic and (reading is None or reading.actor.sector is None):
            # "ethnic Albanians": a people, not a country -> civilians of the country the text gives
            actor = Actor(country=country or context, sector="CVL", confidence=0.5 if country else 0.4)
            return Reading(actor, "group", plural=True, country_from_text=country is not None)
        return reading

    def _read_head(self, seg: Segment, text: str, country: str | None, org_mod: KBMatch | None,
                   date: dt.date | None, context: str | None, person_hint: bool) -> Reading | None:
        head_found = seg.found_at(seg.head)
        head_term = seg.term_at(seg.head)
        if head_found is not None and head_found.kb_ids:
            return self._read_known(seg, head_found, country, org_mod, date, context)
        surname = surname_title(seg, head_term, self.kb) if head_term is not None else None
        run = seg.name_run() or (None if surname is None else (surname, seg.head + 1))
        title = self._title_before(seg, run[0] if run else seg.head)
        if run is not None and (title is not None or person_hint or org_mod is not None):
            name = text[seg.toks[run[0]].start:seg.toks[run[1] - 1].end]
            return self._read_titled(seg, title, country, org_mod, context, name=name)
        if head_term is not None and surname is None:
            return self._read_titled(seg, head_term, country, org_mod, context)
        if head_found is not None and head_found.place is not None:
            return read_place(seg, head_found, self.gaz)
        return None

    def _read_known(self, seg: Segment, found: Found, country: str | None, org_mod: KBMatch | None,
                    date: dt.date | None, context: str | None) -> Reading | None:
        self._dated = True  # a known entity's role at the date
        match = self._best_match(found, date, country or context)
        if match is None:
            return None
        if match.kind == "org":
            if match.country == "IGO" and country not in (None, "IGO") and nation_before(seg, found):
                # "Russia's Security Council": a national body that shares an IGO organ's name
                sector = "GOV" if match.sector == "IGO" else match.sector
                actor = Actor(country=country, sector=sector, name=found.text, confidence=0.6)
                return Reading(actor, "group", plural=True, country_from_text=True)
            if country is not None and match.country not in (None, "IGO", country) and city_before(seg, found):
                # "the Dhaka Metropolitan Police": a city's body of that name, not London's
                actor = Actor(country=country, sector=match.sector, sector2=match.sector2, name=found.text,
                              confidence=0.6)
                return Reading(actor, "group", plural=True, country_from_text=True)
            actor = Actor(country=match.country, sector=match.sector, sector2=match.sector2, name=match.name,
                          kb_id=match.id, confidence=0.9 * match.score, org=match.org or match.name)
            return Reading(actor, "org", plural=True)
        match = self._person_sector(seg, found, match)
        title = self._title_before(seg, found.start)
        if title is not None:
            titled = self._read_titled(seg, title, country or match.country, org_mod, None, name=match.name)
            if titled is not None:
                agrees = titled.actor.country in (match.country, None) or match.country == "IGO"
                actor = replace(titled.actor, kb_id=match.id if agrees else None,
                                confidence=min(0.97, titled.actor.confidence + (0.1 if agrees else 0.0)))
                if agrees and match.sector and (title[2].term.kind == "weak" or actor.sector is None):
                    actor = replace(actor, sector=match.sector, sector2=match.sector2, org=match.org or actor.org)
                elif agrees and match.leader and match.sector2 != "MIL" and actor.sector == "MIL" \
                        and not actor.former:
                    # "Gen. Ali Abdullah Saleh" as president governs; a junta's head (sector2 MIL:
                    # "Field Marshal Tantawi" of the SCAF) keeps the rank's MIL
                    actor = replace(actor, sector=match.sector, sector2="MIL", org=match.org or actor.org)
                return replace(titled, actor=actor, kind="kb" if agrees else "name")
        actor = Actor(country=country or match.country, sector=match.sector, sector2=match.sector2,
                      name=match.name, kb_id=match.id, confidence=0.92 * match.score, org=match.org,
                      former=match.former)
        return Reading(actor, "kb", person=True, named=True, country_from_text=country is not None)

    def _person_sector(self, seg: Segment, found: Found, match: KBMatch) -> KBMatch:
        """A known person with no role at the date: the title inside the matched name ("President
        Obama"), else ELI (a notable person out of office) when the KB knows some role of theirs."""
        if match.sector is not None:
            return match
        inner = [t for t in seg.hidden if found.start <= t[0] and t[1] <= found.end
                 and t[2].term.kind == "title" and t[2].term.sector]
        if inner:
            term = inner[-1][2].term
            return replace(match, sector=term.sector, sector2=term.sector2)
        entity = self.kb.entity(match.id)
        return replace(match, sector="ELI") if getattr(entity, "roles", ()) else match

    def _best_match(self, found: Found, date: dt.date | None, country: str | None) -> KBMatch | None:
        matches = [m for m in (self.kb.resolve_id(rid, date, found.kb_score) for rid in found.kb_ids) if m]
        if not matches:
            return None
        matches.sort(key=lambda m: (bool(country) and m.country != country, m.sector is None, m.former))
        best = matches[0]
        return replace(best, score=best.score * 0.9) if len(matches) > 1 else best

    def _read_titled(self, seg: Segment, term: tuple[int, int, Hit] | None, country: str | None,
                     org_mod: KBMatch | None, context: str | None, name: str | None = None) -> Reading | None:
        sector, sector2 = self._sector(seg, term, org_mod)
        office = term is not None and term[2].term.kind != "group"
        former = office and "ELI" in seg.modifiers
        if former:  # "former president"
            sector, sector2 = "ELI", None
        elif office and "OPP" in seg.modifiers:  # "shadow home secretary"
            sector, sector2 = "OPP", None
        elif "CVL" in seg.modifiers and sector is None:
            sector = "CVL"
        org_name = org_mod.org if org_mod else None
        from_text = country is not None
        if country is None and org_mod is not None:
            country = org_mod.country
        if country is None and sector is not None and context and org_mod is None:
            country = context  # (a transnational group's members stay without a country)
        hit = term[2] if term else None
        if country is None and name is None and (sector is None or bare_collective(seg, hit, org_mod)):
            return None  # "the office", "his authority": a body of no one stated
        person = name is not None or (hit is not None and hit.term.person and not hit.plural)
        conf = 0.85 if (country and sector) else 0.6
        if country and not from_text:
            conf *= 0.85
        kind = "title" if hit is not None and hit.term.kind != "group" else "group"
        actor = Actor(country=country, sector=sector, sector2=sector2 if sector2 != sector else None,
                      name=name, confidence=conf, org=org_name, former=former)
        return Reading(actor, "name" if name else kind, person=person, titled=hit is not None,
                       named=name is not None, plural=bool(hit and hit.plural), country_from_text=from_text)

    def _title_before(self, seg: Segment, index: int) -> tuple[int, int, Hit] | None:
        """The last title term in the head part before token ``index`` (a name's title)."""
        terms = [t for t in seg.terms if seg.possessor_end < t[0] and t[1] <= index
                 and t[2].term.kind in ("title", "weak") and not t[2].term.collective]
        return terms[-1] if terms else None

    def _sector(self, seg: Segment, term: tuple[int, int, Hit] | None, org_mod: KBMatch | None
                ) -> tuple[str | None, str | None]:
        """The sector of a title/group, a weak title taking the sector of another group noun."""
        if term is None:
            return (org_mod.sector, org_mod.sector2) if org_mod else (None, None)
        hit = term[2]
        if org_mod is not None and self.titles.heads_org(hit.term, org_mod.sector):
            return org_mod.sector, org_mod.sector2  # "the president of the IRC", "Microsoft's president"
        org_term = next((t for t in seg.terms if t[1] <= term[0] and t[2].term.kind == "group"
                         and self.titles.heads_org(hit.term, t[2].term.sector)), None)
        if org_term is not None:  # "University of Texas President X", "the school's president"
            return org_term[2].term.sector, org_term[2].term.sector2
        if hit.term.kind != "weak" and hit.term.sector is not None:
            return hit.term.sector, hit.term.sector2
        if hit.term.collective and org_mod is not None and org_mod.sector:
            return org_mod.sector, org_mod.sector2  # "the UN children's agency": the UN's, not children
        others = [t for t in seg.terms if t is not term and t[1] <= seg.head_end and t[2].term.sector]
        _, comp_terms = complement_parts(seg)
        for other in [*others, *comp_terms]:
            if other[2].term.kind == "group" or other[2].term.kind == "title":
                return other[2].term.sector, other[2].term.sector2
        if org_mod is not None and org_mod.sector:
            return org_mod.sector, org_mod.sector2
        comp_found, _ = complement_parts(seg)
        for found in comp_found:
            match = self._best_match(found, None, None) if found.kb_ids else None
            if match is not None and match.kind == "org":
                return match.sector, match.sector2
        return hit.term.sector, hit.term.sector2

    def _text_country(self, seg: Segment, head_found: Found | None) -> tuple[str | None, KBMatch | None]:
        """The country the phrase itself states (possessor, modifier, "of X"), and a modifying org."""
        before = [f for f in seg.found if f.end <= seg.head_end and f is not head_found]
        poss = [f for f in before if f.end <= max(seg.possessor_end, 0)]
        relational = self.titles.is_relational(fold(seg.toks[seg.head].text))
        if relational:  # "Britain's allies", "the enemies of the UK" are not British
            before, poss = [f for f in before if f not in poss], []
        mods = [f for f in before if f not in poss]
        head_word = fold(seg.toks[seg.head].text)
        patient = head_word in load_cues().force_words or head_word[:-1] in load_cues().force_words
        comp_found = [] if relational or patient else complement_parts(seg)[0]  # not "the shelling of Kharkiv"
        org_mod = None
        igo = any(m is not None and m.kind == "org" and m.country == "IGO"
                  for m in (self._best_match(f, None, None) for f in [*poss[-1:], *mods] if f.place is None))
        abroad = from_abroad(seg)
        for group in (poss[-1:], mods if seg.coordinated else mods[::-1], comp_found):
            for found in group:
                if abroad and found.place is not None and found in mods and found.place.kind in SEAT_KINDS:
                    continue  # "a Beirut-based western diplomat": seated there, not of there
                if found.place is not None and igo and found.place.kind == "country" and found not in poss:
                    continue  # "the UN Syria envoy": the country is the IGO official's portfolio
                if found.place is not None:
                    return found.place.iso3, org_mod
                match = self._best_match(found, None, None)
                if match is not None and match.kind == "org" and org_mod is None:
                    org_mod = match
                    if match.country and match.country != "IGO":
                        return match.country, org_mod
                elif match is not None and match.country:
                    return match.country, org_mod
        place = locative_place(seg) if org_mod is None and not relational and not abroad and self._takes_place(seg) \
            else None
        return (place.place.iso3 if place and place.place else None), org_mod  # (not the UN's mission)

    def _takes_place(self, seg: Segment) -> bool:
        """Whether the head takes the country of the place it is in ("police in Lagos") or not
        ("foreign ministers in Brussels", "troops in Syria": officials and soldiers abroad)."""
        term = seg.term_at(seg.head)
        if term is None:
            return True
        sector, _ = self._sector(seg, term, None)
        return self.titles.takes_place(term[2].term, sector)



_QUANTITY_WORDS = words("actors", "quantity_words")
_QUANTITY = re.compile(  # "Group of Seven" is a name: "group"/"members" count only in lower case
    r"^(?:(?:[Tt]he |[Aa]n? )?(?:" + "|".join(w + "|" + w.capitalize() for w in _QUANTITY_WORDS) +
    r"|group|members?) of (?:the |these |those )?)+")
_NUMBER_WORDS = tuple(w for w, n in number_words().items() if n > 0)
_COUNT = re.compile(  # "at least 321 civilians", "more than 170 people", "nearly 2,000 Libyans"
    r"^(?:(?:at least|at most|more than|fewer than|less than|up to|as many as|an estimated|about|around|nearly|"
    r"almost|over|some|roughly|approximately)\s+)?(?:\d[\d,.]*|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?:\s+(?:hundred|thousand|million))?\s+(?=\S)", re.IGNORECASE)
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _strip_phrase(text: str) -> str:
    """Drop a quantity or count before the actor ("hundreds of thousands of people", "at least nine
    civilians") and a final possessive
    ("Haiti's"), when something is left."""
    stripped = _TRAILING_POSSESSIVE.sub("", _COUNT.sub("", _QUANTITY.sub("", text))).strip()
    return stripped or text


def _segments(text: str) -> list[str]:
    """Split a phrase at commas and parentheses (appositions), keeping non-empty parts."""
    out: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in ",;" and depth == 0 or ch == "(":
            out.append("".join(current))
            current = []
            depth += ch == "("
        elif ch == ")" and depth:
            out.append("".join(current))
            current = []
            depth -= 1
        else:
            current.append(ch)
    out.append("".join(current))
    return [s.strip() for s in out if s.strip()]



class ActorResources(NamedTuple):
    """What resolving an actor reads of ``detente.resources.Resources``: the knowledge base."""

    kb: KnowledgeBase


@lru_cache(maxsize=4)
def _default_resolver(extra_files: tuple[str, ...] = ()) -> Resolver:
    return Resolver(load_kb(extra_files))


def resolver_for(resources: Resources | ActorResources | None = None) -> Resolver:
    """The resolver over ``resources.kb`` (cached on the KB object), or the packaged KB."""
    if resources is None or getattr(resources, "kb", None) is None:
        return _default_resolver()
    return _resolver_for_kb(resources.kb)


@lru_cache(maxsize=4)
def _resolver_for_kb(kb: KnowledgeBase) -> Resolver:
    return Resolver(kb)


def resolve_actor(text: str, date: str | dt.date | None = None, context: str | None = None,
                  resources: Resources | ActorResources | None = None) -> Actor | None:
    """Resolve a phrase to an actor at ``date``; ``context`` (e.g. "German", "MEX") can fix its country.

    >>> resolve_actor("Armenian Prime Minister").country
    'ARM'
    """
    return resolver_for(resources).resolve(text, parse_date(date), context)


__all__ = ["Resolver", "Reading", "resolve_actor", "resolver_for", "Tok", "ActorResources"]
