"""What the places tests read of a located event."""
from __future__ import annotations

from detente.model import EventMention

FULL = ("name", "country", "kind", "basis")
SHORT = ("name", "country", "basis")


def where(event: EventMention, fields: tuple[str, ...] = FULL) -> tuple | None:
    """The event's location as a tuple of ``fields``, or None where it is not located."""
    loc = event.location
    return None if loc is None else tuple(getattr(loc, f) for f in fields)
