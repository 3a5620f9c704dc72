"""Role attachment through a passive participle adjoined to a clause and through the body a
countryless official serves (issue 11: a country on at least one side of more events)."""
from __future__ import annotations

from events_helpers import dyad, find


def test_passive_participle_adjunct_takes_its_agent_as_doer(code):
    # "X ..., supported by Y": Y supports X (before: X was read as the supporter, with no target); troops
    # backed by a state are its military aid (072, events/backing.py)
    for text in ("Kyrgyz troops still hold sway in the south, supported by Russia.",
                 "Supported by Russia, Kyrgyz troops advanced into the valley."):
        [m] = find(code(text), "072")
        assert dyad(m) == ("RUS", "KGZ"), text


def test_participle_adjunct_with_its_own_passive_subject_is_left_as_it_is(code):
    # "when X was shot down by Y": a clause with its own subject, not an adjunct of the main one
    [m] = find(code("Tension rose when the Uzbek army was attacked by Kyrgyz troops."), "19")
    assert dyad(m) == ("KGZ", "UZB")


def test_spokesperson_for_a_body_speaks_for_it(code_full):
    [m] = find(code_full("A spokesperson for the Kazakh foreign ministry criticised Uzbekistan on Monday."), "11")
    assert dyad(m) == ("KAZ", "UZB")


def test_official_at_a_mere_place_takes_no_country_from_it(code_full):
    mentions = code_full("An official at Tashkent airport criticised the decision on Monday.")
    assert all(m.source is None or m.source.actor.country is None for m in find(mentions, "11"))


def test_participle_coordinated_with_another_takes_its_agent_as_doer(code):
    # "X, armed and supported by Y": Y supports X (an army's backing in the fight: a standing relation,
    # "backed by Russia", is no event, events/states.py); forces backing forces cooperate militarily (062,
    # events/backing.py)
    [m] = find(code("The Kyrgyz troops, armed and supported by the Uzbek army, have held the pass."), "062")
    assert dyad(m) == ("UZB", "KGZ")


def test_second_of_two_coordinated_participles_has_its_own_agent(code):
    # "led by X and backed by Y": the backer is Y, not the leader X
    [m] = find(code("The militias, led by Mongolian officials and backed by the Uzbek army, took the town."), "07")
    assert m.source.actor.country == "UZB"


def test_adjective_rule_on_a_passive_participle_takes_the_agent(code):
    # "opposed" as an adjective ("Kazakhstan is opposed to ...") and as a passive verb ("... by X")
    [m] = find(code("The deployment is opposed by the Kazakh government."), "12")
    assert m.source.actor.country == "KAZ"
    [m] = find(code("The Kazakh government is opposed to the plan."), "12")
    assert m.source.actor.country == "KAZ"


def test_pleading_with_someone_is_an_appeal_to_them(code):
    for text in ("The Kazakh president pleaded with Mongolian officials on Monday.",
                 "The Kazakh president pleaded with Mongolian officials for calm."):
        [m] = find(code(text), "02")
        assert dyad(m) == ("KAZ", "MNG"), text


def test_passive_subject_that_is_a_relative_pronoun_stands_for_its_antecedent(code):
    # "officials who were detained by China": the officials, not "who"
    [m] = find(code("Mongolian officials who were detained by China on Monday spoke to reporters."), "17")
    assert dyad(m) == ("CHN", "MNG")


def test_participle_coordinated_with_a_passive_shares_its_subject_and_agent(code):
    killed = [x for x in code("Kyrgyz troops were ambushed by Uzbek soldiers and killed.") if x.trigger == "killed"]
    assert killed and dyad(killed[0]) == ("UZB", "KGZ")



def test_agent_of_a_participle_of_authorship_is_the_doer_of_an_event_noun(code):
    [m] = find(code("Villagers fled the airstrikes launched by Kyrgyz troops last week."), "19")
    assert m.source.actor.country == "KGZ"


def test_agent_of_a_participle_of_support_is_not_the_doer_of_an_event_noun(code):
    # "airstrikes backed by Russia": Russia backs them, it does not carry them out
    found = find(code("Villagers fled the airstrikes backed by Russia last week."), "19")
    assert all(m.source is None or m.source.actor.country != "RUS" for m in found)


def test_the_two_leaders_are_the_two_people_last_named(code_full):
    # "X received Y ..., and the two presidents signed": X and Y sign (before: no country on either side)
    mentions = code_full("Tokayev received Mirziyoyev in Astana on Monday, and the two presidents signed "
                         "a water-sharing agreement.")
    [m] = [x for x in mentions if x.trigger == "signed"]
    assert dyad(m) == ("KAZ", "UZB")


def test_the_two_leaders_take_no_place_and_no_lone_person(code_full):
    # a capital is no leader, and one person named before is no pair
    mentions = code_full("Tokayev spoke to reporters in Tashkent. The two leaders met later.")
    [m] = [x for x in mentions if x.trigger == "met"]
    assert m.source is None or m.source.actor.country is None


def test_the_sources_own_side_gives_way_to_a_named_recipient(code_full):
    # "recalled its ambassador to X": X, not the source's own ambassador (a pronoun referring to it)
    [m] = find(code_full("Kazakhstan recalled its ambassador to Mongolia for consultations on Monday."), "16")
    assert dyad(m) == ("KAZ", "MNG")


def test_the_sources_own_side_stays_when_nothing_else_is_named(code_full):
    [m] = find(code_full("Kazakhstan recalled its ambassador for consultations on Monday."), "16")
    assert m.target is not None and m.target.actor.country == "KAZ"
