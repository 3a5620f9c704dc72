"""The orchestrator: the one place that states the order of the stages.

    ingest (files, URLs, feeds) -> clean -> store articles and their stories (copies grouped)
    -> map: nlp (one Doc, built once) -> actors -> events -> places (each event located) -> time
    -> merge: identity over the mentions' blocks, with the stored ones (copies of one story read
       as one article) -> store events (``store.events.write_coded``)

The map (``code_article``) is a pure function of an article and the loaded model and data: it runs
in this process, in ``workers`` local processes (``code_articles``) or on a Ray cluster
(``detente.engines.ray_engine``). The merge gives the same events whatever order or batches the
coded articles reach it in. Each stage is a module with one public function; this module only
wires them together.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from .actors import find_actors
from .clean import clean_article
from .dating import date_events
from .events import code_events
from .events.placed import sides_from_places
from .fetch import Fetcher, page_cache_dir
from .errors import DetenteError, InputError
from .identity import cluster_mentions
from .ingest import make_article, read_inputs, size_problem
from .model import Article, CodedArticle, Event, Rejection, RunSummary
from .nlp import load_nlp, load_sieve, parse
from .sieve import Sieve
from .places import find_places, locate_events
from .resources import Resources, load_resources
from .settings import Settings
from .stories import group_stories

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from .store.db import Store

Progress = Callable[[int], None]
_LOG = logging.getLogger("detente")


class Pipeline:
    """Holds the loaded model and data; codes articles one batch at a time.

    >>> pipe = Pipeline()
    >>> events = pipe.code_text("On 17 May, Iran's defence minister visited Tajikistan.", published="2023-06-05")
    >>> [(e.cameo, e.source.country, e.target.country, e.date_start.isoformat()) for e in events]
    [('042', 'IRN', 'TJK', '2023-05-17')]
    """

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._resources: Resources | None = None
        self._nlp: Language | None = None
        self._sieve: Sieve | Literal[False] | None = None  # False: looked for, none (sentence_filter off)

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = load_resources(self.settings)
        return self._resources

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.resources)
        return self._nlp

    @property
    def sieve(self) -> Sieve | None:
        """The sentence sieve (``detente.sieve``), or None when ``sentence_filter`` is off."""
        if self._sieve is None:
            self._sieve = load_sieve(self.nlp, self.resources) or False
        return self._sieve or None

    # -- coding, no store -------------------------------------------------------------
    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Run the actor, event, place and time stages over one parsed article.

        A stage that fails on this article (a bug its text sets off, not a ``DetenteError`` of
        the data or settings, which concerns every article) loses this article's events only: the
        error is logged with the article's id and the article is coded with none."""
        try:
            actors = find_actors(doc, article, self.resources)
            places = find_places(doc, article, self.resources, actors=actors)  # towns the actors stage does not know
            mentions = code_events(doc, actors, article, self.resources, places)
            mentions = locate_events(doc, mentions, actors, article, self.resources, places)
            mentions = sides_from_places(doc, mentions, actors, places)  # doers and groups their place gives
            mentions = date_events(doc, mentions, article)
        except DetenteError:
            raise
        except Exception as exc:  # noqa: BLE001 (one article's failure must not stop the run)
            _LOG.error("article %s: coding failed (%s: %s); it is stored without events",
                       article.id, type(exc).__name__, exc)
            return CodedArticle(article=article)
        return CodedArticle(article=article, actors=tuple(actors), mentions=tuple(mentions))

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles (parse and every coding stage), in order: in this process, or in
        ``workers`` local processes that each code a chunk of ``batch_size`` articles."""
        if self.settings.workers > 1:
            yield from code_in_processes(self, articles)
            return
        yield from self.code_here(articles)

    def code_here(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in this process: the map, a pure function of each article."""
        items = ((a.text, a) for a in articles)
        for doc, article in parse(self.nlp, items, self.settings.batch_size, 1, self.sieve):
            yield self.code_doc(doc, article)

    def code_text(self, text: str, published: str | dt.date | None = None, article_id: str = "text",
                  title: str | None = None) -> list[Event]:
        """Code one text (cleaned first) and return its deduplicated events.

        Raises InputError for a text the readers would refuse as too costly to parse."""
        too_costly = size_problem(text, self.settings)
        if too_costly:
            raise InputError(article_id, too_costly)
        article = clean_article(make_article(article_id, text, published=published, title=title))
        coded = next(self.code_articles([article]))
        return cluster_mentions(coded.mentions, self.settings)

    # -- coding into a store ------------------------------------------------------------
    def ingest(self, inputs: Sequence[str], store: Store, published: dt.date | None = None,
               progress: Progress | None = None, command: str = "ingest") -> RunSummary:
        """Read, clean and store articles (idempotent); returns the run's counts and rejections.

        URLs and feeds are fetched through a ``Fetcher`` whose page cache lives beside the store."""
        fetcher = Fetcher(self.settings, cache_dir=page_cache_dir(store.path))
        items = read_inputs(inputs, self.settings, published=published, fetcher=fetcher)
        return self.ingest_items(items, store, progress=progress, command=command)

    def ingest_items(self, items: Iterable[Article | Rejection], store: Store, progress: Progress | None = None,
                     command: str = "ingest") -> RunSummary:
        """Clean and store read articles, record rejections, group copies into stories."""
        summary = RunSummary()
        run_id = summary.run_id = store.start_run(command, self.settings)
        self._group_unassigned(store)
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Rejection):
                summary.rejections.append(item)
                store.add_rejections(run_id, [item])
                continue
            summary.read += 1
            batch.append(clean_article(item))
            if len(batch) >= self.settings.store_batch:
                self._flush(store, run_id, batch, summary, progress)
        self._flush(store, run_id, batch, summary, progress)
        store.finish_run(run_id, summary)
        return summary

    def code_stored(self, store: Store, article_ids: Sequence[str] | None = None,
                    progress: Progress | None = None, on_total: Progress | None = None) -> list[str]:
        """Code the stored articles not coded yet (among ``article_ids``) and merge them into the
        store, ``store_batch`` articles per transaction; returns their ids. ``on_total`` hears how
        many there are before the first is coded, ``progress`` each one coded.

        A run stopped by Ctrl-C writes the articles coded so far; a run killed outright loses only
        its last unwritten batch, which the next run codes (an article is marked coded in the
        transaction that writes its mentions)."""
        todo = store.uncoded_articles(article_ids)
        if on_total:
            on_total(len(todo))
        batch: list[CodedArticle] = []
        done: list[str] = []
        try:
            for coded in self.code_articles(todo):
                batch.append(coded)
                if progress:
                    progress(1)
                if len(batch) >= self.settings.store_batch:
                    done += self.write(store, batch)
        except KeyboardInterrupt:
            done += self.write(store, batch)
            raise
        return done + self.write(store, batch)

    def write(self, store: Store, batch: list[CodedArticle]) -> list[str]:
        """Merge a batch of coded articles into the store (one transaction); empties the batch and
        returns the ids written."""
        from .store.events import write_coded

        if not batch:
            return []
        write_coded(store, batch, self.settings, self.resources.ontology)
        ids = [c.article.id for c in batch]
        batch.clear()
        return ids

    def run(self, inputs: Sequence[str], store: Store, published: dt.date | None = None,
            progress: Progress | None = None, on_total: Progress | None = None,
            resume: bool = False) -> RunSummary:
        """Ingest and code: everything the `detente code` command does. ``resume`` also codes the
        stored articles an interrupted run left uncoded (and then ``inputs`` may be empty); the
        summary's ``article_ids`` name every article of the inputs and every one coded."""
        summary = self.ingest(inputs, store, published=published, progress=None, command="code") \
            if inputs else RunSummary()
        coded = self.code_stored(store, None if resume else summary.article_ids, progress=progress,
                                 on_total=on_total)
        known = set(summary.article_ids)
        summary.article_ids.extend(a for a in coded if a not in known)
        if summary.run_id is not None:
            summary.events, summary.mentions = store.record_run_events(summary.run_id, summary.article_ids)
        return summary

    def _flush(self, store: Store, run_id: str, batch: list[Article], summary: RunSummary,
               progress: Progress | None) -> None:
        """Store a batch and the stories of its new articles in one transaction."""
        from .store.stories import StoreStoryIndex, save_stories

        if not batch:
            return
        with store.transaction():
            stored, duplicates, conflicts = store.add_articles(batch, run_id)
            store.add_rejections(run_id, conflicts)  # same id, other text: named, not stored
            new = set(stored)
            save_stories(store, group_stories([a for a in batch if a.id in new], StoreStoryIndex(store),
                                              self.settings))
        summary.rejections.extend(conflicts)
        summary.stored += len(stored)
        summary.duplicates += len(duplicates)
        summary.article_ids.extend(stored)
        summary.article_ids.extend(duplicates)
        if progress:
            progress(len(batch))
        batch.clear()

    def _group_unassigned(self, store: Store) -> None:
        """Stories for stored articles that have none (stored before detente grouped copies)."""
        from .store.stories import StoreStoryIndex, articles_without_story, save_stories

        while True:
            todo = articles_without_story(store, limit=self.settings.store_batch)
            if not todo:
                return
            with store.transaction():
                save_stories(store, group_stories(todo, StoreStoryIndex(store), self.settings))


