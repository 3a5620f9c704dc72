"""Acts done in a body that sits in one place: placed at its seat (basis "seat").

A council or assembly of an international organisation meets where it sits (``places.yaml``
``seats``: the UN Security Council and General Assembly in New York, the UN Human Rights Council in
Geneva, the OPCW's executive council in The Hague). An act is done there when
the body is what it is said to or done in ("told the UN Security Council", "addressing the
Security Council", "voted in the United Nations Security Council", "proposed a draft resolution to
the security council"), when the body itself meets ("when the UN security council met"), or when
it is a veto (``seat_vetoes``) of a permanent member of that council about the UN's resolutions or
investigations ("Russia vetoed the resolution", "Russia's vetoes of Syria resolutions"). A body
named with another qualifier is another body ("the US National Security Council", "the Kurdistan
region security council").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..events.features import doc_table
from ..model import EventMention
from .fallback import announced, intended
from .config import PlacesConfig
from .posting import posting, seat_city as _lookup
from .types import GeoPlace

_ADDRESS = frozenset({"to", "in", "at", "before"})


def seat_place(doc: Doc, m: EventMention, config: PlacesConfig) -> GeoPlace | None:
    """The seat of the body the event is done in or addressed to, or None."""
    if not config.seats or not 0 <= m.trigger_token < len(doc):
        return None
    trigger = doc[m.trigger_token]
    posted = posting(doc, m, config)
    if isinstance(posted, GeoPlace):
        return posted  # "Russia's UN ambassador said", "Russia's ambassador to the UK said"
    if intended(trigger, m, config) or announced(trigger):
        return None  # "Moscow would propose a UN security council resolution": said in Moscow
    said = m.cameo[:2] in config.home_speech_roots
    for party in (m.target, m.source):
        if party is None or not 0 <= party.start < party.end <= len(doc):
            continue
        span = doc[party.start:party.end]
        if span.root.dep_ == "poss":
            continue  # "condemned the security council's failure": an owner, not an addressee
        seat = _seat_of(span, config)
        # what is said or proposed to the body ("told the UN Security Council"; not "hand their seats
        # over to the general assembly"), or the body's own meeting
        if seat is not None and (said if party is m.target else trigger.lemma_.lower() in config.seat_meetings):
            return seat
    for tok in _addressed(trigger):
        seat = _seat_of(doc[tok.left_edge.i:tok.i + 1], config)
        if seat is not None:
            return seat
    if trigger.lemma_.lower() in config.seat_vetoes:
        return _veto_seat(doc, m, config)
    return None


def _addressed(trigger: Token) -> list[Token]:
    """What the act is addressed to or done in: the object of "to", "in", "at", "before" on the
    trigger, of "in" or "at" on a noun of its phrases, and the object of a participle of circumstance ("addressing the Security Council")."""
    # (also on a noun of the trigger's phrases, not in a clause of its own: "voted against the
    # other's proposals in the Security Council")
    out = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ in _ADDRESS
           for o in c.children if o.dep_ == "pobj"]
    doc, t = trigger.doc, doc_table(trigger.doc)  # the subtree, in order, from the Doc's table: a Token per object
    out += [doc[j] for j in t.subtree_in_order(trigger.i) if t.dep[j] == "pobj" and t.lower[t.head[j]] in ("in", "at")
            and t.pos[t.head[t.head[j]]] in ("NOUN", "PROPN") and not _in_clause(doc[j], trigger)]
    out += [o for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            for o in c.children if o.dep_ == "dobj"]
    return out


def _in_clause(tok: Token, trigger: Token) -> bool:
    """``tok`` lies in a clause below the trigger (a verb between them)."""
    return any(a.pos_ in ("VERB", "AUX") for a in tok.ancestors if a.i != trigger.i and trigger in a.ancestors)


def _seat_of(span: Span, config: PlacesConfig) -> GeoPlace | None:
    """The seat of the body ``span`` names: its words after "the" and the organisation's own name
    ("UN", "United Nations") must be exactly a body of ``seats``."""
    words = [t.lower_ for t in span if not t.is_punct and t.lower_ not in ("the", "'s", "’s")]
    while words and words[0] in config.seat_qualifiers:
        words = words[1:]
    return _lookup(config.seats.get(" ".join(words)))


def _veto_seat(doc: Doc, m: EventMention, config: PlacesConfig) -> GeoPlace | None:
    """A veto of a permanent member of the council (``seat_veto_powers``), in a sentence about the
    UN's resolutions or investigations (``seat_veto_words``): cast in that council."""
    if m.source is None or m.source.actor is None or m.source.actor.country not in config.seat_veto_powers:
        return None
    sent = doc[m.trigger_token].sent
    if not any(t.lower_ in config.seat_veto_words or t.lemma_.lower() in config.seat_veto_words for t in sent):
        return None
    return _lookup(config.seats.get(config.seat_veto_body))
