"""Modality: negation, hypotheticals and speculation, intentions (with CAMEO intent codes),
purposes, allegations."""
from __future__ import annotations

from events_helpers import dyad, find


def test_no_before_the_patient_negates(code):
    [m] = find(code("While no agreements were signed on fishing between Kazakhstan and Mongolia, talks went on."), "057")
    assert m.modality == "negated"


def test_no_before_a_number_names_an_office_and_negates_nothing(code):
    [m] = find(code("A No 10 spokesman accused Russia of lying about the attack."), "112")
    assert m.modality == "asserted"
    [m] = find(code("No two soldiers of Kazakhstan attacked Kyrgyzstan."), "19")
    assert m.modality == "negated"


def test_not_negates(code):
    [m] = find(code("Kazakhstan did not attack Kyrgyzstan."), "19")
    assert m.modality == "negated"


def test_could_and_may_are_hypothetical(code):
    mentions = code("The new accord could help Mongolia secure its border with China.")
    assert mentions and all(m.modality == "hypothetical" for m in mentions)
    [m] = find(code("Kazakhstan may invade Kyrgyzstan next year."), "19")
    assert m.modality == "hypothetical"


def test_speculative_predicates_are_hypothetical(code):
    [m] = find(code("It seems that Kazakhstan attacked Kyrgyzstan."), "19")
    assert m.modality == "hypothetical"


def test_conditional_clause_is_hypothetical(code):
    mentions = code("If Mongolia attacks Kazakhstan, the region will suffer.")
    [m] = find(mentions, "19")
    assert m.modality == "hypothetical"


def test_will_is_an_asserted_intent_carrying_the_announced_act(code):
    # CAMEO's speech-act convention: the announcement is the event
    [m] = find(code("Kazakhstan will send humanitarian aid to Mongolia."), "03")
    assert (m.cameo, m.modality, m.intended_cameo) == ("0333", "asserted", "073")
    assert dyad(m) == ("KAZ", "MNG")


def test_plans_to_is_an_asserted_intent(code):
    [m] = find(code("The Kazakh president plans to visit Mongolia in May."), "036")
    assert (m.modality, m.intended_cameo) == ("asserted", "042")


def test_said_it_will_support_is_one_asserted_intent(code):
    mentions = code("Kazakhstan said it will support Mongolia.")
    assert [(m.cameo[:2], m.modality) for m in mentions] == [("03", "asserted")]
    assert dyad(mentions[0]) == ("KAZ", "MNG")


def test_a_prediction_about_an_event_is_no_ones_intent(code):
    mentions = code("The planned visit of the Kazakh president to Mongolia will strengthen ties.")
    assert mentions and all(m.modality != "asserted" for m in mentions)


def test_a_definite_event_that_is_the_subject_of_speculation_is_presupposed(code):
    mentions = code("The visit of the Kazakh president to Mongolia could have important consequences.")
    [m] = find(mentions, "042")
    assert m.modality == "asserted" and dyad(m) == ("KAZ", "MNG")
    mentions = code("A visit to Mongolia could have important consequences.")
    assert mentions and all(m.modality == "hypothetical" for m in mentions)


def test_what_is_considered_is_not_announced(code):
    mentions = code("Kazakhstan is considering sending troops to Kyrgyzstan.")
    assert not [m for m in mentions if m.cameo[:2] in ("03", "15") and m.modality == "asserted"]


def test_will_consider_is_intended_not_asserted(code):
    mentions = code("In addition, Kazakhstan and Mongolia will consider the establishment of a joint commission.")
    assert mentions and all(m.modality == "intended" for m in mentions)


def test_an_announced_attack_is_an_asserted_threat(code):
    [m] = find(code("Kazakhstan will attack Kyrgyzstan if the talks fail."), "13")
    assert (m.modality, m.intended_cameo[:2]) == ("asserted", "19")


def test_purpose_clause_is_intended_but_keeps_its_code(code):
    mentions = code("The Kazakh president visited Mongolia to sign a trade deal.")
    [visit] = find(mentions, "042")
    assert visit.modality == "asserted"
    [deal] = find(mentions, "057")
    assert deal.modality == "intended"


def test_would_in_reported_speech_is_intended(code):
    [m] = find(code("Mongolia announced that it would halt all aid to Kyrgyzstan."), "13")
    assert m.modality == "asserted" and m.intended_cameo[:2] == "16"
    assert dyad(m) == ("MNG", "KGZ")


def test_accusation_is_asserted_and_its_content_reported_not_asserted(code):
    mentions = code("Kazakhstan accused Kyrgyzstan of shelling its villages.")
    [acc] = find(mentions, "112")
    assert acc.modality == "asserted" and not acc.reported
    assert dyad(acc) == ("KAZ", "KGZ")
    inner = find(mentions, "19")
    assert inner and all(m.reported and m.modality == "hypothetical" for m in inner)
    assert inner[0].source.actor.country == "KGZ"


def test_alleging_that_is_an_accusation(code):
    mentions = code("A documentary broadcast in Kazakhstan, alleging that Kyrgyzstan armed the rebels, angered Bishkek.")
    [m] = find(mentions, "112")
    assert m.target.actor.country == "KGZ"


def test_first_to_do_is_a_fact(code):
    [m] = find(code("Mongolia became the first country to recognize Kazakhstan."), "054")
    assert m.modality == "asserted"
    assert dyad(m) == ("MNG", "KAZ")


