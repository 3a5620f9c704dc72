"""An armed group named as a side of a war inside one state, by no country of its own ("pro-regime
forces", "the rebels", "government troops", "Kurdish forces"), is of the country it fights in: where its
event is placed (``events/placed.py``, ``local_war_words`` of ``data/words/actors.yaml``)."""
from __future__ import annotations

from test_placed import _side, placed  # noqa: F401  (the fixture)


def test_a_partisan_force_is_of_the_country_its_event_is_placed_in(placed):  # noqa: F811
    m = placed("Ruritanian troops fired on a convoy of pro-regime forces near Tarsk.", "fired", "190", "Tarsk", "BLR",
               actors=(("Ruritanian", "RUR"),), source=("Ruritanian troops", "RUR", "MIL", "title"),
               target=("pro-regime forces", None, "MIL", "title"))
    assert _side(m.target) == ("BLR", "MIL", "place")
    assert _side(m.source) == ("RUR", "MIL", "title")


def test_rebels_and_government_troops_alike(placed):  # noqa: F811
    m = placed("Government troops shelled the rebels in Gao.", "shelled", "190", "Gao", "MLI",
               source=("Government troops", None, "MIL", "title"), target=("the rebels", None, "REB", "title"))
    assert _side(m.source) == ("MLI", "MIL", "place") and _side(m.target) == ("MLI", "REB", "place")


def test_the_articles_theatre_of_war_places_them_too(placed):  # noqa: F811
    m = placed("The rebels shelled the outskirts of Tarsk overnight.", "shelled", "190", "Tarsk", "SYR",
               basis="article", source=("The rebels", None, "REB", "title"))
    assert _side(m.source) == ("SYR", "REB", "place")


def test_a_word_with_a_few_countries_gives_only_those(placed):  # noqa: F811
    m = placed("Kurdish forces shelled positions near Tarsk.", "shelled", "190", "Tarsk", "SYR",
               source=("Kurdish forces", None, "MIL", "title"))
    assert _side(m.source) == ("SYR", "MIL", "place")
    m = placed("Kurdish forces shelled positions near Tarsk.", "shelled", "190", "Tarsk", "BLR",
               source=("Kurdish forces", None, "MIL", "title"))
    assert _side(m.source) == (None, "MIL", "title")


def test_militants_a_coded_group_and_civilians_keep_theirs(placed):  # noqa: F811
    # militants and jihadists come from anywhere; the people of a side are no force
    m = placed("Militants shelled the town of Tarsk.", "shelled", "190", "Tarsk", "SYR",
               source=("Militants", None, "REB", "title"))
    assert _side(m.source) == (None, "REB", "title")
    m = placed("Rebel supporters marched in Tarsk.", "marched", "141", "Tarsk", "SYR",
               source=("Rebel supporters", None, "CVL", "title"))
    assert _side(m.source) == (None, "CVL", "title")


def test_the_home_of_the_other_side_is_no_scene(placed):  # noqa: F811
    m = placed("Ruritanian troops fired on pro-regime forces.", "fired", "190", "Ruritanian", "RUR", basis="actors",
               source=("Ruritanian troops", "RUR", "MIL", "title"), target=("pro-regime forces", None, "MIL", "title"))
    assert _side(m.target) == (None, "MIL", "title")


def test_in_a_whole_sentence(code_default):
    [m] = [m for m in code_default("Kurdish forces in Afrin shelled Turkish positions across the border.")
           if m.trigger == "shelled"]
    assert _side(m.source) == ("SYR", "MIL", "place")


def test_an_unplaced_act_in_the_articles_one_theatre_of_war(code_default):
    # the article's placed acts of force are all in one country: a Kurdish force acting where no place
    # is said is of that country; not when its sentence names a scene elsewhere
    found = code_default("Turkish jets struck the town of Afrin on Monday, killing ten people. "
                         "Kurdish forces said they had captured an American woman who had fled the group.")
    [m] = [m for m in found if m.trigger == "captured"]
    assert _side(m.source) == ("SYR", "MIL", "place")
    found = code_default("Turkish jets struck the town of Afrin on Monday, killing ten people. "
                         "Kurdish forces captured an American woman near Mosul.")
    [m] = [m for m in found if m.trigger == "captured"]
    assert m.source is None or m.source.actor.country != "SYR"


def test_a_building_of_no_country_is_where_the_act_done_to_it_is(placed):  # noqa: F811
    # a person of the same sector keeps no country it was not given: doctors may come from anywhere
    for words, expected in (("two hospitals", ("SYR", "HLH", "place")), ("two doctors", (None, "HLH", "title"))):
        m = placed(f"Jets bombed {words} in Tarsk.", "bombed", "195", "Tarsk", "SYR", target=(words, None, "HLH", "title"))
        assert _side(m.target) == expected, words
