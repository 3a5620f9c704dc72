"""Analysis of one phrase segment: which words are places, known names, titles, modifiers.

A segment is a phrase without its appositions ("Tajik President" of "Tajik President, Emomali
Rahmon"). ``analyse_segment`` finds its parts and its head (the word the phrase is about):
a known person or organisation, a title, a group noun, a place, an unknown name, or nothing an
actor can be ("the Beijing Olympics": head "Olympics").

Names are found before terms and no term spans a name. Found names are checked against their
neighbours: a demonym after "ethnic" is a people, a place or surname after an unknown first name
is part of a person's name ("Michael Jordan"), a backing country is not the actor's. Lesser
matches fill gaps: a bare surname after a title (the one such KB person in office at the date),
house-style initials ("Nato", "Isis") and country names with one typo ("Ethopia").
"""
from __future__ import annotations

import datetime as dt

from ..wordlists import word_set
from .countries import Gazetteer
from .kb import KnowledgeBase
from .names import Tok, fold, is_acronym
from .segment import (DIVISION_CUES, GEO_MODIFIERS, LOC_PREPS, PARTICLES, POSSESSIVE, STOP, Found, Segment,
                      _capitalised)
from .titles import Hit, Titles
from .worldplaces import lower_places, world_places

MAX_NGRAM = 10
CUT_WORDS = word_set("actors", "cut_words")  # data/words/actors.yaml
POSTMODIFIERS = word_set("actors", "postmodifiers")
JOINERS = frozenset({"and", "&", "for", "of"})
SPONSORED = word_set("actors", "sponsored")
_SHORT_SCORE = 0.85


def surname_title(seg: Segment, term: tuple[int, int, Hit], kb: KnowledgeBase) -> int | None:
    """A one-word title after a known first name is a surname ("Martin Luther King", "Tom King"):
    the start of that name, else None."""
    start = term[0]
    if term[1] - start != 1 or term[2].term.kind == "group" or not _capitalised(seg.toks[start].text):
        return None
    i = start
    while i > 0 and _capitalised(seg.toks[i - 1].text) and not seg.found_at(i - 1) and not seg.term_at(i - 1) \
            and fold(seg.toks[i - 1].text) not in STOP:
        i -= 1
    return i if i < start and kb.is_given_name(seg.toks[i].text) else None


def _startable(tok: Tok, lenient: bool) -> bool:
    if not tok.text[:1].isalnum():
        return False
    return lenient or tok.text[0].isupper() or tok.text[0].isdigit() or tok.text in PARTICLES


def find_entities(text: str, toks: list[Tok], kb: KnowledgeBase, gaz: Gazetteer, lenient: bool = False,
                  date: dt.date | None = None) -> list[Found]:
    """Longest places / KB names over the tokens, left to right (first word capitalised)."""
    out: list[Found] = []
    i = 0
    while i < len(toks):
        if not _startable(toks[i], lenient):
            i += 1
            continue
        if fold(toks[i].text) in STOP - {"new"} and not (len(toks[i].text) > 1 and toks[i].text.isupper()):
            named = _stop_started_name(text, toks, i, kb)  # "First Capital Command"
            if named is not None:
                out.append(named)
                i = named.end
            else:
                i += 1
            continue
        best = None
        for n in range(min(MAX_NGRAM, len(toks) - i), 0, -1):
            if toks[i + n - 1].text in POSSESSIVE or not toks[i + n - 1].text[:1].isalnum():
                continue
            surface = text[toks[i].start:toks[i + n - 1].end]
            place = gaz.lookup(surface)
            ids, score = kb.candidates(surface)
            if ids and (place is None or (n > 1 and score >= 1.0)):
                best = Found(i, i + n, surface, kb_ids=tuple(ids), kb_score=score)
            elif place is not None:
                best = Found(i, i + n, surface, place=place)
            if best:
                break
        if best is None:
            best = _titlecase_acronym(text, toks, i, kb) or _misspelt_place(text, toks, i, kb, gaz)
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best.end
    return out


def _stop_started_name(text: str, toks: list[Tok], i: int, kb: KnowledgeBase) -> Found | None:
    """A knowledge-base name of several words that begins with a capitalised stop word ("First
    Capital Command"), matched exactly; a stop word starts nothing else."""
    if not toks[i].text[:1].isupper():
        return None
    for n in range(min(MAX_NGRAM, len(toks) - i), 1, -1):
        if not toks[i + n - 1].text[:1].isalnum() or toks[i + n - 1].text in POSSESSIVE:
            continue
        ids, score = kb.candidates(text[toks[i].start:toks[i + n - 1].end], allow_short=False, allow_skeleton=False)
        if ids and score >= 1.0:
            return Found(i, i + n, text[toks[i].start:toks[i + n - 1].end], kb_ids=tuple(ids), kb_score=score)
    return None


