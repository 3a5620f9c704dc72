"""The gazetteer entity ruler: countries, demonyms, capitals, seats of power, KB organisations
and people, matched ahead of the statistical NER (which labels "Tajik" PERSON and "Ebrahim
Raisi" ORG in this domain).

Registered as the spaCy factory ``detente_actor_ruler_v1`` (spaCy allows no "." in factory names). Matching is case-insensitive
(PhraseMatcher on LOWER) and then filtered by case: all-capital short forms ("US", "UN", "AU")
match only in capitals ("us" is not the USA) or as the KB also writes them ("Nato", "Isis": a paper's
house style), other names need a capitalised first or last word,
and a bare surname must be tagged as a proper noun. Each entity carries its resolution key in
``span.id_``: ``place:ISO3:kind``, ``org:<kb id>`` or ``person:<kb id>``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..wordlists import word_set
from .countries import load_gazetteer
from .names import fold, is_acronym

if TYPE_CHECKING:
    from ..resources import Resources
    from .kb import KnowledgeBase

FACTORY = "detente_actor_ruler_v1"  # spaCy forbids "." in factory names
_PLACE_LABEL = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "people": "NORP", "seat": "ORG",
                "region": "GPE"}
_LOWER_STARTS = word_set("actors", "lower_starts")


class ActorRuler:
    """Marks gazetteer entities in a Doc; the NER that runs after it keeps them."""

    def __init__(self, nlp: Language, name: str = "detente_actor_ruler"):
        self.nlp = nlp
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms: set[str] = set()  # lower-case forms that must be written in capitals
        self.shorts: set[str] = set()  # lower-case surnames (need a proper-noun tag)
        self.written: set[str] = set()  # names as the KB writes them ("Nato" beside "NATO": house styles)
        self.size = 0

    def add_patterns(self, items: list[tuple[str, str, str, bool]]) -> None:
        """Add (surface, label, entity id, is_short) patterns."""
        grouped: dict[str, list[str]] = {}
        written: list[str] = []
        for surface, label, ent_id, short in items:
            surface = " ".join(surface.split())
            if not surface or not fold(surface):
                continue
            if is_acronym(surface):
                self.acronyms.add(surface.lower())
            else:
                written.append(surface)
                if short:
                    self.shorts.add(surface.lower())
            grouped.setdefault(f"{label}\t{ent_id}", []).append(surface)
        self.written.update(w for w in written if w.lower() in self.acronyms)
        # spaCy's tokenizer remembers the first 10,000 chunks it splits (max_cache_size) and no more:
        # the KB's names, split here, would fill it and leave the articles' words unremembered (5x
        # slower tokenizing). They are split uncached; the tokens are the same.
        tokenizer: Any = self.nlp.tokenizer  # spaCy types it as a callable
        limit = getattr(tokenizer, "max_cache_size", None)
        if limit is not None:
            tokenizer.max_cache_size = 0
        try:
            for key, surfaces in grouped.items():
                docs = [self.nlp.make_doc(surface) for surface in dict.fromkeys(surfaces)]
                self.matcher.add(key, docs)
                self.size += len(docs)
        finally:
            if limit is not None:
                tokenizer.max_cache_size = limit

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if not self._case_ok(span):
                continue
            label, ent_id = strings[match_id].split("\t", 1)
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        if not spans:
            return doc
        ours = filter_spans(spans)
        taken = {i for s in ours for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.set_ents(sorted([*kept, *ours], key=lambda s: s.start))
        return doc

    def _case_ok(self, span: Span) -> bool:
        text = span.text
        low = text.lower()
        if low in self.acronyms:
            return is_acronym(text) or text in self.written
        first, last = span[0].text, span[-1].text
        if not (first[:1].isupper() or (first.lower() in _LOWER_STARTS and last[:1].isupper())):
            return False
        if low in self.shorts and len(span) == 1:
            return span[0].tag_ in ("NNP", "NNPS") or not span[0].tag_
        return True


@Language.factory(FACTORY, default_config={})
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def ruler_patterns(kb: KnowledgeBase | None) -> list[tuple[str, str, str, bool]]:
    """Every gazetteer and KB name as (surface, label, entity id, is_short)."""
    items: list[tuple[str, str, str, bool]] = []
    for surface, place in load_gazetteer().patterns():
        ent_id = f"place:{place.iso3}:{place.kind}"
        items.append((surface, _PLACE_LABEL[place.kind], ent_id, False))
        if place.kind == "seat" and not is_acronym(surface):
            items.append((f"the {surface}", _PLACE_LABEL[place.kind], ent_id, False))
    if kb is not None:
        for rid, org in kb.orgs.items():
            for name in org.all_names():
                items.append((name, "ORG", f"org:{rid}", False))
        for rid, person in kb.people.items():
            for name in person.all_names():
                items.append((name, "PERSON", f"person:{rid}", False))
            for short in person.short:
                items.append((short, "PERSON", f"person:{rid}", True))
    return items


def add_actor_ruler(nlp: Language, resources: Resources | None, before: str | None = None) -> ActorRuler:
    """Add the gazetteer ruler (once) ahead of ``before`` (the NER) and fill its patterns."""
    if FACTORY in nlp.pipe_names:
        return cast(ActorRuler, nlp.get_pipe(FACTORY))  # spaCy types pipes as Callable[[Doc], Doc]
    ruler = cast(ActorRuler, nlp.add_pipe(FACTORY, name=FACTORY,
                                          before=before if before and before in nlp.pipe_names else None))
    ruler.add_patterns(ruler_patterns(getattr(resources, "kb", None)))
    return ruler
