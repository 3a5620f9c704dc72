"""The file formats the ingest stage reads: text, HTML (trafilatura), JSON Lines, JSON and CSV.

Each reader turns one stream or document into Articles and Rejections through ``articles.finish``;
long lines are read past in chunks (``bounded_lines``), never held whole.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Rejection
from ..settings import Settings
from .articles import Item, ReadContext, finish, make_id, raise_hint, record_item


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def mostly_binary(head: bytes) -> bool:
    """More than a tenth of the bytes are control characters or not UTF-8: no text file."""
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    undecodable = head.decode("utf-8", "replace").count("\ufffd")
    return (controls + undecodable) * 10 > len(head)


def bounded_lines(stream: Any, limit: int) -> Iterator[bytes | int]:
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


def oversized_line(size: int, ctx: ReadContext) -> str:
    return (f"oversized line: {size} bytes (max_record_bytes {ctx.settings.max_record_bytes}, from max_chars) "
            f"{raise_hint('max_chars', ctx.settings.max_chars)}")


def sniff(head: bytes) -> str:
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:1]
    if start == b"{":
        return "jsonl"
    if start == b"[":
        return "json"
    if start == b"<":
        return "html"
    return "text"


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text (a BOM is dropped); anything else is rejected with the byte offset."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise InputError(origin, f"not UTF-8 text (byte 0x{data[offset]:02x} at byte offset {offset})") from None


def text_item(text: str, origin: str, name: str, ctx: ReadContext) -> Item:
    return finish(make_id(name, text), text, origin, ctx, None, {"title": _headline(text)})


def _headline(text: str) -> str | None:
    """The first line when it looks like a headline: short, no final full stop, a blank line after."""
    lines = text.strip().splitlines()
    if len(lines) < 3 or lines[1].strip():
        return None
    first = " ".join(lines[0].split())
    if not 3 <= len(first) <= 200 or len(first.split()) > 30 or first[-1] in ".,;:":
        return None
    return first


def html_item(data: bytes, origin: str, name: str, ctx: ReadContext) -> Item:
    try:
        import trafilatura
        from trafilatura.settings import Document
    except ImportError as exc:
        return Rejection(origin, f"the HTML reader is not installed ({exc}); reinstall detente")
    try:
        html = decode(data, origin)
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
    return finish(make_id(name, text), text, origin, ctx, doc.date, meta)


def jsonl_items(stream: Any, origin: str, name: str, ctx: ReadContext) -> Iterator[Item]:
    offset = 0
    records = 0
    for lineno, raw in enumerate(bounded_lines(stream, ctx.settings.max_record_bytes), 1):
        where = f"{origin}:{lineno}"
        if isinstance(raw, int):
            offset += raw
            records += 1
            yield Rejection(where, oversized_line(raw, ctx))
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
        yield record_item(record, where, name, ctx)
    if not records:
        yield Rejection(origin, "empty file (no records)")


def json_items(text: str, origin: str, name: str, ctx: ReadContext) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines in a .json file
            yield from jsonl_items(io.BytesIO(text.encode("utf-8")), origin, name, ctx)
            return
        yield Rejection(f"{origin}:{exc.lineno}", f"malformed JSON: {exc.msg} (column {exc.colno})")
        return
    if isinstance(data, list):
        if not data:
            yield Rejection(origin, "empty file (no records)")
        for index, record in enumerate(data):
            yield record_item(record, f"{origin}[{index}]", name, ctx)
    else:
        yield record_item(data, origin, name, ctx)


def csv_items(stream: Any, origin: str, name: str, ctx: ReadContext) -> Iterator[Item]:
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


def _csv_row_item(row: list[str], columns: dict[str, int], where: str, name: str, ctx: ReadContext) -> Item:
    if len(row) <= columns["text"]:
        return Rejection(where, f"row has {len(row)} fields, the text column is field {columns['text'] + 1}")
    record = {key: row[index] for key, index in columns.items() if index < len(row)}
    return record_item(record, where, name, ctx)


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

    def __init__(self, stream: Any, origin: str, ctx: ReadContext):
        self._lines = bounded_lines(stream, ctx.settings.max_record_bytes)
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
                self.bad = (where, oversized_line(raw, self._ctx))
                return
            start, self.offset = self.offset, self.offset + len(raw)
            bom = len(codecs.BOM_UTF8) if self.lineno == 1 and raw.startswith(codecs.BOM_UTF8) else 0
            try:
                yield raw[bom:].decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad = (where, f"not UTF-8 text (byte offset {start + bom + exc.start})")
                return
        self.done = True
