"""Fetch feeds and pages over HTTP, politely: trafilatura's fetcher with detente's manners.

Public API: ``Fetcher(settings, cache_dir=None).get(url, cache=True) -> Page`` (raises
``FetchError``), ``parse_feed(page) -> Feed``, ``looks_like_feed(page)``, ``is_url(text)``,
``page_cache_dir(store_path)``.

- Every request goes through ``trafilatura.downloads.fetch_response`` with detente's settings:
  ``fetch_timeout`` seconds, ``fetch_max_redirects`` redirects, a user agent naming detente, and
  trafilatura's own retries of 429/5xx answers.
- A failed fetch (no answer, 429, 5xx) is tried again ``fetch_retries`` times, after
  ``fetch_backoff`` seconds, doubled each time; a 4xx answer is final.
- robots.txt is read once per host and obeyed (its Crawl-delay too); as RFC 9309 says, a
  robots.txt that is missing (4xx) allows everything and one that cannot be read (5xx, no
  answer) forbids everything.
- Two requests to one host are ``fetch_host_interval`` seconds apart at least.
- Pages (not feeds, which change) are cached on disk under ``cache_dir``, one file per URL, so a
  rerun fetches nothing twice. Writes are atomic: a killed run leaves no half-written page.

Fetching one URL depends on nothing but the URL, the settings and the cache, as trafilatura's
download workers do; the host clock and the robots rules of a run live in the Fetcher object.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import re
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import FetchError, InputError
from .settings import Settings

USER_AGENT = f"detente/{__version__} (political event coding; +https://pypi.org/project/detente/)"
ROBOTS_AGENT = "detente"
MAX_CRAWL_DELAY = 60.0
CACHE_FOLDER = ".detente-cache"
_RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What a URL answered: the bytes and where they finally came from."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    data: bytes
    content_type: str = ""
    from_cache: bool = False


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the page it links to and what the feed says about it."""

    key: str  # the item's guid, or its link
    link: str
    feed: str  # the feed's URL
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD from the feed, when it dates the item
    author: str | None = None
    publisher: str | None = None  # the feed's title


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]


def is_url(text: str) -> bool:
    """An http(s) URL with a host."""
    return bool(_URL.match(text.strip()))


def page_cache_dir(store_path: str | Path) -> Path:
    """The page cache beside a store: ``<store's folder>/.detente-cache``."""
    return Path(store_path).resolve().parent / CACHE_FOLDER


def looks_like_feed(page: Page) -> bool:
    """An RSS/Atom/RDF document rather than an HTML page (by content type or by its root element)."""
    kind = page.content_type.lower()
    if any(word in kind for word in ("rss", "atom")):
        return True
    head = page.data[:4096]
    return bool(_FEED_ROOT.search(head)) and b"<html" not in head.lower()


