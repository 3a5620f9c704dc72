"""Poll feeds, store and code what is new: ``detente watch FEEDS... --every 15m``.

Public API: ``watch(feeds, store, pipeline, every, ...) -> int`` (polls done) and
``poll_once(feeds, store, pipeline, fetcher) -> PollReport``; ``parse_every("15m") -> seconds``.

Each poll reads every feed (never from the page cache), keeps the items not done yet (see
``detente.store.feeds``), fetches their pages (through the cache), stores them (copies grouped
into stories), records the items, then codes every stored feed article not coded yet and merges
its events into the store. Every step is a store transaction and all state is in the store, so a
watch stopped at any point — Ctrl-C, SIGTERM, even SIGKILL — and started again misses and
duplicates nothing: stored pages are found again in the cache and in the articles table, and
uncoded articles are coded on the next poll.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, SettingsError
from .fetch import FeedEntry, Fetcher, Page, is_url, page_cache_dir, parse_feed
from .ingest import read_pages
from .model import Article, Rejection
from .store.feeds import ItemResult, done_keys, record_items, uncoded_feed_articles

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store.db import Store

MAX_ATTEMPTS = 5  # polls an item may fail before it is given up
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class PollReport:
    """What one poll did."""

    started: dt.datetime
    items: int = 0  # items listed by the feeds (each once)
    new: int = 0  # items not done before this poll
    stored: int = 0
    duplicates: int = 0
    coded: int = 0
    rejections: list[Rejection] = field(default_factory=list)


def parse_every(text: str) -> float:
    """Seconds from "90", "30s", "15m", "2h", "1d"."""
    match = _EVERY.match(str(text))
    if not match or float(match.group(1)) <= 0:
        raise SettingsError(f"--every: expected a duration such as 30s, 15m, 2h or 1d, got {text!r}")
    return float(match.group(1)) * _UNIT[match.group(2).lower()]


def watch(feeds: Sequence[str], store: Store, pipeline: Pipeline, every: float, stop: threading.Event | None = None,
          polls: int | None = None, on_poll: Callable[[PollReport], None] | None = None) -> int:
    """Poll until ``stop`` is set (or ``polls`` polls are done); returns the number of polls."""
    stop = stop or threading.Event()
    fetcher = Fetcher(pipeline.settings, cache_dir=page_cache_dir(store.path))
    done = 0
    while not stop.is_set():
        report = poll_once(feeds, store, pipeline, fetcher)
        done += 1
        if on_poll is not None:
            on_poll(report)
        if polls is not None and done >= polls:
            break
        stop.wait(every)
    return done


def poll_once(feeds: Sequence[str], store: Store, pipeline: Pipeline, fetcher: Fetcher) -> PollReport:
    """One poll: new items stored and recorded, then every uncoded feed article coded."""
    report = PollReport(started=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    entries: dict[str, FeedEntry] = {}
    for source in feeds:
        try:
            for entry in parse_feed(_feed_page(source, fetcher)).entries:
                entries.setdefault(entry.key, entry)
        except InputError as exc:
            report.rejections.append(Rejection(exc.origin, exc.reason))
    report.items = len(entries)
    finished = done_keys(store, list(entries))
    new = [e for key, e in entries.items() if key not in finished]
    report.new = len(new)
    pairs = list(read_pages(new, pipeline.settings, fetcher))
    if pairs:
        summary = pipeline.ingest_items((item for _, item in pairs), store, command="watch")
        report.stored, report.duplicates = summary.stored, summary.duplicates
        report.rejections.extend(summary.rejections)
        record_items(store, [_result(entry, item) for entry, item in pairs], MAX_ATTEMPTS)
    report.coded = len(pipeline.code_stored(store, uncoded_feed_articles(store)))
    return report


def _feed_page(source: str, fetcher: Fetcher) -> Page:
    if is_url(source):
        return fetcher.get(source, cache=False)
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    return Page(source, source, 200, data)


def _result(entry: FeedEntry, item: Article | Rejection) -> ItemResult:
    if isinstance(item, Rejection):
        return ItemResult(entry.key, entry.feed, entry.link, None, item.reason)
    return ItemResult(entry.key, entry.feed, entry.link, item.id)