def read_articles(inputs: Sequence[str], settings: Settings, limit: int | None = None) -> Iterator[Article]:
    """The cleaned articles of ``inputs`` (as ``detente code`` reads them), at most ``limit``;
    rejected inputs are skipped (for benchmarks and training scripts: ``code`` records them)."""
    n = 0
    for item in read_inputs(inputs, settings):
        if isinstance(item, Rejection):
            continue
        yield clean_article(item)
        n += 1
        if limit and n >= limit:
            return


def code_in_processes(pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[CodedArticle]:
    """Code articles in ``workers`` forked processes, chunks of ``batch_size`` articles each, in order.

    The model and data are loaded before the fork, so the workers share them; each chunk goes
    to a worker and comes back as coded articles (the map is a pure function: the merge does
    not care which process coded what)."""
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    settings = pipeline.settings
    pipeline.resources, pipeline.nlp, pipeline.sieve  # noqa: B018  load once, before the fork
    chunks = in_chunks(articles, settings.batch_size)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(settings.workers, mp_context=context, initializer=_adopt, initargs=(pipeline,)) as pool:
        pending: list[Any] = []
        for chunk in chunks:
            pending.append(pool.submit(_code_chunk, chunk))
            while len(pending) > 2 * settings.workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def in_chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER: dict[str, Pipeline] = {}  # a forked worker's pipeline (inherited, never pickled)


def _adopt(pipeline: Pipeline) -> None:
    _WORKER["pipeline"] = pipeline


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    return list(_WORKER["pipeline"].code_here(chunk))


def code_text(text: str, published: str | dt.date | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one text with a default pipeline (loaded once per settings)."""
    return shared_pipeline(settings or Settings()).code_text(text, published=published)


@lru_cache(maxsize=2)
def shared_pipeline(settings: Settings) -> Pipeline:
    """One loaded pipeline per Settings (loading the model is the cost)."""
    return Pipeline(settings)
