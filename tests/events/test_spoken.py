"""A speech act the coder reads on the verb heading an otherwise empty sentence is kept below the
confidence floor when its speaker is political (``events/spoken.py``), as the plain statement on a
verb of saying is; and "wrote" is a verb of saying (``statement_verb``). Sentences of our own."""
from __future__ import annotations

from detente.events.candidate import Candidate
from detente.events.matcher import Match
from detente.events.lexicon import Rule
from detente.events.modality import Modality
from detente.events.spoken import revive
from detente.model import Actor, ActorMention
from detente.events.roles import Roles


def _on(mentions, trigger):
    return [m for m in mentions if m.trigger == trigger and m.modality == "asserted"]


def test_a_warning_by_an_intergovernmental_agency_is_kept_below_the_floor(code_default):
    [m] = _on(code_default("The UN refugee agency warned that conditions in the border camps are now desperate."),
              "warned")
    assert m.cameo.startswith("01") and m.source.actor.country == "IGO"
    assert m.confidence < 0.5  # the floor would have dropped it


def test_a_private_speakers_warning_stays_dropped(code_default):
    assert not code_default("A local shopkeeper warned that bread prices in the market are now too high.")


def test_only_the_verb_heading_the_sentence(code_default):
    mentions = code_default("The envoy, who warned that conditions were desperate, arrived in Nairobi on Monday.")
    assert not _on(mentions, "warned")


def test_wrote_is_a_verb_of_saying_without_an_object(code_default):
    for text in ("\u201cThe border will stay open until the talks are over,\u201d the Kenyan foreign minister wrote.",
                 "The Kenyan foreign minister wrote that the border would stay open until the talks are over."):
        [m] = _on(code_default(text), "wrote")
        assert (m.cameo, m.source.actor.country) == ("010", "KEN"), text
    assert not _on(code_default("The Kenyan foreign minister wrote a long letter about the harvest."), "wrote")
    assert not code_default("A Kenyan novelist wrote that the harvest had been good this year.")


def _cand(nlp, text, trigger, code, dropped, country="KEN", sector="GOV"):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    rule = Rule(id="learned.verb", lemmas=(tok.lemma_,), pos="verb", cameo=code, source=(), target=(), confidence=0.5)
    cand = Candidate(match=Match(rule=rule, trigger=tok, anchors=(tok,), consumed=frozenset({tok.i})), cameo=code,
                     learned_prob=0.8, modality=Modality("asserted"))
    cand.roles = Roles(sources=(ActorMention(0, 3, 0, 3, "x", Actor(country=country, sector=sector)),))
    cand.dropped = dropped
    return cand, doc


def test_revive_keeps_a_floored_speech_act_and_nothing_else(nlp, resources):
    text = "The Kenyan government warned that the camps were full."
    floored = "confidence 0.41 below the coder's 0.5"
    cand, doc = _cand(nlp, text, "warned", "012", floored)
    assert revive([cand], resources.lexicon, doc) is cand and cand.dropped is None
    for code, dropped, country in (("190", floored, "KEN"),  # no speech act
                                   ("012", "learned: no event here (p=0.95)", "KEN"),  # the veto, not the floor
                                   ("012", floored, None)):  # a speaker of no country
        other, doc = _cand(nlp, text, "warned", code, dropped, country=country)
        assert revive([other], resources.lexicon, doc) is None, (code, dropped, country)
    kept, doc = _cand(nlp, text, "warned", "012", floored)
    standing, _ = _cand(nlp, text, "camps", "190", None)
    assert revive([kept, standing], resources.lexicon, doc) is None  # another event is asserted


def test_a_participle_of_saying_after_the_heading_verb_is_a_statement(code_default):
    [m] = _on(code_default("The Kenyan foreign minister sidestepped questions about the visit, "
                           "saying only that the talks had been useful."), "saying")
    assert (m.cameo, m.source.actor.country) == ("010", "KEN")
    # a participle inside another clause is not the sentence's: "despite the envoy saying ..."
    assert not code_default("The Kenyan foreign minister sidestepped questions about the visit despite "
                            "the Ugandan envoy saying that the talks had been useful.")


def test_a_quoted_sentence_whose_own_verb_of_saying_has_no_speaker_is_the_quoted_speakers(code_default):
    text = ("\u201cThe border will stay open,\u201d said the Kenyan foreign minister. \u201cWe will brief the public "
            "on each step, and if no deal is announced the talks will go on.\u201d")
    quoted = [m for m in code_default(text) if m.rule == "statement.quote"]
    assert [(m.cameo, m.source.actor.country) for m in quoted] == [("010", "KEN")]


def test_the_sieve_parses_a_sentence_headed_by_any_verb_of_saying():
    from detente.pipeline import Pipeline

    sieve = Pipeline().sieve
    assert sieve is not None and sieve.keeps("tweeted") and sieve.keeps("affirmed")
