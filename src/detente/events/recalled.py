"""A reaction to an event the article has already told (event anaphora): "Russia bombed the town.
Turkey condemned the attack." The reaction's object or cause is a definite noun of an event ("the
attack", "in response to the strikes", "rejected the accusations") with no party of its own; it
refers back to the latest event of its kind the article codes in that sentence or the two before,
and the reaction is aimed at that event's doer (``recalled_events`` of ``words/events.yaml``: which
nouns recall which CAMEO roots; ``roots.recall`` of ``policy.yaml``: which reactions).

Precision first: the referent must be unambiguous (every event of the noun's kind in the window
has the same doer's country), the doer must not be the reacting side's own, and a noun with a
possessor, an agent or a proper modifier of its own ("Russia's attack", "the attack by X", "the
Russian strikes") names its own party and is left to the role slots."""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import ActorMention, EventMention
from ..policy import cameo_policy
from ..wordlists import word_map, word_set
from . import syntax as sx
from .features import doc_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..places.types import PlaceMention

RECALL_ROOTS = cameo_policy().recall_roots  # criticism, rejection, threats, sanctions, coercion
RETALIATE_ROOTS = cameo_policy().retaliate_roots  # ... and force: "in retaliation for the raids"
ACT_ROOTS = cameo_policy().retaliation_act_roots  # a bare retaliation: an act answering an act
RECALL_CODES = cameo_policy().recall_codes  # denials: "denied the accusations"
RECALLED = {noun: frozenset(str(roots).split()) for noun, roots in word_map("events", "recalled_events").items()}
RESPONSE_NOUNS = word_set("events", "response_nouns")  # in response to, in retaliation for
RETALIATE_VERBS = word_set("events", "retaliate_verbs")  # retaliate, respond: with nothing named, to what was done to one
RECALL_PREPS = word_set("events", "recall_preps")  # over, for: "criticised Moscow over the attack"
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
OWN_PARTY_DEPS = frozenset({"poss", "compound", "nmod"})
UP_DEPS = frozenset({"pcomp", "pobj", "prep", "advcl", "xcomp"})
RECALL_SENTENCES = 2  # the referent is in the reaction's sentence or the two before
TOWN_NOUNS = word_set("events", "recalled_town_nouns")  # "the town": the town last named


def recall_targets(mentions: Sequence[EventMention], doc: Doc, notes: list[str] | None = None) -> list[EventMention]:
    """``mentions`` (the article's, in order), a reaction with no target (or a countryless event
    noun taken for one: "condemned the shelling") aimed at the doer of the event it refers back to;
    ``notes`` gets one line per target so found."""
    out: list[EventMention] = []
    for m in mentions:
        if m.source is not None and _reacts(m.cameo) and 0 <= m.trigger_token < len(doc) \
                and (m.target is None or _event_noun(m.target, doc)):
            trig = doc[m.trigger_token]
            found = recalled_event(trig, m, mentions) or (retaliated(trig, m, mentions) if m.target is None else None)
            if found is not None:
                why, event = found
                m = dataclasses.replace(m, target=event.source)
                if notes is not None:
                    notes.append(f"{m.trigger} ({m.cameo}): target {event.source.text if event.source else ''} "
                                 f"recalled by '{why}' from '{event.trigger}' ({event.cameo}, sentence {event.sent_index})")
        out.append(m)
    return out


def retaliated(trig: Token, m: EventMention, mentions: Sequence[EventMention]) -> tuple[str, EventMention] | None:
    """A retaliation that names nothing it answers ("Moscow retaliated by imposing sanctions", "In
    response, Moscow expelled ...") answers the latest event done to the retaliating side's country
    in its sentence or the two before, by another country; None when two countries did such acts."""
    if m.cameo[:2] not in ACT_ROOTS or m.modality != "asserted":
        return None
    word = _bare_response(trig)
    own = m.source.actor.country if m.source is not None else None
    if word is None or own is None:
        return None
    found = [a for a in mentions if a.trigger_token < m.trigger_token and a.modality == "asserted"
             and a.cameo[:2] in ACT_ROOTS
             and a.source is not None and a.target is not None and a.target.actor.country == own
             and a.source.actor.country not in (None, own) and 0 <= m.sent_index - a.sent_index <= RECALL_SENTENCES]
    if not found or len({a.source.actor.country for a in found if a.source is not None}) > 1:
        return None
    return word, found[-1]


def _bare_response(trig: Token) -> str | None:
    """The retaliation word the trigger's clause says it with and names nothing after: the trigger
    or the verb it hangs from ("retaliated by imposing"), or an "in response" phrase on either."""
    heads, cur = [trig], trig
    while cur.dep_ in UP_DEPS and cur.head is not cur and len(heads) < 4:  # "retaliated by imposing"
        cur = cur.head
        heads.append(cur)
    for head in heads:
        if sx.lemma_in(head, RETALIATE_VERBS) and not sx.children(head, "dobj") \
                and not sx.prep_objects(head, ("to", "for", "against")):
            return head.text
        for resp in sx.prep_objects(head, ("in",)):
            if sx.lemma(resp) in RESPONSE_NOUNS and not sx.prep_objects(resp, ("to", "for", "against")):
                return f"in {resp.text}"
    return None


