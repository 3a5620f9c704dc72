"""Targets the rule slots miss, found by the kinds of language of ``events/sides.py``: the
antecedent of a relative clause, whom an act is for, the object of the act a to-infinitive names,
the party a promise or threat is conditioned on, a destination hung on a participle of the object."""
from __future__ import annotations

from events_helpers import dyad, find


def test_purpose_clause_names_whom_aid_is_for(code):
    # "sent X to help Y (cope)": Y is helped; before, the aid had no target
    for text, helped in (("Kazakhstan sent rescue teams to help Kyrgyzstan cope with the floods.", "KGZ"),
                         ("Kazakhstan pledged 50 million dollars on Friday to help Mongolia rebuild its schools.", "MNG")):
        [m] = code(text)
        assert dyad(m) == ("KAZ", helped), text


def test_purpose_clause_object_with_its_own_preposition(code):
    [m] = find(code("Kazakhstan refused to hand over the power station to Uzbekistan."), "12")
    assert dyad(m) == ("KAZ", "UZB")


def test_relative_clause_with_a_gapped_object_targets_its_antecedent(code):
    # "soldiers whom X blames", "officials it had accused of": the antecedent is accused
    [m] = find(code("Kyrgyz troops crossed the border to pursue Uzbek soldiers whom Kazakhstan blames for the raids."), "112")
    assert dyad(m) == ("KAZ", "UZB")
    [m] = find(code("China freed the Mongolian officials it had accused of spying."), "112")
    assert m.target is not None and m.target.actor.country == "MNG"


def test_relative_clause_whose_subject_is_the_pronoun_does_not_target_its_antecedent(code):
    # "Uzbek soldiers who accused Kazakhstan": the soldiers accuse, they are not accused
    [m] = find(code("Uzbek soldiers who accused Kazakhstan of the raids were arrested."), "112")
    assert m.target is not None and m.target.actor.country == "KAZ"


def test_beneficiary_of_pledged_aid(code):
    # "pledged N dollars in aid for Y": the verb's "in" phrase carries the "for" phrase
    [m] = find(code("Russia pledged 20 million dollars in humanitarian aid for Mongolia."), "033")
    assert dyad(m) == ("RUS", "MNG")
    [m] = find(code("The Kazakh government cut aid for Mongolia."), "16")
    assert dyad(m) == ("KAZ", "MNG")


def test_threat_on_a_condition_targets_the_conditioned_party(code):
    [m] = find(code("Kazakhstan warned that it would close the border if Uzbekistan tried to halt gas exports."), "13")
    assert dyad(m) == ("KAZ", "UZB")


def test_condition_of_a_comment_is_not_its_target(code):
    # only promises and threats are addressed to the party of their condition
    for m in find(code("Kazakhstan said it was pessimistic about the talks if Uzbekistan stayed away."), "01"):
        assert m.target is None or m.target.actor.country != "UZB"


def test_destination_on_a_participle_of_the_object(code):
    # "sent two planes carrying food to Y": "to Y" hangs on "carrying"
    [m] = find(code("Mongolia sent two planes carrying food and medicine to Kyrgyzstan."), "")
    assert dyad(m) == ("MNG", "KGZ")


def test_aid_delivered_in_a_place_is_for_its_country(code):
    # aid joins force and coercion among the acts whose named place is their target (policy.yaml)
    [m] = find(code("Kazakhstan delivered food aid in Mongolia on Friday."), "07")
    assert dyad(m) == ("KAZ", "MNG")


def test_meeting_in_an_adverbial_phrase_is_with_whom_its_clause_addresses(code):
    for text in ("In a telephone conversation on Saturday, the Kazakh president told Mongolian officials "
                 "that his country would apply to join the bloc.",
                 "During a tense meeting in Astana, the Kazakh president assured Mongolian officials that "
                 "trade would continue."):
        [m] = find(code(text), "04")
        assert dyad(m) == ("KAZ", "MNG"), text


