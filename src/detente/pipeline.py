"""The orchestrator: the one place that states the order of the stages.

    ingest (files, URLs, feeds) -> clean -> store articles and their stories (copies grouped)
    -> nlp (one Doc, built once) -> actors -> events -> places (each event located) -> time
    -> identity (against the store; copies of one story read as one article) -> store events

Each stage is a module with one public function; this module only wires them together.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .actors import find_actors
from .clean import clean_article
from .dating import date_events
from .events import code_events
from .fetch import Fetcher, page_cache_dir
from .identity import merge_mentions
from .ingest import make_article, read_inputs
from .model import Article, CodedArticle, Event, Rejection, RunSummary
from .nlp import load_nlp, parse
from .places import locate_events
from .resources import Resources, load_resources
from .settings import Settings
from .stories import group_stories

Progress = Callable[[int], None]


class Pipeline:
    """Holds the loaded model and data; codes articles one batch at a time.

    >>> pipe = Pipeline()
    >>> events = pipe.code_text("On 17 May, Iran's defence minister visited Tajikistan.", published="2023-06-05")
    """

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._resources: Resources | None = None
        self._nlp: Any = None

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = load_resources(self.settings)
        return self._resources

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp(self.resources)
        return self._nlp

    # -- coding, no store -------------------------------------------------------------
    def code_doc(self, doc: Any, article: Article) -> CodedArticle:
        """Run the actor, event, place and time stages over one parsed article."""
        actors = find_actors(doc, article, self.resources)
        mentions = code_events(doc, actors, article, self.resources)
        mentions = locate_events(doc, mentions, actors, article, self.resources)
        mentions = date_events(doc, mentions, article)
        return CodedArticle(article=article, actors=tuple(actors), mentions=tuple(mentions))

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Parse articles in batches (``workers`` processes) and code each one."""
        items = ((a.text, a) for a in articles)
        for doc, article in parse(self.nlp, items, self.settings.batch_size, self.settings.workers):
            yield self.code_doc(doc, article)

    def code_text(self, text: str, published: str | dt.date | None = None, article_id: str = "text",
                  title: str | None = None) -> list[Event]:
        """Code one text (cleaned first) and return its deduplicated events."""
        article = clean_article(make_article(article_id, text, published=published, title=title))
        coded = next(self.code_articles([article]))
        return merge_mentions(coded.mentions, (), self.settings)

    # -- coding into a store ------------------------------------------------------------
    def ingest(self, inputs: Sequence[str], store: Any, published: dt.date | None = None,
               progress: Progress | None = None, command: str = "ingest") -> RunSummary:
        """Read, clean and store articles (idempotent); returns the run's counts and rejections.

        URLs and feeds are fetched through a ``Fetcher`` whose page cache lives beside the store."""
        fetcher = Fetcher(self.settings, cache_dir=page_cache_dir(store.path))
        items = read_inputs(inputs, self.settings, published=published, fetcher=fetcher)
        return self.ingest_items(items, store, progress=progress, command=command)

    def ingest_items(self, items: Iterable[Article | Rejection], store: Any, progress: Progress | None = None,
                     command: str = "ingest") -> RunSummary:
        """Clean and store read articles, record rejections, group copies into stories."""
        summary = RunSummary()
        run_id = store.start_run(command, self.settings)
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

    def code_stored(self, store: Any, article_ids: Sequence[str] | None = None,
                    progress: Progress | None = None) -> int:
        """Code the stored articles not coded yet (among ``article_ids``); returns how many."""
        from .store.events import candidate_events, save_coded
        from .store.stories import story_map

        todo = store.uncoded_articles(article_ids)
        done = 0
        for coded in self.code_articles(todo):
            existing = candidate_events(store, coded.mentions)
            stories = story_map(store, [coded.article.id, *(m.article_id for e in existing for m in e.mentions)])
            events = merge_mentions(coded.mentions, existing, self.settings, stories=stories)
            save_coded(store, coded, events, self.resources.ontology)
            done += 1
            if progress:
                progress(1)
        return done

    def run(self, inputs: Sequence[str], store: Any, published: dt.date | None = None,
            progress: Progress | None = None) -> RunSummary:
        """Ingest and code: everything the `detente code` command does."""
        summary = self.ingest(inputs, store, published=published, progress=None, command="code")
        self.code_stored(store, summary.article_ids, progress=progress)
        return summary

    def _flush(self, store: Any, run_id: str, batch: list[Article], summary: RunSummary,
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

    def _group_unassigned(self, store: Any) -> None:
        """Stories for stored articles that have none (stored before detente grouped copies)."""
        from .store.stories import StoreStoryIndex, articles_without_story, save_stories

        while True:
            todo = articles_without_story(store, limit=self.settings.store_batch)
            if not todo:
                return
            with store.transaction():
                save_stories(store, group_stories(todo, StoreStoryIndex(store), self.settings))


def code_text(text: str, published: str | dt.date | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one text with a default pipeline (loaded once per settings)."""
    return _default_pipeline(settings or Settings()).code_text(text, published=published)


@lru_cache(maxsize=2)
def _default_pipeline(settings: Settings) -> Pipeline:
    """One loaded pipeline per Settings (loading the model is the cost)."""
    return Pipeline(settings)
