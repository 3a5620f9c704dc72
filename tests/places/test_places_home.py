"""Session 11's home rules: a state's expulsions and arrests at home whoever they hit, home
politics, a doer's relative clause of presence, and leaving a place named as the object."""
from __future__ import annotations

from places_helpers import where


_where = where


def test_an_expulsion_of_foreigners_is_at_home(code):
    assert _where(code("Russia expelled 23 British diplomats on Friday.")["expelled"])[1:] == \
        ("RUS", "country", "actors")


def test_an_arrest_of_a_foreigner_is_at_home(code):
    assert _where(code("Turkey arrested an American pastor on Monday.")["arrested"])[1:] == \
        ("TUR", "country", "actors")


def test_an_arrest_placed_abroad_is_not_at_home(code):
    events = code("Turkey arrested an American pastor in Syria on Monday.")
    assert events["arrested"].location is None or events["arrested"].location.country != "TUR"


def test_a_government_ousted_is_not_ousted_at_the_home_of_the_doer(code):
    for event in code("The United States ousted the Iranian government in 1953.").values():
        assert event.location is None or event.location.country != "USA"


def test_a_politician_acting_on_their_own_state_is_at_home(code):
    assert _where(code("Jeremy Corbyn urged the UK not to join the strikes on Syria.")["urged"])[1:] == \
        ("GBR", "country", "actors")
    assert _where(code("The opposition leader Jeremy Corbyn criticised the British government on Monday.")
                  ["criticised"])[1] == "GBR"


def test_a_politician_speaking_to_another_state_is_not_placed(code):
    # exiled oppositions speak abroad: only their own state makes it home politics
    assert code("Jeremy Corbyn urged Russia to stop the bombing on Monday.")["urged"].location is None


def test_a_doers_relative_clause_of_presence_places_its_act(code):
    assert _where(code("The Lebanese prime minister, who is in London, criticised Israel on Monday.")
                  ["criticised"])[:2] == ("London", "GBR")


def test_a_place_left_is_where_the_leaving_happened(code):
    assert _where(code("Hundreds of rebel fighters left Aleppo on Monday.")["left"])[:2] == ("Aleppo", "SYR")


def test_a_place_left_in_a_state_is_no_place_of_the_act(code):
    for event in code("The policies of the government have left Britain isolated, the opposition said.").values():
        assert event.location is None or event.location.basis != "clause"


def test_asylum_granted_and_prisoners_released_are_at_home(code):
    assert _where(code("Canada has accepted thousands of Syrian refugees.")["accepted"])[1:] == \
        ("CAN", "country", "actors")
    assert _where(code("Turkey released an American pastor on Friday.")["released"])[1:] == \
        ("TUR", "country", "actors")


def test_people_handed_over_are_not_placed_at_home(code):
    # a return or a handover (home_act_exceptions) is where the people are taken from or to
    for event in code("Britain handed two orphans over to the Red Cross on Friday.").values():
        assert event.location is None or event.location.basis != "actors"


def test_a_stated_intention_speaks_of_its_object(code):
    # "in Syria" is where the children are, not where France pledged
    assert _where(code("France pledged to repatriate the children held in camps in Syria.")["pledged"])[1:] == \
        ("FRA", "country", "actors")


def test_a_place_of_a_coordinated_act_does_not_keep_a_state_act_from_home(code):
    events = code("The two allies have argued over US support for Kurdish militias in Syria, and Turkey's "
                  "two-year-long detention of a US citizen.")
    assert _where(events["detention"])[1:] == ("TUR", "country", "actors")
