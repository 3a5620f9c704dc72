"""The identity stage: one Event per real-world event, with all its mentions.

Public API: ``merge_mentions(mentions, existing, settings) -> list[Event]``.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .model import Event, EventMention
from .settings import Settings


def merge_mentions(mentions: Sequence[EventMention], existing: Sequence[Event], settings: Settings) -> list[Event]:
    """Placeholder until identity lands: one event per mention."""
    out = []
    for m in mentions:
        key = f"{m.article_id}|{m.char_start}|{m.trigger_char}|{m.cameo}"
        eid = hashlib.sha1(key.encode()).hexdigest()[:16]
        out.append(Event(event_id=eid, cameo=m.cameo, source=m.source.actor if m.source else None,
                         target=m.target.actor if m.target else None, modality=m.modality,
                         mentions=(m,), confidence=m.confidence))
    return out
