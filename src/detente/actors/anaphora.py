"""Pronouns and definite descriptions, resolved across sentence boundaries (the stage reads whole
articles), and the first persons of quotations.

- he/she/him/his/her: the latest person, subjects first, in the last three sentences; when that is
  a person the knowledge base and the titles leave unread (a name the NER calls a person: a
  holidaymaker, a refugee, a volunteer; an unread name of any other kind that is the subject of a
  verb of saying: a speaker), nobody: not an official named before them;
- it/they as the subject of what someone said ("Syria's envoy said it would ..."): the speaker,
  as the event coder reads it; no mention of its own then (it would make the speaker its own target);
- they/them/their: the latest subject when it is a group, an organisation or a country; else, unless
  that subject is a plural noun that is not an actor ("the talks ... they"), the nearest plural group
  or organisation of the last two sentences;
- it/its: likewise for one body: a country, an organisation, a singular institution ("the
  government", "the army"). An object "it" (mostly a thing) and a pleonastic one ("it is clear that",
  "it seems") are left alone; so is an "it" in a quotation whose antecedent would be outside it;
- we/us/our/I/me/my inside a quotation: its speaker (``quotes``);
- "the country" / "the group" (organisation, movement): the country of the nearest mention that has
  one / the nearest organisation or armed group, in the last three sentences;
- a possessive pronoun or "the country's" gives its antecedent's country to the countryless group
  it qualifies ("its forces", "our troops", "their families", "the country's army"); it is no
  mention of its own (the event coder would read "Russia massed troops near its border with
  Ukraine" as aimed at Russia).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import partial
from dataclasses import replace

import numpy as np
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from ..model import Actor
from ..wordlists import word_map, word_set
from .cand import Cand
from .cues import Cues, load_cues
from .names import fold
from .phrase import LOC_PREPS
from .quotes import Quote, find_quotes, quote_speakers

_SUBJ = frozenset({"nsubj", "nsubjpass"})
_WH = frozenset({"WDT", "WP", "WP$"})
_KIND = word_map("actors", "pronoun_kinds")  # data/words/actors.yaml
_WINDOW = {"he": 3, "they": 2, "it": 2, "country": 3, "group": 3}
_PAST_QUOTES = word_map("actors", "speaker_past_quotes")  # how far "he said" looks past quoted sentences
_DEFINITE = word_map("actors", "definite_kinds")
_GROUP_SECTORS = frozenset({"REB", "INS", "OPP", "PTY", "NGO", "CRM", "UAF"})
_POSSESSIVE = word_set("actors", "possessives")
_OBJECT_PRONOUNS = frozenset({"him", "them", "her"})  # not reflexives, not "it" (left alone)


def resolve_anaphora(doc: Doc, cands: list[Cand], taken: set[int]) -> list[Cand]:
    """New mentions for the pronouns and descriptions outside ``taken`` tokens; countries for the
    countryless candidates a possessive qualifies (changed in place)."""
    if not doc.has_annotation("DEP"):
        return []
    cues = load_cues()
    quotes = find_quotes(doc)
    in_quote = {i: q for q in quotes for i in range(q.start, q.end)}
    pool = sorted((c for c in cands if c.actor), key=lambda c: c.head)
    strangers = _strangers(doc, cands, cues.say_verbs)
    resolved = list(pool)
    found: dict[int, Cand] = {}  # token -> the candidate it refers to
    out: list[Cand] = []

    def add(tok: Token, ante: Cand) -> None:
        if _definite(tok) == "country" and ante.actor is not None:  # the country, not the soldiers of it
            ante = Cand(ante.start, ante.end, ante.head, Actor(country=ante.actor.country, confidence=0.6),
                        None, ante.basis, ante.antecedent)
        found[tok.i] = ante
        if tok.i not in taken and tok.lower_ not in _POSSESSIVE and not _reported_self(tok, ante, cues.say_verbs):
            cand = Cand(tok.i, tok.i + 1, tok.i, ante.actor, ante.reading, "coref", _root(ante))
            out.append(cand)
            bisect.insort(pool, cand, key=lambda c: c.head)

    strings = doc.vocab.strings
    lowers = [strings[lower] for lower in doc.to_array(LOWER).tolist()]
    sent_of = _sentence_starts(doc)
    for i, lower in enumerate(lowers):
        if lower not in _KIND and lower not in _DEFINITE:
            continue  # neither a pronoun nor a description (no Token built for it)
        tok = doc[i]
        kind = _KIND.get(tok.lower_) if tok.pos_ == "PRON" else _definite(tok)
        if kind is None or (kind == "it" and _not_referential(tok, cues)):
            continue
        ante = _antecedent(doc, tok, kind, pool, in_quote.get(tok.i), cues.say_verbs, found, sent_of, strangers)
        if ante is None and kind == "he" and tok.i not in in_quote:
            ante = _speaker_past_quotes(doc, tok, pool, in_quote, cues.say_verbs, sent_of, strangers)
        if ante is not None and ante.actor is not None:
            add(tok, ante)
    at = _index(pool)
    for quote, speaker in quote_speakers(doc, quotes, cues.say_verbs, at):
        for i in range(quote.start, quote.end):
            if lowers[i] in cues.first_person and doc[i].pos_ == "PRON":
                add(doc[i], speaker)
    _possessive_countries(doc, resolved, found)
    return out


def _strangers(doc: Doc, cands: list[Cand], say_verbs: frozenset[str] = frozenset()) -> list[Cand]:
    """Names the NER calls persons that nothing resolved (no knowledge-base record, no title), as
    the subjects of their sentences' main verbs ("Jane Smith said ..."), and unread names of another
    kind (a misspelt surname the NER calls an organisation or a place, which the gazetteer does not
    know) as the subjects of a main verb of saying (a speaker: "Smyth said: ..." ... "He added");
    not one with a person read
    in apposition ("Marie Duval, the justice minister", where the stage reads the title as a phrase
    of its own; "The head of the delegation, Omar Said, spoke", parsed as two subjects), nor the
    surname of a person read before ("Ambassador Petrov" ... "Petrov said")."""
    people = [c for c in cands if c.actor is not None and c.person]
    inside = {i for c in people for i in range(c.start, c.end)}  # tokens of a person read
    out = []
    for cand in cands:
        head = doc[cand.head]
        if cand.actor is not None or not _main_subject(head):
            continue
        if head.ent_type_ != "PERSON" and (head.pos_ != "PROPN" or head.head.lemma_.lower() not in say_verbs):
            continue
        twins = [t for t in head.head.children if t.dep_ in _SUBJ and t.i != head.i]  # "The new head of X, Y,"
        if any(t.i in inside for t in [*twins, *(t for t in head.children if t.dep_ == "appos")]):
            continue
        if any(c.head < cand.start and fold(doc[c.head].text) == fold(head.text) for c in people):
            continue
        out.append(cand)
    return out


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb coordinated with it): "Jane Smith said
    ...", not a name inside a reported clause or a phrase ("demanded proof that Yulia Skripal is well")."""
    verb = tok.head
    if tok.dep_ not in _SUBJ:
        return False
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _root(cand: Cand) -> int:
    return cand.antecedent if cand.basis == "coref" and cand.antecedent is not None else cand.head


