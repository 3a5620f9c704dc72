"""A declined comment (011) is, like a plain statement, aimed only at a party it is told to
(``policy.yaml`` codes ``addressee_only``): what it declines to speak of is no target."""
from __future__ import annotations

from events_helpers import find


def _targets(mentions):
    return [m.target for m in find(mentions, "01")]


def test_the_topic_of_a_declined_comment_is_no_target(code_default):
    for text in ("A Kenyan official declined to comment on the Somali announcement.",
                 "The Kremlin refused to comment on Ukraine's offer."):
        targets = _targets(code_default(text))
        assert targets and all(t is None for t in targets), text
