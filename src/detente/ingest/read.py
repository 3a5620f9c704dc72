"""Reading inputs: files, folders, gzip, stdin, URLs and feeds, each read by its format (``formats``)
into Articles (``articles``); a bad input becomes a Rejection and reading goes on.
"""
from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import gzip
import hashlib
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..dates import read_date
from ..errors import InputError
from ..fetch import FeedEntry, Fetcher, Page, is_url, looks_like_feed, parse_feed
from ..model import Article, Rejection
from ..settings import Settings
from .articles import Item, ReadContext, raise_hint
from .formats import mostly_binary, sniff, decode, text_item, html_item, jsonl_items, json_items, csv_items


_KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
          ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".urls": "urls", ".rss": "feed", ".atom": "feed"}


READ_TYPES = "detente reads .txt, .html, .jsonl, .json, .csv, .urls, .rss and .atom files, and .gz of them"


_HTML_RECORDS = 10  # an HTML page may be this many times max_record_bytes (markup around the text)


def read_inputs(inputs: Sequence[str], settings: Settings, published: dt.date | str | None = None,
                stdin: IO[bytes] | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Yield one Article per readable input record and one Rejection per bad input, in order.

    ``published`` fills the date of inputs that carry none. ``stdin`` replaces ``sys.stdin``
    for the input ``-``. ``fetcher`` fetches URLs (default: one without a page cache).
    """
    ctx = ReadContext(settings, read_date(published), fetcher or Fetcher(settings))
    for given in inputs:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else _stdin_bytes(), ctx)
            continue
        if is_url(given):
            yield from _read_url(given.strip(), ctx)
            continue
        path = Path(given)
        if path.is_dir():
            files = 0
            for child in _walk(path):
                if isinstance(child, Rejection):
                    yield child
                else:
                    files += 1
                    yield from _read_file(child, ctx)
            if not files:
                yield Rejection(given, f"empty folder: no file to read in it ({READ_TYPES})")
        elif not os.path.lexists(path):
            yield Rejection(given, "no such file or directory")
        else:
            yield from _read_file(path, ctx)


def _walk(root: Path) -> Iterator[Path | Rejection]:
    """Files under ``root``, recursively, sorted by name; hidden files and folders are named, not read."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(str(root), f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            yield Rejection(entry.path, "hidden (name starts with '.'), not read")
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def _stdin_bytes() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _read_stdin(stream: IO[bytes], ctx: ReadContext) -> Iterator[Item]:
    """Standard input, up to ``max_file_bytes`` as given; gzip is decompressed as it is read."""
    origin = "<stdin>"
    limit = ctx.settings.max_file_bytes
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        yield Rejection(origin, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > limit:
        yield Rejection(origin, f"oversized: more than {limit} bytes {raise_hint('max_file_bytes', limit)}")
        return
    if not data.strip():
        yield Rejection(origin, "empty input")
        return
    raw: Any = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        raw = gzip.GzipFile(fileobj=raw, mode="rb")
    yield from _guarded(origin, _read_stream(io.BufferedReader(raw), origin, "sniff", "stdin", ctx))


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one input; whatever its reader raises becomes a rejection of that input only."""
    try:
        yield from items
    except InputError as exc:
        yield Rejection(exc.origin, exc.reason)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(origin, f"truncated or corrupt gzip: {exc}")
    except OSError as exc:
        yield Rejection(origin, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a crashing reader rejects its input, never the batch
        yield Rejection(origin, f"reader failed: {type(exc).__name__}: {str(exc)[:200]}")


def unsupported_reason(path: Path) -> str:
    """Why a file of this type is not read, and what to do about it."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return (f"a PDF is not read; convert it to text first (e.g. `pdftotext {path.name} {path.stem}.txt`) "
                f"and give the .txt")
    return f"unsupported file type '{path.suffix}' ({READ_TYPES})"


def unreadable(given: str) -> str | None:
    """Why the input ``given`` can give no article, found without reading it (a missing file, a
    file of a type not read, a folder holding no file); None when it may give some (a readable
    file, a folder with files, a URL, ``-``). Lets a command skip loading its models for nothing."""
    if given == "-" or is_url(given):
        return None
    path = Path(given)
    if path.is_dir():
        return None if any(isinstance(c, Path) for c in _walk(path)) else \
            f"empty folder: no file to read in it ({READ_TYPES})"
    if not os.path.lexists(path):
        return "no such file or directory"
    kind, _ = _kind_of(path)
    return unsupported_reason(path) if kind == "unsupported" else None


def _kind_of(path: Path) -> tuple[str, bool]:
    """(format, gzipped) from the file name; format is "sniff" for names without a suffix."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    if not suffixes or not re.fullmatch(r"\.[a-z0-9]{1,8}", suffixes[-1]):
        return "sniff", gz
    return _KINDS.get(suffixes[-1], "unsupported"), gz


def _read_file(path: Path, ctx: ReadContext) -> Iterator[Item]:
    origin = str(path)
    kind, gz = _kind_of(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield Rejection(origin, f"cannot read: {exc.strerror or exc}")
        return
    limit = ctx.settings.max_file_bytes
    if not stat.S_ISREG(info.st_mode):
        reason = "not a regular file"
    elif kind == "unsupported":
        reason = unsupported_reason(path)
    elif info.st_size == 0:
        reason = "empty file"
    elif info.st_size > limit:
        reason = f"oversized: {info.st_size} bytes {raise_hint('max_file_bytes', limit)}"
    else:
        reason = None
    if reason:
        yield Rejection(origin, reason)
        return
    try:
        stream = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as exc:
        yield Rejection(origin, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _guarded(origin, _read_stream(stream, origin, kind, path.name, ctx))


def _read_stream(stream: Any, origin: str, kind: str, name: str, ctx: ReadContext) -> Iterator[Item]:
    """Dispatch on the format; raises InputError for a bad file (not for a bad record)."""
    head = stream.peek(8192)[:8192]
    if not head.strip() and len(head) < 8192:
        raise InputError(origin, "empty file")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(origin, "UTF-16 text (only UTF-8 is read)")
    if kind == "sniff":
        kind = sniff(head)
    if kind in ("jsonl", "csv"):  # a bad line rejects itself; only a file that is no text is rejected whole
        if mostly_binary(head):
            raise InputError(origin, "binary file (not text)")
        yield from (jsonl_items if kind == "jsonl" else csv_items)(stream, origin, name, ctx)
        return
    if b"\x00" in head:
        raise InputError(origin, "binary file (contains NUL bytes)")
    settings = ctx.settings
    limit = {"text": settings.max_record_bytes, "html": settings.max_record_bytes * _HTML_RECORDS}.get(
        kind, settings.max_file_bytes)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(origin, f"oversized: more than {limit} bytes after decompression (a {kind} file; "
                                 f"the limit grows with max_chars) {raise_hint('max_chars', settings.max_chars)}")
    if kind in ("urls", "feed"):
        yield from (_url_list_items(decode(data, origin), origin, ctx) if kind == "urls"
                    else _feed_items(Page(origin, origin, 200, data), ctx))
    elif kind == "html":
        yield html_item(data, origin, name, ctx)
    elif kind == "json":
        yield from json_items(decode(data, origin), origin, name, ctx)
    else:
        yield text_item(decode(data, origin), origin, name, ctx)


def read_pages(entries: Iterable[FeedEntry], settings: Settings, fetcher: Fetcher,
               published: dt.date | str | None = None) -> Iterator[tuple[FeedEntry, Item]]:
    """Fetch and read the page of each feed item: (item, Article or Rejection), in order."""
    ctx = ReadContext(settings, read_date(published), fetcher)
    for entry in entries:
        yield entry, _entry_item(entry, ctx)


def _read_url(url: str, ctx: ReadContext) -> Iterator[Item]:
    """A page, or every item of a feed."""
    assert ctx.fetcher is not None
    try:
        page = ctx.fetcher.get(url)
    except InputError as exc:
        yield Rejection(exc.origin, exc.reason)
        return
    yield from (_feed_items(page, ctx) if looks_like_feed(page) else [_page_item(page, ctx, None)])


def _url_list_items(text: str, origin: str, ctx: ReadContext) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if is_url(url):
            yield from _read_url(url, ctx)
        else:
            yield Rejection(f"{origin}:{lineno}", "not an http(s) URL")


def _feed_items(page: Page, ctx: ReadContext) -> Iterator[Item]:
    try:
        feed = parse_feed(page)
    except InputError as exc:
        yield Rejection(exc.origin, exc.reason)
        return
    if not feed.entries:
        yield Rejection(page.url, "the feed has no items with a link")
    seen: set[str] = set()
    for entry in feed.entries:
        if entry.key not in seen and entry.link not in seen:  # an item listed twice is read once
            seen.update((entry.key, entry.link))
            yield _entry_item(entry, ctx)


def _entry_item(entry: FeedEntry, ctx: ReadContext) -> Item:
    assert ctx.fetcher is not None
    try:
        page = ctx.fetcher.get(entry.link)
    except InputError as exc:
        return Rejection(f"{exc.origin} (item of {entry.feed})", exc.reason)
    return _page_item(page, ctx, entry)


def _page_item(page: Page, ctx: ReadContext, entry: FeedEntry | None) -> Item:
    """A fetched page through the HTML reader; its id comes from its URL, missing metadata from the feed."""
    feed_date = read_date(entry.published) if entry else None
    if feed_date is not None:
        ctx = dataclasses.replace(ctx, published=feed_date)
    items = list(_guarded(page.url, _read_stream(io.BufferedReader(io.BytesIO(page.data)), page.url, "html",
                                                  page.final_url, ctx)))
    item = items[0] if items else Rejection(page.url, "no article text found in the HTML")
    if isinstance(item, Rejection):
        return item
    changes: dict[str, Any] = {"id": _url_id(page.final_url), "url": item.url or page.final_url, "origin": page.url}
    if entry is not None:
        changes.update({k: getattr(item, k) or getattr(entry, k) for k in ("title", "author", "publisher")})
        if feed_date is not None and "published_from_option" in item.flags:
            changes["flags"] = tuple("published_from_feed" if f == "published_from_option" else f for f in item.flags)
    return dataclasses.replace(item, **changes)


def _url_id(url: str) -> str:
    """Stable id of a fetched page: the last word of its path and a hash of the URL."""
    path = [p for p in re.split(r"[/?#]", url.split("://", 1)[-1])[1:] if p]
    slug = re.sub(r"[^a-z0-9_]+", "-", (path[-1] if path else "page").lower()).strip("-_")[:40] or "page"
    return f"{slug}_{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"
