"""A reaction to an event the article has already told is aimed at that event's doer
(``events/recalled.py``; roots ``recall`` and ``retaliate`` and codes ``recall`` in ``policy.yaml``;
words ``recalled_events``, ``response_nouns``, ``recall_preps`` in ``words/events.yaml``)."""
from __future__ import annotations

from events_helpers import targets_at as _targets


def test_a_condemned_attack_told_in_the_sentence_before(code_default):
    ms = code_default("Russian jets bombed the town of Idlib on Monday. Turkey condemned the attack.")
    assert _targets(ms, "condemned") == {"RUS"}


def test_explain_says_where_a_recalled_target_came_from(resources, nlp):
    from detente.events.explain import explain

    out = explain("Russian jets bombed the town of Idlib on Monday. Turkey condemned the attack.", resources, nlp)
    assert any("condemned" in n and "'attack'" in n and "'bombed'" in n for n in out.recalled), out.recalled


def test_retaliation_for_an_earlier_raid(code_default):
    ms = code_default("Israeli troops raided a refugee camp in Jenin on Tuesday. "
                      "Hamas fired rockets in retaliation for the raid.")
    assert _targets(ms, "fired") == {"ISR"}


def test_accusations_denied_or_rejected_are_the_accusers(code_default):
    for verb in ("denied", "rejected"):
        ms = code_default(f"Britain accused Russia of poisoning a former spy. Moscow {verb} the accusations.")
        assert _targets(ms, verb) == {"GBR"}, verb


def test_two_doers_of_the_recalled_kind_give_no_target(code_default):
    ms = code_default("Russian jets bombed Idlib. Turkish jets struck Kurdish positions. France condemned the attacks.")
    assert _targets(ms, "condemned") == {None}


def test_an_event_noun_with_its_own_party_is_left_to_the_slots(code_default):
    ms = code_default("Russian jets bombed Idlib on Monday. Turkey condemned the Syrian attack on Afrin.")
    assert "RUS" not in _targets(ms, "condemned")


def test_no_reaction_to_its_own_act_and_no_referent_too_far_back(code_default):
    ms = code_default("Turkish jets struck Kurdish positions near Afrin. Ankara defended the strikes.")
    assert "TUR" not in _targets(ms, "defended")
    far = code_default("Russian jets bombed Idlib on Monday. The town has no hospital left. Its people fled. "
                       "Many went north. Turkey condemned the attack.")
    assert _targets(far, "condemned") == {None}


def test_a_countryless_event_noun_taken_for_the_target_gives_way_to_its_doer(code_default):
    ms = code_default("Syrian troops shelled the town of Douma. The United Nations condemned the shelling.")
    assert _targets(ms, "condemned") == {"SYR"}


def test_a_bare_retaliation_answers_the_latest_act_done_to_the_retaliator(code_default):
    for text, trigger, country in (
            ("Turkey shot down a Russian jet in November. Moscow retaliated by imposing economic sanctions.",
             "imposing", "TUR"),
            ("Turkey shot down a Russian jet in November. In response, Moscow imposed economic sanctions.",
             "imposed", "TUR"),
            ("Israel killed a Hamas commander in Gaza. Hamas responded by firing rockets.", "firing", "ISR")):
        assert _targets(code_default(text), trigger) == {country}, text


def test_a_retaliation_with_nothing_done_to_the_retaliator_gets_no_target(code_default):
    ms = code_default("Iran seized a British tanker in the Gulf. Iran retaliated by firing missiles.")
    assert _targets(ms, "firing") == {None}


def test_the_town_is_the_town_last_named(code_default):
    ms = code_default("Islamic State fighters swept into Sinjar in August 2014. "
                      "When the group overran the town, its fighters killed hundreds of men.")
    assert _targets(ms, "overran") == {"IRQ"}


def test_the_town_after_towns_of_two_countries_is_no_one_town(code_default):
    ms = code_default("Fighting spread from Aleppo to Gaziantep last week. Soldiers shelled the town on Monday.")
    assert _targets(ms, "shelled") <= {None}
