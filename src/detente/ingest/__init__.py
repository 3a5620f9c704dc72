"""The ingest stage: read articles from files, folders, gzip and stdin.

Public API: ``read_inputs(inputs, settings, published=None) -> Iterator[Article | Rejection]``
(plus ``make_article`` to build one Article; dates are read by ``detente.dates.read_date``).
Modules: ``read`` (inputs, sources, the web), ``formats`` (one reader per file format), ``articles``
(one Article from a text and its metadata: ids, size guards, language).

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

from .articles import DENSE_TOKENS, Item, estimate_tokens, make_article, size_problem
from .read import READ_TYPES, read_inputs, read_pages, unreadable, unsupported_reason

__all__ = ["DENSE_TOKENS", "Item", "READ_TYPES", "estimate_tokens", "make_article", "read_inputs", "read_pages",
           "size_problem", "unreadable", "unsupported_reason"]
