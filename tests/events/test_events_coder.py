"""The coder: evidence on every mention, claims between rules, derived codes, refinement,
contexts, and the stage contract."""
from __future__ import annotations

import dataclasses

from events_helpers import dyad, find

from detente.events import code_events
from detente.ingest import make_article


def test_mentions_carry_their_evidence(code):
    text = "Trade grew last year. On 3 May, the Kazakh foreign minister visited Mongolia."
    [m] = find(code(text), "042")
    assert text[m.char_start:m.char_end] == m.sentence
    assert m.sentence.startswith("On 3 May")
    assert text[m.trigger_char:m.trigger_char + len(m.trigger)] == m.trigger == "visited"
    assert m.trigger_token >= 0 and m.sent_index == 1
    assert m.rule == "visit.v"
    assert 0 < m.confidence <= 1
    assert m.article_id == "t"


def test_contexts_come_from_the_clause(code):
    [m] = find(code("Astana and Ulaanbaatar signed agreements on cooperation in trade, energy and education."), "057")
    assert {"trade", "energy", "education"} <= set(m.contexts)


def test_matched_object_is_not_a_second_event(code):
    mentions = code("Kazakhstan and Mongolia signed agreements on economic cooperation.")
    assert [m.cameo for m in mentions] == ["057"]


def test_more_specific_object_refines_the_verb_code(code):
    [m] = find(code("Kazakhstan sent humanitarian aid to Mongolia."), "07")
    assert m.cameo == "073"


def test_demand_takes_the_parallel_code_of_what_is_demanded(code):
    [m] = find(code("Kazakhstan demanded the withdrawal of Kyrgyz troops from the border."), "10")
    assert m.cameo == "1056"
    assert dyad(m) == ("KAZ", "KGZ")
    assert not find(code("Kazakhstan demanded the withdrawal of Kyrgyz troops from the border."), "08")


def test_refusal_takes_the_parallel_reject_code(code):
    [m] = find(code("Mongolia refused to release the detained Chinese fishermen."), "12")
    assert m.cameo == "1243"


def test_promise_takes_the_parallel_intent_code(code):
    [m] = find(code("Kazakhstan promised to continue military aid to Mongolia."), "03")
    assert m.cameo == "0332"
    assert dyad(m) == ("KAZ", "MNG")


def test_causative_order_gives_its_source_to_the_ordered_event(code):
    mentions = code("The Kazakh government ordered the newspaper to suspend publication.")
    [m] = find(mentions, "172")
    assert m.source.actor.country == "KAZ"
    assert not find(mentions, "10")


def test_names_dates_and_noun_modifiers_are_not_triggers(code):
    mentions = code("The Kazakh Cooperation Council met aid groups in March.")
    assert not find(mentions, "06")  # "Cooperation" is part of a name
    assert not find(mentions, "07")  # "aid" modifies "groups"
    assert not find(mentions, "14")  # "March" is a month


def test_actorless_background_events_are_dropped_when_others_have_actors(code):
    mentions = code("Kazakhstan criticized Kyrgyzstan although sanctions were lifted.")
    assert find(mentions, "111")
    assert not find(mentions, "08")


def test_actorless_sentence_keeps_its_events(code):
    mentions = code("Protesters rioted in the capital overnight.")
    assert find(mentions, "145")


def test_stage_contract_without_actors(nlp, resources):
    text = "The talks ended without an agreement."
    doc = nlp(text)
    article = dataclasses.replace(make_article("a1", text, published="2022-01-01"), body=text)
    mentions = code_events(doc, [], article, resources)
    assert all(m.article_id == "a1" and m.published.isoformat() == "2022-01-01" for m in mentions)


def test_pair_mentions_over_one_span_are_reciprocal(nlp, resources):
    """The actors stage resolves "the two countries" to two mentions over the same span."""
    from detente.model import Actor, ActorMention

    text = "The two countries signed a defence pact."
    doc = nlp(text)
    span = doc[0:3]
    pair = [ActorMention(0, 3, span.start_char, span.end_char, span.text, Actor(country=c)) for c in ("KAZ", "KGZ")]
    article = dataclasses.replace(make_article("a", text), body=text)
    [m] = find(code_events(doc, pair, article, resources), "057")
    assert set(dyad(m)) == {"KAZ", "KGZ"}



def test_demonym_modifier_of_a_nominal_is_its_actor(code_full):
    # through the real actors stage: "Chinese" modifies a non-actor noun
    mentions = code_full("Mongolia rejected a Chinese proposal on Monday.")
    assert any(m.cameo.startswith("12") and m.target and m.target.actor.country == "CHN" for m in mentions)


def test_main_clause_event_outranks_background_clauses(code):
    # the main event has no target here, the background one has both actors
    mentions = code("China, which has repeatedly invaded Mongolia, criticised the decision.")
    [main] = find(mentions, "111")
    background = find(mentions, "19")
    assert background and all(main.confidence > m.confidence for m in background)


def test_people_detained_by_an_armed_group_are_abducted(code_full):
    assert find(code_full("Islamic State militants detained two Kazakh engineers on Tuesday."), "181")
    assert find(code_full("Kazakh police detained two Kyrgyz activists on Tuesday."), "173")


def test_a_named_person_is_a_person_object(code_full):
    assert find(code_full("Kazakh police captured Anna Petrova in Astana on Tuesday."), "173")


def test_fighters_captured_by_an_armed_group_are_prisoners_not_abductees(code_full):
    assert find(code_full("Islamic State militants detained two Kyrgyz soldiers on Tuesday."), "173")


def test_ordering_another_countrys_forces_is_a_demand(code):
    [m] = find(code("The Kazakh government ordered Kyrgyz troops to leave the country."), "10")
    assert dyad(m) == ("KAZ", "KGZ")
    [m] = find(code("The Kazakh president ordered Kazakh troops to withdraw from Kyrgyzstan."), "0874")
    assert dyad(m) == ("KAZ", "KGZ")


def test_the_first_of_coordinated_acts_leads(code):
    [first, second] = find(code("Mongolia condemned Kazakhstan on Monday and denounced Kyrgyzstan."), "111")
    assert dyad(first) == ("MNG", "KAZ") and first.confidence > second.confidence


def test_an_offered_apology_is_an_apology(code):
    assert find(code("The Kazakh president offered an apology to Mongolia on Tuesday."), "055")


def test_the_topic_of_an_inquiry_ranks_below_it(code):
    mentions = code("Kazakhstan opened hearings into abuses by Kyrgyz troops.")
    [probe] = find(mentions, "09")
    assert all(probe.confidence > m.confidence for m in mentions if not m.cameo.startswith("09"))


def test_forces_can_condemn(code):
    assert find(code("Kyrgyz troops condemned the decision of the Kazakh government."), "111")


def test_an_event_after_which_another_happened_is_background(code):
    # the background withdrawal has both actors, the main event only its doer
    mentions = code("After withdrawing from Mongolia, Kyrgyz troops attacked on Monday.")
    [main] = find(mentions, "19")
    assert all(main.confidence > m.confidence for m in mentions if m is not main)
