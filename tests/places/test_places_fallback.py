"""Country-level fallback locations (basis "actors" and "sentence") and the withdrawal rule."""
from __future__ import annotations

from places_helpers import where

from detente.places.gazetteer import load_index


_where = where


def test_a_domestic_act_is_in_its_country(code):
    assert _where(code("Iraqi police arrested Iraqi protesters on Monday.")["arrested"]) == \
        ("Iraq", "IRQ", "country", "actors")


def test_acts_of_force_need_both_sides_of_one_country(code):
    assert code("US forces killed Isis fighters on Monday.")["killed"].location is None


def test_what_a_state_says_to_another_is_said_at_home(code):
    assert _where(code("The United States issued a warning to Iran on Monday.")["warning"]) == \
        ("United States", "USA", "country", "actors")
    assert _where(code("The Afghan government condemned Pakistan on Monday.")["condemned"])[1:] == \
        ("AFG", "country", "actors")


def test_two_countries_give_no_fallback_to_what_is_not_said(code):
    assert code("The Afghan government signed a trade deal with Pakistan on Monday.")["signed"].location is None


def test_a_statement_made_abroad_is_not_placed_at_home(code):
    events = code("Speaking in Paris, the Afghan government condemned Pakistan on Monday.")
    assert events["condemned"].location is None or events["condemned"].location.country != "AFG"


def test_a_place_abroad_in_a_locative_phrase_blocks_the_home_country(code):
    # (was "The Pentagon is pushing to keep troops in Syria": a statement, said at home since session 6's
    # rule for what a state says, and since session 8 the armed forces' statements are too)
    for text in ("The Pentagon signed a deal with the rebels in Syria on Monday.",
                 "The US government signed a deal with the rebels in Syria on Monday."):
        events = code(text)
        assert events and all(e.location is None or e.location.country != "USA" for e in events.values())


def test_the_one_country_a_sentence_names(code):
    killed = code("Two people were killed on Monday as unrest spread in several towns of Turkey and Ankara.")["killed"]
    assert _where(killed)[1] == "TUR" and _where(killed)[3] == "sentence"


def test_the_one_place_of_a_sentence_without_party_countries(code):
    events = code("Fighting resumed near Aleppo on Monday.")  # coded on the verb since session 25 (fighting_resumed.v)
    assert _where(events.get("Fighting") or events["resumed"])[:2] == ("Aleppo", "SYR")


def test_withdrawal_from_a_place_is_there(code):
    assert _where(code("The United States will withdraw its troops from Syria next month.")["withdraw"]) == \
        ("Syria", "SYR", "country", "clause")
    assert _where(code("Trump announced that he was pulling 2,000 troops out of Syria.")["pulling"])[0] == "Syria"
    assert _where(code("The withdrawal of US troops from Syria was announced.")["withdrawal"])[0] == "Syria"


def test_the_object_of_a_capture_through_a_quantity(code):
    assert _where(code("Rebels occupied much of north-east Syria.")["occupied"])[:2] == ("Syria", "SYR")


def test_compass_points_are_no_divisions():
    index = load_index()
    for word in ("West", "East", "North", "South", "Western", "North West", "Coast", "Centre"):
        assert index.lookup(word) == (), word
    assert index.lookup("Plateau")  # a division whose name is not a compass point stays


def test_a_speech_act_is_said_at_home_whatever_it_speaks_of(code):
    demanded = code("The president, Donald Trump, demanded that US forces in Syria leave by the spring.")["demanded"]
    assert _where(demanded)[1:] == ("USA", "country", "actors")
    opposed = code("Russia opposed the plan, saying it could lead to the partitioning of Syria.")["opposed"]
    assert _where(opposed)[1] == "RUS"


def test_a_participle_of_the_subject_is_where_its_verb_is(code):
    # (a participle of a lasting activity, "fighting", describes the soldier and is no event since
    # session 28: events/states.py; an act's participle is)
    events = code("A British soldier attacking Islamic State positions has been killed in a roadside explosion in Syria.")
    assert _where(events["attacking"])[:2] == ("Syria", "SYR")


