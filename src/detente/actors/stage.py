"""The actors stage: every actor mention of a parsed article, resolved at its publication date.

Candidates are the noun phrases of the parse (noun chunks extended with their appositions and,
for titles and names, their "of" complements: "the chief of staff of the Iranian armed forces,
Major-General Mohammad Bagheri"), then the entities outside any noun phrase, then the
coreferent mentions (``coref``). A noun phrase whose head is not an actor ("the Beijing
Olympics") yields nothing, except its possessor ("Iran's role" -> Iran).
"""
from __future__ import annotations

import bisect

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import ActorMention, Article
from ..doctext import doc_forms, doc_text
from ..events.features import doc_table
from ..wordlists import word_set
from .coref import Cand, resolve_coreference, to_mentions
from .cues import load_cues
from .names import fold
from .phrase import LOC_PREPS, POSSESSIVE
from .resolve import Reading, Resolver, resolver_for

if TYPE_CHECKING:
    from ..resources import Resources

_BASIS = {"kb": "kb", "name": "title", "title": "title", "group": "title", "place": "gazetteer", "org": "org"}
_MAX_DEPTH = 4
_DOER_PLACES = (":country", ":demonym", ":people", ":seat")
_FORCE_PREPS = word_set("actors", "force_preps")
_HOLDER_PARTICIPLES = word_set("actors", "holder_participles")  # held, controlled, run ...
_SPONSOR_PARTICIPLES = word_set("actors", "sponsor_participles")  # sponsored, drafted, funded ...
_HOLDER_DEPS = ("npadvmod", "advmod", "compound", "nmod", "amod", "nsubj")  # "Isis-held", "Kurdish-held"
_NAME_KINDS = frozenset({"kb", "org", "place"})  # readings of a name (not of a title or group noun)


def find_actors(doc: Doc, article: Article, resources: Resources | None) -> list[ActorMention]:
    """Actor mentions of ``doc`` (token spans, sorted), dated at ``article.published``."""
    resolver = resolver_for(resources)
    date = article.published
    cands: list[Cand] = []
    seen: set[int] = set()  # tokens of noun phrases already read
    parsed = doc.has_annotation("DEP")
    chunks = list(doc.noun_chunks) if parsed else []  # read once: the coreference reads them too
    if parsed:
        cands.extend(_phrase_cands(doc, resolver, date, seen, chunks))
    cands.extend(_entity_cands(doc, resolver, date, seen))
    if parsed:
        _names_over_chunks(doc, cands, resolver, date)
    if parsed:
        _force_targets(doc, cands, resolver)
    return to_mentions(doc, resolve_coreference(doc, cands, chunks))


def _force_targets(doc: Doc, cands: list[Cand], resolver: Resolver) -> None:
    """A capital or city that force is used on stands for its civilians (PLOVER/CAMEO: CVL), not
    for the government it is a metonym of elsewhere: "Russian missiles struck Kyiv", "the
    shelling of Kharkiv", "air strikes on Sanaa" (but "Kyiv accused Moscow": GOV)."""
    force = load_cues().force_words
    for cand in cands:
        if cand.actor is None or cand.reading is None or cand.reading.kind != "place":
            continue
        place = resolver.gaz.lookup(doc[cand.start:cand.end].text)
        if place is not None and place.kind in ("capital", "region") and _force_object(doc[cand.head], force):
            cand.actor = replace(cand.actor, sector="CVL", sector2=None)


def _force_object(tok: Token, force: frozenset[str]) -> bool:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "shelled Kharkiv and Kyiv"
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass"):
        return head.lemma_.lower() in force
    if tok.dep_ == "pobj" and head.lower_ in _FORCE_PREPS:
        return head.head.lemma_.lower() in force
    return False


def _read(resolver: Resolver, span: Span, date: dt.date | None) -> Reading | None:
    return resolver.read(doc_text(span.doc)[span.start_char:span.end_char], date)  # span.text: a Token per word


def _cand(span: Span, head: int, reading: Reading) -> Cand:
    return Cand(span.start, span.end, head, reading.actor, reading, _BASIS.get(reading.kind, "gazetteer"))


