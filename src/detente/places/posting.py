"""Where a state's diplomat posted abroad acts: at the UN's seat, or in the country of the posting.

A state's ambassador or permanent representative (``places.yaml`` ``posting_nouns``) does what
it does where it is posted, not at home: "Russia's UN ambassador said", "the US ambassador to the
United Nations said" -> New York (the UN Security Council's seat, basis "seat"); "Russia's
ambassador to the UK said" -> the United Kingdom; an ambassador whose posting is not named is
placed nowhere by the home fallback.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..actors.names import fold
from ..model import EventMention
from .config import PlacesConfig
from .gazetteer import load_index
from .types import GeoPlace


def posting(doc: Doc, m: EventMention, config: PlacesConfig) -> GeoPlace | None | bool:
    """Where a state's diplomat (``posting_nouns``: "ambassador", "permanent representative") who
    does the act is posted: the UN's seat for one to the UN ("Russia's UN ambassador", "the US
    ambassador to the United Nations"), the country of "to X" ("Russia's ambassador to the UK"); False
    when the doer is no such diplomat; None when it is one posted who knows where (not at home)."""
    doer = m.source
    if doer is None or doer.actor is None or not doer.actor.country or doer.actor.country == "IGO" \
            or not 0 <= doer.start < doer.end <= len(doc):
        return False
    nouns = [t for t in doc[doer.start:doer.end] if t.lemma_.lower() in config.posting_nouns]
    if not nouns:
        return False
    for noun in nouns:
        words = {c.lower_ for c in noun.children if c.dep_ in ("compound", "nmod", "amod")}
        objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "at", "in")
                   for o in c.children if o.dep_ == "pobj"]
        # ("the UN", "the United Nations", however the parser hangs "to the United Nations Nikki Haley")
        if words & config.seat_qualifiers or any(t.lower_ in config.seat_qualifiers for o in objects
                                                 for t in o.subtree if t.dep_ in ("compound", "pobj")):
            return seat_city(config.seats.get(config.seat_veto_body))
        for obj in objects:
            found = [g for g in load_index().lookup(doc[obj.left_edge.i:obj.i + 1].text) if g.kind == "country"]
            if found:
                return found[0]
    return None


def seat_city(name: str | None) -> GeoPlace | None:
    """The city of a seat's name ("New York City", "The Hague": its own name first, article kept)."""
    if name is None:
        return None
    index = load_index()
    found = index.names.get(fold(name), ()) or index.lookup(name)  # "The Hague" keeps its article
    return next((p for p in found if p.kind == "city"), None)