def _event_noun(target: ActorMention, doc: Doc) -> bool:
    """A countryless "actor" that is an event noun the article may have told ("the shelling")."""
    return target.actor.country is None and any(sx.lemma(doc[i]) in RECALLED for i in range(target.start, target.end)
                                                if 0 <= i < len(doc))


def recalled_event(trig: Token, m: EventMention, mentions: Sequence[EventMention]) -> tuple[Token, EventMention] | None:
    """The reaction's definite event noun and the event it refers back to, whose doer is the
    reaction's target; or None."""
    own = m.source.actor.country if m.source is not None else None
    for noun in recalled_nouns(trig, m.cameo[:2] in RECALL_ROOTS or m.cameo in RECALL_CODES):
        roots = RECALLED.get(sx.lemma(noun))
        if roots is None or not _definite(noun):
            continue
        found = [a for a in mentions if a.cameo[:2] in roots and a.source is not None and a is not m
                 and a.modality == "asserted" and a.trigger_token <= noun.i
                 and 0 <= m.sent_index - a.sent_index <= RECALL_SENTENCES]
        if not found:
            continue
        event = found[-1]
        doer = event.source
        if doer is None or len({a.source.actor.country for a in found if a.source is not None}) > 1:
            return None  # two doers of that kind of event: no one referent
        if doer.actor.country is None or doer.actor.country == own or _same(doer, m.source):
            return None
        return noun, event
    return None


def recalled_nouns(trig: Token, objects: bool = True) -> list[Token]:
    """The nouns a reaction may refer back to an event with: its direct object ("condemned the
    attack"), what a nominal reaction is "of" ("condemnation of the strikes"), its "over" or
    "for" phrase and that of its object ("imposed sanctions over the poisoning"), and the event
    of an "in response to" or "in retaliation for" phrase ("fired rockets in response to the raids");
    only the last without ``objects`` (an act of force whose object is an event is no reaction)."""
    out: list[Token] = []
    if objects:
        objs = sx.direct_objects(trig) if sx.eff_pos(trig) == "verb" else sx.prep_objects(trig, ("of",))
        out.extend(objs)
        for head in [trig, *objs]:
            out.extend(sx.prep_objects(head, RECALL_PREPS))
    for resp in sx.prep_objects(trig, ("in",)) + [trig]:
        if sx.lemma(resp) in RESPONSE_NOUNS:
            out.extend(sx.prep_objects(resp, ("to", "for", "against")))
    return out


def _reacts(cameo: str) -> bool:
    return cameo[:2] in RECALL_ROOTS or cameo[:2] in RETALIATE_ROOTS or cameo in RECALL_CODES


def _definite(noun: Token) -> bool:
    """A definite noun with no party of its own: "the attack", "these strikes", "the latest
    raids"; not "Russia's attack", "the Russian strikes", "the attack by militants"."""
    kids = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids):
        return False
    if any(c.dep_ in OWN_PARTY_DEPS or c.dep_ == "amod" and not c.text.islower() for c in kids):
        return False
    return not sx.prep_objects(noun, ("by",))


def _same(a: ActorMention, b: ActorMention | None) -> bool:
    return b is not None and (a.start, a.end) == (b.start, b.end)


def recalled_places(doc: Doc, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """``places`` and, for each bare "the town" / "the city" (no other word), the town last named
    in its sentence or the two before, over its words ("Isis overran Sinjar in 2014. When the
    group overran the town ...": the town is Sinjar's), when every town named there is of one
    country; the role finder then reads it as it reads the town's name."""
    towns = sorted((p for p in places if p.place.kind == "city" and not p.dateline), key=lambda p: p.start)
    if not towns:
        return list(places)
    out = list(places)
    table = doc_table(doc)  # forms and parts of speech from the Doc's arrays: a Token only for a town noun
    nouns = [i for i, form in enumerate(table.lower) if form in TOWN_NOUNS and table.pos[i] == "NOUN"]
    if not nouns:
        return out
    starts = [s.start for s in doc.sents]
    for tok in (doc[i] for i in nouns):
        if not _bare_definite(tok):
            continue
        s_i = bisect.bisect_right(starts, tok.i) - 1
        first = starts[max(0, s_i - RECALL_SENTENCES)]
        before = [p for p in towns if first <= p.start and p.end <= tok.i - 1]
        if not before or len({p.place.country for p in before}) > 1:
            continue
        det = tok.i - 1
        out.append(dataclasses.replace(before[-1], start=det, end=tok.i + 1, char_start=doc[det].idx,
                                       char_end=tok.idx + len(tok.text), text=f"{doc[det].text} {tok.text}"))
    return out


def _bare_definite(tok: Token) -> bool:
    kids = list(tok.children)
    return tok.i > 0 and len(kids) >= 1 and kids[0].i == tok.i - 1 and kids[0].lower_ == "the" \
        and all(c.dep_ not in ("det", "amod", "compound", "poss", "nmod", "prep", "appos", "acl", "relcl")
                for c in kids[1:]) and not any(c.i < tok.i and c.i != tok.i - 1 for c in kids)