def _titlecase_acronym(text: str, toks: list[Tok], i: int, kb: KnowledgeBase) -> Found | None:
    """An IGO's or armed group's initials in house style ("Nato", "Isis", "Unicef"), not after
    another capitalised word (that would make it part of a name: "Peter Pace")."""
    word = toks[i].text
    if len(word) < 4 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None
    if i > 0 and toks[i - 1].text[:1].isupper() or kb.is_name_word(word):
        return None
    ids = [rid for rid in kb.candidates(word.upper())[0] if _group_like(kb.orgs.get(rid))]
    return Found(i, i + 1, text[toks[i].start:toks[i].end], kb_ids=tuple(ids), kb_score=0.8) if ids else None


def _group_like(org: object) -> bool:
    return org is not None and (getattr(org, "country", None) == "IGO" or getattr(org, "sector", None)
                                in ("IGO", "REB", "INS"))


def _misspelt_place(text: str, toks: list[Tok], i: int, kb: KnowledgeBase, gaz: Gazetteer) -> Found | None:
    """A country name or demonym with one typo ("Ethopia"), standing alone: not next to another
    capitalised word (that would make it part of a name) and not a word of a KB person's name."""
    tok = toks[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j].text[:1].isupper():
            return None
    if kb.is_name_word(tok.text):
        return None
    place = gaz.fuzzy(tok.text)
    return Found(i, i + 1, text[tok.start:tok.end], place=place, kb_score=0.8) if place is not None else None


def analyse_segment(text: str, toks: list[Tok], kb: KnowledgeBase, gaz: Gazetteer, titles: Titles,
                    lenient: bool = False, date: dt.date | None = None) -> Segment:
    seg = Segment(toks=toks, found=find_entities(text, toks, kb, gaz, lenient))
    word_idx = [i for i, t in enumerate(toks) if t.text not in POSSESSIVE and fold(t.text)]
    words = [fold(toks[i].text) for i in word_idx]
    terms = [(word_idx[h.start], word_idx[h.end - 1] + 1, h) for h in titles.find(words)]
    seg.found = [f for f in seg.found if _keep_found(seg, f, terms, kb)]
    seg.found = sorted([*seg.found, *_surnames(seg, terms, kb, date)], key=lambda f: f.start)
    seg.hidden = [t for t in terms if any(f.start <= t[0] and t[1] <= f.end for f in seg.found)]
    masked = ["\0" if seg.found_at(i) else w for i, w in zip(word_idx, words)]  # no term across a name
    seg.terms = [(word_idx[h.start], word_idx[h.end - 1] + 1, h) for h in titles.find(masked)]
    seg.terms = [t for t in seg.terms if not (t[1] - t[0] == 1 and toks[t[0]].text[:1].isupper()
                                              and fold(toks[t[0]].text) in titles.lowercase)]
    seg.portfolio = _portfolio(seg, titles)
    _find_head(seg, titles)
    if seg.head >= 0:
        places = lower_places(seg, text, kb, titles) if lenient else world_places(seg, text, kb, titles)
        seg.found = sorted([*seg.found, *places], key=lambda f: f.start)
    return seg


def _keep_found(seg: Segment, found: Found, terms: list, kb: KnowledgeBase) -> bool:
    """Drop a demonym after "ethnic" (a people), and a place or surname after an unknown first name
    ("Michael Jordan", "Andreas Papandreou" when the KB knows only another Papandreou)."""
    if _sponsor(seg.toks, found):
        return False
    nxt = seg.toks[found.end] if found.end < len(seg.toks) else None
    if found.kb_score == _SHORT_SCORE and nxt is not None and not seg.found_at(found.end) \
            and (nxt.text in PARTICLES or (_capitalised(nxt.text) and not is_acronym(nxt.text))) \
            and not any(t[0] == found.end for t in terms):
        return False  # "Ali al-Sistani": a surname of someone else inside an unknown full name
    if found.kb_ids and found.kb_score < 1.0 and nxt is not None and nxt.lower in DIVISION_CUES \
            and _world_named(found.text):
        return False  # "the Yala provincial governor": a division's name, not a short form of a person's
    prev = seg.toks[found.start - 1] if found.start > 0 else None
    if prev is None:
        return True
    place = found.place
    if place is not None and place.kind in ("demonym", "people") and prev.lower == "ethnic":
        seg.ethnic = True
        return False
    if not _capitalised(prev.text) or is_acronym(prev.text) or fold(prev.text) in STOP:
        return True
    if any(t[0] <= found.start - 1 < t[1] for t in terms):
        return True
    if any(f.end == found.start for f in seg.found):
        return True
    if place is not None:  # "Michael Jordan", "Denzel Washington" (but "Northern Iraq", "East Beirut")
        if place.kind == "capital" and fold(prev.text) not in GEO_MODIFIERS:
            return False
        return place.kind not in ("country", "capital", "region") or not kb.is_given_name(prev.text)
    if found.kb_score == _SHORT_SCORE and found.kb_ids:  # "Nasr al-Hariri": not Rafic's nor Saad's
        return any(fold(prev.text) in kb.name_words(rid) for rid in found.kb_ids)
    return True


