"""Typed records that flow between the pipeline stages (the event record: README.md, "Event records").

ingest -> Article -> clean -> Article(body) -> nlp (spaCy Doc) -> actors -> ActorMention
-> events -> EventMention -> time (dates on EventMention) -> identity -> Event -> store.

Records are frozen dataclasses; a stage returns new records (``dataclasses.replace``)
instead of mutating the ones it was given.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Protocol

MODALITIES = ("asserted", "negated", "hypothetical", "intended")
DATE_PRECISIONS = ("day", "month", "year", "decade", "unknown")
DATE_BASES = ("text", "context", "publication")


class CodeBook(Protocol):
    """What a record reads of the CAMEO/PLOVER ontology (``detente.events.ontology.Ontology``)."""

    def describe(self, code: str) -> dict[str, Any]: ...


def content_hash(text: str) -> str:
    """Hash of an article's text with whitespace folded: the identity of its content."""
    folded = " ".join(text.split()).lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Article:
    """One input document. ``raw_text`` is kept unchanged; ``body`` is the cleaned text."""

    id: str
    raw_text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    content_hash: str = ""
    body: str | None = None
    sources_cited: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # what cleaning removed, one short label + text per item
    flags: tuple[str, ...] = ()  # e.g. "no_published_date"
    origin: str | None = None  # path[:line] it was read from

    @property
    def text(self) -> str:
        """The text the NLP stages read: the cleaned body when there is one."""
        return self.body if self.body is not None else self.raw_text


@dataclass(frozen=True)
class Rejection:
    """An input that could not be ingested, with where it came from and why."""

    origin: str  # path, path:line, or "<stdin>:line"
    reason: str


@dataclass(frozen=True)
class Actor:
    """A resolved actor: country (ISO3 or IGO), sector code(s), name and KB id."""

    country: str | None = None
    sector: str | None = None
    sector2: str | None = None
    name: str | None = None
    kb_id: str | None = None
    confidence: float = 0.0
    org: str | None = None  # organisation name for IGO / non-state actors
    former: bool = False  # a former office holder (no longer GOV at the date)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "sector2": self.sector2,
            "kb_id": self.kb_id,
            "org": self.org,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a Doc: token span [start, end), character span, words and resolution."""

    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    actor: Actor
    basis: str = "gazetteer"  # gazetteer | kb | title | org | coref | context | place (from where the act was)
    antecedent: int | None = None  # token index of the mention it corefers with

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, **self.actor.to_dict()}


LOCATION_BASES = ("clause", "dateline")


@dataclass(frozen=True)
class Location:
    """Where an event happened: a GeoNames place (see ``detente.places``) and how it was found —
    ``basis`` "clause" (a place governed by the event's clause), "region" (a region beside a place
    the clause names: "south of Idlib", placed in its division or country), "dateline" (the
    article's), "actors" (the home country of a one-country state act), "sentence" (the one country
    the sentence names), "previous" (the place of the previous sentence's event of the same
    actors) or "article" (an act of force in the one country where the article's placed acts of
    force are) or "seat" (the seat of a body the act is done in: "told the UN Security Council");
    see ``detente.places.fallback``, ``detente.places.context`` and ``detente.places.seats``."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # GeoNames first-level division key ("TJ.04") or ISO 3166-2 code
    geonames_id: int | None = None
    basis: str | None = None  # clause | region | dateline | actors | sentence | previous | article | seat
    kind: str | None = None  # city | admin1 | country

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "geonames_id": self.geonames_id, "kind": self.kind, "basis": self.basis}


