"""The ``speech.Event`` the statement-content tests recode: a plain statement on the verb of saying
(shared by tests/events/test_speech.py and tests/events/test_valence.py)."""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Statement:
    """A plain statement (010) on the verb of saying, with the fields ``speech.revise`` reads and sets."""

    trigger: object
    roles: object
    cameo: str = "010"
    notes: list = dataclasses.field(default_factory=list)
    said: object = None
    intended: str | None = None
