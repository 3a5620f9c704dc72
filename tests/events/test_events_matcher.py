"""events/matcher.py: the proper-name test reads IOB tags (issue 13: it built every entity span of
the document for each word, quadratic over an article of many sentences)."""
from __future__ import annotations

from detente.events.matcher import _inside_name, candidate_rules, rule_tokens


def test_inside_a_multi_word_name_as_the_entity_spans_say(nlp):
    doc = nlp("The European Union and Iran met Emomali Rahmon in Dushanbe. The United Nations Security "
              "Council said Tajikistan and the Islamic Republic of Iran agreed.")
    assert any(len(e) > 1 for e in doc.ents)
    for tok in doc:
        by_spans = tok.tag_ in ("NNP", "NNPS") and any(len(e) > 1 and e.start <= tok.i < e.end for e in doc.ents)
        assert _inside_name(tok) == by_spans, tok.text


_TEXTS = ["The co-operation of Russian forces was hailed. Putin attacked Kyiv, re-staged talks and captured "
          "Bafrin, officials said on Monday; they agreed a cease-fire and hopes rose.",
          "Iran's defence minister visited Tajikistan, pledging aid; protesters carried out sit-ins and "
          "hunger-strikes while troops retreated, bombarded and occupied the studied towns.",
          "Negotiators signed a deal. He was staging a walk-out. She denied it, he apologized, they mediated."]


def test_rule_tokens_holds_every_token_a_rule_may_be_tried_on(nlp, resources):
    """The coder skips the tokens ``rule_tokens`` leaves out: none of them has a candidate rule."""
    for text in _TEXTS:
        doc = nlp(text)
        marked = rule_tokens(doc, resources.lexicon)
        assert len(marked) == len(doc)
        with_rules = [tok.i for tok in doc if candidate_rules(tok, resources.lexicon)]
        assert with_rules and all(marked[i] for i in with_rules)
        assert sum(marked) < len(doc)  # and it does leave tokens out


def test_the_sentence_analysis_is_the_same_with_the_skip(nlp, resources):
    from detente.events.coder import analyse_sentence
    from detente.events.roles import ActorIndex

    everything = [True] * 200
    for text in _TEXTS:
        doc = nlp(text)
        for sent in doc.sents:
            fast = analyse_sentence(sent, ActorIndex([]), resources.lexicon, tried_on=rule_tokens(doc, resources.lexicon))
            slow = analyse_sentence(sent, ActorIndex([]), resources.lexicon, tried_on=everything)
            assert [(t.i, r.id, why) for t, r, why in fast.tried] == [(t.i, r.id, why) for t, r, why in slow.tried]
            assert [(c.trigger.i, c.cameo, c.dropped) for c in fast.candidates] == \
                [(c.trigger.i, c.cameo, c.dropped) for c in slow.candidates]
