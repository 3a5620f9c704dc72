"""The clean stage: split the article body from page furniture. Placeholder."""
from __future__ import annotations

import dataclasses

from .model import Article


def clean_article(article: Article) -> Article:
    return dataclasses.replace(article, body=article.raw_text)