def _world_named(text: str) -> bool:
    """Whether the world gazetteer knows a city or first-level division of that name."""
    from ..places.gazetteer import load_index

    return any(c.kind in ("city", "admin1") for c in load_index().lookup(text))


def _surnames(seg: Segment, terms: list, kb: KnowledgeBase, date: dt.date | None) -> list[Found]:
    """A bare surname the KB lists only inside full names, after a title or before a government
    noun ("President Bush", "the Bush administration"): the one such person in office at the date."""
    out = []
    for i, tok in enumerate(seg.toks):
        if not _capitalised(tok.text) or is_acronym(tok.text) or seg.found_at(i) or fold(tok.text) in STOP:
            continue
        if any(t[0] <= i < t[1] for t in terms):
            continue
        title = next((t[2].term.text for t in terms if t[1] == i and t[2].term.kind == "title"), None)
        after_title = title is not None
        before_gov = any(t[0] == i + 1 and t[2].term.kind == "group" and t[2].term.sector == "GOV" for t in terms)
        nxt = seg.toks[i + 1] if i + 1 < len(seg.toks) else None
        ends_name = nxt is None or not (_capitalised(nxt.text) or nxt.text in PARTICLES or nxt.text == "-")
        if (after_title and ends_name) or before_gov:
            seg.dated = True
            rid = kb.surname_at(tok.text, date, title if after_title else None)
            if rid is not None:
                out.append(Found(i, i + 1, tok.text, kb_ids=(rid,), kb_score=0.8))
    return out


def _sponsor(toks: list[Tok], found: Found) -> bool:
    """A place that backs or is opposed, not the actor's own country: "Russian-backed separatists",
    "pro-Iranian militias", "anti-American protesters"."""
    s, e = found.start, found.end
    if s >= 2 and toks[s - 1].text == "-" and toks[s - 2].lower in ("pro", "anti"):
        return True
    return e + 1 < len(toks) and toks[e].text == "-" and toks[e + 1].lower in SPONSORED


def _portfolio(seg: Segment, titles: Titles) -> set[int]:
    """Portfolio words around a title and their joiners: "Planning and Investment Minister",
    "Minister for Interior" (they belong to the title, never to a name)."""
    out: set[int] = set()
    toks = seg.toks

    def is_port(i: int) -> bool:
        return 0 <= i < len(toks) and fold(toks[i].text) in titles.portfolios and not seg.found_at(i) \
            and not seg.term_at(i)

    for start, end, hit in seg.terms:
        if hit.term.kind == "group":
            continue
        i = start - 1
        while is_port(i) or (i > 0 and toks[i].lower in ("and", "&") and is_port(i - 1) and i + 1 in out):
            out.add(i)
            i -= 1
        i = end
        if i < len(toks) and toks[i].lower in ("for", "of") and is_port(i + 1):
            out.add(i)
            i += 1
            while is_port(i) or (i < len(toks) and toks[i].lower in JOINERS and is_port(i + 1)):
                out.add(i)
                i += 1
    return out


def _find_head(seg: Segment, titles: Titles) -> None:
    """Head part = tokens before the first free cut word or "of"; head = its last word."""
    toks = seg.toks
    end = len(toks)
    for i, tok in enumerate(toks):
        word = tok.text.lower()
        if seg.found_at(i) or seg.term_at(i) or i in seg.portfolio:
            continue
        if word in ("and", "or", "&") and _coordinated_places(seg, i):
            seg.coordinated = True  # "Russian and Chinese officials": one head, two countries
            continue
        if word in ("and", "&") and _name_conjunction(seg, i):
            continue  # "the Afghan National Defense and Security Forces": one name
        if word == "of" and _org_title_after(seg, i):
            continue  # "Bank of England Governor Mark Carney": the title and name head the phrase
        if word in CUT_WORDS or word == "of" or _postmodifier(seg, i):
            end = i
            break
    seg.head_end = end
    for i in range(end - 1, -1, -1):
        if toks[i].text in POSSESSIVE:
            seg.possessor_end = i
            break
    for i in range(end - 1, seg.possessor_end, -1):
        if toks[i].text[:1].isalnum() and toks[i].text not in POSSESSIVE and i not in seg.portfolio:
            seg.head = i
            break
    for i in range(seg.possessor_end + 1, max(seg.head, 0)):
        code = titles.modifier(fold(toks[i].text))
        if code and not seg.term_at(i):
            seg.modifiers.append(code)


