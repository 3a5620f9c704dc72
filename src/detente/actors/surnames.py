"""People named again: a surname after a full name, a titled surname, a misspelt surname, a title word
written as a name (the coreference's first rules, ``coref``).

- a one-word name that is the surname of an earlier named person takes that person's actor; of an
  unknown full name, the actor of the title in apposition with it (``surnames``);
- a title with a surname the knowledge base lacks, of no country of its own, is the earlier person of
  that surname (``titled_namesake``, read by ``coref._fill_countries`` in the article's order);
- an unread one-word name, the subject of a verb of saying, one letter off an earlier person's surname,
  is that person (``misspelt_surnames``).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..wordlists import word_map
from .cand import Cand
from .countries import one_edit
from .cues import load_cues
from .names import fold

_SERVING = word_map("actors", "serving_body")
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def surnames(doc: Doc, cands: list[Cand]) -> None:
    """A one-word name that is the surname of an earlier named person takes that person's actor; of
    a full name the knowledge base lacks, the actor of the title in apposition with it, when that
    title's own words give a country or a body ("Belarus's envoy, Pavel Kuzmich," ... "Kuzmich")."""
    for i, cand in enumerate(cands):
        if doc[cand.head].pos_ not in ("PROPN", "NOUN", "X") or cand.end - cand.start > 2:
            continue
        bare_title = _bare_title_word(doc, cand)  # "Bishop said", after "Julie Bishop": her, not a cleric
        if cand.reading is not None and (cand.reading.kind != "kb" or cand.reading.titled) and not bare_title:
            continue
        key = fold(doc[cand.head].text)
        for earlier in reversed(cands[:i]):
            actor = earlier.actor
            if earlier.end - earlier.start < 2 or not key or (bare_title and not earlier.person):
                continue
            if (actor is None or not actor.name) and cand.reading is not None and earlier.head > earlier.start \
                    and doc[earlier.head].pos_ == "PROPN" and fold(doc[earlier.head].text) == key:
                # an unknown full name ending in this surname ("Nasr al-Hariri" ... "Hariri"): the same
                # person, not someone else the knowledge base lists under the surname
                cand.actor = None if actor is None else replace(actor, confidence=round(actor.confidence * 0.95, 3))
                cand.basis, cand.antecedent, cand.reading = "coref", earlier.head, earlier.reading
                break
            if actor is not None and actor.name and key in fold(actor.name).split()[1:]:
                cand.actor = replace(actor, confidence=round(actor.confidence * 0.95, 3))
                cand.basis, cand.antecedent = "coref", earlier.head
                cand.reading = earlier.reading
                break
            if actor is None and cand.reading is None and cand.end - cand.start == 1 \
                    and doc[earlier.head].pos_ == "PROPN" and fold(doc[earlier.head].text) == key:
                title = _apposed_title(doc, cands, earlier)
                if title is not None and title.actor is not None:  # "X's ambassador, Igor Petrov," ... "Petrov"
                    cand.actor = replace(title.actor, confidence=round(title.actor.confidence * 0.95, 3))
                    cand.basis, cand.antecedent, cand.reading = "coref", title.head, title.reading
                    break


def titled_namesake(doc: Doc, before: list[Cand], cand: Cand) -> Cand | None:
    """For a title with a surname the knowledge base lacks, of no country of its own ("Ambassador
    Petrov said"), the person of that surname named before ("Russia's ambassador, Igor Petrov," or an
    earlier "Ambassador Petrov"): the same person, whose country (or lack of one) it shares, not the
    country of the last official named, which the countryless title would otherwise borrow. None
    when the earlier one is of another trade (a namesake)."""
    actor, head = cand.actor, doc[cand.head]
    if actor is None or actor.country or actor.kb_id or actor.org or not cand.person \
            or cand.reading is None or not cand.reading.titled or head.pos_ != "PROPN" \
            or head.ent_type_ != "PERSON" or head.i == cand.start:
        return None
    key = fold(head.text)
    for earlier in reversed(before):
        e_actor = earlier.actor
        if e_actor is None or not earlier.person or not any(
                t.pos_ == "PROPN" and fold(t.text) == key for t in doc[earlier.start:earlier.end]):
            continue  # (the name may stand in apposition: "Russia's ambassador, Igor Petrov")
        if e_actor.country == "IGO" or (e_actor.sector and actor.sector and e_actor.sector != actor.sector):
            return None  # a namesake of another trade
        return earlier
    return None


def misspelt_surnames(doc: Doc, cands: list[Cand]) -> None:
    """A one-word name nothing read, the subject of a verb of saying, one letter off the surname of a
    person named before (a dropped, added, changed or swapped letter; five letters or more, the same
    first letter): that person misspelt ("the opposition leader Jane Corbin" ... "Corbn said").
    The rule asks for a speaker, where live reports misspell, to keep rare namesakes out."""
    says = load_cues().say_verbs
    for i, cand in enumerate(cands):
        head = doc[cand.head]
        if cand.actor is not None or cand.reading is not None or cand.end - cand.start != 1 \
                or head.pos_ != "PROPN" or head.dep_ not in _SUBJ or head.head.lemma_.lower() not in says:
            continue
        key = fold(head.text)
        if len(key) < 5:
            continue
        for earlier in reversed(cands[:i]):
            actor = earlier.actor
            if actor is None or not actor.name or not earlier.person or not actor.country:
                continue
            surname = fold(actor.name).split()[-1]
            if surname == key:
                break  # the surname itself: another rule's
            if surname[:1] == key[:1] and one_edit(surname, key):
                cand.actor = replace(actor, confidence=round(actor.confidence * 0.9, 3))
                cand.basis, cand.antecedent, cand.reading = "coref", earlier.head, earlier.reading
                break


def _bare_title_word(doc: Doc, cand: Cand) -> bool:
    """A title word written alone as a name, with no determiner, country or name of its own ("Bishop
    said", "Judge told"): the surname of a person named before, if there is one."""
    tok = doc[cand.head]
    return cand.reading is not None and cand.reading.kind == "title" and cand.end - cand.start == 1 \
        and cand.actor is not None and not (cand.actor.country or cand.actor.name or cand.actor.org) \
        and tok.text[:1].isupper() and tok.text[1:].islower()


def _apposed_title(doc: Doc, cands: list[Cand], name: Cand) -> Cand | None:
    """The one person a title in apposition with an unknown full name reads ("Russia's ambassador,
    Igor Petrov," / "Igor Petrov, Russia's ambassador,"), or predicated of it by "be" ("Igor Petrov
    is Russia's ambassador"): the surname's later mentions are that person."""
    head = doc[name.head]
    heads = {head.head.i} if head.dep_ == "appos" else set()
    heads |= {t.i for t in head.children if t.dep_ == "appos"}
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        heads |= {t.i for t in head.head.children if t.dep_ == "attr"}
    for c in cands:
        if c.head in heads and c is not name and c.person and c.reading is not None and c.reading.titled \
                and not c.reading.plural and c.actor is not None and c.actor.sector \
                and (c.actor.country or c.actor.org or c.actor.sector not in _SERVING["borrowing_sectors"]):
            # its own words say whose, or it is a private person: an office of no country borrows one
            # later from the article's last official, often another state's
            return c
    return None