def _phrase_cands(doc: Doc, resolver: Resolver, date: dt.date | None, seen: set[int],
                  chunks: list[Span]) -> list[Cand]:
    out: list[Cand] = []
    covered: set[int] = set()  # tokens inside a resolved mention
    ents = doc.ents  # built once: Span.ents walks every entity of the Doc on each call
    starts = [e.start for e in ents]
    for chunk in chunks:
        root = chunk.root
        inside = ents[bisect.bisect_left(starts, chunk.start):bisect.bisect_left(starts, chunk.end)]
        inside = tuple(e for e in inside if e.end <= chunk.end)
        if root.pos_ == "PRON" or root.i in covered:
            continue
        start, end = chunk.start, _extent_end(root, resolver, 0)
        span = doc[start:end]
        seen.update(range(start, end))
        reading = _head_reading(root, span, resolver, date)
        if end > chunk.end and (reading is None or (reading.actor.country is None and reading.actor.kb_id is None)):
            # the complement did not help: read the chunk alone, leave the complement to itself
            span = doc[chunk.start:chunk.end]
            seen.difference_update(range(chunk.end, end))
            reading = _head_reading(root, span, resolver, date)
        if reading is not None and reading.actor.country is None:
            located = _locative_reading(root, span, resolver, date)
            if located is not None:  # "a police station in Lagos", "rebels in Darfur"
                span, reading = located
                seen.update(range(span.start, span.end))
        if reading is not None and reading.actor.country is None and _named_possessor(chunk):
            reading = None  # "Raisi's new leadership": the actor is the possessor
        if reading is not None and reading.kind == "place":
            span = _held_place(span, root, resolver, date, out, covered)  # "Isis-held Mosul": Isis, Mosul
        if reading is not None:
            out.append(_cand(span, root.i, reading))
            out.extend(_coordinated_cands(chunk, inside, span, root.i, reading))
            covered.update(range(span.start, span.end))
            continue
        out.extend(_possessor_cands(chunk, resolver, date, covered))
        out.extend(_modifier_cands(chunk, inside, resolver, date, covered))
        if root.pos_ == "PROPN" and len(chunk) <= 4:  # an unknown name: a surname coref may fill it (<= 2)
            # or take from it ("Nasr al-Hariri" ... "Hariri")
            out.append(Cand(chunk.start, chunk.end, root.i, None, None, "coref"))
    return out


def _coordinated_cands(chunk: Span, ents: tuple[Span, ...], span: Span, head: int, reading: Reading) -> list[Cand]:
    """"French and Egyptian warships": one phrase, one more actor per further coordinated nation,
    over the same span (the coder reads a group of mentions as each other's counterparts)."""
    nations = [e for e in ents if e.end <= chunk.root.i and e.id_.endswith((":country", ":demonym"))]
    if len(nations) < 2 or reading.actor.country is None or reading.actor.kb_id:
        return []
    doc = chunk.doc
    joined = all(any(t.lower_ == "and" for t in doc[a.end:b.start]) and b.start - a.end <= 2
                 for a, b in zip(nations, nations[1:]))
    if not joined:
        return []
    first = reading.actor.country
    others = dict.fromkeys(e.id_.split(":")[1] for e in nations)
    return [Cand(span.start, span.end, head, replace(reading.actor, country=iso, name=None), reading,
                 _BASIS.get(reading.kind, "gazetteer")) for iso in others if iso != first]


