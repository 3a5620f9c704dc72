"""find_places: names read as places, and ambiguous names decided by the article (with why)."""
from __future__ import annotations

import pytest

from detente.actors import find_actors
from detente.clean import clean_article
from detente.ingest import make_article
from detente.places import find_places, load_index


@pytest.fixture(scope="module")
def places_of(nlp, kb_resources):
    def run(text: str, title: str | None = None):
        article = clean_article(make_article("t", text, published="2023-06-01", title=title))
        doc = nlp(article.text)
        return find_places(doc, article, kb_resources, actors=find_actors(doc, article, kb_resources))
    return run


def _by_text(found):
    return {p.text: p for p in found}


def test_places_with_their_spans_and_resolution(places_of):
    text = "Talks were held in Dushanbe and later in Kabul."
    found = places_of(text)
    assert [p.text for p in found] == ["Dushanbe", "Kabul"]
    d = found[0]
    assert text[d.char_start:d.char_end] == "Dushanbe" and d.end - d.start == 1
    assert (d.place.geonames_id, d.place.country, d.place.kind) == (1221874, "TJK", "city")
    assert d.why.startswith("all places of that name are in TJK")


def test_article_countries_decide_tripoli_with_why(places_of):
    lebanon = _by_text(places_of("Protesters gathered in Tripoli as Lebanon's government met in Beirut."))
    libya = _by_text(places_of("Fighting in Tripoli spread as Libya's rival governments traded fire."))
    assert lebanon["Tripoli"].place.country == "LBN"
    assert "the article's countries decide" in lebanon["Tripoli"].why and "LBN" in lebanon["Tripoli"].why
    assert libya["Tripoli"].place.country == "LBY"


def test_georgia_the_state_or_the_country(places_of):
    us = _by_text(places_of("The governor spoke in Atlanta about the US elections in Georgia."))
    caucasus = _by_text(places_of("Russian troops stayed in Georgia after the war with the Georgian army."))
    assert (us["Georgia"].place.country, us["Georgia"].place.kind) == ("USA", "admin1")
    assert "USA" in us["Georgia"].why
    assert (caucasus["Georgia"].place.country, caucasus["Georgia"].place.kind) == ("GEO", "country")


def test_population_unless_context_and_qualifier(places_of):
    alone = _by_text(places_of("The summit opened in Paris on Monday."))
    assert alone["Paris"].place.country == "FRA" and "largest by population" in alone["Paris"].why
    american = _by_text(places_of("The US secretary of state flew to Paris for talks with Washington's allies."))
    assert american["Paris"].place.country == "FRA"  # USA, named in most news, is no evidence for Paris, Texas
    assert "named in most news" in american["Paris"].why
    division = _by_text(places_of("A senator from Maryland said Syrian missiles were deployed near Damascus."))
    assert division["Damascus"].place.country == "SYR"  # a named division does not beat a 100 times larger city
    texas = _by_text(places_of("Officials in Paris, Texas said the storm hit the town."))
    assert texas["Paris"].place.country == "USA" and texas["Paris"].why == "qualified by 'Texas'"


def test_person_names_and_longer_names_are_no_places(places_of):
    found = _by_text(places_of("Boris Johnson spoke at Tehran University. Andrew Jackson was there. "
                               "The New York Times said so."))
    assert "Tehran" not in found and "Johnson" not in found and "Jackson" not in found and "New York" not in found


def test_dateline(places_of):
    found = places_of("DUSHANBE, May 30 (Reuters) - Iran's president arrived for talks.")
    assert found[0].dateline and found[0].place.geonames_id == 1221874 and found[0].text == "DUSHANBE"
    found = places_of("Title line\n\nKABUL — Officials met on Monday.", title="Title line")
    assert found[0].dateline and found[0].place.country == "AFG"
    assert not any(p.dateline for p in places_of("Kabul is calm. Officials met on Monday."))


def test_index_is_not_rebuilt_per_article(places_of):
    before = load_index.cache_info()
    places_of("Talks in Tehran.")
    places_of("Talks in Baku.")
    after = load_index.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


def test_a_world_city_does_not_lose_to_a_namesake_of_a_country_named_in_most_news(places_of):
    # Vancouver, Washington is 3.4 times smaller, Geneva, Illinois 9 times: the US named in the
    # article (as in most news) does not move them; the namesake's own state does
    canada = _by_text(places_of("The US president said the Chinese executive met lawyers in Vancouver."))
    assert canada["Vancouver"].place.country == "CAN" and "named in most news" in canada["Vancouver"].why
    swiss = _by_text(places_of("The US envoy said the talks in Geneva would resume on Monday."))
    assert swiss["Geneva"].place.country == "CHE"
    washington = _by_text(places_of("Police in Seattle and Vancouver arrested protesters."))
    assert washington["Vancouver"].place.country == "USA"
    assert "another place in its division US.WA" in washington["Vancouver"].why


