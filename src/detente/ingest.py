"""The ingest stage: read articles from files, folders, gzip and stdin.

Public API: ``read_inputs(inputs, settings, published=None) -> Iterator[Article | Rejection]``
(plus ``make_article`` to build one Article; dates are read by ``detente.dates.read_date``).

Formats: ``.txt``, ``.html``/``.htm`` (trafilatura), ``.jsonl``/``.json`` records, ``.csv``,
folders (recursive, sorted, hidden files skipped), ``.gz`` of any of these, ``-`` for stdin; and
from the web (fetched by ``detente.fetch``): ``http(s)://`` URLs of pages or RSS/Atom feeds (each
item's page is fetched), ``.urls`` files of URLs (one a line, ``#`` comments), ``.rss``/``.atom``
feed files. A fetched page goes through the same HTML reader as a file; ``read_pages`` reads the
pages of given feed items (for ``detente watch``).
Bad input never raises: it becomes a ``Rejection(origin, reason)`` and reading goes on.

Guards by decoded size: JSONL and CSV are read line by line, each line at most
``Settings.max_record_bytes`` (a longer line is skipped in chunks, never held whole, and named);
a text file is read up to that size, an HTML page up to ten times it, a JSON document up to
``max_file_bytes``. A JSONL or CSV file is rejected whole as binary only when its first 8 KiB are
mostly not text; otherwise a line or row with NUL bytes rejects only itself. A text longer than
``max_chars`` characters or ``max_tokens`` words and symbols is rejected, and so is a text of
more than ``DENSE_TOKENS`` tokens with more than one token per three characters (no prose: parsing
time grows with tokens, and runs of symbols are a token each).
"""
from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .dates import read_date
from .errors import InputError
from .fetch import FeedEntry, Fetcher, Page, is_url, looks_like_feed, parse_feed
from .model import Article, Rejection, content_hash
from .settings import Settings
from .wordlists import word_set

Item = Article | Rejection

_KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
          ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".urls": "urls", ".rss": "feed", ".atom": "feed"}
READ_TYPES = "detente reads .txt, .html, .jsonl, .json, .csv, .urls, .rss and .atom files, and .gz of them"
_META_FIELDS = ("title", "publisher", "author", "url")
MAX_ID_CHARS = 200
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
_ENGLISH_MARKERS = word_set("language", "english_markers")  # data/words/language.yaml
_TOKEN = re.compile(r"\w+|[^\w\s]")  # about one spaCy token each
# prose has 0.18-0.23 tokens a character; a long text with more than 1/3 is symbols or a table of digits
DENSE_TOKENS = 5_000
_HTML_RECORDS = 10  # an HTML page may be this many times max_record_bytes (markup around the text)


@dataclass(frozen=True)
class _Context:
    settings: Settings
    published: dt.date | None
    fetcher: Fetcher | None = None