def _index(pool: list[Cand]) -> Callable[[int], Cand | None]:
    def at(i: int) -> Cand | None:
        hits = [c for c in pool if c.start <= i < c.end]
        return min(hits, key=lambda c: c.end - c.start) if hits else None
    return at


def _definite(tok: Token) -> str | None:
    """"the country", "the group": a bare noun after "the" (no other modifier)."""
    kind = _DEFINITE.get(tok.lower_)
    if kind is None or tok.pos_ != "NOUN":
        return None
    lefts = list(tok.lefts)
    return kind if len(lefts) == 1 and lefts[0].lower_ == "the" and lefts[0].dep_ == "det" else None


def _not_referential(tok: Token, cues: Cues) -> bool:
    """An "it" that is an object (mostly a thing), or pleonastic: the subject of "be", "seem",
    "take" ... ("it is clear that", "it seems", "it took years"), unless an agent's adjective is
    predicated of it ("it is ready to talk")."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return True
    head = tok.head
    if tok.dep_ == "poss" or head.lemma_.lower() not in cues.pleonastic_heads:
        return False
    return not any(c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in cues.agent_adjectives for c in head.children)


def _antecedent(doc: Doc, tok: Token, kind: str, pool: list[Cand], quote: Quote | None,
                say_verbs: frozenset[str], found: dict[int, Cand], sent_of: list[int] | None = None,
                strangers: list[Cand] | None = None) -> Cand | None:
    window = _sent_starts(tok, _WINDOW[kind], sent_of)
    first = min(window)  # the window's sentences are contiguous: no Span built per candidate
    before = [c for c in pool if first <= c.head < tok.i and c.start != tok.i]
    if quote is not None and kind in ("it", "they"):
        before = [c for c in before if quote.start <= c.head < quote.end]  # not across the quotation marks
    fits = partial(_FITS[kind], doc)
    bound = _clause_subject(tok)
    if bound:  # "Moldova expelled 45 diplomats, accusing them": not the accuser
        barred = {found[i].head for i in bound if i in found}
        before = [c for c in before if c.head not in barred and not any(c.start <= i < c.end for i in bound)]
    if kind == "he":  # persons named, not other pronouns ("she said he had surrendered")
        people = [c for c in before if fits(c) and doc[c.head].pos_ != "PRON"]
        people.extend(c for c in strangers or () if first <= c.head < tok.i and c.start != tok.i
                      and not any(c.start <= i < c.end for i in bound))
        people.sort(key=lambda c: c.head)
        subjects = [c for c in people if doc[c.head].dep_ in _SUBJ]
        ante = (subjects or people)[-1] if people else None
        return ante if ante is not None and ante.actor is not None else None  # a stranger: nobody
    if kind in ("it", "they"):
        speaker = _speaker(tok, before, say_verbs)
        if speaker is not None:  # "Syria's ambassador said it will facilitate a visit": his state
            return speaker
        subj = next((t for t in reversed(doc[min(window):tok.i]) if t.dep_ in _SUBJ
                     and t.tag_ not in _WH and t.head.dep_ not in ("relcl", "acl")), None)  # a main clause's
        if subj is not None and subj.i not in bound:
            ante = found.get(subj.i) or next((c for c in reversed(before) if c.start <= subj.i < c.end), None)
            chained = subj.i in found or (ante is not None and doc[ante.head].pos_ == "PRON")  # "it ... its people"
            if ante is not None and (fits(ante) or chained or (kind == "they" and not ante.person)):
                return ante
            if ante is None and subj.pos_ == "NOUN" and subj.tag_ == ("NNS" if kind == "they" else "NN"):
                return None  # "the deal ... it", "the talks ... they": a thing
    matching = [c for c in before if fits(c)]
    return matching[-1] if matching else None


def _speaker_past_quotes(doc: Doc, tok: Token, pool: list[Cand], in_quote: dict[int, Quote],
                         say_verbs: frozenset[str], sent_of: list[int] | None,
                         strangers: list[Cand]) -> Cand | None:
    """"She said" after a quotation of several sentences ("Amina Farouk said: “…” “…” “…” … she
    said"): a he/she subject of a verb of saying, outside quotation marks, with no person in its
    window (none read, no stranger, no other name the NER calls a person as a subject before its own
    sentence), is the latest person named outside quotation marks within the same number of
    sentences not wholly quoted (``speaker_past_quotes``), a speaker first ("Jane Roe said Tom Doe
    had left" ... "she said": Jane Roe); a quoted sentence names no speaker. Nobody when that person
    is one nothing read (a stranger)."""
    if sent_of is None or tok.dep_ not in _SUBJ or tok.head.lemma_.lower() not in say_verbs:
        return None
    near = min(_sent_starts(tok, _WINDOW["he"], sent_of))
    named = [*(c for c in pool if c.person), *strangers]
    if any(near <= c.head < tok.i and doc[c.head].pos_ != "PRON" for c in named) or any(
            t.ent_type_ == "PERSON" and t.dep_ in _SUBJ and t.i not in in_quote for t in doc[near:sent_of[tok.i]]):
        return None  # a person named in the window, read or not: the window's rule decided
    end, unquoted, seen = sent_of[tok.i], 1, 1
    first = end
    while end > 0 and unquoted < _PAST_QUOTES["unquoted_sentences"] and seen < _PAST_QUOTES["max_sentences"]:
        start = sent_of[end - 1]
        seen += 1
        if not all(i in in_quote for i in range(start, end) if not (doc[i].is_punct or doc[i].is_space)):
            unquoted += 1
        first, end = start, start
    people = [c for c in named if first <= c.head < tok.i and c.head not in in_quote and doc[c.head].pos_ != "PRON"]
    if not people:
        return None
    people.sort(key=lambda c: c.head)
    subjects = [c for c in people if doc[c.head].dep_ in _SUBJ]
    speakers = [c for c in subjects if doc[c.head].head.lemma_.lower() in say_verbs]
    ante = (speakers or subjects or people)[-1]  # the last speaker, not a person of what was said
    return ante if ante.actor is not None else None


def _clause_subject(tok: Token) -> set[int]:
    """The tokens of the subject of an object pronoun's (or "the country"'s) own clause, which it
    cannot refer to (``Scholz called Putin, urging him``, ``Iran detained ten sailors and released
    them``, ``Washington praised the country``): the verb's subject, else that of the verb a
    participle or a coordinated verb without one of its own hangs from; of an infinitive with an
    object, that object (``asked Y to help him``)."""
    if not (tok.lower_ in _OBJECT_PRONOUNS and tok.pos_ == "PRON" or _definite(tok) is not None) \
            or tok.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = tok.head
    if tok.dep_ == "pobj":  # not a place phrase: "Syrian soldiers seized a town in the country"
        if verb.lower_ in LOC_PREPS or verb.lower_ == "of":
            return set()
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "dative"):
            verb = verb.head  # "Gazprom cut supplies to the country": on the verb's object
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return {t.i for s in subjects for t in [s, *s.conjuncts]}
        controller = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
        if controller:
            return {controller[0].i}
        if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.pos_ not in ("VERB", "AUX"):
            return set()
        verb = verb.head
    return set()


def _reported_self(tok: Token, ante: Cand, say_verbs: frozenset[str]) -> bool:
    """"Turkey denied that it was bound ...": a pronoun subject of what its antecedent said is no
    mention of its own (the event coder takes the speaker for it; as a mention it would make the
    speaker its own target)."""
    if tok.lower_ not in ("it", "they") or tok.dep_ not in _SUBJ or tok.head.dep_ != "ccomp":
        return False
    verb = tok.head.head
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return verb.lemma_.lower() in say_verbs and subj is not None and ante.start <= subj.i < ante.end


def _speaker(tok: Token, before: list[Cand], say_verbs: frozenset[str]) -> Cand | None:
    """The subject of the verb of saying whose reported clause ``tok`` is the subject of ("X said
    it would ..."): a person speaks for the body the pronoun names."""
    if tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp":  # not "insisted it was staged": a thing
        return None
    verb = tok.head.head
    if verb.lemma_.lower() not in say_verbs:
        return None
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return next((c for c in reversed(before) if subj is not None and c.start <= subj.i < c.end), None)


def _sentence_starts(doc: Doc) -> list[int] | None:
    """The start of each token's sentence, as ``Token.sent`` finds it (the nearest sentence start at
    or before it, else 0), from the Doc's array; None when hooks decide the sentences."""
    if "sents" in doc.user_hooks or "sent" in doc.user_span_hooks or "sent" in doc.user_token_hooks:
        return None
    starts = np.where(doc.to_array(SENT_START) == 1, np.arange(len(doc)), 0)
    return np.maximum.accumulate(starts).tolist() if len(doc) else []


def _sent_starts(tok: Token, n: int, sent_of: list[int] | None = None) -> set[int]:
    """The starts of ``tok``'s sentence and of those before it, ``n`` at most."""
    starts: set[int] = set()
    if sent_of is not None:
        start = sent_of[tok.i]
        while len(starts) < n:
            starts.add(start)
            if start == 0:
                break
            start = sent_of[start - 1]
        return starts
    sent: Span | None = tok.sent
    while sent is not None and len(starts) < n:
        starts.add(sent.start)
        sent = tok.doc[sent.start - 1].sent if sent.start > 0 else None
    return starts


def _plural(doc: Doc, c: Cand) -> bool:
    return bool(c.reading and c.reading.plural) or doc[c.head].tag_ in ("NNS", "NNPS")  # "troops", "rebels"


def _plural_body(doc: Doc, c: Cand) -> bool:
    r = c.reading
    return r is not None and not r.person and (_plural(doc, c) or r.kind == "org")


def _one_body(doc: Doc, c: Cand) -> bool:
    r = c.reading
    if r is None or r.person:
        return False
    return r.kind == "org" or (r.kind in ("place", "group", "title") and not _plural(doc, c))


def _country(doc: Doc, c: Cand) -> bool:
    """Any mention with a country: "Syrian soldiers seized a town in the east of the country"."""
    return c.actor is not None and c.actor.country not in (None, "IGO")


def _group(doc: Doc, c: Cand) -> bool:
    r = c.reading
    return r is not None and not r.person and (r.kind == "org" or (c.actor is not None
                                                                  and c.actor.sector in _GROUP_SECTORS))


_FITS: dict[str, Callable[[Doc, Cand], bool]] = {"he": lambda doc, c: c.person, "they": _plural_body,
                                                 "it": _one_body, "country": _country, "group": _group}


def _possessive_countries(doc: Doc, cands: list[Cand], found: dict[int, Cand]) -> None:
    """"its forces", "our troops", "the country's army": the possessor's country for a group that
    has none."""
    for cand in cands:
        if cand.actor is None or cand.actor.country is not None:
            continue
        for tok in doc[cand.start:cand.head]:
            if tok.dep_ not in ("poss", "nmod") or tok.head.i != cand.head:
                continue
            if tok.lower_ not in _POSSESSIVE and _definite(tok) is None:
                continue
            ante = found.get(tok.i)
            if ante is not None and ante.actor is not None and ante.actor.country is not None:
                cand.actor = replace(cand.actor, country=ante.actor.country, confidence=min(cand.actor.confidence, 0.6))
                cand.basis, cand.antecedent = "coref", _root(ante)
            break
