"""Targets of session 12: a phrase hung on a quantifier head of the object (``the delivery of jets
to X``); a reaction a clause's doer drew or defied is aimed at that doer (``drawing criticism from
Y``, ``despite warnings from Y``); weapons and strikes without a country, the event itself and the
source named again by a pronoun are no targets; a group beyond any one state (``Western governments``)
takes no country from its sentence."""
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


def test_reaction_defied_is_aimed_at_the_clause_doer(code):
    [m] = find(code("Kazakhstan held the referendum despite repeated warnings from China."), "13")
    assert dyad(m) == ("CHN", "KAZ")


def test_reaction_defied_in_a_passive_or_subordinate_clause_has_no_target(code):
    # the doer of a passive is not named; a "despite" phrase at the end of a "when" clause is
    # often the main clause's ("... when Kazakhstan held a vote, despite Chinese appeals")
    [m] = find(code("The referendum was held despite warnings from China."), "13")
    assert dyad(m) == ("CHN", None)
    for m in find(code("Russia did not react last week when Kazakhstan closed the pipeline, despite warnings from China."), "13"):
        assert m.target is None or m.target.actor.country != "KAZ"


def test_reaction_drawn_is_aimed_at_the_clause_doer(code_default):
    # "X did Y, drawing criticism from Z", "..., a move that drew condemnation from Z": Z -> X
    for text, critic, doer in (
            ("Kazakhstan closed its border with Kyrgyzstan, drawing sharp criticism from Mongolia.", "MNG", "KAZ"),
            ("The Kazakh president visited the disputed shrine, a move that drew immediate condemnation from China.",
             "CHN", "KAZ")):
        [m] = find(code_default(text), "11")
        assert dyad(m) == (critic, doer), text


def test_weapons_and_strikes_without_a_country_are_things_not_targets(code_default):
    # "approved the sale of jets to Y": the recipient, not the jets; "airstrikes against Y": Y
    [m] = find(code_default("Kazakhstan approved the sale of twelve fighter jets to Kyrgyzstan."), "06")
    assert dyad(m) == ("KAZ", "KGZ")
    [m] = find(code_default("The Kazakh government committed to ongoing airstrikes against the rebels."), "13")
    assert m.target is not None and m.target.text == "the rebels"


def test_the_event_itself_and_its_doer_named_again_are_not_its_target(code_default):
    # "he ordered a limited missile strike": neither the strike nor Tokayev ("he") is struck
    [m] = find(code_default("Last year, Kassym-Jomart Tokayev was so angry about the raid, he ordered a limited missile strike."), "19")
    assert m.target is None


def test_a_weapon_with_a_country_stays_a_target(code_default):
    [m] = find(code_default("Kazakhstan shot down a Kyrgyz military helicopter."), "19")
    assert dyad(m) == ("KAZ", "KGZ")


def test_a_group_beyond_any_one_state_takes_no_country_from_its_sentence(code_default):
    # "Western governments", "a European diplomat": not of the one country the sentence names
    [m] = find(code_default("Kazakhstan accused Western governments of meddling."), "112")
    assert m.target is not None and m.target.actor.country is None
    found = find(code_default("Police in Almaty detained a European diplomat and two Kazakh activists."), "173")
    assert {(m.target.text, m.target.actor.country) for m in found} == {("a European diplomat", None),
                                                                        ("two Kazakh activists", "KAZ")}


def test_a_campaign_with_its_own_adversary_gives_way_to_the_adversary(code_default):
    # the actors stage may read "insurgency" as a group; with "against X" it is the fight, X the party
    for text in ("The rebels have fought a long insurgency against the Colombian state.",
                 "The FARC, a group that fought a decades-long insurgency against the Colombian state, disarmed."):
        [m] = find(code_default(text), "19")
        assert m.target is not None and m.target.text == "the Colombian state", text


def test_the_adversary_a_group_s_phrase_names_is_not_its_home(code_default):
    [m] = find(code_default("Kurdish militias fighting against Turkey in the Syrian enclave of Afrin "
                            "have called on Damascus to intervene."), "02")
    assert m.source.actor.country == "SYR"
    [m] = find(code_default("Kurdish fighters battling against Turkey near the border have called on Damascus to send troops."), "02")
    assert m.source.actor.country != "TUR"