def test_domestic_news_gives_bare_groups_the_focus_country(code):
    text = ("Egypt's president spoke in Cairo. Egypt's parliament met. Egyptian officials said police "
            "arrested dozens of protesters on Friday.")
    arrested = code(text)["arrested"]
    assert (arrested.source.country, arrested.source.sector, arrested.target.country) == ("EGY", "COP", "EGY")
    mixed = code("Russia and the United States clashed over Iran. France and Germany disagreed. "
                 "Police arrested protesters on Friday.")["arrested"]
    assert mixed.source is None or mixed.source.country is None


def test_the_locative_country_of_an_event_without_state_parties(code):
    held = code("About 1,250 children from Britain have been held for two years in camps in northeast Syria.")
    assert _where(held["held"])[1] == "SYR"


def test_police_of_no_country_are_those_of_the_place(code):
    raided = code("Armed police raided a resort in the town of Didim, south-west Turkey.")["raided"]
    assert _where(raided)[1] == "TUR"


def test_a_countryless_group_is_of_the_fallback_place(code):
    kidnapped = code("Gunmen kidnapped three people on the outskirts of Kabul.")["kidnapped"]
    assert kidnapped.location.basis in ("clause", "sentence") and kidnapped.target.country == "AFG"
    talks = code("Protesters held talks with students on Monday in a hall, Kabul officials said.")
    assert all(e.source is None or e.source.country is None for e in talks.values() if e.cameo[:2] == "04")


def test_a_target_alone_gives_no_home(code):
    events = code("The fighting increased pressure on Vladimir Putin, the president of Russia, on Monday.")
    assert events["pressure"].location is None


def test_a_place_qualifying_a_noun_names_no_scene(code):
    events = code("Rebel fighters worked to advance Turkey's interests on Monday.")
    assert all(e.location is None for e in events.values())
    assert load_index().lookup("Old City") == ()


def test_a_group_of_no_sector_is_no_state_at_home(code):
    events = code("The congress, meeting in the Black Sea resort of Sochi on Monday, is boycotted by the main "
                  "Syrian Kurdish groups.")
    assert all(e.location is None or e.location.country != "SYR" for e in events.values())


def test_places_joined_by_and_are_all_locative(code):
    events = code("Its strongholds in Mosul and Raqqa collapsed under a withering attack.")
    assert all(e.location is None or e.location.basis != "sentence" for e in events.values())


def test_the_other_party_of_a_state_act_at_home_keeps_no_country(code):
    backed = code("Saudi Arabia backed the militants after the uprising.")["backed"]
    assert backed.location is None and (backed.target is None or backed.target.country is None)


def test_a_party_or_its_phrase_is_no_scene(code):
    assert code("Turkey launched the assault on Saturday.")["assault"].location is None


def test_where_people_come_from_is_no_scene(code):
    events = code("The wife of a surgeon from Raqqa was kidnapped by armed men in November 2013.")
    assert events["kidnapped"].location is None


def test_a_state_speaking_at_a_meeting_or_an_organisation_is_not_placed_at_home(code):
    for text in ("Russia denied the claims at the OPCW on Wednesday.",
                 "Britain rejected the proposal at the summit on Friday."):
        events = code(text)
        assert events and all(e.location is None for e in events.values()), text
    home = code("Russia denied the claims on Wednesday.")
    assert any(_where(e) is not None and _where(e)[1:] == ("RUS", "country", "actors") for e in home.values())


def test_no_home_fallback_for_acts_of_forces_or_a_mixed_list_of_envoys(code):
    for text in ("Russia withdrew its troops on Monday.", "Russia mobilised its army on Monday."):
        events = code(text)
        assert events and all(e.location is None for e in events.values()), text
    signed = code("The Turkish foreign minister, Mevlut Cavusoglu, and his Russian counterpart, Sergei Lavrov, "
                  "signed the agreement.")
    assert signed and all(e.location is None for e in signed.values())


def test_where_a_speech_was_delivered_abroad_blocks_the_home_country(code):
    events = code("In a keynote speech delivered in Cairo, Pompeo called for a common stand against Tehran.")
    # (session 19: the participle of delivering it places the speech in Cairo, basis clause)
    assert events and all(e.location is None or e.location.country == "EGY" for e in events.values())
    assert all(e.location is None or e.location.basis != "actors" for e in events.values())