def test_threatened_event_is_carried_by_the_threat(code):
    mentions = code("Kazakhstan threatened to impose sanctions on Kyrgyzstan.")
    assert [m.cameo for m in mentions] == ["1312"]
    assert dyad(mentions[0]) == ("KAZ", "KGZ")


def test_reports_that_are_claims_not_facts(code):
    mentions = code("Reports that Kazakhstan had attacked Kyrgyzstan could not be confirmed.")
    assert all(m.modality != "asserted" for m in find(mentions, "19"))


def test_hopes_to_is_intended_even_when_the_lemmatizer_stumbles(code):
    # "hopes" is lemmatized "hop"
    [m] = find(code("The Kazakh president hopes to visit Mongolia later this year."), "03")
    assert (m.modality, m.intended_cameo) == ("asserted", "042")


def test_a_planned_visit_is_not_held_and_a_postponed_one_did_not_happen(code):
    [m] = find(code("The planned visit of the Kazakh president to Mongolia will strengthen ties."), "04")
    assert m.modality != "asserted"
    [m] = find(code("The visit of the Kazakh president to Mongolia was postponed."), "04")
    assert m.modality == "negated"
    [m] = find(code("The visit of the Kazakh president to Mongolia was called off."), "04")
    assert m.modality == "negated"


def test_a_negative_subject_negates(code):
    assert all(m.modality == "negated" for m in find(code("Neither Kazakhstan nor Mongolia attacked Kyrgyzstan."), "19"))
    [m] = find(code("No country has recognized Kyrgyzstan."), "054")
    assert m.modality == "negated"


def test_yet_to_is_not_yet(code):
    [m] = find(code("Kazakhstan has yet to recognise Kyrgyzstan."), "054")
    assert m.modality == "negated"


def test_a_present_tense_with_a_time_ahead_is_a_plan(code):
    [m] = find(code("The Kazakh president visits Mongolia next week."), "03")
    assert (m.cameo, m.modality, m.intended_cameo) == ("036", "asserted", "042")


def test_an_act_named_as_the_subject_of_a_modal_is_hypothetical(code):
    # "Seizing X would be a gain": the gerund is supposed, not reported
    found = find(code("Invading Kyrgyzstan would be a grave mistake for Kazakhstan."), "19")
    assert found and all(m.modality == "hypothetical" for m in found)


def test_an_infinitive_under_a_modal_verb_is_hypothetical(code):
    [m] = find(code("The accord would allow Kazakhstan to cut gas supplies to Mongolia."), "16")
    assert m.modality == "hypothetical"
    [m] = find(code("The accord allowed Kazakhstan to cut gas supplies to Mongolia."), "16")
    assert m.modality == "asserted"


def test_what_no_evidence_shows_is_negated(code):
    [m] = find(code("There is no sign that Kazakhstan intends to invade Kyrgyzstan."), "19")
    assert m.modality == "negated"
    [m] = find(code("There is evidence that Kazakhstan invaded Kyrgyzstan."), "19")
    assert m.modality == "asserted"


def test_a_decision_to_act_reports_the_act(code):
    # the corpus writers code the act of "X's decision to ..." asserted (19 of 20)
    [m] = find(code("Kazakhstan's decision to recognise Mongolia's new government angered Russia."), "05")
    assert m.modality == "asserted"
    for m in find(code("Kazakhstan has not made any decision to invade Kyrgyzstan."), "19"):
        assert m.modality != "asserted"


def test_going_to_is_a_future_of_intent_like_will(code):
    # the progressive "going" before a to-infinitive: an announced intention, not an act done
    [m] = find(code("Kazakhstan is going to send humanitarian aid to Mongolia."), "03")
    assert (m.modality, m.intended_cameo) == ("asserted", "073")
    [m] = find(code("“We’re going to send humanitarian aid to Mongolia,” the Kazakh president said."), "03")
    assert m.intended_cameo == "073"
    [m] = find(code("Kazakhstan is not going to attack Kyrgyzstan."), "19")
    assert m.modality == "negated"


def test_going_somewhere_is_no_intent(code):
    # "going to" a place: the verb of motion itself, no infinitive after it
    mentions = code("The Kazakh president was going to Mongolia for talks with its prime minister.")
    assert not any(m.intended_cameo for m in mentions)


def test_would_in_the_clause_of_an_announcement_is_the_owners_announced_intent(code_full):
    # session 28 (miss28): "would" under a noun of announcement is the past of "will", as under "said",
    # and a pronoun doer there is the announcement's owner
    mentions = code_full("The vote came a day after the announcement by Kazakhstan that it would withdraw its troops from Kyrgyzstan.")
    [m] = find(mentions, "03")
    assert m.modality == "asserted" and dyad(m) == ("KAZ", "KGZ")
    [m] = find(code_full("Mongolia's statement that it would send humanitarian aid to Kazakhstan was welcomed in Astana."), "03")
    assert m.modality == "asserted" and m.source is not None and m.source.actor.country == "MNG"


def test_would_under_a_report_stays_a_claim(code_full):
    mentions = code_full("A report that Kazakhstan would invade Kyrgyzstan alarmed the region.")
    assert not [m for m in mentions if m.modality == "asserted" and m.cameo[:2] in ("03", "13", "19")]


def test_forces_that_will_act_announce_no_prediction_about_an_event(code_full):
    # "troops" names the doers, not an event (a noun rule has it only as a peacekeeping force)
    [m] = find(code_full("Kazakh troops will leave Kyrgyzstan next month."), "03")
    assert m.modality == "asserted" and dyad(m) == ("KAZ", "KGZ")