def _org_title_after(seg: Segment, i: int) -> bool:
    """Whether the "of" at ``i`` is inside an organisation's name that a title of its officer
    follows ("Bank of England Governor Mark Carney", "the Reserve Bank of India governor",
    "University of Texas President X"): a capitalised word before it, only capitalised words or
    known names up to a title or weak title, and after that only a capitalised name, or nothing."""
    toks = seg.toks
    if i == 0 or not toks[i - 1].text[:1].isupper():
        return False
    title = next((t for t in seg.terms if t[0] > i + 1 and t[2].term.kind in ("title", "weak")), None)
    if title is None:
        return False
    org = range(i + 1, title[0])
    name = range(title[1], len(toks))
    return all(toks[k].text[:1].isupper() or seg.found_at(k) for k in org) \
        and not any(seg.term_at(k) for k in org if not seg.found_at(k)) \
        and all(toks[k].text[:1].isupper() or toks[k].text in PARTICLES or toks[k].text == "-"
                or toks[k - 1].text == "-" for k in name)  # "Lee Ju-yeol"


def _coordinated_places(seg: Segment, i: int) -> bool:
    """Demonyms on both sides of the conjunction at ``i``, and a title or group noun after them."""
    before, after = seg.found_at(i - 1), seg.found_at(i + 1)
    if not (before and after and before.place and after.place and after.place.kind == "demonym"):
        return False
    return any(t[0] == after.end for t in seg.terms)


def _name_conjunction(seg: Segment, i: int) -> bool:
    """A conjunction inside a capitalised name that ends in a group noun: capitalised unknown words
    on both sides, the run after it ending in a title or group term."""
    toks = seg.toks
    if i == 0 or not toks[i - 1].text[:1].isupper() or seg.found_at(i - 1):
        return False
    j = i + 1
    while j < len(toks) and toks[j].text[:1].isupper() and not seg.found_at(j):
        j += 1
    return j > i + 1 and any(t[1] == j and t[0] > i for t in seg.terms)


def _postmodifier(seg: Segment, i: int) -> bool:
    """A participle or adjective after a noun that starts its post-modifier: "refugees fleeing ...",
    "a terror group based in ...", "militants loyal to ..."."""
    tok = seg.toks[i]
    if i == 0 or not tok.text.islower() or seg.toks[i - 1].text == "-":
        return False
    if not (tok.text in POSTMODIFIERS or (tok.text.endswith("ing") and len(tok.text) > 5)):
        return False
    before = seg.found_at(i - 1)
    if tok.text not in POSTMODIFIERS and before is not None and before.place is not None \
            and before.place.kind == "demonym":
        return False  # an adjective takes no participle after it: "the Kenyan shilling" is a noun
    return bool(seg.term_at(i - 1) or before)


def locative_place(seg: Segment) -> Found | None:
    """The first place after a locative preposition past the head part ("rebels in Darfur")."""
    preps = [i for i in range(seg.head_end, len(seg.toks)) if seg.toks[i].lower in LOC_PREPS]
    if not preps:
        return None
    return next((f for f in seg.found if f.place is not None and f.start > preps[0]), None)


def complement_parts(seg: Segment) -> tuple[list[Found], list[tuple[int, int, Hit]]]:
    """Places/entities and terms in the "of ..." complements after the head part (and "for ..."
    after a weak title)."""
    end = len(seg.toks)
    for i in range(seg.head_end + 1, len(seg.toks)):
        if seg.toks[i].text.lower() in CUT_WORDS and not seg.found_at(i):
            end = i
            break
    word = seg.toks[seg.head_end].text.lower() if seg.head_end < len(seg.toks) else ""
    head_term = seg.term_at(seg.head) if seg.head >= 0 else None
    speaks_for = word == "for" and head_term is not None and head_term[2].term.kind == "weak" \
        and not head_term[2].term.collective  # "a spokesman for the Russian Foreign Ministry"
    if word != "of" and not speaks_for:
        return [], []
    found = [f for f in seg.found if seg.head_end < f.start < end]
    terms = [t for t in seg.terms if seg.head_end < t[0] < end]
    return found, terms
