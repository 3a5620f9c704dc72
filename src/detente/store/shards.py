"""Mention shards: coded articles as one Parquet file, what a map task hands to the merge.

- ``shard_bytes(coded)`` — the Parquet bytes of some coded articles: a row per article, with its
  mentions (the columns the store keeps, blocking keys included) and its actors;
- ``write_shard(path, data)`` — write them atomically (a shard is complete or absent);
- ``read_shard(path)`` — the coded articles back, as the merge's writer takes them;
- ``shard_articles(path)`` — the ids of the articles a shard holds (no mentions read).

A coded article read back carries exactly what the store keeps of it, so merging shards gives the
events that coding into the store directly gives.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Actor, ActorMention, Article, CodedArticle
from .events import (_ACTOR_COLS, _WRITE_MENTION_COLS, _actor_row, _arrow_type, _mention_row,
                     mention_from_row)

_MENTION_FIELDS = tuple(c for c in _WRITE_MENTION_COLS if c != "event_id")
_ACTOR_FIELDS = tuple(c for c in _ACTOR_COLS if c != "article_id")


def _schema() -> Any:
    import pyarrow as pa

    def struct(columns: Sequence[str]) -> Any:
        return pa.struct([(c, _arrow_type(c)) for c in columns])

    return pa.schema([("article_id", pa.string()), ("published", pa.date32()),
                      ("mentions", pa.list_(struct(_MENTION_FIELDS))), ("actors", pa.list_(struct(_ACTOR_FIELDS)))])


def shard_bytes(coded: Sequence[CodedArticle]) -> bytes:
    """Parquet bytes of the coded articles (a row each)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for c in coded:
        mentions = [dict(zip(_WRITE_MENTION_COLS, _mention_row("", m))) for m in c.mentions]
        for m in mentions:
            del m["event_id"]
        actors = [dict(zip(_ACTOR_COLS, _actor_row(c.article.id, a))) for a in c.actors]
        for a in actors:
            del a["article_id"]
        rows.append({"article_id": c.article.id, "published": c.article.published, "mentions": mentions,
                     "actors": actors})
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def write_shard(path: Path, data: bytes) -> None:
    """Write a shard atomically: under a temporary name, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def read_shard(path: Path) -> list[CodedArticle]:
    """The coded articles of a shard (articles carry their id and publication day only)."""
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: not a readable mention shard: {exc}") from exc
    out = []
    for row in rows:
        article = Article(id=row["article_id"], raw_text="", published=row["published"])
        mentions = tuple(mention_from_row({**m, "event_id": None}) for m in row["mentions"])
        actors = tuple(ActorMention(a["tok_start"], a["tok_end"], a["char_start"], a["char_end"], a["text"],
                                    Actor(country=a["country"], sector=a["sector"], sector2=a["sector2"],
                                          name=a["name"], kb_id=a["kb_id"], confidence=a["confidence"] or 0.0,
                                          org=a["org"]), basis=a["basis"] or "gazetteer")
                       for a in row["actors"])
        out.append(CodedArticle(article=article, actors=actors, mentions=mentions))
    return out


def shard_articles(path: Path) -> list[str]:
    """The ids of the articles a shard holds."""
    import pyarrow.parquet as pq

    try:
        return [str(a) for a in pq.read_table(path, columns=["article_id"]).column("article_id").to_pylist()]
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: not a readable mention shard: {exc}") from exc