# -- public -------------------------------------------------------------------------------
def read_inputs(inputs: Sequence[str], settings: Settings, published: dt.date | str | None = None,
                stdin: IO[bytes] | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Yield one Article per readable input record and one Rejection per bad input, in order.

    ``published`` fills the date of inputs that carry none. ``stdin`` replaces ``sys.stdin``
    for the input ``-``. ``fetcher`` fetches URLs (default: one without a page cache).
    """
    ctx = _Context(settings, read_date(published), fetcher or Fetcher(settings))
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


def make_article(article_id: str, text: str, published: str | dt.date | None = None, **meta: Any) -> Article:
    """An Article with its content hash; no date gives the flag ``no_published_date``.

    Raises InputError for a text or id that is not valid Unicode (lone surrogates)."""
    if _SURROGATE.search(text) or _SURROGATE.search(article_id):
        raise InputError(article_id, "text or id holds unpaired UTF-16 surrogates (not valid Unicode)")
    date = read_date(published)
    flags = tuple(meta.pop("flags", ()) or ())
    if date is None and "no_published_date" not in flags:
        flags += ("no_published_date",)
    clean: dict[str, Any] = {k: (v.strip() if isinstance(v, str) else v) for k, v in meta.items()}
    clean = {k: v for k, v in clean.items() if v not in (None, "")}
    return Article(id=article_id, raw_text=text, published=date, content_hash=content_hash(text),
                   flags=flags, **clean)


# -- sources ------------------------------------------------------------------------------
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


def _read_stdin(stream: IO[bytes], ctx: _Context) -> Iterator[Item]:
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


def _read_file(path: Path, ctx: _Context) -> Iterator[Item]:
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


def _read_stream(stream: Any, origin: str, kind: str, name: str, ctx: _Context) -> Iterator[Item]:
    """Dispatch on the format; raises InputError for a bad file (not for a bad record)."""
    head = stream.peek(8192)[:8192]
    if not head.strip() and len(head) < 8192:
        raise InputError(origin, "empty file")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(origin, "UTF-16 text (only UTF-8 is read)")
    if kind == "sniff":
        kind = _sniff(head)
    if kind in ("jsonl", "csv"):  # a bad line rejects itself; only a file that is no text is rejected whole
        if _mostly_binary(head):
            raise InputError(origin, "binary file (not text)")
        yield from (_jsonl_items if kind == "jsonl" else _csv_items)(stream, origin, name, ctx)
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
        yield from (_url_list_items(_decode(data, origin), origin, ctx) if kind == "urls"
                    else _feed_items(Page(origin, origin, 200, data), ctx))
    elif kind == "html":
        yield _html_item(data, origin, name, ctx)
    elif kind == "json":
        yield from _json_items(_decode(data, origin), origin, name, ctx)
    else:
        yield _text_item(_decode(data, origin), origin, name, ctx)


def _mostly_binary(head: bytes) -> bool:
    """More than a tenth of the bytes are control characters or not UTF-8: no text file."""
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    undecodable = head.decode("utf-8", "replace").count("\ufffd")
    return (controls + undecodable) * 10 > len(head)


def _lines(stream: Any, limit: int) -> Iterator[bytes | int]:
    """The lines of a stream, each at most ``limit`` bytes; a longer line is read past in chunks
    (never held whole) and given as its length in bytes."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size


def _oversized_line(size: int, ctx: _Context) -> str:
    return (f"oversized line: {size} bytes (max_record_bytes {ctx.settings.max_record_bytes}, from max_chars) "
            f"{raise_hint('max_chars', ctx.settings.max_chars)}")


def _sniff(head: bytes) -> str:
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:1]
    if start == b"{":
        return "jsonl"
    if start == b"[":
        return "json"
    if start == b"<":
        return "html"
    return "text"


