"""One Article from a text and its metadata, or a Rejection saying why not: ids, size guards, language, dates.

``make_article`` builds one Article; ``finish`` and ``record_item`` are the readers' common last step
(a record's fields, the size guards of ``size_problem``, the language check).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import read_date
from ..errors import InputError
from ..fetch import Fetcher
from ..model import Article, Rejection, content_hash
from ..settings import Settings
from ..wordlists import word_set


Item = Article | Rejection


_META_FIELDS = ("title", "publisher", "author", "url")


MAX_ID_CHARS = 200


_SURROGATE = re.compile("[\ud800-\udfff]")


_WORDS = re.compile(r"[^\W\d_]+")


_ENGLISH_MARKERS = word_set("language", "english_markers")  # data/words/language.yaml


_TOKEN = re.compile(r"\w+|[^\w\s]")  # about one spaCy token each


# prose has 0.18-0.23 tokens a character; a long text with more than 1/3 is symbols or a table of digits
DENSE_TOKENS = 5_000


@dataclass(frozen=True)
class ReadContext:
    settings: Settings
    published: dt.date | None
    fetcher: Fetcher | None = None


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


def record_item(record: Any, origin: str, name: str, ctx: ReadContext) -> Item:
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
        article_id = make_id(name, text)
    elif isinstance(given_id, bool) or not isinstance(given_id, (str, int)):
        return Rejection(origin, f"field 'id' is a JSON {type(given_id).__name__}, not a string or number")
    elif isinstance(given_id, int) and given_id.bit_length() > 200 or len(str(given_id)) > MAX_ID_CHARS:
        return Rejection(origin, f"field 'id' is longer than {MAX_ID_CHARS} characters")
    else:
        article_id = str(given_id).strip()
    date = record.get("published", record.get("date"))
    return finish(article_id, text, origin, ctx, date, meta)


def raise_hint(setting: str, limit: int) -> str:
    """How to raise a size limit, for the rejection that names it."""
    return (f"(limit: {setting} {limit}; to raise it, put '{setting}: {limit * 2}' in a YAML file and "
            f"pass --settings FILE)")


def finish(article_id: str, text: str, origin: str, ctx: ReadContext, date: Any, meta: dict[str, Any]) -> Item:
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


def make_id(name: str, text: str) -> str:
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
