"""A country-level location narrowed to the finest place the sentence gives (places/finer.py)."""
from __future__ import annotations

from places_helpers import where


def test_a_seat_acting_is_at_the_seat(code):
    assert where(code("Tehran has vowed revenge for the attack.")["vowed"]) == ("Tehran", "IRN", "city", "actors")
    assert where(code("Moscow denied the claim on Monday.")["denied"]) == ("Moscow", "RUS", "city", "actors")


def test_an_institution_named_by_its_city_acts_there(code):
    assert where(code("The Lagos police arrested twelve protesters.")["arrested"]) == \
        ("Lagos", "NGA", "city", "actors")


def test_a_seat_owning_the_doer_does_not_place_it(code):
    # the state's envoy may speak anywhere: at most the country
    events = code("Washington's top diplomat said on Monday that the mission was not over.")
    assert all(e.location is None or e.location.kind == "country" for e in events.values())


def test_a_country_named_alone_stays_a_country(code):
    assert where(code("Russia imposed sanctions on Turkey on Monday.")["imposed"]) == \
        ("Russia", "RUS", "country", "actors")


def test_the_sentence_fallback_narrows_to_the_scene_of_its_own_clause(code):
    siege = code("Thousands of families in Daraa are living under a siege imposed by Syrian government "
                 "forces.")["siege"]
    assert where(siege)[1:] == ("SYR", "city", "sentence") and siege.location.name.startswith("Dar")


def test_a_place_compounded_with_a_division_word_is_a_scene(code):
    siege = code("Thousands of families in Hama province are living under a siege imposed by Syrian "
                 "government forces.")["siege"]
    assert where(siege)[1:] == ("SYR", "admin1", "sentence")  # the province, not its seat


def test_a_scene_of_another_clause_does_not_narrow(code):
    # the shelling is somewhere in Syria; Douma is where the civilians fled from
    shelled = code("Syrian troops shelled rebel positions on Monday, and civilians in the town of Douma "
                   "fled.")["shelled"]
    assert where(shelled)[1:3] == ("SYR", "country")
    fought = code("Kurdish fighters who had fought beside American troops in the war against Isis have now "
                  "allied with Syrian government forces in Idlib.")["fought"]
    assert fought.location is None or fought.location.kind == "country"
