"""Small towns (places/towns.py) name institutions, and only institutions: "the police in
Katoomba" is Australian police, "Katoomba" alone is nothing, and the places stage never sees it."""
from __future__ import annotations

import pytest

from detente.actors import resolve_actor
from detente.actors.titles import load_titles, read_sectors
from detente.places.gazetteer import load_config, load_index
from detente.places.towns import decide, load_towns, read_towns

# real towns the world gazetteer (cities of 15,000+) lacks, of about 8,000 inhabitants
NAMED_BY_TOWN = [
    ("the police in Katoomba", ("AUS", "COP")),
    ("the mayor of Ottobeuren", ("DEU", "GOV")),
    ("a hospital in Mahenge", ("TZA", "HLH")),
    ("the Katoomba police", ("AUS", "COP")),  # the name before the noun
    ("the Kawerau district council", ("NZL", "GOV")),  # a lower-case word between
    ("a market in Mahenge", ("TZA", "CVL")),  # a site
    ("the court at Feurs", ("FRA", "JUD")),
    ("positions near Mahenge", ("TZA", None)),
    ("a school in Chibok", ("NGA", "EDU")),  # a district seat of unknown population
    ("a clinic in Ottobeuren", ("DEU", "HLH")),
    ("the Halabja court", ("IRQ", "JUD")),  # a world-gazetteer city under 100,000 before the noun
]


@pytest.mark.parametrize("text, expected", NAMED_BY_TOWN, ids=[c[0] for c in NAMED_BY_TOWN])
def test_an_institution_named_by_a_small_town_takes_its_country(text, expected):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is not None and (actor.country, actor.sector) == expected


def test_a_town_before_the_noun_must_be_larger():
    # Srebrenica (2,862) after a joiner names the institution; before the noun a name that small is
    # likelier a building's or a person's
    assert resolve_actor("the mayor of Srebrenica").country == "BIH"
    assert resolve_actor("the Srebrenica council") is None or resolve_actor("the Srebrenica council").country is None


def test_a_world_city_before_the_noun_needs_the_towns_table_to_agree():
    # Amesbury: Massachusetts (16,000, in the world gazetteer) and Wiltshire (about 10,000, not)
    assert resolve_actor("the police in Amesbury").country == "USA"  # as before: the world gazetteer's reading
    assert resolve_actor("the Amesbury police").country is None  # the smaller namesake makes it undecided


def test_a_bigger_namesake_wins():
    # Bellefontaine: Ohio (13,117) and a Belgian village (1,206); Radomir: Bulgaria (14,494) and Romania (1,159)
    assert resolve_actor("the police in Bellefontaine").country == "USA"
    assert resolve_actor("the mayor of Radomir").country == "BGR"


def test_namesakes_of_like_size_abroad_give_no_country():
    # Boves: Italy (7,089) and France (2,826); Winterton: South Africa (7,224) and England (4,899)
    assert resolve_actor("the police in Boves").country is None
    assert resolve_actor("the mayor of Winterton").country is None


def test_the_world_gazetteer_keeps_its_reading():
    # Farah (Afghanistan, 43,561) has smaller namesakes abroad that make the towns table undecided
    assert load_towns().country("Farah") is None
    assert resolve_actor("the police in Farah").country == "AFG"


@pytest.mark.parametrize("text", [
    "the police in Justice",  # Justice, Illinois: an English word
    "the Justice court",
    "the High Court of Justice",
    "Duke University",  # a word and a surname
])
def test_words_and_names_are_no_towns(text):
    actor = resolve_actor(text, date="2019-06-01")
    assert actor is None or actor.country is None


def test_a_known_person_is_no_town():
    # Raab, Austria is a town of the table; the name is a known British politician's
    assert load_towns().country("Raab") == "AUT"
    assert resolve_actor("the mayor of Raab", date="2019-06-01").country != "AUT"


@pytest.mark.parametrize("text", ["Katoomba", "a journalist in Katoomba", "Katoomba's economy",
                                  "the Katoomba festival"])
def test_a_small_town_outside_an_institution_pattern_is_nothing(text):
    actor = resolve_actor(text, date="2015-06-01")
    assert actor is None or actor.country is None


