"""A definite title many people hold at once ("the official", "the spokesman") is the one last named by
the same noun, not the last official of any title (``anonymous_titles``, ``coref._fill_countries``)."""
from __future__ import annotations

import datetime as dt
from functools import partial

from tests.actors.spans import found_at

_at = partial(found_at, published=dt.date(2022, 2, 1))


def test_the_official_is_the_one_named_before_not_the_leader_between(nlp, kb_resources):
    text = ("An Egyptian official said the readout of the call was wrong. "
            "Biden did not raise the issue of the dam, the official said.")
    (m,) = _at(nlp, kb_resources, text, "official", 1)
    assert m.actor.country == "EGY"


def test_a_title_not_on_the_list_is_left_to_the_last_official_rule(nlp, kb_resources):
    text = ("An Egyptian minister said the readout of the call was wrong. "
            "Biden did not raise the issue of the dam, the minister said.")
    (m,) = _at(nlp, kb_resources, text, "minister", 1)
    assert m.actor.country == "USA"  # the last official named (a rule of its own, not this one)
