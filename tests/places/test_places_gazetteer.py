"""The gazetteer's data invariants: ids, coordinates, names kept out, orders of reading."""
from __future__ import annotations

import pytest

from detente.places import load_index, resolve_place
from detente.places.gazetteer import load_config

# Rough bounding boxes (south, north, west, east), written by hand from an atlas: a place the index
# puts in one of these countries must lie inside its box.
BOXES = {
    "TJK": (36.6, 41.1, 67.3, 75.2), "IRN": (25.0, 39.8, 44.0, 63.4), "AFG": (29.3, 38.5, 60.5, 75.0),
    "FRA": (41.3, 51.2, -5.2, 9.6), "LBN": (33.0, 34.7, 35.1, 36.7), "LBY": (19.5, 33.2, 9.3, 25.2),
    "GEO": (41.0, 43.6, 40.0, 46.8), "UKR": (44.3, 52.4, 22.1, 40.3), "NGA": (4.2, 13.9, 2.6, 14.7),
    "JPN": (24.0, 45.6, 122.9, 146.0), "CHL": (-56.0, -17.4, -75.7, -66.4), "EGY": (22.0, 31.7, 24.7, 36.9),
}


@pytest.fixture(scope="module")
def index():
    return load_index()


def test_index_is_built_once(index):
    assert load_index() is index


def test_coordinates_lie_in_their_countrys_box(index):
    seen = {iso: 0 for iso in BOXES}
    for places in index.names.values():
        for p in places:
            if p.country in BOXES and p.lat is not None:
                south, north, west, east = BOXES[p.country]
                assert south <= p.lat <= north and west <= p.lon <= east, p
                seen[p.country] += 1
    assert all(n >= 1 for n in seen.values()), seen  # every sampled country has places
    for iso in BOXES:  # a country's own point (median of its cities) is inside too
        country = index.countries[iso]
        south, north, west, east = BOXES[iso]
        assert south <= country.lat <= north and west <= country.lon <= east, country


def test_no_duplicate_geonames_ids(index):
    by_id = {}
    for key, places in index.names.items():
        ids = [p.geonames_id for p in places if p.geonames_id is not None]
        assert len(ids) == len(set(ids)), key  # one candidate per place under a name
        for p in places:
            if p.geonames_id is not None:
                assert by_id.setdefault(p.geonames_id, p) == p  # one record per id across names


def test_places_have_a_known_kind_and_country(index):
    for places in index.names.values():
        for p in places:
            assert p.kind in ("city", "admin1", "country") and len(p.country) == 3 and p.country.isupper()
            if p.kind == "country":
                assert p.admin1 is None and p.geonames_id is not None
            if p.kind == "city" and p.population:  # a GeoNames city (places.yaml's extra places have none)
                assert p.admin1 and p.admin1.startswith(p.admin1[:2] + ".") and p.geonames_id and p.population >= 15000


def test_aliases_and_extra_places_of_places_yaml(index):
    assert index.resolve("Kobani").geonames_id == 172256 and index.resolve("Kobane").country == "SYR"
    ghouta = index.resolve("Eastern Ghouta")
    assert (ghouta.country, ghouta.kind, ghouta.admin1) == ("SYR", "admin1", "SY-RD") and index.resolve("Ghouta") == ghouta
    baghuz = index.resolve("Baghuz")
    assert baghuz.kind == "city" and baghuz.country == "SYR" and 34 < baghuz.lat < 35 and 40.5 < baghuz.lon < 41.5
    # an ISO division's name without its article ("Al Anbār")
    assert index.resolve("Anbar").admin1 == "IQ-AN"
    # names of governments' seats and of seas are no places
    assert index.resolve("Whitehall") is None and index.resolve("Gulf") is None


def test_cities_from_geonames_with_alternate_names(index):
    dushanbe = index.resolve("Dushanbe")
    assert (dushanbe.geonames_id, dushanbe.country, dushanbe.kind, dushanbe.admin1) == (1221874, "TJK", "city", "TJ.04")
    assert index.resolve("Kiev").geonames_id == index.resolve("Kyiv").geonames_id == 703448
    assert index.resolve("Odessa").country == "UKR"  # the alternate of a city 9 times larger than Odessa, Texas
    assert index.resolve("Texas").kind == "admin1" and index.resolve("Helmand").country == "AFG"


def test_countries_come_from_the_actor_stage_country_list(index):
    assert index.resolve("Britain").country == "GBR"
    assert index.lookup("US")[0].country == "USA" and index.lookup("the US")[0].country == "USA"
    assert index.lookup("us") == ()  # lower-case "us" is a pronoun


def test_common_words_and_person_names_are_no_places(index):
    for word in ("Jackson", "Reading", "Nice", "Victoria", "President", "Monday", "May", "Split"):
        assert index.lookup(word) == (), word
    stop = load_config().stop
    assert "jackson" in stop and "paris" not in stop


def test_default_readings(index):
    assert index.resolve("Paris").country == "FRA"  # population
    assert index.resolve("Georgia").country == "GEO"  # a country by its name before a US state
    assert index.resolve("Washington").geonames_id == 4140963  # the preference in places.yaml
    assert index.resolve("Gaza").kind == "city"  # a country's own city of that name before the country


def test_resolve_place_errors():
    from detente.errors import QueryError

    with pytest.raises(QueryError, match="no place"):
        resolve_place("Xyzzyville")
    with pytest.raises(QueryError, match="no coordinates"):
        resolve_place("Helmand")