def test_a_doer_whose_country_is_borrowed_from_the_article_does_not_place_the_act(code):
    named = code("The Russian government condemned the decision on Monday.")
    assert _where(named["condemned"])[1:] == ("RUS", "country", "actors")
    # "they" borrows a country, not a known person: no home (session 6's hand checks)
    events = code("Russian officials met on Monday. They condemned the decision on Tuesday.")
    condemned = events["condemned"]
    assert condemned.mentions[0].source.basis == "coref" and condemned.location is None


def test_he_or_she_resolved_to_a_known_person_speaks_at_home(code):
    # Changed in session 8: "he"/"she" resolved to a known person is that person, not a borrowed
    # country; a hand check of the 43 Guardian-sample events this placed found ~40 right (the
    # misses were coreference errors and a visit abroad), as session 7 estimated (~9/10).
    events = code("Russian President Vladimir Putin spoke on Monday. He condemned the decision on Tuesday.")
    condemned = events["condemned"]
    assert condemned.mentions[0].source.basis == "coref"
    assert _where(condemned)[1:] == ("RUS", "country", "actors")
    # a place abroad in the sentence still blocks the home country
    abroad = code("Russian President Vladimir Putin spoke on Monday. In Paris, he condemned the decision.")
    assert abroad["condemned"].location is None or abroad["condemned"].location.country != "RUS"


def test_a_city_as_the_target_of_force_is_where_it_struck(code):
    assert _where(code("Israel carried out airstrikes against Damascus on Monday.")["airstrikes"])[:2] == \
        ("Damascus", "SYR")


def test_a_country_as_the_target_of_a_war_with_it_places_nothing(code):
    event = code("Saudi Arabia fought a war with Iran.")["war"]
    assert event.location is None or event.location.country != "IRN"


def test_a_country_compounded_with_a_noun_of_force(code):
    assert _where(code("The Yemen war has killed thousands of civilians.")["war"])[:2] == ("Yemen", "YEM")


def test_arabic_names_with_ayn_marks_and_articles():
    index = load_index()
    for name, iso in (("Afrin", "SYR"), ("Qamishli", "SYR"), ("Deir ez-Zor", "SYR"), ("Jarablus", "SYR")):
        found = index.lookup(name)
        assert found and found[0].country == iso, name


def test_a_place_attacked_in_the_passive(code):
    assert _where(code("Afrin was attacked by Turkey on Monday.")["attacked"])[:2] == ("‘Afrīn", "SYR")


def test_a_coordinated_passive_with_its_own_doer_is_not_at_the_first_verb_place(code):
    condemned = code("Russian jets bombed Aleppo and were condemned by France.")["condemned"]
    assert condemned.location is None or condemned.location.name != "Aleppo"


def test_a_known_person_placed_abroad_just_before_is_not_placed_at_home(code):
    # a visit or a meeting abroad in the sentence before: where the statement was made is not said
    for text in ("Russian President Vladimir Putin arrived in Paris on Monday. He condemned the decision.",
                 "Russian President Vladimir Putin met Emmanuel Macron in Paris on Monday. On Tuesday he "
                 "condemned the decision."):
        assert code(text)["condemned"].location is None
    # an act of force the person ordered abroad puts no doer there
    ordered = code("Russian President Vladimir Putin ordered airstrikes on Idlib on Monday. He condemned the decision.")
    assert _where(ordered["condemned"])[1:] == ("RUS", "country", "actors")


def test_a_place_abroad_in_another_doers_clause_does_not_block_the_home_country(code):
    # the scene of a clause with a subject of its own is not where the statement was made
    said = code("After Washington announced a new force inside Syria, Turkey condemned the plan.")
    assert _where(said["condemned"])[1:] == ("TUR", "country", "actors")
    # a clause that may say where the doer itself was still blocks it (since session 11, the doer's
    # relative clause of presence places the act there: test_places_home.py)
    for text in ("While he was in Paris, Vladimir Putin condemned the plan.",
                 "Vladimir Putin, who was in Paris, condemned the plan.",
                 "The Turkish government, which has troops in Syria, condemned the plan."):
        loc = code(text)["condemned"].location
        assert loc is None or loc.country != "RUS" and loc.basis == "clause", text


