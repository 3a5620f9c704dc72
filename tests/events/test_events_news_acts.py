"""Acts news tells in words the lexicon lacked (session 26, news26): a party persuading another to act is
an appeal to it (``persuade.appeal``, 02); an operation a found party launches, mounts or unleashes
is an armed one (``operation.launched``, 190)."""
from __future__ import annotations

import pytest


def _codes(mentions, word: str) -> list[str]:
    return [m.cameo for m in mentions if m.trigger == word and m.modality == "asserted"]


@pytest.mark.parametrize("text, word, code", [
    ("Kazakhstan persuaded Kyrgyzstan to hold off from an offensive on the border town.", "persuaded", "02"),
    ("The Kazakh envoy was trying to persuade the Mongolian president to accept a gradual withdrawal of troops.",
     "persuade", "02"),
    ("Kazakhstan, which launched an operation in the spring against the Kyrgyz militia, has closed the border.",
     "operation", "19"),
    ("The Ethiopian army mounted an operation in the northern region on Tuesday.", "operation", "19"),
])
def test_news_acts_are_coded(code_default, text, word, code):
    codes = _codes(code_default(text), word)
    assert codes and codes[0].startswith(code), (text, codes)


@pytest.mark.parametrize("text, word", [
    ("Kazakhstan persuaded Mongolia that the pipeline was safe.", "persuaded"),  # a view, no appeal
    ("A chemical attack persuaded Kazakhstan to close its border.", "persuaded"),  # no party persuades
    ("Kazakhstan persuaded Mongolia of the merits of the pipeline.", "persuaded"),
    ("Kazakhstan mounted a rescue operation for the stranded miners.", "operation"),  # no armed act
    ("The surgeons launched the operation at dawn.", "operation"),  # no party
])
def test_look_alikes_are_not_coded(code_default, text, word):
    codes = [c for c in _codes(code_default(text), word) if c[:2] in ("02", "19")]
    assert not codes, (text, codes)