def test_a_country_named_alone_beats_a_same_name_division_abroad(places_of):
    neighbours = _by_text(places_of("Nigeria's army said Boko Haram fighters fled from Nigeria into Niger."))
    assert (neighbours["Niger"].place.country, neighbours["Niger"].place.kind) == ("NER", "country")
    state = _by_text(places_of("Nigeria's army said gunmen attacked a village in Niger State."))
    assert (state["Niger"].place.country, state["Niger"].place.kind) == ("NGA", "admin1")
    assert state["Niger"].why == "named a division by 'state'"


def test_a_division_word_names_the_division_before_a_city_of_that_name(places_of):
    # the gazetteer knows a division "Idlib" and a city: the word decides even in one country
    idlib = _by_text(places_of("Syrian jets bombed villages in Idlib province on Tuesday."))
    assert (idlib["Idlib"].place.kind, idlib["Idlib"].place.country) == ("admin1", "SYR")
    # it knows only the city "Hama": with a word of a first-level division, the division the city seats
    hama = _by_text(places_of("Rebels attacked an army post in the north of Hama province."))
    assert (hama["Hama"].place.kind, hama["Hama"].place.country) == ("admin1", "SYR")
    assert hama["Hama"].place.admin1 and "its seat" in hama["Hama"].why
    governorate = _by_text(places_of("Troops entered the governorate of Hama after a week of shelling."))
    assert governorate["Hama"].place.kind == "admin1"
    # the city alone, or a district (below the first level), stays the city
    city = _by_text(places_of("Rebels attacked an army post in Hama on Tuesday."))
    assert city["Hama"].place.kind == "city"
    district = _by_text(places_of("Rebels attacked an army post in the Hama district on Tuesday."))
    assert district["Hama"].place.kind == "city"


def test_countryside_names_the_division_its_seat_city_names(places_of):
    aleppo = _by_text(places_of("Rebels attacked an army post in the Aleppo countryside on Tuesday."))
    assert (aleppo["Aleppo"].place.kind, aleppo["Aleppo"].place.country) == ("admin1", "SYR")
    hama = _by_text(places_of("Government forces shelled villages in the northern Hama countryside."))
    assert hama["Hama"].place.kind == "admin1" and "countryside" in hama["Hama"].why


def test_a_compass_adjective_names_the_division_a_city_of_that_name_seats(places_of):
    # the gazetteer knows a division "Idlib": "southern Idlib" is part of it, not of the city
    idlib = _by_text(places_of("Syrian jets bombed villages in southern Idlib on Tuesday."))
    assert (idlib["Idlib"].place.kind, idlib["Idlib"].place.country) == ("admin1", "SYR")
    assert "compass" in idlib["Idlib"].why
    hyphened = _by_text(places_of("Russian aircraft struck two towns in north-western Idlib overnight."))
    assert hyphened["Idlib"].place.kind == "admin1"
    # it knows only the city "Hama": a division when the article calls the name a province elsewhere
    text = "Troops shelled a village in northern Hama on Monday. Fighting in Hama province has displaced thousands."
    called = places_of(text)
    assert [p.place.kind for p in called if p.text == "Hama"] == ["admin1", "admin1"]
    alone = _by_text(places_of("Troops shelled a village in northern Hama on Monday. The town of Hama was quiet."))
    assert alone["Hama"].place.kind == "city"


def test_a_bare_compass_word_names_part_of_the_city(places_of):
    # "east London", "east Aleppo": a part of the city, whatever divisions share its name
    london = _by_text(places_of("Police arrested ten protesters in east London on Saturday."))
    assert london["London"].place.kind == "city"
    idlib = _by_text(places_of("A car bomb exploded in east Idlib on Saturday."))
    assert idlib["Idlib"].place.kind == "city"
    # a compass adjective before a city that seats no division of its name leaves the city
    mosul = _by_text(places_of("Iraqi troops advanced into western Mosul on Sunday."))
    assert mosul["Mosul"].place.kind == "city"


def test_a_name_of_several_places_in_one_country_votes_for_no_division(places_of):
    # "Damascus" has a namesake in Maryland, "Salisbury" one in Maryland too: the Syrian capital
    # must not make the Maryland one the article's division
    found = _by_text(places_of("Russia's role in Damascus and in the nerve agent attack in Salisbury was condemned."))
    assert found["Salisbury"].place.country == "GBR"