@dataclass(frozen=True)
class EventMention:
    """One event as one clause of one article states it, with its evidence."""

    article_id: str
    sentence: str
    char_start: int  # sentence offsets in the article body
    char_end: int
    trigger: str
    trigger_char: int  # offset of the trigger in the body
    cameo: str
    rule: str
    source: ActorMention | None = None
    target: ActorMention | None = None
    modality: str = "asserted"
    reported: bool = False  # an allegation / claim attributed to someone
    confidence: float = 0.5
    trigger_token: int = -1  # token index of the trigger in the Doc (of a quoted statement, the quoted
    # sentence's main verb, whose clause the stages read; ``trigger`` is then its verb of saying)
    clause_char: int = -1  # offset of that word when it is not the trigger (a quoted statement's), else -1
    sent_index: int = -1  # index of the sentence in the Doc
    contexts: tuple[str, ...] = ()
    location: Location | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "unknown"
    date_basis: str | None = None
    date_text: str | None = None  # the time expression that dated it
    published: dt.date | None = None
    intended_cameo: str | None = None  # of a 03x intent / 13x threat: the act promised or threatened
    background: bool = False  # the learned coder reads it as history, not the article's news
    title: str | None = None  # its article's title, publisher and url (read from a store)
    publisher: str | None = None
    url: str | None = None

    @property
    def coded_from(self) -> int:
        """The offset of the word whose clause was coded: the trigger's, or for a quoted sentence's
        statement (whose trigger is its verb of saying, in another sentence) the quoted sentence's verb.
        Scorers attribute a mention to the sentence that holds it."""
        return self.clause_char if self.clause_char >= 0 else self.trigger_char

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "trigger": self.trigger,
            "trigger_char": self.trigger_char,
            "rule": self.rule,
            "modality": self.modality,
            "intended_cameo": self.intended_cameo,
            "confidence": round(self.confidence, 3),
            "date_text": self.date_text,
            "published": _iso(self.published),
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
        }


@dataclass(frozen=True)
class Event:
    """One real-world event, with every mention of it (one or many sentences and articles)."""

    event_id: str
    cameo: str
    source: Actor | None
    target: Actor | None
    modality: str
    mentions: tuple[EventMention, ...]
    confidence: float
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "unknown"
    date_basis: str | None = None
    location: Location | None = None
    contexts: tuple[str, ...] = ()
    reported: bool = False
    source_text: str | None = None
    target_text: str | None = None
    intended_cameo: str | None = None  # of a 03x intent / 13x threat: the act promised or threatened
    num_sources: int | None = None  # distinct publishers (the store knows them); None: one per article
    updated_at: dt.datetime | None = None  # when the store last wrote it

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_articles(self) -> int:
        return len({m.article_id for m in self.mentions})

    def to_dict(self, ontology: CodeBook | None = None) -> dict[str, Any]:
        """The event as README.md's "Event records" describes it. ``ontology`` adds names and scores."""
        info = ontology.describe(self.cameo) if ontology is not None else {}
        return {
            "event_id": self.event_id,
            "cameo": self.cameo,
            "cameo_name": info.get("name"),
            "cameo_root": self.cameo[:2],
            "plover": info.get("plover"),
            "plover_mode": info.get("plover_mode"),
            "contexts": list(self.contexts or info.get("contexts") or ()),
            "goldstein": info.get("goldstein"),
            "quad_class": info.get("quad_class"),
            "source": _actor_dict(self.source, self.source_text),
            "target": _actor_dict(self.target, self.target_text),
            "modality": self.modality,
            "intended_cameo": self.intended_cameo,
            "reported": self.reported,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_dict() for m in self.mentions],
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources if self.num_sources is not None else self.num_articles,
            "updated_at": self.updated_at.isoformat(timespec="seconds") if self.updated_at else None,
        }


@dataclass(frozen=True)
class CodedArticle:
    """What the pipeline makes of one article: its actors and event mentions (dated)."""

    article: Article
    actors: tuple[ActorMention, ...] = ()
    mentions: tuple[EventMention, ...] = ()


@dataclass
class RunSummary:
    """Counts of one ingest/code run, for the CLI summary and the runs table."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped_language: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    events: int = 0
    mentions: int = 0
    article_ids: list[str] = field(default_factory=list)
    run_id: str | None = None  # the store's runs row, once the run is recorded

    @property
    def rejected(self) -> int:
        return len(self.rejections)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _actor_dict(actor: Actor | None, text: str | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": text, **actor.to_dict()}