class Fetcher:
    """Fetches URLs politely for one run: one host clock, robots rules read once per host."""

    def __init__(self, settings: Settings, cache_dir: str | Path | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._config = _trafilatura_config(settings)
        self._clock, self._sleep = clock, sleep
        self._next_at: dict[str, float] = {}  # host -> earliest time of the next request
        self._delay: dict[str, float] = {}  # host -> seconds between requests
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str | None] = {}
        self.requests = 0  # requests sent (not answered from the cache), for reports and tests

    def get(self, url: str, cache: bool = True) -> Page:
        """The page at ``url``: from the cache when it holds it, else fetched (and cached, unless a feed)."""
        url = url.strip()
        if not is_url(url):
            raise FetchError(url, "not an http(s) URL")
        if cache and (hit := self._cache_read(url)) is not None:
            return hit
        refused = self._refused(url)
        if refused:
            raise FetchError(url, refused)
        page = self._download(url)
        if cache and not looks_like_feed(page):
            self._cache_write(page)
        return page

    # -- network ---------------------------------------------------------------------------
    def _download(self, url: str) -> Page:
        tries = 1 + self.settings.fetch_retries
        reason = "no answer"
        for attempt in range(tries):
            if attempt:
                self._sleep(self.settings.fetch_backoff * 2 ** (attempt - 1))
            with _failure_of(url) as failure:
                response = self._request(url)
            if response is None:
                reason = f"no answer: {failure[0]}" if failure else "no answer"
                continue
            status = int(response.status)
            if status == 200 and response.data:
                headers = response.headers or {}
                return Page(url, str(response.url or url), status, bytes(response.data),
                            str(headers.get("content-type", "")))
            reason = f"HTTP {status}" if status != 200 else "empty answer"
            if status not in _RETRYABLE and status != 200:
                raise FetchError(url, reason)
        raise FetchError(url, f"{reason}; gave up after {tries} attempt(s)")

    def _request(self, url: str) -> Any:
        from trafilatura.downloads import fetch_response

        self._wait_for(url)
        self.requests += 1
        return fetch_response(url, decode=False, config=self._config)

    def _wait_for(self, url: str) -> None:
        host = _host(url)
        now = self._clock()
        wait = self._next_at.get(host, now) - now
        if wait > 0:
            self._sleep(wait)
        self._next_at[host] = max(now, self._next_at.get(host, now)) + self._delay.get(
            host, self.settings.fetch_host_interval)

    def _refused(self, url: str) -> str | None:
        """Why robots.txt keeps detente from ``url``, or None when it may fetch it."""
        host = _host(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        if isinstance(rules, str):
            return rules
        if rules is None or rules.can_fetch(ROBOTS_AGENT, url):
            return None
        return f"robots.txt of {host} does not allow {ROBOTS_AGENT} to fetch it"

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | str | None:
        """The host's rules; None: no rules (a 4xx robots.txt); a reason: the host is closed to us."""
        with _failure_of(f"{host}/robots.txt") as failure:
            response = self._request(f"{host}/robots.txt")
        if response is None or int(response.status) >= 500:  # unreachable: complete disallow (RFC 9309, 2.3.1.4)
            why = failure[0] if failure else f"HTTP {response.status}" if response is not None else "no answer"
            return f"robots.txt of {host} cannot be read ({why}), so nothing there may be fetched"
        if int(response.status) != 200:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(bytes(response.data or b"").decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._delay[host] = max(self.settings.fetch_host_interval, min(float(delay), MAX_CRAWL_DELAY))
        return rules

    # -- cache -----------------------------------------------------------------------------
    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.cache_dir / "pages" / key[:2]
        return folder / f"{key}.json", folder / f"{key}.gz"

    def _cache_read(self, url: str) -> Page | None:
        paths = self._cache_paths(url)
        if paths is None or not paths[0].exists():
            return None
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            data = gzip.decompress(paths[1].read_bytes())
        except (OSError, ValueError, EOFError):
            return None  # a damaged entry is fetched again
        if meta.get("url") != url:
            return None
        return Page(url, meta.get("final_url") or url, int(meta.get("status", 200)), data,
                    meta.get("content_type") or "", from_cache=True)

    def _cache_write(self, page: Page) -> None:
        paths = self._cache_paths(page.url)
        if paths is None:
            return
        meta = {"url": page.url, "final_url": page.final_url, "status": page.status,
                "content_type": page.content_type,
                "fetched_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(paths[1], gzip.compress(page.data))  # the body first: the metadata marks a whole entry
            _atomic_write(paths[0], json.dumps(meta).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs a fetch next time


def parse_feed(page: Page) -> Feed:
    """The items of an RSS/Atom feed (feedparser, from the bytes: it never fetches anything itself).

    Raises InputError for a document that is no feed; items without a link are left out.
    """
    import feedparser

    parsed = feedparser.parse(page.data, response_headers={"content-location": page.final_url,
                                                           "content-type": page.content_type or "application/xml"})
    if not parsed.get("version") and not parsed.entries and not parsed.get("bozo"):
        raise InputError(page.url, "not an RSS or Atom feed")
    title = _text(parsed.feed.get("title"))
    entries = []
    for item in parsed.entries:
        link = _text(item.get("link"))
        link = urljoin(page.final_url, link) if link and is_url(page.final_url) else link
        if not link or not is_url(link):
            continue
        entries.append(FeedEntry(key=_text(item.get("id")) or link, link=link, feed=page.url,
                                 title=_text(item.get("title")), published=_feed_date(item),
                                 author=_text(item.get("author")), publisher=title))
    if parsed.get("bozo") and not entries:
        problem = parsed.get("bozo_exception")
        raise InputError(page.url, f"malformed feed: {str(problem)[:160] or type(problem).__name__}")
    return Feed(page.url, title, tuple(entries))


# -- helpers -------------------------------------------------------------------------------------
def _trafilatura_config(settings: Settings) -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(settings.fetch_timeout))
    config.set("DEFAULT", "MAX_REDIRECTS", str(settings.fetch_max_redirects))
    config.set("DEFAULT", "USER_AGENTS", USER_AGENT)
    config.set("DEFAULT", "SLEEP_TIME", str(settings.fetch_host_interval))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if settings.fetch_private_hosts else "on")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(settings.max_file_bytes))
    return config


@contextlib.contextmanager
def _failure_of(url: str) -> Iterator[list[str]]:
    """What trafilatura's fetcher logged about ``url`` while the block ran (it returns only None)."""
    found: list[str] = []

    class _Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR and url in record.getMessage():
                found.append(_cause(record.getMessage()))

    logger = logging.getLogger("trafilatura.downloads")
    handler = _Catch()
    level = logger.level
    if logger.getEffectiveLevel() > logging.ERROR:  # a quieted parent ("trafilatura") must not hide the cause
        logger.setLevel(logging.ERROR)
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _cause(message: str) -> str:
    """The reason in a urllib3 error message ("too many 500 error responses", "Read timed out")."""
    for pattern in (r"ResponseError\('([^']+)'", r"(Read timed out)", r"(Connection refused)",
                    r"(Name or service not known|Failed to resolve)", r"(SSRF protection[^\"']*)"):
        match = re.search(pattern, message)
        if match:
            return match.group(1)
    return message.split(" ", 3)[-1][:160]


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _feed_date(item: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except (AttributeError, ValueError):
                continue
    return None
