"""The writer's own doings are not coded (``coder._writers_own``): a first-person doer that is no
quoted speaker's."""
from __future__ import annotations

from events_helpers import find


def test_the_writers_meeting_is_no_event(code_default):
    assert find(code_default("In Tashkent last spring I met a group of Uzbek officials who had fled."), "04") == []


def test_a_quoted_speakers_we_is_the_speaker(code_default):
    found = [m for m in code_default('"We will meet the Kazakh president in Astana next week," the Uzbek foreign '
                                     'minister said.') if m.cameo[:2] in ("03", "04")]
    assert found and all(m.source is not None and m.source.actor.country == "UZB" for m in found)


def test_a_third_person_doer_is_kept(code_default):
    [m] = find(code_default("The Uzbek foreign minister met the Kazakh president in Astana on Monday."), "04")
    assert m.source is not None and m.source.actor.country == "UZB"