def _decode(data: bytes, origin: str) -> str:
    """UTF-8 text (a BOM is dropped); anything else is rejected with the byte offset."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise InputError(origin, f"not UTF-8 text (byte 0x{data[offset]:02x} at byte offset {offset})") from None


# -- formats ------------------------------------------------------------------------------
def _text_item(text: str, origin: str, name: str, ctx: _Context) -> Item:
    return _finish(_make_id(name, text), text, origin, ctx, None, {"title": _headline(text)})


def _headline(text: str) -> str | None:
    """The first line when it looks like a headline: short, no final full stop, a blank line after."""
    lines = text.strip().splitlines()
    if len(lines) < 3 or lines[1].strip():
        return None
    first = " ".join(lines[0].split())
    if not 3 <= len(first) <= 200 or len(first.split()) > 30 or first[-1] in ".,;:":
        return None
    return first


def _html_item(data: bytes, origin: str, name: str, ctx: _Context) -> Item:
    try:
        import trafilatura
        from trafilatura.settings import Document
    except ImportError as exc:
        return Rejection(origin, f"the HTML reader is not installed ({exc}); reinstall detente")
    try:
        html = _decode(data, origin)
    except InputError:
        declared = _CHARSET.search(data[:4096])
        try:
            fallback = data.decode(declared.group(1).decode("ascii")) if declared else None
        except (LookupError, UnicodeDecodeError):
            fallback = None
        if fallback is None:
            raise
        html = fallback
    # dates from the page's markup only: a date found in the body text is not the publication date
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = (doc.text or "") if isinstance(doc, Document) else ""  # a Document or None (as_dict is False)
    if not isinstance(doc, Document) or not text.strip():
        return Rejection(origin, "no article text found in the HTML")
    meta = {"title": doc.title, "author": doc.author, "url": doc.url, "publisher": doc.sitename}
    return _finish(_make_id(name, text), text, origin, ctx, doc.date, meta)


def _jsonl_items(stream: Any, origin: str, name: str, ctx: _Context) -> Iterator[Item]:
    offset = 0
    records = 0
    for lineno, raw in enumerate(_lines(stream, ctx.settings.max_record_bytes), 1):
        where = f"{origin}:{lineno}"
        if isinstance(raw, int):
            offset += raw
            records += 1
            yield Rejection(where, _oversized_line(raw, ctx))
            continue
        start, offset = offset, offset + len(raw)
        if b"\x00" in raw:
            records += 1
            yield Rejection(where, "binary data (NUL bytes) in the line")
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, start = raw[len(codecs.BOM_UTF8):], start + len(codecs.BOM_UTF8)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(where, f"not UTF-8 text (byte offset {start + exc.start})")
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Rejection(where, "JSON nested too deeply")
            continue
        except ValueError as exc:  # e.g. a number longer than Python reads
            yield Rejection(where, f"unreadable JSON: {str(exc)[:120]}")
            continue
        yield _record_item(record, where, name, ctx)
    if not records:
        yield Rejection(origin, "empty file (no records)")


def _json_items(text: str, origin: str, name: str, ctx: _Context) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines in a .json file
            yield from _jsonl_items(io.BytesIO(text.encode("utf-8")), origin, name, ctx)
            return
        yield Rejection(f"{origin}:{exc.lineno}", f"malformed JSON: {exc.msg} (column {exc.colno})")
        return
    if isinstance(data, list):
        if not data:
            yield Rejection(origin, "empty file (no records)")
        for index, record in enumerate(data):
            yield _record_item(record, f"{origin}[{index}]", name, ctx)
    else:
        yield _record_item(data, origin, name, ctx)


def _csv_items(stream: Any, origin: str, name: str, ctx: _Context) -> Iterator[Item]:
    """The rows of a CSV file; a bad row (too long, not UTF-8, NUL bytes, malformed) rejects
    itself and reading goes on with a fresh parser after it."""
    csv.field_size_limit(ctx.settings.max_record_bytes)
    lines = _CsvLines(stream, origin, ctx)
    try:
        header = [h.strip() for h in next(csv.reader(lines.segment()), [])]
    except csv.Error as exc:
        raise InputError(f"{origin}:1", f"malformed CSV header: {exc}") from None
    if lines.bad:
        raise InputError(*lines.bad)
    columns = _csv_columns(header, ctx.settings, origin)
    rows = 0
    while not lines.done:
        lines.bad = None
        for where, row in _csv_rows(lines, origin):
            if isinstance(row, str):
                yield Rejection(where, row)
            elif any(cell.strip() for cell in row):
                yield _csv_row_item(row, columns, where, name, ctx)
            else:
                continue
            rows += 1
        if lines.bad:
            rows += 1
            yield Rejection(*lines.bad)
    if not rows:
        yield Rejection(origin, "empty file (no rows)")


def _csv_rows(lines: "_CsvLines", origin: str) -> Iterator[tuple[str, list[str] | str]]:
    """(origin:line, row or the reason it is bad) for the rows of one segment of the file."""
    reader = csv.reader(lines.segment())
    while True:
        where = f"{origin}:{lines.lineno + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield where, f"malformed CSV: {exc}"
            return
        if lines.bad:  # the row was cut short by a bad line: that line's rejection names it
            return
        yield where, (row if not any("\x00" in cell for cell in row) else "binary data (NUL bytes) in the row")


def _csv_row_item(row: list[str], columns: dict[str, int], where: str, name: str, ctx: _Context) -> Item:
    if len(row) <= columns["text"]:
        return Rejection(where, f"row has {len(row)} fields, the text column is field {columns['text'] + 1}")
    record = {key: row[index] for key, index in columns.items() if index < len(row)}
    return _record_item(record, where, name, ctx)


def _csv_columns(header: list[str], settings: Settings, origin: str) -> dict[str, int]:
    """Record field -> column index, from the configured column names."""
    if not header:
        raise InputError(origin, "empty file (no header)")
    index = {name: i for i, name in reversed(list(enumerate(header)))}
    if settings.csv_text_column not in index:
        raise InputError(origin, f"no text column '{settings.csv_text_column}' (columns: "
                                 f"{', '.join(repr(h) for h in header)}); name it with --text-column COLUMN")
    if settings.csv_id_column and settings.csv_id_column not in index:
        raise InputError(origin, f"no id column '{settings.csv_id_column}' (columns: "
                                 f"{', '.join(repr(h) for h in header)}); name it with --id-column COLUMN")
    wanted = {"text": settings.csv_text_column, "published": settings.csv_date_column,
              "id": settings.csv_id_column, "title": settings.csv_title_column,
              "author": "author", "url": "url", "language": "language"}
    columns = {key: index[col] for key, col in wanted.items() if col and col in index}
    for key, names in (("published", ("published", "date")), ("publisher", ("publisher", "source"))):
        for col in names:
            if key not in columns and col in index:
                columns[key] = index[col]
    return columns


class _CsvLines:
    """Decoded lines of a CSV file, one segment at a time: a segment ends at the end of the file
    (``done``) or at a line that cannot be read (``bad`` = (origin:line, reason))."""

    def __init__(self, stream: Any, origin: str, ctx: _Context):
        self._lines = _lines(stream, ctx.settings.max_record_bytes)
        self._origin, self._ctx = origin, ctx
        self.lineno = self.offset = 0
        self.done = False
        self.bad: tuple[str, str] | None = None

    def segment(self) -> Iterator[str]:
        for raw in self._lines:
            self.lineno += 1
            where = f"{self._origin}:{self.lineno}"
            if isinstance(raw, int):
                self.offset += raw
                self.bad = (where, _oversized_line(raw, self._ctx))
                return
            start, self.offset = self.offset, self.offset + len(raw)
            bom = len(codecs.BOM_UTF8) if self.lineno == 1 and raw.startswith(codecs.BOM_UTF8) else 0
            try:
                yield raw[bom:].decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad = (where, f"not UTF-8 text (byte offset {start + bom + exc.start})")
                return
        self.done = True


# -- the web ------------------------------------------------------------------------------
def read_pages(entries: Iterable[FeedEntry], settings: Settings, fetcher: Fetcher,
               published: dt.date | str | None = None) -> Iterator[tuple[FeedEntry, Item]]:
    """Fetch and read the page of each feed item: (item, Article or Rejection), in order."""
    ctx = _Context(settings, read_date(published), fetcher)
    for entry in entries:
        yield entry, _entry_item(entry, ctx)


def _read_url(url: str, ctx: _Context) -> Iterator[Item]:
    """A page, or every item of a feed."""
    assert ctx.fetcher is not None
    try:
        page = ctx.fetcher.get(url)
    except InputError as exc:
        yield Rejection(exc.origin, exc.reason)
        return
    yield from (_feed_items(page, ctx) if looks_like_feed(page) else [_page_item(page, ctx, None)])


def _url_list_items(text: str, origin: str, ctx: _Context) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if is_url(url):
            yield from _read_url(url, ctx)
        else:
            yield Rejection(f"{origin}:{lineno}", "not an http(s) URL")


def _feed_items(page: Page, ctx: _Context) -> Iterator[Item]:
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


def _entry_item(entry: FeedEntry, ctx: _Context) -> Item:
    assert ctx.fetcher is not None
    try:
        page = ctx.fetcher.get(entry.link)
    except InputError as exc:
        return Rejection(f"{exc.origin} (item of {entry.feed})", exc.reason)
    return _page_item(page, ctx, entry)


def _page_item(page: Page, ctx: _Context, entry: FeedEntry | None) -> Item:
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


# -- records ------------------------------------------------------------------------------
def _record_item(record: Any, origin: str, name: str, ctx: _Context) -> Item:
    """An Article from one JSON/CSV record, or a Rejection saying what is wrong with it."""
    if not isinstance(record, dict):
        return Rejection(origin, f"record is a JSON {type(record).__name__}, not an object")
    if "text" not in record:
        return Rejection(origin, "missing 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        return Rejection(origin, f"field 'text' is {type(text).__name__}, not a string")
    meta: dict[str, Any] = {}
    for key in _META_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        meta[key] = str(value) if value not in (None, "") else None
    if meta["publisher"] is None and isinstance(record.get("source"), str):
        meta["publisher"] = record["source"]
    meta["language"] = record.get("language")
    given_id = record.get("id")
    if given_id in (None, ""):
        article_id = _make_id(name, text)
    elif isinstance(given_id, bool) or not isinstance(given_id, (str, int)):
        return Rejection(origin, f"field 'id' is a JSON {type(given_id).__name__}, not a string or number")
    elif isinstance(given_id, int) and given_id.bit_length() > 200 or len(str(given_id)) > MAX_ID_CHARS:
        return Rejection(origin, f"field 'id' is longer than {MAX_ID_CHARS} characters")
    else:
        article_id = str(given_id).strip()
    date = record.get("published", record.get("date"))
    return _finish(article_id, text, origin, ctx, date, meta)


def raise_hint(setting: str, limit: int) -> str:
    """How to raise a size limit, for the rejection that names it."""
    return (f"(limit: {setting} {limit}; to raise it, put '{setting}: {limit * 2}' in a YAML file and "
            f"pass --settings FILE)")


def _finish(article_id: str, text: str, origin: str, ctx: _Context, date: Any, meta: dict[str, Any]) -> Item:
    """Checks shared by all formats: empty, oversized, language; then the dates and flags."""
    settings = ctx.settings
    if not text.strip():
        return Rejection(origin, "empty text")
    if any(isinstance(v, str) and _SURROGATE.search(v) for v in (text, article_id, date, *meta.values())):
        return Rejection(origin, "text, id or a field holds unpaired UTF-16 surrogates (not valid Unicode)")
    too_costly = size_problem(text, settings)
    if too_costly:
        return Rejection(origin, too_costly)
    language = _normal_language(meta.pop("language", None)) or _detect_language(text, settings)
    if language and language not in settings.languages:
        return Rejection(origin, f"language '{language}' (not in {', '.join(settings.languages)})")
    flags: list[str] = []
    published = read_date(date)
    if published is None and date not in (None, ""):
        flags.append("unparsed_published_date")
    if published is None and ctx.published is not None:
        published = ctx.published
        flags.append("published_from_option")
    return make_article(article_id, text, published=published, language=language, origin=origin,
                        flags=tuple(flags), **meta)


def size_problem(text: str, settings: Settings) -> str | None:
    """Why a text would cost too much to parse (too long, too many tokens, not prose), or None.

    The one guard of every way in: the readers, the web API and ``Pipeline.code_text``."""
    if len(text) > settings.max_chars:
        return f"oversized: {len(text)} characters {raise_hint('max_chars', settings.max_chars)}"
    tokens = estimate_tokens(text)
    if tokens > settings.max_tokens:
        return f"oversized: about {tokens} words and symbols {raise_hint('max_tokens', settings.max_tokens)}"
    if tokens > DENSE_TOKENS and tokens * 3 > len(text):
        return (f"not prose: about {tokens} words and symbols in {len(text)} characters "
                f"(over {DENSE_TOKENS}, more than one per three characters)")
    return None


def estimate_tokens(text: str) -> int:
    """About the number of spaCy tokens of a text (words and single symbols): what parsing costs."""
    return sum(1 for _ in _TOKEN.finditer(text))


def _make_id(name: str, text: str) -> str:
    """Stable id: the file name's stem and a hash of the name and the content."""
    stem = name
    while Path(stem).suffix and len(Path(stem).suffix) <= 9:
        stem = Path(stem).stem
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-_")[:40] or "article"
    digest = hashlib.sha1(f"{name}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{slug}_{digest}"


def _normal_language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower().replace("_", "-").split("-")[0]


def _detect_language(text: str, settings: Settings) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short to judge.

    English is recognised cheaply by the share of English function words; other texts go to
    langdetect with a fixed seed (deterministic).
    """
    sample = text[:4000]
    words = _WORDS.findall(sample.lower())
    if len(sample.strip()) < settings.min_chars_for_language or len(words) < 5:
        return None
    if sum(w in _ENGLISH_MARKERS for w in words) / len(words) >= 0.06:
        return "en"
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return _normal_language(detect(sample))
    except LangDetectException:
        return None