def test_small_towns_are_no_places_of_events():
    assert load_towns().country("Katoomba") == "AUS"
    assert load_index().lookup("Katoomba") == ()  # the places stage's gazetteer does not know it


def test_towns_table_invariants():
    towns = load_towns()
    assert towns.words and towns.towns > 100_000  # the lemma index and GeoNames' 1,000+ file are read
    assert not any(key in towns.words for key in list(towns.countries)[::50])
    index = load_index()
    assert all(len(code) == 3 and code in index.countries for code in set(towns.countries.values()) if code)
    assert load_config().town_min_population == 1000
    assert towns.large and all(towns.countries[key] for key in towns.large)  # only decided names
    assert load_config().town_modifier_min_population >= load_config().town_min_population


def test_decide_takes_one_country_or_a_ten_times_larger_town():
    assert decide({"AU": 5000}) == "AU"
    assert decide({"AU": 5000, "NZ": 300}) == "AU"
    assert decide({"NZ": 600, "AU": 5000}) == ""  # not ten times larger
    assert decide({"NG": 0, "CM": 0}) == ""  # two seats of unknown size
    assert decide({"NG": 0}) == "NG"


def test_read_towns_reads_names_escapes_articles_across_pieces():
    text = ('{"1": {"geonameid": 1, "name": "Al Qurnah", "latitude": 31.0, "longitude": 47.4, '
            '"countrycode": "IQ", "population": 20000, "alternatenames": []}, '
            '"2": {"geonameid": 2, "name": "S\\u00e3o Tom\\u00e9zinho", "latitude": 1.0, "longitude": 2.0, '
            '"countrycode": "BR", "population": 1200}, '
            '"3": {"geonameid": 3, "name": "Hope", "latitude": 1.0, "longitude": 2.0, '
            '"countrycode": "US", "population": 3000}, '
            '"4": {"geonameid": 4, "name": "Qurnah", "latitude": 1.0, "longitude": 2.0, '
            '"countrycode": "IQ", "population": 900}}')
    cut = text.index('"geonameid": 3')
    names, count = read_towns([text[:cut], text[cut:]], skip={"hope"})
    assert count == 4
    assert names["al qurnah"] == {"IQ": 20000} and names["qurnah"] == {"IQ": 20000}  # the larger of two
    assert names["sao tomezinho"] == {"BR": 1200}
    assert "hope" not in names


def test_the_file_is_read_in_pieces_that_split_no_record():
    from detente.places import towns as module

    pieces = list(module._cities_chunks(1000))
    assert len(pieces) > 5
    assert all(p.startswith('"geonameid"') for p in pieces[1:])
    _, count = read_towns(pieces, skip=())
    assert count == load_towns().towns


def test_town_institutions_are_terms_and_joiners_prepositions():
    titles = load_titles()
    data = read_sectors()
    terms = {" ".join(key) for key in titles.terms}
    assert set(data["town_institutions"]) == titles.town_institutions <= terms
    assert titles.town_joiners == {"of", "in", "near", "at", "outside"}
    assert titles.problems == []


def _mentions(nlp, kb_resources, text):
    from datetime import date

    from detente.actors import find_actors
    from detente.model import Article

    return find_actors(nlp(text), Article(id="t", raw_text=text, published=date(2023, 3, 1)), kb_resources)


def test_stage_reads_a_small_towns_institution(nlp, kb_resources):
    mentions = _mentions(nlp, kb_resources, "Police in Katoomba arrested two men.")
    police = [m for m in mentions if "Police" in m.text]
    assert [(m.text, m.actor.country, m.actor.sector) for m in police] == [("Police in Katoomba", "AUS", "COP")]
    mentions = _mentions(nlp, kb_resources, "The mayor of Ottobeuren resigned on Friday.")
    assert [(m.actor.country, m.actor.sector) for m in mentions if "mayor" in m.text] == [("DEU", "GOV")]


def test_stage_small_town_alone_is_no_actor(nlp, kb_resources):
    mentions = _mentions(nlp, kb_resources, "The activist was born in Katoomba and studied in Ottobeuren.")
    assert not [m for m in mentions if m.actor.country in ("AUS", "DEU")]
