"""Event location: the clause's place, else the dateline, else none."""
from __future__ import annotations


def test_clause_place_beats_the_dateline(code):
    events = code("KABUL — Iran's foreign minister met his Tajik counterpart in Dushanbe on Monday.")
    loc = events["met"].location
    assert (loc.name, loc.country, loc.basis, loc.geonames_id, loc.kind) == ("Dushanbe", "TJK", "clause", 1221874, "city")
    assert loc.admin1 == "TJ.04" and abs(loc.lat - 38.54) < 0.01 and abs(loc.lon - 68.78) < 0.01


def test_dateline_when_the_clause_names_no_place(code):
    events = code("KABUL — The Afghan government condemned Pakistan on Monday.")
    loc = events["condemned"].location
    assert (loc.name, loc.country, loc.basis) == ("Kabul", "AFG", "dateline")


def test_no_place_no_location(code):
    events = code("The government condemned the rebels on Monday.")
    assert events["condemned"].location is None
    assert events["condemned"].to_dict()["location"] is None


def test_an_actor_country_is_no_location(code):
    events = code("The United States issued a warning to Iran on Monday.")
    assert events and all(e.location is None or e.location.country != "IRN" for e in events.values())


def test_location_in_the_output_contract(code):
    record = code("Iran's foreign minister met his Tajik counterpart in Dushanbe on Monday.")["met"].to_dict()
    assert set(record["location"]) >= {"name", "country", "admin1", "lat", "lon", "geonames_id", "basis"}
    assert record["location"]["basis"] == "clause"


def test_force_with_no_named_victim_is_aimed_at_the_places_civilians(code):
    fighting = code("Heavy fighting broke out in Idlib on Sunday.")["fighting"]
    assert (fighting.target.country, fighting.target.sector, fighting.target_text) == ("SYR", "CVL", "Idlib")
    named = code("Syrian jets bombed a hospital in Idlib on Sunday.")["bombed"]
    assert named.target_text == "a hospital in Idlib"  # a named victim stays
    talks = code("Iran held talks in Doha on Monday.")["talks"]
    assert talks.target is None  # not an act of force


def test_a_countryless_group_is_of_the_place_of_its_event(code):
    fired = code("Police fired tear gas at protesters in Tehran on Monday.")["fired"]
    assert fired.target.country == "IRN" and fired.target.sector == "CVL"
    met = code("Foreign ministers met in Brussels on Monday.")["met"]
    assert met.source is None or met.source.country is None  # officials abroad: no country from the place


def test_a_country_fronted_as_a_frame_is_not_where_a_foreign_government_acts(code):
    framed = code("In Syria, Erdogan has backed Moscow and Tehran in pursuing a settlement.")
    assert all(e.location is None for e in framed.values())
    # a place fronted for an act of the place's own people is where it happened
    assert code("In Kabul, police arrested three men.")["arrested"].location.name == "Kabul"
