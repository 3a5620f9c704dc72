"""find_actors over a parsed article: phrases, appositions, possessives, coreference, non-actors."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import find_actors
from detente.actors.ruler import FACTORY
from detente.model import Article
from tests.actors.spans import mentions_at as _at

TEXT = (
    "On 3 March, the Kyrgyz foreign minister, Almazbek Toktorov, travelled to Dushanbe. "
    "He met Tajik President Emomali Rahmon and they discussed the border. "
    "Toktorov said the two countries would open a new crossing. "
    "Later Rahmon spoke with his Kyrgyz counterpart by phone. "
    "The government also freed several Kyrgyz students. "
    "Kazakhstan's first envoy attended the talks. "
    "Fans watched the Beijing Olympics on television, and a cat named Frank slept."
)


@pytest.fixture(scope="module")
def mentions(nlp, kb_resources):
    article = Article(id="t1", raw_text=TEXT, published=dt.date(2023, 3, 10))
    doc = nlp(TEXT)
    return doc, find_actors(doc, article, kb_resources)


def test_apposition_title_and_unknown_name(mentions):
    (m,) = _at(mentions, "Toktorov")
    assert (m.actor.country, m.actor.sector, m.actor.name) == ("KGZ", "GOV", "Almazbek Toktorov")
    assert m.text.startswith("the Kyrgyz foreign minister")


def test_capital_in_prepositional_phrase(mentions):
    (m,) = _at(mentions, "Dushanbe")
    assert (m.actor.country, m.actor.sector) == ("TJK", "GOV")


def test_pronoun_he_is_the_latest_person(mentions):
    (m,) = _at(mentions, "He")
    assert m.basis == "coref" and m.actor.name == "Almazbek Toktorov"


def test_surname_after_full_mention(mentions):
    (m,) = _at(mentions, "Toktorov", 1)
    assert m.basis == "coref" and (m.actor.country, m.actor.sector) == ("KGZ", "GOV")
    (r,) = _at(mentions, "Rahmon", 1)
    assert (r.actor.country, r.actor.sector) == ("TJK", "GOV")


def test_the_two_countries_is_the_pair_in_focus(mentions):
    found = _at(mentions, "countries")
    assert sorted(m.actor.country for m in found) == ["KGZ", "TJK"]


def test_counterpart_takes_the_persons_sector(mentions):
    (m,) = _at(mentions, "counterpart")
    assert (m.actor.country, m.actor.sector) == ("KGZ", "GOV")


def test_the_government_is_the_country_in_focus(mentions):
    (m,) = _at(mentions, "government")
    assert (m.actor.country, m.actor.sector) == ("TJK", "GOV")


def test_groups_and_possessives(mentions):
    (students,) = _at(mentions, "students")
    assert (students.actor.country, students.actor.sector) == ("KGZ", "EDU")
    (envoy,) = _at(mentions, "envoy")
    assert (envoy.actor.country, envoy.actor.sector) == ("KAZ", "GOV")


def test_non_actors_yield_nothing(mentions):
    assert _at(mentions, "Beijing") == []
    assert _at(mentions, "Frank") == []
    assert _at(mentions, "Fans") == []


def test_mentions_are_token_spans_in_order(mentions):
    doc, found = mentions
    for m in found:
        assert doc[m.start:m.end].text == m.text
        assert doc.text[m.char_start:m.char_end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_role_at_the_publication_date(nlp, kb_resources):
    if not kb_resources.kb.candidates("Angela Merkel")[0]:
        pytest.skip("the packaged KB does not hold Angela Merkel yet")
    text = "Angela Merkel spoke in Berlin."
    doc = nlp(text)
    old = find_actors(doc, Article(id="a", raw_text=text, published=dt.date(2017, 5, 1)), kb_resources)
    new = find_actors(doc, Article(id="b", raw_text=text, published=dt.date(2023, 5, 1)), kb_resources)
    assert old[0].actor.sector == "GOV" and new[0].actor.sector == "ELI"


def test_ruler_labels_ahead_of_the_ner(nlp):
    assert FACTORY in nlp.pipe_names and nlp.pipe_names.index(FACTORY) < nlp.pipe_names.index("ner")
    doc = nlp("The Tajik delegation told us that the US and the UN would help Dushanbe.")
    ents = {e.text: (e.label_, e.id_) for e in doc.ents}
    assert ents["Tajik"] == ("NORP", "place:TJK:demonym")
    assert ents["US"][0] == "GPE" and ents["Dushanbe"] == ("GPE", "place:TJK:capital")
    assert "us" not in ents


def test_ruler_takes_a_short_form_as_the_kb_also_writes_it(nlp):
    doc = nlp("Nato said Isis fighters had attacked the town, and ISIS denied it; the isis flower grew.")
    ents = {e.text: e.id_ for e in doc.ents}
    assert ents["Nato"] == "org:org-nato"
    assert ents["Isis"] == ents["ISIS"] == "org:org-islamic-state"
    assert "isis" not in ents  # lower case is never the short form


def test_us_pronoun_is_not_the_usa(nlp, kb_resources):
    text = "They told us about the plan."
    doc = nlp(text)
    assert find_actors(doc, Article(id="u", raw_text=text), kb_resources) == []


def test_plural_title_heads_and_house_style_initials(nlp, kb_resources):
    text = ("Three US servicemen and several Russian militiamen were seen near Isis fighters. "
            "The International Committee of the Red Cross visited rebels in Darfur.")
    doc = nlp(text)
    found = {m.text: m.actor for m in find_actors(doc, Article(id="t2", raw_text=text,
                                                               published=dt.date(2019, 5, 1)), kb_resources)}
    assert (found["Three US servicemen"].country, found["Three US servicemen"].sector) == ("USA", "MIL")
    assert found["several Russian militiamen"].sector == "REB"
    assert any(a.kb_id == "org-islamic-state" or a.sector == "REB" for t, a in found.items() if "Isis" in t)
    icrc = [a for t, a in found.items() if t.endswith("Red Cross")]
    assert icrc and icrc[0].sector == "NGO"


def _found(nlp, kb_resources, text):
    doc = nlp(text)
    return {m.text: m for m in find_actors(doc, Article(id="c", raw_text=text, published=dt.date(2005, 5, 1)),
                                           kb_resources)}


def test_named_official_unknown_to_the_kb_takes_the_country_the_sentence_names(nlp, kb_resources):
    found = _found(nlp, kb_resources, "Deputy Minister Bakyt Osmonaliev resigned after protests in Kyrgyzstan.")
    m = next(m for t, m in found.items() if "Osmonaliev" in t)
    assert (m.actor.country, m.basis) == ("KGZ", "context")
    assert m.actor.confidence < 0.5


def test_named_official_stays_countryless_beside_an_official_of_that_country(nlp, kb_resources):
    # two officials in one sentence are more likely counterparts than colleagues
    found = _found(nlp, kb_resources, "Deputy Minister Bakyt Osmonaliev met the Kyrgyz foreign minister in Kyrgyzstan.")
    m = next(m for t, m in found.items() if "Osmonaliev" in t)
    assert m.actor.country is None


def test_country_and_demonym_modifiers_of_event_nouns_are_actors(nlp, kb_resources):
    found = _found(nlp, kb_resources, "Observers criticised the Kyrgyz pullout from the region. "
                                      "Observers noted the sudden Kazakhstan pullout from the region.")
    assert found["Kyrgyz"].actor.country == "KGZ"
    assert found["Kazakhstan"].actor.country == "KAZ"


def test_city_modifiers_and_names_are_places_not_actors(nlp, kb_resources):
    found = _found(nlp, kb_resources, "The Bishkek attacks were condemned at the Beijing Olympics.")
    assert "Bishkek" not in found and "Beijing" not in found


def test_coordinated_nations_give_one_actor_each_over_the_phrase(nlp, kb_resources):
    text = "On Monday, Russian and Chinese officials met in Astana."
    doc = nlp(text)
    mentions = find_actors(doc, Article(id="k", raw_text=text, published=dt.date(2005, 5, 1)), kb_resources)
    group = [m for m in mentions if m.text == "Russian and Chinese officials"]
    assert sorted(m.actor.country for m in group) == ["CHN", "RUS"]
    assert {m.actor.sector for m in group} == {"GOV"}


def test_an_organisation_the_ner_found_modifying_an_event_noun_is_an_actor(nlp, kb_resources):
    found = _found(nlp, kb_resources, "He was killed in an Isis ambush while documenting the fight.")
    assert found["Isis"].actor.org == "Islamic State"


def test_a_coordination_ends_the_phrase(nlp, kb_resources):
    found = _found(nlp, kb_resources, "Kenyan President Mwai Kibaki and opposition leader Raila Odinga held "
                                      "their first face-to-face talks on Thursday.")
    assert not any(" and " in t for t in found)


def test_sentence_initial_name_the_tagger_reads_as_a_common_noun(nlp, kb_resources):
    # spaCy tags a sentence-initial "Trump" / "Isis" as the nouns "trump", "isis" (NN)
    text = "Isis was quick to claim the strike. Trump later claimed this was wrong."
    doc = nlp(text)
    assert [t.pos_ for t in doc if t.text in ("Isis", "Trump")] == ["NOUN", "NOUN"]
    found = _found(nlp, kb_resources, text)
    assert found["Isis"].actor.sector == "INS"
    assert found["Trump"].actor.country == "USA"


def test_capitalised_common_noun_that_names_nothing_is_no_actor(nlp, kb_resources):
    # only a name reading is taken for such a head, never a title or group noun read off its words
    assert _found(nlp, kb_resources, "Support for the plan grew among farmers.").keys() <= {"farmers"}


@pytest.mark.parametrize("text, word, expected", [
    ("Kurdish forces in Syria captured the town on Sunday.", "Kurdish", "SYR"),
    ("The offensive ended when Kurdish fighters entered Mosul, said officials in Iraq.", "Kurdish", "IRQ"),
    ("Kurdish forces captured the town on Sunday.", "Kurdish", None),  # no place: no country
    ("Kurdish forces captured the town, a reporter in London said.", "Kurdish", None),  # not theirs
])
def test_a_stateless_people_takes_the_country_of_a_place_of_theirs_in_the_sentence(nlp, kb_resources, text,
                                                                                     word, expected):
    article = Article(id="t", raw_text=text, published=dt.date(2018, 3, 1))
    doc = nlp(text)
    idx = next(t.i for t in doc if t.text == word)
    (m,) = [m for m in find_actors(doc, article, kb_resources) if m.start <= idx < m.end]
    assert m.actor.country == expected


def test_possessors_and_forms_read_from_the_arrays_are_the_tokens(nlp):
    from detente.actors.phrase import POSSESSIVE
    from detente.actors.stage import _possessors
    from detente.doctext import doc_forms

    doc = nlp("Iran's new leadership and the rebels' commander met Putin’s envoy; his aides and Britain's "
              "allies' ministers watched the country's army.")
    assert doc_forms(doc) == [t.text for t in doc]
    for chunk in doc.noun_chunks:
        tokens = [t for t in chunk if t.i < chunk.root.i and t.pos_ != "PRON" and
                  (t.dep_ == "poss" or (t.i + 1 < len(doc) and doc[t.i + 1].text in POSSESSIVE))]
        assert [t.i for t in _possessors(chunk)] == [t.i for t in tokens]
    assert any(_possessors(chunk) for chunk in doc.noun_chunks)


def test_an_unknown_full_name_is_not_a_known_person_of_its_surname(nlp, kb_resources):
    # the KB knows two Lebanese Hariris; "Nasr al-Hariri" is neither, nor is "Hariri" after him
    found = _found(nlp, kb_resources, "Nasr al-Hariri met European envoys in Geneva on Monday. "
                                      "Hariri also warned the EU against cutting aid.")
    assert not any("Hariri" in t and m.actor.country == "LBN" for t, m in found.items())


def test_a_surname_takes_the_unknown_full_name_before_it(nlp, kb_resources):
    found = _found(nlp, kb_resources, "Nasr al-Hariri, the head of the Syrian opposition delegation, met envoys. "
                                      "Hariri warned the EU against cutting aid.")
    m = found["Hariri"]
    assert (m.actor.country, m.actor.sector, m.basis) == ("SYR", "OPP", "coref")
    assert m.actor.name == "Nasr al-Hariri"


def test_a_known_surname_alone_still_reads_the_kb(nlp, kb_resources):
    found = _found(nlp, kb_resources, "Prime Minister Saad Hariri met envoys. Hariri warned the EU.")
    assert found["Hariri"].actor.country == "LBN"


@pytest.mark.parametrize("text,sector", [("The shadow foreign secretary criticised the British government.", "OPP"),
                                         ("The former shadow chancellor criticised the British government.", "ELI"),
                                         ("The foreign secretary criticised the Russian government.", "GOV")])
def test_shadow_ministers_are_the_opposition(nlp, kb_resources, text, sector):
    found = _found(nlp, kb_resources, text)
    m = next(m for t, m in found.items() if "secretary" in t or "chancellor" in t)
    assert m.actor.sector == sector
