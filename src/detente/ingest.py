"""The ingest stage: read articles from files, folders, gzip, stdin. Placeholder."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from .model import Article, Rejection, content_hash
from .settings import Settings


def make_article(article_id: str, text: str, published: str | dt.date | None = None, **meta) -> Article:
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    return Article(id=article_id, raw_text=text, published=published, content_hash=content_hash(text),
                   **{k: v for k, v in meta.items() if v is not None})


def read_inputs(inputs: Sequence[str], settings: Settings, published: dt.date | None = None) -> Iterator[Article | Rejection]:
    return iter(())