def test_event_after_which_a_clause_acts_is_not_with_its_object(code):
    # "freed X after mediation by Y": the mediation is not with the freed
    for m in find(code("China freed the Mongolian officials after mediation by Kazakhstan."), "04"):
        assert m.target is None or m.target.actor.country != "MNG"


def test_owner_of_the_object_when_the_rule_takes_no_object(code):
    # "shared X's concerns", "restored X's voting rights": X, though the rules' slots skip the object
    [m] = find(code("The Kazakh president shared Mongolia's concerns about the pipeline."), "019")
    assert dyad(m) == ("KAZ", "MNG")
    [m] = find(code("The Kazakh government restored Mongolia's voting rights on Tuesday."), "08")
    assert dyad(m) == ("KAZ", "MNG")


def test_countryless_object_is_no_owner_target(code):
    # "deployed more troops to the border": the troops are no target
    [m] = find(code("Kazakhstan deployed more troops to the border."), "15")
    assert m.target is None or m.target.actor.country is not None


def test_recipient_of_a_handover_is_the_target(code):
    # "handed X over to Y": Y receives, not the person handed over
    [m] = find(code("Kazakhstan handed the Uzbek suspects over to Uzbekistan."), "")
    assert dyad(m) == ("KAZ", "UZB")
    [m] = find(code("Kyrgyzstan released the Mongolian hostages to Kazakhstan on Friday."), "")
    assert dyad(m)[1] == "KAZ"


def test_conjoined_parties_of_a_mutual_act_are_each_others_counterparts(code_full):
    # a swap, a signing, an agreement: not the prisoners, not their own treaty or courts
    for text, cameo in (("Mongolia and Kazakhstan swapped 35 prisoners on Saturday.", "08"),
                        ("Mongolia and Kazakhstan signed their border treaty on Monday.", "05"),
                        ("Mongolia and Kazakhstan agreed that the suspects would be tried in Kazakh courts.", "")):
        ms = find(code_full(text), cameo)
        assert ms and {dyad(m) for m in ms} <= {("MNG", "KAZ"), ("KAZ", "MNG")}, text


def test_conjoined_doers_keep_a_countryless_party_named_by_a_preposition(code_full):
    # "held talks with the rebels": the rebels are a party, not a thing (the real actors stage)
    ms = find(code_full("Mongolia and Kazakhstan held talks with the rebels on Monday."), "04")
    assert ms
    for m in find(code_full("Mongolia and Kazakhstan held talks with the rebels on Monday."), "04"):
        assert m.target is not None and m.target.actor.country not in ("MNG", "KAZ")


def test_conjoined_doers_of_an_act_that_is_not_mutual_take_the_target_it_names(code):
    # "X and Y sent rescue teams to help W": both help W, not X helping Y
    ms = code("Kazakhstan and Mongolia sent rescue teams to help Kyrgyzstan cope with the floods.")
    assert {dyad(m) for m in ms if m.trigger == "sent"} == {("KAZ", "KGZ"), ("MNG", "KGZ")}


def test_conjoined_doers_of_an_act_done_to_each_other_are_counterparts(code):
    ms = find(code("Kazakhstan and Mongolia accused each other of violating the border treaty."), "11")
    assert ms and {dyad(m) for m in ms} <= {("KAZ", "MNG"), ("MNG", "KAZ")}


def test_three_conjoined_doers_of_an_act_that_is_not_mutual_are_doers_together(code):
    # "X, Y and Z recognised the new state": none of them recognised the others (a rule that
    # requires a target drops the event)
    for m in code("Kazakhstan, Mongolia and Kyrgyzstan moved swiftly to recognise the new state."):
        assert m.target is None or m.target.actor.country not in ("KAZ", "MNG", "KGZ"), dyad(m)


def test_whom_an_inquiry_asks_about_is_its_target(code):
    # "examined whether X had ...": the subject of what an investigation asks about
    for text in ("Kazakh police examined whether Chinese diplomats had broken the law.",
                 "The Kazakh government is investigating whether Chinese diplomats paid bribes."):
        [m] = find(code(text), "09")
        assert dyad(m) == ("KAZ", "CHN"), text
