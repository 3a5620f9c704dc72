"""Targets named inside the noun phrases around a trigger (session 12): a phrase hung on a
quantifier head of the object (``the delivery of jets to X``)."""
from __future__ import annotations

from events_helpers import dyad, find


def test_phrase_on_a_quantifier_head_of_the_object(code):
    # "froze the delivery of jets to Y": "to Y" hangs on "delivery", which the object skips
    for text in ("Kazakhstan froze the delivery of military equipment to Kyrgyzstan three months after the coup.",
                 "Kazakhstan halted shipments of oil to Kyrgyzstan after the border clash."):
        [m] = find(code(text), "16")
        assert dyad(m) == ("KAZ", "KGZ"), text


def test_quantifier_head_without_a_phrase_gives_no_target(code):
    for m in find(code("Kazakhstan froze the delivery of military equipment three months after the coup."), "16"):
        assert m.target is None