def _extent_end(tok: Token, resolver: Resolver, depth: int) -> int:
    """End of the phrase headed by ``tok``: its appositions and (for titles/names) "of" complements,
    up to a coordination."""
    end = tok.i + 1
    if depth > _MAX_DEPTH:
        return end
    for child in tok.rights:
        if child.dep_ in ("cc", "conj"):
            break  # "President Kibaki and opposition leader Odinga": what follows is another actor
        if child.dep_ in ("compound", "flat", "nummod", "amod") and child.i == end:
            end = child.i + 1
        elif child.dep_ == "appos" and _adjacent(tok.doc, end, child.left_edge.i):
            end = max(end, _extent_end(child, resolver, depth + 1))
        elif child.dep_ == "prep" and child.lower_ == "of" and _takes_of(tok, resolver) \
                and tok.lemma_.lower() not in load_cues().force_words:  # "the shelling of X" is X's target
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                end = max(end, _extent_end(objs[0], resolver, depth + 1))
    return end


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    """Only punctuation between a phrase and its apposition ("Blair, the former premier"); the
    parser's "apposition" after a clause ("Blair met Gaddafi in a tent, the first visit") is none."""
    return all(t.is_punct for t in doc[end:start])


def _locative_reading(root: Token, span: Span, resolver: Resolver, date: dt.date | None
                      ) -> tuple[Span, Reading] | None:
    """The phrase read with the place it is in ("a police station in Lagos" -> NGA COP), when
    that gives it a country; the resolver leaves officials and soldiers abroad without one
    ("foreign ministers in Brussels", "troops in Syria")."""
    doc = root.doc
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.lower_ not in LOC_PREPS or prep.i < span.end:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.sent.start != root.sent.start:
            return None
        end = obj.i + 1
        of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None:  # "in the city of Lagos"
            end = inner.i + 1
        wide = doc[span.start:end]
        reading = _read(resolver, wide, date)
        if reading is not None and reading.actor.country is not None:
            return wide, reading
        return None
    return None


def _head_reading(root: Token, span: Span, resolver: Resolver, date: dt.date | None) -> Reading | None:
    """The phrase's reading when its head may be an actor. A capitalised head the tagger took for a
    common noun is read as a name, but only a name is taken ("Trump later claimed", "Isis was quick
    to claim": sentence-initial names the tagger reads as the nouns "trump", "isis")."""
    if _actor_head(root, resolver):
        return _read(resolver, span, date)
    if not _capitalised_noun(root):
        return None
    reading = _read(resolver, span, date)
    return reading if reading is not None and reading.kind in _NAME_KINDS else None


def _capitalised_noun(root: Token) -> bool:
    return root.pos_ == "NOUN" and root.text[:1].isupper() and root.text[1:2].isalpha()


def _actor_head(root: Token, resolver: Resolver) -> bool:
    """A common-noun head must itself be a title or group noun ("relations" is not an actor)."""
    if root.pos_ != "NOUN" or root.ent_type_:
        return True
    return _takes_of(root, resolver)


def _takes_of(tok: Token, resolver: Resolver) -> bool:
    """Titles ("chief of staff of ...", "president of Iran") and names ("Republic of ...") take "of"."""
    if tok.pos_ == "PROPN":
        return True
    return resolver.titles.is_head(fold(tok.text))


def _held_place(span: Span, root: Token, resolver: Resolver, date: dt.date | None, out: list[Cand],
                covered: set[int]) -> Span:
    """``Isis-held Mosul``, ``rebel-controlled Idlib``: the holder named before a participle of holding
    (``holder_participles``) is an actor of its own, and the place is the words after it."""
    for mod in root.children:
        if mod.dep_ != "amod" or mod.i < span.start or mod.lemma_.lower() not in _HOLDER_PARTICIPLES:
            continue
        for holder in mod.children:
            if holder.dep_ not in _HOLDER_DEPS or holder.i > mod.i or holder.left_edge.i < span.start:
                continue
            sub = span.doc[holder.left_edge.i:holder.i + 1]
            reading = _read(resolver, sub, date)
            if reading is not None:
                out.append(_cand(sub, holder.i, reading))
                covered.update(range(sub.start, sub.end))
                return span.doc[mod.i + 1:span.end]
    return span


def _possessor_cands(chunk: Span, resolver: Resolver, date: dt.date | None, covered: set[int]) -> list[Cand]:
    """"Iran's role in ...": the possessor of a non-actor phrase is an actor of its own."""
    out = []
    for tok in _possessors(chunk):
        span = chunk.doc[tok.left_edge.i:tok.i + 1]
        reading = _read(resolver, span, date)
        if reading is not None:
            out.append(_cand(span, tok.i, reading))
            covered.update(range(span.start, span.end))
        elif tok.pos_ == "PROPN":  # an unknown name: a surname coref may fill it
            out.append(Cand(span.start, span.end, tok.i, None, None, "coref"))
    return out


