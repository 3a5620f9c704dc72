"""Agreeing on a view is sharing a position (019), not an intent (``events/views.py``)."""
from __future__ import annotations

from detente.events.views import view_clause, views


def _codes(mentions, word="agreed"):
    return [m.cameo for m in mentions if m.trigger == word and m.modality == "asserted"]


def test_agreeing_that_a_state_of_things_holds_shares_a_position(code_full, code_default):
    assert _codes(code_full("Norway and Sweden agreed that the Danish navy had shown great skill in the storm.")) == ["019"]
    # the learned coder's agreement with a party (the rules code none with a clause)
    [m] = [m for m in code_default("The Spanish prime minister agreed with Merkel that the crisis was over.")
           if m.trigger == "agreed"]
    assert m.cameo == "019" and m.target is not None and m.target.actor.country == "DEU"


def test_agreeing_on_what_will_or_should_be_done_keeps_the_intent(code_full):
    for text in ("Norway and Sweden agreed that their foreign ministers would meet in Oslo next week.",
                 "Norway and Sweden agreed that the fishing ban should be extended.",
                 "Norway agreed to return the seized trawler to Sweden."):
        codes = _codes(code_full(text))
        assert codes and all(c[:2] != "01" for c in codes), text


def test_what_is_no_clause_said_in_agreeing(nlp):
    v = views()
    for text in ("The two teams agreed to a rematch after the final was abandoned.",
                 "The two leaders signed a treaty on Sunday, the deepest cut yet agreed.",
                 "Norway agreed that the ministers would meet.",
                 "Norway agreed that he resign."):
        doc = nlp(text)
        [trig] = [t for t in doc if t.text == "agreed"]
        assert view_clause(trig, v) is None, text
    doc = nlp("Norway agreed that the storm had been the worst in years.")
    [trig] = [t for t in doc if t.text == "agreed"]
    assert view_clause(trig, v) is not None