def test_what_armed_forces_as_a_body_or_an_armed_group_say_is_said_at_home(code):
    assert _where(code("The Russian military denied the reports on Monday.")["denied"])[1:] == \
        ("RUS", "country", "actors")
    assert _where(code("The YPG blamed Moscow for the attack.")["blamed"])[1:] == ("SYR", "country", "actors")
    # troops speak where they are deployed; a fighter named by nationality may be a foreign fighter
    assert code("American troops denied the reports on Monday.")["denied"].location is None
    assert code("A tall Bosnian fighter ignored the court order on Monday.")["ignored"].location is None
    # only statements: an act of force of the armed forces is not placed at home
    events = code("The Russian military shelled the rebels on Monday.")
    assert all(e.location is None or e.location.country != "RUS" for e in events.values())


def test_a_statement_in_a_clause_below_another_doers_scene_is_said_at_home(code):
    # the place is the scene of the outer clause (the army's shelling), not where Turkey spoke
    events = code("The army shelled rebels in Idlib, who Turkey condemned on Monday.")
    assert _where(events["shelled"])[:2] == ("Idlib", "SYR")
    assert _where(events["condemned"])[1:] == ("TUR", "country", "actors")
    events = code("Russian troops in Idlib protected the rebels whom the Turkish government has criticised.")
    assert _where(events["criticised"])[1:] == ("TUR", "country", "actors")


def test_a_threat_told_by_the_noun_of_the_act_itself_is_not_said_at_home(code):
    # nobody is said to threaten: the code comes from "will launch an attack"
    events = code("Analysts doubt that the US will launch an attack against the Assad regime.")
    assert events["attack"].location is None


def test_several_states_acting_together_are_not_placed_at_one_home(code):
    events = code("Russia and Kazakhstan arrested dozens of their citizens on Monday.")
    assert all(e.location is None for e in events.values())
    assert _where(code("Russia arrested dozens of its citizens on Monday.")["arrested"])[1:] == \
        ("RUS", "country", "actors")
    # what each says, each says at home
    said = [e for e in code("Germany, Italy and Spain have all condemned the Turkish offensive.").values()
            if e.mentions[0].trigger == "condemned"]
    assert said and all(e.location is not None and e.location.basis == "actors" for e in said)


def test_a_country_naming_a_group_is_not_the_doer_at_home():
    # "Turkey's army": the army acts; "US sanctions": the country on the act's own noun is the doer
    from detente.model import Actor, ActorMention
    from detente.pipeline import Pipeline
    from detente.places.parties import is_country as _is_country
    from detente.settings import Settings
    nlp = Pipeline(Settings(coder="rules")).nlp
    doc = nlp("Turkey's army attacked the villages while US sanctions hurt Russia.")

    def mention(word: str) -> ActorMention:
        tok = next(t for t in doc if t.text == word)
        return ActorMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, Actor(country="XXX"))
    army = next(t.i for t in doc if t.text == "attacked")
    sanctions = next(t.i for t in doc if t.text == "sanctions")
    assert not _is_country(mention("Turkey"), doc, army)
    assert _is_country(mention("US"), doc, sanctions)


def test_a_statement_coordinated_with_an_act_on_a_place_abroad_is_said_at_home(code):
    # the war in Yemen is what the withdrawn support was for, not where the accusation was made
    events = code("The US Senate withdrew support for the war in Yemen and accused the Saudi crown prince of murder.")
    loc = events["accused"].location
    assert loc is not None and (loc.country, loc.basis) == ("USA", "actors")


def test_a_statement_coordinated_with_a_meeting_abroad_is_not_placed_at_home(code):
    events = code("The US Senate met in Riyadh and accused the Saudi crown prince of murder.")
    loc = events["accused"].location
    assert loc is None or loc.country != "USA"


def test_a_veto_is_not_cast_at_home(code):
    # a veto is cast where the council meets (venue_lemmas), not in the vetoing country (since
    # session 11, at the council's seat: test_places_seats.py)
    events = code("Russia vetoed the draft resolution on Tuesday.")
    assert all(e.location is None or e.location.country != "RUS" for e in events.values())