def _modifier_cands(chunk: Span, ents: tuple[Span, ...], resolver: Resolver, date: dt.date | None,
                    covered: set[int]) -> list[Cand]:
    """"US drone strikes", "Palestinian riots", "a Russian-sponsored conference": a country, demonym,
    seat of power or organisation modifying a non-actor head (or a participle of authorship that
    does) is an actor of its own (the event coder reads it as the doer of a
    nominal). A city or region says where ("the Paris attacks", "the Raqqa offensive"), and
    nothing inside a name counts ("the Beijing Olympics")."""
    out: list[Cand] = []
    if chunk.root.pos_ != "NOUN":
        return out
    for ent in ents:
        unlabelled = not ent.id_ and ent.label_ == "ORG"  # the NER's, not the gazetteer's: an org only
        if ent.end > chunk.root.i or not (ent.id_.startswith("org:") or ent.id_.endswith(_DOER_PLACES) or unlabelled):
            continue
        if not (ent.root.dep_ in ("amod", "compound", "nmod") or _author_of(ent.root)) \
                or any(i in covered for i in range(ent.start, ent.end)):
            continue
        reading = _read(resolver, ent, date)
        if reading is not None and (not unlabelled or reading.kind == "org"):
            out.append(_cand(ent, ent.root.i, reading))
            covered.update(range(ent.start, ent.end))
    return out


def _author_of(tok: Token) -> bool:
    """``Russian-sponsored``, ``US-drafted``: the doer named before a participle of authorship
    (``sponsor_participles``) modifying the head."""
    head = tok.head
    return tok.dep_ in ("npadvmod", "advmod") and head.dep_ == "amod" and head.i > tok.i \
        and head.lower_ in _SPONSOR_PARTICIPLES


def _possessors(chunk: Span) -> list[Token]:
    """Possessor words of a chunk ("Iran" in "Iran's role"; the parser may call them nmod)."""
    doc = chunk.doc
    table, forms, n = doc_table(doc), doc_forms(doc), len(doc)  # the Doc's arrays: a Token per possessor only
    return [doc[i] for i in range(chunk.start, chunk.root.i) if table.pos[i] != "PRON" and
            (table.dep[i] == "poss" or (i + 1 < n and forms[i + 1] in POSSESSIVE))]


def _named_possessor(chunk: Span) -> bool:
    return any(t.pos_ == "PROPN" for t in _possessors(chunk))


def _names_over_chunks(doc: Doc, cands: list[Cand], resolver: Resolver, date: dt.date | None) -> None:
    """A knowledge-base organisation's name the parser split into phrases ("Save the Children urged",
    whose first word it takes for a verb): the name's reading replaces the phrases read inside it, when
    every one of them lies inside the name and none is a name of its own (a person, a body, a place)."""
    for ent in doc.ents:
        if not ent.id_.startswith("org:"):
            continue
        inside = [c for c in cands if c.start < ent.end and ent.start < c.end]
        if not inside or any(c.start < ent.start or c.end > ent.end for c in inside) \
                or any(c.start == ent.start and c.end == ent.end for c in inside) \
                or any(c.reading is not None and c.reading.kind in _NAME_KINDS for c in inside):
            continue
        reading = _read(resolver, ent, date)
        if reading is None or reading.actor.org is None:
            continue
        for c in inside:
            cands.remove(c)
        cands.append(_cand(ent, ent.root.i, reading))


def _entity_cands(doc: Doc, resolver: Resolver, date: dt.date | None, seen: set[int]) -> list[Cand]:
    """Named entities outside every noun phrase (a parse that missed them)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            continue
        if any(i in seen for i in range(ent.start, ent.end)):
            continue
        reading = _read(resolver, ent, date)
        if reading is not None:
            out.append(_cand(ent, ent.root.i, reading))
    return out
