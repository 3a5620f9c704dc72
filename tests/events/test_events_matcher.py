"""events/matcher.py: the proper-name test reads IOB tags (issue 13: it built every entity span of
the document for each word, quadratic over an article of many sentences)."""
from __future__ import annotations

from detente.events.matcher import _inside_name


def test_inside_a_multi_word_name_as_the_entity_spans_say(nlp):
    doc = nlp("The European Union and Iran met Emomali Rahmon in Dushanbe. The United Nations Security "
              "Council said Tajikistan and the Islamic Republic of Iran agreed.")
    assert any(len(e) > 1 for e in doc.ents)
    for tok in doc:
        by_spans = tok.tag_ in ("NNP", "NNPS") and any(len(e) > 1 and e.start <= tok.i < e.end for e in doc.ents)
        assert _inside_name(tok) == by_spans, tok.text
