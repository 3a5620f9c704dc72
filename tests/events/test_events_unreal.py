"""Events asserted by the text that did not happen or are no political act (issue 10's unreal events):
the main clause of a condition put before it, an attack held off, an offensive being prepared
(events/modality.py); an act of kin, an employer or a character of fiction (events/states.py)."""
from __future__ import annotations

from events_helpers import find


def _asserted(mentions, prefix):
    return [m for m in find(mentions, prefix) if m.modality == "asserted"]


def test_the_consequent_of_a_condition_is_hypothetical(code):
    mentions = code("If the talks fail, the Kazakh president will visit Mongolia in the spring.")
    assert not _asserted(mentions, "04") and not _asserted(mentions, "03")
    mentions = code("If the border stays closed, Kazakhstan would attack Kyrgyzstan within a month.")
    assert not _asserted(mentions, "19")


def test_a_condition_in_what_a_party_says_or_warns_is_its_speech_act(code):
    mentions = code("Kazakhstan warned that if Kyrgyzstan closed the border, it would attack Kyrgyz troops.")
    assert _asserted(mentions, "13")


def test_a_hedge_or_a_condition_after_the_clause_is_no_consequent(code):
    mentions = code("Kazakhstan attacked Kyrgyzstan on Monday, even if the shelling was brief.")
    assert _asserted(mentions, "19")
    mentions = code("Kazakhstan signed a pact with Mongolia pledging aid if either is attacked.")
    assert _asserted(mentions, "05") or _asserted(mentions, "06") or _asserted(mentions, "03")


def _on(code, text, word):
    """The mentions of ``text`` triggered by ``word``."""
    return [m for m in code(text) if m.trigger == word]


def test_an_attack_held_off_did_not_happen(code):
    for text in ("Mongolia persuaded Kazakhstan to hold off from an attack on Kyrgyzstan.",
                 "Kazakhstan refrained from strikes on Kyrgyz troops last week."):
        assert not _asserted(code(text), "19"), text


def test_an_offensive_being_prepared_has_not_happened(code):
    assert not _asserted(code("Kazakhstan and its allies are preparing an offensive against Kyrgyzstan."), "19")
    # an offensive launched is one
    assert _asserted(code("Kazakhstan launched an offensive against Kyrgyzstan."), "19")


def test_an_act_of_kin_or_an_employer_is_private(code):
    assert not _on(code, "The Kyrgyz children were abducted by their mother and taken to Mongolia.", "abducted")
    assert not _on(code, "He said his boss demanded money before paying his wages in Kazakhstan.", "demanded")


def test_an_act_of_kin_aimed_at_a_political_party_or_by_a_group_or_a_party_s_kin_is_not_private(code):
    for text, word in (("Her husband surrendered to Kyrgyz troops on Friday.", "surrendered"),
                       ("The Kazakh president's sister rejected the Mongolian proposal on Monday.", "rejected"),
                       ("Kyrgyz mothers demanded that Kazakhstan release their sons.", "demanded")):
        assert _on(code, text, word), text


def test_a_war_told_with_its_length_in_decades_is_a_standing_state(code):
    mentions = code("Kyrgyz rebels have fought a decades-long insurgency against Kazakhstan.")
    assert not _asserted(mentions, "19")
    mentions = code("Kazakhstan has fought a four-decade insurgency inside its borders.")
    assert not _asserted(mentions, "19")
    # the age of a ban is not its act: lifting it is one
    assert _asserted(code("Kazakhstan lifted its decades-old ban on Mongolian imports on Monday."), "0")


def test_an_event_noun_in_scare_quotes_is_not_asserted(code):
    mentions = code('Kazakh "offensives" against Kyrgyzstan have consisted of bribing its commanders.')
    assert not _asserted(mentions, "19")
    # a quotation that only begins with the noun is no scare quote
    assert _asserted(code("Kazakhstan launched an offensive against Kyrgyzstan on Monday."), "19")


def test_a_partnership_told_as_a_preposition_s_object_is_a_standing_relation(code):
    text = "The move placed stress on a troubled partnership between Kazakhstan and Mongolia."
    assert not _on(code, text, "partnership")
    mentions = code("Kazakhstan and Mongolia signed a partnership in Astana on Monday.")
    assert [m for m in mentions if m.modality == "asserted"]
